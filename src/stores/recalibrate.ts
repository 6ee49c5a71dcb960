/**
 * After a calibration changes, every measurement on the affected images is recomputed by the
 * domain from its stored contour: a number can never survive a change of scale unrecomputed.
 */
import { measurementMetrics, type NerveMeasurement } from '../domain/measurement';
import { useCalibrationStore } from './calibrationStore';
import { useMeasurementStore } from './measurementStore';
import { useStudyStore } from './studyStore';

export function recomputeMeasurement(m: NerveMeasurement): NerveMeasurement {
  const instance = useStudyStore().instances.find((i) => i.meta.sopInstanceUid === m.image.sopInstanceUid);
  if (!instance) return m;
  const points = m.diameters ? m.diameters.flat() : m.contour;
  const calibration = useCalibrationStore().calibrationFor(instance.meta, points);
  if (!calibration.ok) return m;
  const metrics = measurementMetrics(m, calibration.value);
  return metrics.ok ? { ...m, calibration: calibration.value, metrics: metrics.value } : m;
}

/** Recompute measurements on the given series (one undoable step). */
export function recomputeSeries(seriesInstanceUid: string): void {
  const store = useMeasurementStore();
  const now = new Date().toISOString();
  let changed = false;
  const next = store.measurements.map((m) => {
    if (m.image.seriesInstanceUid !== seriesInstanceUid) return m;
    changed = true;
    return { ...recomputeMeasurement(m), updatedAt: now };
  });
  if (changed) store.replaceKeepingHistory(next);
}
