import { fail, ok, type ImagePoint, type Result } from '../types';
import { describeCalibration } from './describe';
import { isPositiveFinite, type SpatialCalibration } from './kinds';
import { acceptedRange, formatRawNumber, isPlausibleSpacingMm } from './plausibility';

/**
 * Calibration from a line the user drew over a feature of known length (a ruler on the
 * screen capture, the depth scale). Square pixels are assumed unless the pixel aspect
 * (row spacing ÷ column spacing, e.g. from PixelAspectRatio (0028,0034)) is given:
 * then rowSpacing = aspect × columnSpacing and the line's length in mm
 * √((dx·col)² + (dy·row)²) must equal the known length.
 */
export function calibrationFromUserLine(
  start: ImagePoint,
  end: ImagePoint,
  knownLengthMm: number,
  pixelAspect?: number,
): Result<SpatialCalibration> {
  if (![start.x, start.y, end.x, end.y].every(Number.isFinite)) {
    return fail('The calibration line has an invalid end point.');
  }
  if (!isPositiveFinite(knownLengthMm)) {
    return fail(`The known length must be a positive number of millimetres (got ${knownLengthMm}).`);
  }
  const aspect = pixelAspect ?? 1;
  if (!isPositiveFinite(aspect)) {
    return fail(`The pixel aspect ratio must be a positive number (got ${pixelAspect}).`);
  }
  const dx = end.x - start.x;
  const dy = end.y - start.y;
  // Length of the line in "column-spacing units".
  const lengthInColumnUnits = Math.hypot(dx, aspect * dy);
  if (lengthInColumnUnits === 0) {
    return fail('The calibration line has zero length; draw it between two distinct points.');
  }
  const columnSpacingMm = knownLengthMm / lengthInColumnUnits;
  const rowSpacingMm = aspect * columnSpacingMm;
  if (!isPlausibleSpacingMm(rowSpacingMm) || !isPlausibleSpacingMm(columnSpacingMm)) {
    const worst = isPlausibleSpacingMm(columnSpacingMm) ? rowSpacingMm : columnSpacingMm;
    return fail(
      `This line and length give ${formatRawNumber(Number(worst.toPrecision(3)))} mm per pixel, which is not a physical pixel size (${acceptedRange('mm')}); check the known length.`,
    );
  }
  const cal: SpatialCalibration = { source: 'user', rowSpacingMm, columnSpacingMm };
  return ok({ ...cal, description: describeCalibration(cal) });
}
