/**
 * One CSV row per measurement, for spreadsheets and statistics. The mm values are the measurement's
 * stored numbers at full precision (exportNumber — the UI rounds the same values to one decimal);
 * the mm columns stay empty for an uncalibrated measurement, while the pixel columns are always
 * filled (computed the way it was measured: an ellipse from its diameters, a trace from its contour).
 * "Excluded from mean" says whether the user left this repeat out of its group's mean.
 */
import { exportNumber, measurementPixelMetrics, type NerveMeasurement } from '../measurement';
import { nerveLabel, siteLabel } from '../reference';
import type { Session } from '../session';
import { fixed, significant, toCsv } from './csv';

export const MEASUREMENT_CSV_HEADER: readonly string[] = [
  'Label',
  'Nerve',
  'Site',
  'Side',
  'Side source',
  'Modality',
  'Method',
  'Area (mm2)',
  'Circumference (mm)',
  'Area (px2)',
  'Perimeter (px)',
  'Calibration source',
  'Row spacing (mm/px)',
  'Column spacing (mm/px)',
  'Echogenicity/signal mean',
  'Echogenicity/signal SD',
  'Study Instance UID',
  'Series Instance UID',
  'SOP Instance UID',
  'Frame index (0-based)',
  'File name',
  'Created',
  'Excluded from mean',
];

export function measurementRow(m: NerveMeasurement): string[] {
  const calibrated = m.metrics.calibrated ? m.metrics : null;
  const pixels = measurementPixelMetrics(m);
  return [
    m.label,
    nerveLabel(m.nerve),
    siteLabel(m.site),
    m.side ?? '',
    m.sideSource,
    m.modality,
    m.method,
    exportNumber(calibrated?.areaMm2),
    exportNumber(calibrated?.perimeterMm),
    exportNumber(pixels?.areaPx2),
    exportNumber(pixels?.perimeterPx),
    m.calibration.source,
    significant(m.calibration.rowSpacingMm),
    significant(m.calibration.columnSpacingMm),
    fixed(m.intensity?.mean, 2),
    fixed(m.intensity?.sd, 2),
    m.image.studyInstanceUid,
    m.image.seriesInstanceUid,
    m.image.sopInstanceUid,
    String(m.image.frameIndex),
    m.image.fileName ?? '',
    m.createdAt,
    m.excluded ? 'yes' : 'no',
  ];
}

/** All measurements of a session as CSV text (header included). */
export function measurementsCsv(session: Session): string {
  return toCsv(MEASUREMENT_CSV_HEADER, session.measurements.map(measurementRow));
}
