import { fail, ok, type Result } from '../types';
import { describeCalibration } from './describe';
import { isPositiveFinite, type SpatialCalibration } from './kinds';
import { implausiblePixelSpacing } from './plausibility';

/**
 * Calibration from DICOM PixelSpacing (0028,0030), stored as [row spacing, column spacing]
 * in mm: the FIRST value is the distance between rows (applies to y), the SECOND the
 * distance between columns (applies to x). Swapping them silently distorts areas on
 * anisotropic images, so the order is kept exactly.
 * Anything but two positive finite numbers, or numbers outside the physical range
 * (plausibility.ts), is refused; the caller then reports the image as uncalibrated instead
 * of guessing.
 */
export function calibrationFromPixelSpacing(
  pixelSpacing: readonly number[] | undefined,
): Result<SpatialCalibration> {
  if (pixelSpacing === undefined || pixelSpacing === null) {
    return fail('The image has no PixelSpacing (0028,0030), so pixel distances cannot be converted to millimetres.');
  }
  if (pixelSpacing.length !== 2) {
    return fail(
      `PixelSpacing (0028,0030) must have exactly 2 values (row, column) but has ${pixelSpacing.length}.`,
    );
  }
  const [rowSpacingMm, columnSpacingMm] = pixelSpacing as readonly [number, number];
  if (!isPositiveFinite(rowSpacingMm) || !isPositiveFinite(columnSpacingMm)) {
    return fail(
      `PixelSpacing (0028,0030) must be two positive numbers of millimetres but is ${rowSpacingMm}\\${columnSpacingMm}.`,
    );
  }
  const implausible = implausiblePixelSpacing(rowSpacingMm, columnSpacingMm);
  if (implausible !== null) return fail(implausible);
  const cal: SpatialCalibration = { source: 'pixel-spacing', rowSpacingMm, columnSpacingMm };
  return ok({ ...cal, description: describeCalibration(cal) });
}
