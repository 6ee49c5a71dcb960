/**
 * Groups opened instances into patient → study → series, the way a reading room browses them.
 * Pure: works on metadata only, so the viewer and tests share it.
 */

/** The metadata fields grouping needs (a subset of DicomImageMetadata). */
export interface GroupableInstance {
  readonly key: string;
  readonly fileName: string;
  readonly meta: {
    readonly patientName?: string | null | undefined;
    readonly patientId?: string | null | undefined;
    readonly studyInstanceUid?: string | null | undefined;
    readonly studyDescription?: string | null | undefined;
    readonly seriesInstanceUid?: string | null | undefined;
    readonly seriesDescription?: string | null | undefined;
    readonly seriesNumber?: number | null | undefined;
    readonly instanceNumber?: number | null | undefined;
    readonly modality?: string | null | undefined;
    readonly numberOfFrames: number;
    readonly imagePositionPatient?: readonly number[] | null | undefined;
    readonly imageOrientationPatient?: readonly number[] | null | undefined;
    readonly imageLaterality?: string | null | undefined;
    readonly laterality?: string | null | undefined;
  };
}

export interface SeriesNode<T extends GroupableInstance> {
  readonly seriesInstanceUid: string;
  readonly description: string;
  readonly modality: string;
  readonly seriesNumber: number | null | undefined;
  /** 'L', 'R', or '' when the series has no single laterality. */
  readonly laterality: string;
  /** Instances in display order (slice position for cross-sections, else instance number). */
  readonly instances: T[];
  /** Frames across all instances: what the slider scrolls through. */
  readonly frameCount: number;
}

export interface StudyNode<T extends GroupableInstance> {
  readonly studyInstanceUid: string;
  readonly description: string;
  readonly series: SeriesNode<T>[];
}

export interface PatientNode<T extends GroupableInstance> {
  readonly patientKey: string;
  readonly patientName: string;
  readonly patientId: string;
  readonly studies: StudyNode<T>[];
}

const UNKNOWN = '(unknown)';

/** Position along the slice normal, so axial slices sort foot-to-head regardless of file order. */
function slicePosition(meta: GroupableInstance['meta']): number | undefined {
  const ipp = meta.imagePositionPatient;
  const iop = meta.imageOrientationPatient;
  if (!ipp || ipp.length !== 3 || !iop || iop.length !== 6) return undefined;
  const [r0, r1, r2, c0, c1, c2] = iop as [number, number, number, number, number, number];
  const normal = [r1 * c2 - r2 * c1, r2 * c0 - r0 * c2, r0 * c1 - r1 * c0] as const;
  return ipp[0]! * normal[0] + ipp[1]! * normal[1] + ipp[2]! * normal[2];
}

function compareInstances(a: GroupableInstance, b: GroupableInstance): number {
  const pa = slicePosition(a.meta);
  const pb = slicePosition(b.meta);
  if (pa !== undefined && pb !== undefined && pa !== pb) return pa - pb;
  const ia = a.meta.instanceNumber ?? Number.MAX_SAFE_INTEGER;
  const ib = b.meta.instanceNumber ?? Number.MAX_SAFE_INTEGER;
  if (ia !== ib) return ia - ib;
  return a.fileName.localeCompare(b.fileName);
}

function seriesLaterality(instances: readonly GroupableInstance[]): string {
  const sides = new Set(
    instances.map((i) => (i.meta.imageLaterality || i.meta.laterality || '').trim().toUpperCase()),
  );
  if (sides.size !== 1) return '';
  const only = [...sides][0]!;
  return only === 'L' || only === 'R' ? only : '';
}

function getOrCreate<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

export function groupIntoStudyTree<T extends GroupableInstance>(instances: readonly T[]): PatientNode<T>[] {
  const patients = new Map<string, Map<string, Map<string, T[]>>>();
  const firstOf = new Map<string, T>();
  for (const instance of instances) {
    const m = instance.meta;
    const patientKey = `${m.patientId ?? ''}|${m.patientName ?? ''}`;
    const studyUid = m.studyInstanceUid || UNKNOWN;
    const seriesUid = m.seriesInstanceUid || `${UNKNOWN}:${instance.key}`;
    const studies = getOrCreate(patients, patientKey, () => new Map<string, Map<string, T[]>>());
    const series = getOrCreate(studies, studyUid, () => new Map<string, T[]>());
    getOrCreate(series, seriesUid, (): T[] => []).push(instance);
    if (!firstOf.has(patientKey)) firstOf.set(patientKey, instance);
    if (!firstOf.has(studyUid)) firstOf.set(studyUid, instance);
  }

  return [...patients.entries()].map(([patientKey, studies]) => {
    const p = firstOf.get(patientKey)!.meta;
    return {
      patientKey,
      patientName: p.patientName || UNKNOWN,
      patientId: p.patientId || '',
      studies: [...studies.entries()].map(([studyInstanceUid, seriesMap]) => ({
        studyInstanceUid,
        description: firstOf.get(studyInstanceUid)?.meta.studyDescription || '',
        series: [...seriesMap.entries()]
          .map(([seriesInstanceUid, members]) => {
            const sorted = [...members].sort(compareInstances);
            const first = sorted[0]!.meta;
            return {
              seriesInstanceUid,
              description: first.seriesDescription || '',
              modality: first.modality || '',
              seriesNumber: first.seriesNumber,
              laterality: seriesLaterality(sorted),
              instances: sorted,
              frameCount: sorted.reduce((n, i) => n + Math.max(1, i.meta.numberOfFrames), 0),
            };
          })
          .sort((a, b) => (a.seriesNumber ?? 1e9) - (b.seriesNumber ?? 1e9) || a.description.localeCompare(b.description)),
      })),
    };
  });
}
