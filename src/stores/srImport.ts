/**
 * Measurements read from a DICOM SR join the current session so that the panel and the image
 * label show the SAME stored measurement with the SAME calibration. The image label is computed
 * live from the calibration in force on its image (calibration store: user > US region >
 * PixelSpacing), so a measurement made with a user calibration brings that calibration with it
 * (as an image calibration, unless one is already set there); otherwise an uncalibrated image
 * would label it in px² while the panel says mm². Where the calibration in force on an open image
 * differs from the SR's, the measurement is recomputed with it and the message says so — never a
 * silent difference between the two places.
 */
import { formatArea, measurementMetrics, type NerveMeasurement } from '../domain/measurement';
import type { SrReadResult } from '../domain/export';
import type { Calibration } from '../domain/types';
import { useCalibrationStore } from './calibrationStore';
import { useMeasurementStore } from './measurementStore';
import { calibrationRecordFromSession } from './sessionState';
import { useStudyStore } from './studyStore';

export interface SrImportOutcome {
  readonly added: number;
  /** Already in the session (same id): not added again. */
  readonly skipped: number;
  /** Plain sentences about calibrations brought in and measurements recomputed. */
  readonly notes: readonly string[];
}

const sameSpacing = (a: Calibration, b: Calibration): boolean =>
  a.source === 'none' || b.source === 'none'
    ? a.source === b.source
    : Math.abs(a.rowSpacingMm - b.rowSpacingMm) <= 1e-9 * a.rowSpacingMm && Math.abs(a.columnSpacingMm - b.columnSpacingMm) <= 1e-9 * a.columnSpacingMm;

/** Bring a user calibration of an imported measurement into the calibration store (image scope) when its image has none. */
function adoptUserCalibration(m: NerveMeasurement): boolean {
  const calibrations = useCalibrationStore();
  const cal = m.calibration;
  if (cal.source !== 'user') return false;
  const image = { sopInstanceUid: m.image.sopInstanceUid, seriesInstanceUid: m.image.seriesInstanceUid };
  if (calibrations.userCalibrationFor(image)) return false;
  calibrations.setCalibration(
    calibrationRecordFromSession({
      scope: 'image',
      ...image,
      calibration: {
        source: 'user',
        rowSpacingMm: cal.rowSpacingMm,
        columnSpacingMm: cal.columnSpacingMm,
        ...(cal.description ? { description: cal.description } : {}),
      },
    }),
  );
  return true;
}

/** The measurement as its open image's calibration measures it, or unchanged when the image is not open or agrees. */
function withCalibrationInForce(m: NerveMeasurement): NerveMeasurement {
  const instance = useStudyStore().instances.find((i) => i.meta.sopInstanceUid === m.image.sopInstanceUid);
  if (!instance) return m;
  const points = m.diameters ? m.diameters.flat() : m.contour;
  const calibration = useCalibrationStore().calibrationFor(instance.meta, points);
  if (!calibration.ok || sameSpacing(calibration.value, m.calibration)) return m;
  const metrics = measurementMetrics(m, calibration.value);
  return metrics.ok ? { ...m, calibration: calibration.value, metrics: metrics.value } : m;
}

/** Add the SR's measurements (one undoable step), with the calibrations they were measured with. */
export function importSrMeasurements(read: SrReadResult): SrImportOutcome {
  const store = useMeasurementStore();
  const fresh = read.measurements.filter((m) => !store.byId.has(m.id));
  const notes: string[] = [];
  const adopted = fresh.filter(adoptUserCalibration).length;
  if (adopted > 0) {
    notes.push(`${adopted === 1 ? 'Its user calibration was' : `${adopted} user calibrations were`} added for the image${adopted === 1 ? '' : 's'} measured.`);
  }
  const added = fresh.map((m) => {
    const current = withCalibrationInForce(m);
    if (current !== m) {
      notes.push(`${m.label || m.id} was recomputed with the calibration in force on its image (${formatArea(m.metrics)} in the SR, now ${formatArea(current.metrics)}).`);
    }
    return current;
  });
  if (added.length > 0) store.replaceKeepingHistory([...store.measurements, ...added]);
  return { added: added.length, skipped: read.measurements.length - fresh.length, notes };
}
