/**
 * On load, derived values are recomputed, never trusted: each measurement's area and perimeter
 * the way it was measured (measurementMetrics: an ellipse from its diameters, a trace from its
 * contour — the same function that stored them, so the app's own numbers come back exactly), each
 * user calibration from its line. A stored
 * number that disagreed by more than 0.01 % is reported; the recomputed value is what is used. A
 * measurement whose contour cannot be measured (crosses itself, encloses nothing) or whose
 * recomputed area or perimeter overflows (not finite) is left out and reported, because no
 * trustworthy number can be shown for it; every other measurement stays.
 */
import { calibrationFromUserLine } from '../calibration';
import { measurementMetrics, type ContourMetrics, type NerveMeasurement } from '../measurement';
import type { Session, SessionCalibration } from './types';

/** Relative tolerance between a stored and a recomputed number (0.01 %). */
export const REHYDRATE_TOLERANCE = 1e-4;

export interface RehydrationWarning {
  /** JSON path of what was corrected or left out, e.g. "measurements[2].metrics.areaMm2". */
  readonly path: string;
  readonly message: string;
}

export interface RehydratedSession {
  readonly session: Session;
  readonly warnings: readonly RehydrationWarning[];
  /** Measurements left out because their contour cannot be measured. */
  readonly refused: ReadonlyArray<{ readonly index: number; readonly id: string; readonly label: string; readonly reason: string }>;
}

function disagrees(stored: number, recomputed: number): boolean {
  const scale = Math.max(Math.abs(stored), Math.abs(recomputed));
  return scale > 0 && Math.abs(stored - recomputed) / scale > REHYDRATE_TOLERANCE;
}

function fmt(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(6))) : String(value);
}

function name(m: NerveMeasurement, index: number): string {
  return `Measurement ${m.label ? `"${m.label}"` : m.id} (measurements[${index}])`;
}

function compareMetrics(stored: ContourMetrics, fresh: ContourMetrics, m: NerveMeasurement, index: number): RehydrationWarning[] {
  const path = `measurements[${index}].metrics`;
  if (stored.calibrated !== fresh.calibrated) {
    return [
      {
        path: `${path}.calibrated`,
        message: `${name(m, index)}: stored numbers were ${stored.calibrated ? 'in mm' : 'in pixels'} but its calibration is ${fresh.calibrated ? 'in mm' : 'uncalibrated'}; recomputed.`,
      },
    ];
  }
  const pairs: Array<[string, number, number, string]> = fresh.calibrated
    ? [
        ['areaMm2', (stored as typeof fresh).areaMm2, fresh.areaMm2, 'mm²'],
        ['perimeterMm', (stored as typeof fresh).perimeterMm, fresh.perimeterMm, 'mm'],
      ]
    : [
        ['areaPx2', (stored as typeof fresh).areaPx2, fresh.areaPx2, 'px²'],
        ['perimeterPx', (stored as typeof fresh).perimeterPx, fresh.perimeterPx, 'px'],
      ];
  return pairs
    .filter(([, s, f]) => disagrees(s, f))
    .map(([field, s, f, unit]) => ({
      path: `${path}.${field}`,
      message: `${name(m, index)}: stored ${field} ${fmt(s)} ${unit} disagreed with its outline (${fmt(f)} ${unit}); the recomputed value is used.`,
    }));
}

function rehydrateCalibration(c: SessionCalibration, index: number, warnings: RehydrationWarning[]): SessionCalibration | null {
  if (!c.line) return c;
  const fresh = calibrationFromUserLine(c.line.start, c.line.end, c.line.knownLengthMm, c.line.pixelAspect);
  const path = `calibrations[${index}]`;
  if (!fresh.ok) {
    warnings.push({ path, message: `Calibration ${index + 1} was left out: ${fresh.error}` });
    return null;
  }
  const { rowSpacingMm, columnSpacingMm } = fresh.value;
  if (disagrees(c.calibration.rowSpacingMm, rowSpacingMm) || disagrees(c.calibration.columnSpacingMm, columnSpacingMm)) {
    warnings.push({
      path: `${path}.calibration`,
      message: `Calibration ${index + 1}: stored pixel size ${fmt(c.calibration.rowSpacingMm)} × ${fmt(c.calibration.columnSpacingMm)} mm disagreed with its line (${fmt(rowSpacingMm)} × ${fmt(columnSpacingMm)} mm); the line is used.`,
    });
    return { ...c, calibration: { ...c.calibration, rowSpacingMm, columnSpacingMm, ...(fresh.value.description ? { description: fresh.value.description } : {}) } };
  }
  return c;
}

/** The first recomputed number that overflowed (Infinity or NaN), or null. */
function nonFiniteMetric(metrics: ContourMetrics): { field: string; value: string } | null {
  const pairs: Array<[string, number]> = metrics.calibrated
    ? [
        ['areaMm2', metrics.areaMm2],
        ['perimeterMm', metrics.perimeterMm],
      ]
    : [
        ['areaPx2', metrics.areaPx2],
        ['perimeterPx', metrics.perimeterPx],
      ];
  const bad = pairs.find(([, v]) => !Number.isFinite(v));
  return bad ? { field: bad[0], value: String(bad[1]) } : null;
}

function knownImages(session: Session): Set<string> {
  return new Set(session.studies.flatMap((st) => st.series.flatMap((se) => se.instances.map((i) => i.sopInstanceUid))));
}

export function rehydrateSession(session: Session): RehydratedSession {
  const warnings: RehydrationWarning[] = [];
  const refused: Array<RehydratedSession['refused'][number]> = [];
  const images = knownImages(session);
  const measurements: NerveMeasurement[] = [];

  session.measurements.forEach((m, index) => {
    const fresh = measurementMetrics(m, m.calibration);
    if (!fresh.ok) {
      refused.push({ index, id: m.id, label: m.label, reason: fresh.error });
      warnings.push({ path: `measurements[${index}].contour`, message: `${name(m, index)} was left out: ${fresh.error}` });
      return;
    }
    const overflow = nonFiniteMetric(fresh.value);
    if (overflow) {
      // Only this measurement goes: the rest of the report stands.
      const reason = `its recomputed ${overflow.field} is not a finite number (${overflow.value}); the outline's coordinates are too large to measure.`;
      refused.push({ index, id: m.id, label: m.label, reason });
      warnings.push({ path: `measurements[${index}].metrics.${overflow.field}`, message: `${name(m, index)} was left out: ${reason}` });
      return;
    }
    warnings.push(...compareMetrics(m.metrics, fresh.value, m, index));
    if (!images.has(m.image.sopInstanceUid)) {
      warnings.push({
        path: `measurements[${index}].image.sopInstanceUid`,
        message: `${name(m, index)} refers to an image that is not among the session's studies (${m.image.sopInstanceUid}).`,
      });
    }
    measurements.push({ ...m, metrics: fresh.value });
  });

  const calibrations = session.calibrations
    .map((c, i) => rehydrateCalibration(c, i, warnings))
    .filter((c): c is SessionCalibration => c !== null);

  return { session: { ...session, measurements, calibrations }, warnings, refused };
}
