/**
 * Reading a NerveTrace measurement report (see dicomSr.ts) back into nerve measurements. The outline
 * comes from the SCOORD, the image from its IMAGE reference and the evidence sequence, the pixel size
 * from the Vertical/Horizontal Pixel Spacing items; area and perimeter are recomputed with
 * measurementMetrics (an ellipse from the diameters in its record, a trace from the outline: the
 * way NerveTrace measured it, so the numbers come back as they were) — the stored NUM values are only compared with them (disagreement > 0.01 % is
 * reported). Fields DICOM has no place for come from the NerveTrace record when present; an SR
 * written by another program is read with plain defaults for them.
 */
import { isSuvGroup } from './sr/suvGroup';
import { measurementMetrics, type MeasurementMethod, type NerveMeasurement } from '../measurement';
import { REHYDRATE_TOLERANCE } from '../session';
import type { NerveId, SiteId } from '../reference';
import { fail, ok, type Calibration, type ImagePoint, type Result, type Side } from '../types';
import { CODES, methodFromCode, nerveFromCode, SIDE_CODES, sameCode, siteFromCode, UNITS } from './sr/codes';
import { readPart10, type Dataset } from './sr/dcmjsAdapter';
import {
  childrenOf,
  codeValueOf,
  findChild,
  firstNumber,
  firstString,
  isConcept,
  itemsOf,
  numbersOf,
  numValue,
  textOf,
} from './sr/navigate';
import { parseRecord, type NerveTraceRecord } from './sr/record';
import { SCOORD_OFFSET } from './dicomSr';

const SR_SOP_CLASSES = new Set([
  '1.2.840.10008.5.1.4.1.1.88.11', // Basic Text SR
  '1.2.840.10008.5.1.4.1.1.88.22', // Enhanced SR
  '1.2.840.10008.5.1.4.1.1.88.33', // Comprehensive SR
  '1.2.840.10008.5.1.4.1.1.88.34', // Comprehensive 3D SR
]);

export interface SrReadResult {
  readonly measurements: readonly NerveMeasurement[];
  /** Groups that were skipped and stored numbers that disagreed with the outline. */
  readonly warnings: readonly string[];
}

interface EvidenceEntry {
  readonly studyInstanceUid: string;
  readonly seriesInstanceUid: string;
}

function evidenceIndex(dataset: Dataset): Map<string, EvidenceEntry> {
  const index = new Map<string, EvidenceEntry>();
  for (const key of ['CurrentRequestedProcedureEvidenceSequence', 'PertinentOtherEvidenceSequence']) {
    for (const study of itemsOf(dataset[key])) {
      const studyUid = firstString(study.StudyInstanceUID) ?? '';
      for (const series of itemsOf(study.ReferencedSeriesSequence)) {
        const seriesUid = firstString(series.SeriesInstanceUID) ?? '';
        for (const sop of itemsOf(series.ReferencedSOPSequence)) {
          const uid = firstString(sop.ReferencedSOPInstanceUID);
          if (uid) index.set(uid, { studyInstanceUid: studyUid, seriesInstanceUid: seriesUid });
        }
      }
    }
  }
  return index;
}

function contentDateTime(dataset: Dataset): string {
  const date = firstString(dataset.ContentDate) ?? '';
  const time = (firstString(dataset.ContentTime) ?? '').padEnd(6, '0');
  if (!/^\d{8}$/.test(date) || !/^\d{6}/.test(time)) return new Date(0).toISOString();
  return `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}T${time.slice(0, 2)}:${time.slice(2, 4)}:${time.slice(4, 6)}.000Z`;
}

/** Outline in NerveTrace image coordinates: the closing point of the polyline dropped, 0.5 removed. */
function contourOf(scoord: Dataset): ImagePoint[] | string {
  const type = firstString(scoord.GraphicType);
  if (type !== 'POLYLINE' && type !== 'POLYGON') return `its image region is a ${type ?? 'missing'} graphic, not an outline`;
  const data = numbersOf(scoord.GraphicData);
  if (data.length % 2 !== 0 || data.some((v) => !Number.isFinite(v))) return 'its outline coordinates are not valid pairs of numbers';
  const points: ImagePoint[] = [];
  for (let i = 0; i < data.length; i += 2) points.push({ x: data[i]! - SCOORD_OFFSET, y: data[i + 1]! - SCOORD_OFFSET });
  const first = points[0];
  const last = points[points.length - 1];
  if (points.length > 1 && first && last && first.x === last.x && first.y === last.y) points.pop();
  return points;
}

