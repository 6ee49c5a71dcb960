/**
 * What the user has opened: instances that read correctly, grouped into patients, studies and
 * series, and the files that could not be opened with a plain reason. Opening more files never
 * disturbs what is already open.
 */
import { defineStore } from 'pinia';
import { computed, markRaw, shallowRef } from 'vue';
import { readDicomForViewer } from '../dicom';
import { deflatedToExplicitLittleEndian, DEFLATED_EXPLICIT_LE } from '../dicom/deflatedToExplicit';
import type { DicomImageMetadata } from '../dicom/types';
import { groupIntoStudyTree, type SeriesNode } from '../dicom/studyTree';
import { isIgnorableFile, type PickedFile } from '../viewer/fileSource';
import { mapConcurrently } from '../viewer/mapConcurrently';

export interface OpenedInstance {
  readonly key: string;
  readonly fileName: string;
  /** The file it was read from; null for an instance opened from a PACS. */
  readonly file: File | null;
  readonly meta: DicomImageMetadata;
  /** One Cornerstone imageId per frame. */
  readonly imageIds: string[];
}

export interface OpenFailure {
  readonly fileName: string;
  readonly reason: string;
}

/** One displayable frame of a series: which instance, which frame inside it. */
export interface SeriesFrame {
  readonly instance: OpenedInstance;
  readonly frameIndex: number;
  readonly imageId: string;
}

export type Series = SeriesNode<OpenedInstance>;

export function seriesFrames(series: Series): SeriesFrame[] {
  return series.instances.flatMap((instance) =>
    instance.imageIds.map((imageId, frameIndex) => ({ instance, frameIndex, imageId })),
  );
}

export interface OpenResult {
  readonly opened: number;
  readonly failed: number;
  /** Files skipped because an image with the same SOP Instance UID is already open. */
  readonly duplicates: readonly string[];
}

/** "2 files repeat images already open (same SOP Instance UID) and were skipped: a.dcm, b.dcm." */
export function duplicatesMessage(names: readonly string[]): string {
  if (!names.length) return '';
  const subject = names.length === 1 ? '1 file repeats an image' : `${names.length} files repeat images`;
  return `${subject} already open (same SOP Instance UID) and ${names.length === 1 ? 'was' : 'were'} skipped: ${names.join(', ')}.`;
}

let nextKey = 0;

/** Files read and parsed at once: enough to keep reading and parsing overlapped. */
const READ_CONCURRENCY = 8;

type FileRead =
  | { ok: true; name: string; file: File; loadable: Blob; meta: DicomImageMetadata }
  | { ok: false; name: string; reason: string };

async function readPickedFile({ name, file }: PickedFile): Promise<FileRead> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return { ok: false, name, reason: 'The file could not be read from disk.' };
  }
  const result = readDicomForViewer(bytes, name);
  if (!result.ok) return { ok: false, name, reason: result.error };
  const { meta, decoderBytes } = result.value;
  // The image loader cannot inflate deflated files itself: give it the equivalent explicit file;
  // nor read a wrong meta header or a segmented palette: give it the repaired bytes.
  // Other files are handed over as they are, so their bytes are not kept in memory here.
  const loadable = decoderBytes
    ? new Blob([decoderBytes as Uint8Array<ArrayBuffer>])
    : meta.transferSyntaxUid === DEFLATED_EXPLICIT_LE
      ? new Blob([deflatedToExplicitLittleEndian(bytes) as Uint8Array<ArrayBuffer>])
      : file;
  return { ok: true, name, file, loadable, meta };
}

export const useStudyStore = defineStore('studies', () => {
  const instances = shallowRef<OpenedInstance[]>([]);
  const failures = shallowRef<OpenFailure[]>([]);
  const opening = shallowRef(false);

  const patients = computed(() => groupIntoStudyTree(instances.value));
  const allSeries = computed(() => patients.value.flatMap((p) => p.studies.flatMap((s) => s.series)));
  const seriesByUid = computed(() => new Map(allSeries.value.map((s) => [s.seriesInstanceUid, s])));
  /** Which instance and frame an imageId shows (annotations know only their imageId). */
  const frameByImageId = computed(() => {
    const map = new Map<string, { instance: OpenedInstance; frameIndex: number }>();
    for (const instance of instances.value) instance.imageIds.forEach((id, frameIndex) => map.set(id, { instance, frameIndex }));
    return map;
  });

  async function openFiles(picked: readonly PickedFile[]): Promise<OpenResult> {
    opening.value = true;
    const opened: OpenedInstance[] = [];
    const failed: OpenFailure[] = [];
    const duplicates: string[] = [];
    const knownSops = new Set(instances.value.map((i) => i.meta.sopInstanceUid).filter(Boolean));
    try {
      // The loader is imported on first use so the start screen stays light.
      const [{ registerFileFrames }, reads] = await Promise.all([
        import('../viewer/imageIds'),
        mapConcurrently(picked.filter(({ name }) => !isIgnorableFile(name)), READ_CONCURRENCY, readPickedFile),
      ]);
      for (const read of reads) {
        if (!read.ok) {
          failed.push({ fileName: read.name, reason: read.reason });
          continue;
        }
        const { name, file, loadable, meta } = read;
        if (meta.sopInstanceUid && knownSops.has(meta.sopInstanceUid)) {
          duplicates.push(name); // the same image is already open (or earlier in this batch)
          continue;
        }
        if (meta.sopInstanceUid) knownSops.add(meta.sopInstanceUid);
        opened.push(
          markRaw({
            key: `f${nextKey++}`,
            fileName: name,
            file,
            meta,
            imageIds: registerFileFrames(loadable, Math.max(1, meta.numberOfFrames)),
          }),
        );
      }
    } catch (error) {
      failed.push({
        fileName: picked.length === 1 ? picked[0]!.name : `${picked.length} files`,
        reason: `The viewer could not start: ${error instanceof Error ? error.message : String(error)}`,
      });
    } finally {
      instances.value = [...instances.value, ...opened];
      failures.value = [...failures.value, ...failed];
      opening.value = false;
    }
    return { opened: opened.length, failed: failed.length, duplicates };
  }

  /**
   * Instances opened from a PACS (their frames are fetched when shown). Already-open instances
   * (same SOP Instance UID) are skipped, as for files.
   */
  function openRemote(remote: readonly { fileName: string; meta: DicomImageMetadata; imageIds: string[] }[], skipped: readonly OpenFailure[] = []): number {
    const knownSops = new Set(instances.value.map((i) => i.meta.sopInstanceUid).filter(Boolean));
    const opened = remote
      .filter((r) => !r.meta.sopInstanceUid || !knownSops.has(r.meta.sopInstanceUid))
      .map((r) => markRaw({ key: `p${nextKey++}`, fileName: r.fileName, file: null, meta: r.meta, imageIds: r.imageIds }));
    instances.value = [...instances.value, ...opened];
    if (skipped.length) failures.value = [...failures.value, ...skipped];
    return opened.length;
  }

  /** A frame that failed to decode after opening is reported like a file that failed to open. */
  function reportFailure(fileName: string, reason: string) {
    if (failures.value.some((f) => f.fileName === fileName && f.reason === reason)) return;
    failures.value = [...failures.value, { fileName, reason }];
  }

  function clearFailures() {
    failures.value = [];
  }

  return { instances, failures, opening, patients, allSeries, seriesByUid, frameByImageId, openFiles, openRemote, reportFailure, clearFailures };
});
