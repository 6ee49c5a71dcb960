/**
 * A plain distance between two image points — depth of a nerve below the skin, a diameter read
 * off by eye — in mm with the image's calibration (spacing per axis), in px when uncalibrated.
 */
import type { Calibration, ImagePoint } from '../types';
import { diameterLength } from './ellipseByDiameters';

export type LineLength =
  | { readonly calibrated: true; readonly lengthMm: number; readonly calibration: Calibration }
  | { readonly calibrated: false; readonly lengthPx: number; readonly calibration: Calibration };

export function measureLineLength(start: ImagePoint, end: ImagePoint, calibration: Calibration): LineLength {
  const length = diameterLength([start, end], calibration);
  return calibration.source === 'none'
    ? { calibrated: false, lengthPx: length, calibration }
    : { calibrated: true, lengthMm: length, calibration };
}