function spacingOf(image: Dataset): { row: number; column: number } | null {
  const read = (code: typeof CODES.verticalPixelSpacing) => {
    const item = findChild(image, code, 'NUM');
    const num = item ? numValue(item) : undefined;
    return num && sameCode(num.unit, UNITS.mm) && num.value > 0 ? num.value : undefined;
  };
  const row = read(CODES.verticalPixelSpacing);
  const column = read(CODES.horizontalPixelSpacing);
  return row !== undefined && column !== undefined ? { row, column } : null;
}

function calibrationOf(spacing: { row: number; column: number } | null, record: NerveTraceRecord | null): Calibration {
  if (!spacing) {
    return { source: 'none', rowSpacingMm: null, columnSpacingMm: null, ...(record?.calibrationDescription !== undefined ? { description: record.calibrationDescription } : {}) };
  }
  const source = record && record.calibrationSource !== 'none' ? record.calibrationSource : 'user';
  return {
    source,
    rowSpacingMm: spacing.row,
    columnSpacingMm: spacing.column,
    ...(record?.regionIndex !== undefined ? { regionIndex: record.regionIndex } : {}),
    ...(record?.calibrationDescription !== undefined ? { description: record.calibrationDescription } : {}),
  };
}

function sideOf(findingSite: Dataset | undefined): Side | null {
  const laterality = findingSite ? findChild(findingSite, CODES.laterality, 'CODE') : undefined;
  const value = laterality ? codeValueOf(laterality) : undefined;
  if (sameCode(value, SIDE_CODES.L)) return 'L';
  if (sameCode(value, SIDE_CODES.R)) return 'R';
  return null;
}

function privateId<T>(item: Dataset | undefined, fromCode: (value: string) => T | null, custom: (meaning: string) => T): T {
  const value = item ? codeValueOf(item) : undefined;
  const known = typeof value?.CodeValue === 'string' ? fromCode(value.CodeValue) : null;
  if (known !== null) return known;
  return custom(typeof value?.CodeMeaning === 'string' && value.CodeMeaning.trim() ? value.CodeMeaning : 'unknown');
}

function readGroup(group: Dataset, number: number, evidence: Map<string, EvidenceEntry>, fallbackTime: string): NerveMeasurement | string {
  const where = `Measurement group ${number}`;
  // The outline is in the group, or under a measurement it was inferred from (TID 300).
  const isOutline = (c: Dataset) => c.ValueType === 'SCOORD' && isConcept(c, CODES.imageRegion);
  const scoord =
    childrenOf(group).find(isOutline) ??
    childrenOf(group)
      .filter((c) => c.ValueType === 'NUM')
      .flatMap(childrenOf)
      .find(isOutline);
  if (!scoord) return `${where} has no image region outline; skipped.`;
  const contour = contourOf(scoord);
  if (typeof contour === 'string') return `${where}: ${contour}; skipped.`;
  const image = childrenOf(scoord).find((c) => c.ValueType === 'IMAGE');
  const sop = image ? itemsOf(image.ReferencedSOPSequence)[0] : undefined;
  const sopInstanceUid = sop ? firstString(sop.ReferencedSOPInstanceUID) : undefined;
  if (!image || !sopInstanceUid) return `${where}: its outline references no image; skipped.`;
  const frameNumber = firstNumber(sop?.ReferencedFrameNumber);

  const recordItem = findChild(group, CODES.nerveTraceRecord, 'TEXT');
  const record = parseRecord(textOf(recordItem));
  const calibration = calibrationOf(spacingOf(image), record);
  const findingSite = findChild(group, CODES.findingSite, 'CODE');
  const siteItem = findingSite ? findChild(findingSite, CODES.topographicalModifier, 'CODE') : undefined;
  const trackingId = findChild(group, CODES.trackingIdentifier, 'TEXT');
  const methodItem = findChild(group, CODES.measurementMethod, 'CODE');
  const method = record?.method ?? privateId<MeasurementMethod>(methodItem, methodFromCode, () => 'freehand');
  const metrics = measurementMetrics({ method, contour, ...(record?.diameters ? { diameters: record.diameters } : {}) }, calibration);
  if (!metrics.ok) return `${where}: ${metrics.error} Skipped.`;
  const side = sideOf(findingSite);
  const ref = evidence.get(sopInstanceUid);

  return {
    id: record?.id ?? firstString(findChild(group, CODES.trackingUid, 'UIDREF')?.UID) ?? `sr-${number}`,
    label: record?.label ?? textOf(trackingId) ?? '',
    nerve: record?.nerve ?? privateId<NerveId>(findingSite, nerveFromCode, (m) => `custom:${m}`),
    site: record?.site ?? privateId<SiteId>(siteItem, siteFromCode, (m) => `custom:${m}`),
    side,
    sideSource: record?.sideSource ?? (side ? 'user' : 'unknown'),
    modality: record?.modality ?? 'OT',
    method,
    image: {
      studyInstanceUid: ref?.studyInstanceUid ?? '',
      seriesInstanceUid: ref?.seriesInstanceUid ?? '',
      sopInstanceUid,
      frameIndex: frameNumber !== undefined && frameNumber >= 1 ? frameNumber - 1 : 0,
      ...(record?.fileName !== undefined ? { fileName: record.fileName } : {}),
    },
    contour,
    ...(record?.diameters ? { diameters: record.diameters } : {}),
    calibration,
    metrics: metrics.value,
    intensity: record?.intensity ?? null,
    createdAt: record?.createdAt ?? fallbackTime,
    updatedAt: record?.updatedAt ?? fallbackTime,
  };
}

