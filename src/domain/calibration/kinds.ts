import type { Calibration } from '../types';
import { isPlausibleSpacingMm } from './plausibility';

/** A calibration that yields millimetres (anything but 'none'). */
export type SpatialCalibration = Extract<Calibration, { source: 'pixel-spacing' | 'us-region' | 'user' }>;

/** The explicit "we do not know the scale" calibration: results stay in pixels. */
export type Uncalibrated = Extract<Calibration, { source: 'none' }>;

/** A usable pixel size: finite and strictly positive. */
export function isPositiveFinite(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

/** True when a calibration claims millimetres AND its spacings are usable and physical (plausibility.ts). */
export function hasValidSpacing(cal: Calibration): cal is SpatialCalibration {
  return cal.source !== 'none' && isPlausibleSpacingMm(cal.rowSpacingMm) && isPlausibleSpacingMm(cal.columnSpacingMm);
}

/** Spacing printed for overlays: 3 decimals, more significant digits for very fine pixels. */
export function formatSpacingMm(mm: number): string {
  return mm >= 0.01 ? mm.toFixed(3) : mm.toPrecision(3);
}
