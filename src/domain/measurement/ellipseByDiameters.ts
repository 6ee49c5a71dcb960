/**
 * The secondary method: an ellipse from two perpendicular diameters (D1, D2) drawn on the image.
 * Area = π·D1·D2/4, circumference by Ramanujan — both from the diameters' lengths in mm (so
 * anisotropic pixels are handled), never from a pixel-counting approximation.
 */
import type { Calibration, ImagePoint, Result } from '../types';
import { ellipseFromDiameters } from '../geometry';
import type { ContourMetrics } from './measureContour';
import { hasValidSpacing } from '../calibration/kinds';

export type Diameter = readonly [ImagePoint, ImagePoint];

export interface EllipseMeasurement {
  readonly metrics: ContourMetrics;
  /** The ellipse outline in image pixel coordinates (for display, intensity and export). */
  readonly outline: ImagePoint[];
  readonly d1: number;
  readonly d2: number;
}

/** Length of a diameter in mm (spacing per axis) or in px when uncalibrated. */
export function diameterLength(d: Diameter, calibration: Calibration): number {
  const dx = d[1].x - d[0].x;
  const dy = d[1].y - d[0].y;
  if (calibration.source === 'none') return Math.hypot(dx, dy);
  return Math.hypot(dx * calibration.columnSpacingMm, dy * calibration.rowSpacingMm);
}

const OUTLINE_POINTS = 72;

export function measureEllipseByDiameters(d1: Diameter, d2: Diameter, calibration: Calibration): Result<EllipseMeasurement> {
  if (calibration.source !== 'none' && !hasValidSpacing(calibration)) {
    return { ok: false, error: 'The calibration has an invalid pixel size, so no millimetre value can be given.' };
  }
  const len1 = diameterLength(d1, calibration);
  const len2 = diameterLength(d2, calibration);
  const ellipse = ellipseFromDiameters(len1, len2);
  if (!ellipse.ok) return { ok: false, error: 'Both diameters must have a length: draw the long and the short axis.' };
  // Never shown, stored or exported: an area or length that is not a finite number.
  if (!Number.isFinite(ellipse.value.areaMm2) || !Number.isFinite(ellipse.value.circumferenceMm)) {
    return { ok: false, error: 'The diameters are too large to give a finite area and circumference; redraw them on the image.' };
  }
  const centre = { x: (d1[0].x + d1[1].x) / 2, y: (d1[0].y + d1[1].y) / 2 };
  const half1 = { x: (d1[1].x - d1[0].x) / 2, y: (d1[1].y - d1[0].y) / 2 };
  const half2 = { x: (d2[1].x - d2[0].x) / 2, y: (d2[1].y - d2[0].y) / 2 };
  const outline = Array.from({ length: OUTLINE_POINTS }, (_, i) => {
    const t = (2 * Math.PI * i) / OUTLINE_POINTS;
    return { x: centre.x + Math.cos(t) * half1.x + Math.sin(t) * half2.x, y: centre.y + Math.cos(t) * half1.y + Math.sin(t) * half2.y };
  });
  const metrics: ContourMetrics =
    calibration.source === 'none'
      ? { calibrated: false, areaPx2: ellipse.value.areaMm2, perimeterPx: ellipse.value.circumferenceMm, calibration }
      : { calibrated: true, areaMm2: ellipse.value.areaMm2, perimeterMm: ellipse.value.circumferenceMm, calibration };
  return { ok: true, value: { metrics, outline, d1: len1, d2: len2 } };
}