function storedDisagreement(group: Dataset, m: NerveMeasurement, number: number): string[] {
  if (!m.metrics.calibrated) return [];
  const checks: Array<[typeof CODES.area, number, string]> = [
    [CODES.area, m.metrics.areaMm2, 'area'],
    [CODES.perimeter, m.metrics.perimeterMm, 'perimeter'],
  ];
  const warnings: string[] = [];
  for (const [code, recomputed, word] of checks) {
    const item = findChild(group, code, 'NUM');
    const stored = item ? numValue(item) : undefined;
    if (stored && Math.abs(stored.value - recomputed) / Math.max(Math.abs(recomputed), 1e-12) > REHYDRATE_TOLERANCE) {
      warnings.push(
        `Measurement group ${number}: the stored ${word} ${stored.value} disagreed with the outline (${Number(recomputed.toPrecision(6))}); the recomputed value is used.`,
      );
    }
  }
  return warnings;
}

/** The measurements of a NerveTrace (TID 1500) measurement report, with numbers recomputed. */
export function readMeasurementReportSr(bytes: Uint8Array): Result<SrReadResult> {
  const read = readPart10(bytes);
  if (!read.ok) return read;
  const dataset = read.value;
  const sopClass = firstString(dataset.SOPClassUID);
  if (!sopClass || !SR_SOP_CLASSES.has(sopClass)) return fail('The file is not a DICOM structured report.');
  if (!isConcept(dataset, CODES.imagingMeasurementReport)) {
    return fail('The structured report is not an imaging measurement report (TID 1500).');
  }
  const measurementsContainer = findChild(dataset, CODES.imagingMeasurements, 'CONTAINER');
  if (!measurementsContainer) return fail('The measurement report has no "Imaging Measurements" container.');

  const evidence = evidenceIndex(dataset);
  const fallbackTime = contentDateTime(dataset);
  const measurements: NerveMeasurement[] = [];
  const warnings: string[] = [];
  childrenOf(measurementsContainer)
    .filter((c) => isConcept(c, CODES.measurementGroup, 'CONTAINER'))
    .filter((c) => !isSuvGroup(c)) // FDG SUV groups are not nerve cross-sections
    .forEach((group, i) => {
      const result = readGroup(group, i + 1, evidence, fallbackTime);
      if (typeof result === 'string') {
        warnings.push(result);
        return;
      }
      warnings.push(...storedDisagreement(group, result, i + 1));
      measurements.push(result);
    });
  return ok({ measurements, warnings });
}
