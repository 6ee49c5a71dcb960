import type { Calibration } from '../types';
import { formatSpacingMm } from './kinds';

/**
 * One short line for the image overlay and reports, so the reader always sees where
 * the millimetres came from. Built from the numbers (not the stored description) so
 * the overlay cannot disagree with the spacing actually used.
 */
export function describeCalibration(cal: Calibration): string {
  switch (cal.source) {
    case 'none':
      return 'UNCALIBRATED';
    case 'pixel-spacing':
      return `PixelSpacing ${formatSpacingMm(cal.rowSpacingMm)} × ${formatSpacingMm(cal.columnSpacingMm)} mm (row × column)`;
    case 'us-region':
      return `US region ${cal.regionIndex ?? '?'}: ${perPixel(cal.rowSpacingMm, cal.columnSpacingMm)}`;
    case 'user':
      return `User calibration: ${perPixel(cal.rowSpacingMm, cal.columnSpacingMm)}`;
  }
}

function perPixel(row: number, column: number): string {
  return row === column
    ? `${formatSpacingMm(row)} mm/px`
    : `${formatSpacingMm(row)} × ${formatSpacingMm(column)} mm/px (row × column)`;
}
