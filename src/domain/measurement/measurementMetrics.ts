/**
 * THE numbers of a measurement, computed the way it was measured: an ellipse from its two
 * diameters (π·D1·D2/4, Ramanujan), a trace (freehand, spline) from its contour. Recording,
 * recalibrating, reloading a session, and every export call this one function, so a reload finds
 * exactly the stored number and never "corrects" the app's own measurement (an ellipse measured
 * from its 72-point outline polygon would come out ~0.13 % smaller).
 */
import type { Calibration, Result } from '../types';
import { measureEllipseByDiameters } from './ellipseByDiameters';
import { measureContour, type ContourMetrics } from './measureContour';
import type { NerveMeasurement } from './nerveMeasurement';

export type MeasuredShape = Pick<NerveMeasurement, 'method' | 'contour' | 'diameters'>;

export function measurementMetrics(m: MeasuredShape, calibration: Calibration): Result<ContourMetrics> {
  if (m.method === 'ellipse' && m.diameters) {
    const ellipse = measureEllipseByDiameters(m.diameters[0], m.diameters[1], calibration);
    return ellipse.ok ? { ok: true, value: ellipse.value.metrics } : ellipse;
  }
  return measureContour(m.contour, calibration);
}

const PIXELS: Calibration = { source: 'none', rowSpacingMm: null, columnSpacingMm: null };

/** The same measurement in image pixels (px², px), whatever its calibration: for the pixel columns of exports. */
export function measurementPixelMetrics(m: MeasuredShape): { areaPx2: number; perimeterPx: number } | null {
  const px = measurementMetrics(m, PIXELS);
  return px.ok && !px.value.calibrated ? { areaPx2: px.value.areaPx2, perimeterPx: px.value.perimeterPx } : null;
}
