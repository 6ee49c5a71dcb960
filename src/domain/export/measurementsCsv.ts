/**
 * One CSV row per measurement, for spreadsheets and statistics. Areas and lengths are recomputed
 * from each contour by measureContour (millimetres only when the measurement is calibrated; the mm
 * columns stay empty otherwise, while the pixel columns are always filled).
 */
import { measureContour, type NerveMeasurement } from '../measurement';
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
];

const PIXELS = { source: 'none', rowSpacingMm: null, columnSpacingMm: null } as const;

export function measurementRow(m: NerveMeasurement): string[] {
  const mm = measureContour(m.contour, m.calibration);
  const px = measureContour(m.contour, PIXELS);
  const calibrated = mm.ok && mm.value.calibrated ? mm.value : null;
  const pixels = px.ok && !px.value.calibrated ? px.value : null;
  return [
    m.label,
    nerveLabel(m.nerve),
    siteLabel(m.site),
    m.side ?? '',
    m.sideSource,
    m.modality,
    m.method,
    fixed(calibrated?.areaMm2, 2),
    fixed(calibrated?.perimeterMm, 2),
    fixed(pixels?.areaPx2, 1),
    fixed(pixels?.perimeterPx, 2),
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
  ];
}

/** All measurements of a session as CSV text (header included). */
export function measurementsCsv(session: Session): string {
  return toCsv(MEASUREMENT_CSV_HEADER, session.measurements.map(measurementRow));
}
