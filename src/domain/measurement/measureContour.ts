import { findPackedCrossing } from '../geometry/selfIntersection';
import { signedAreaPx2OfArrays } from '../geometry/area';
import { perimeterOfArrays } from '../geometry/perimeter';
import { packPoints, packedPointsCollinear } from '../geometry/packedPoints';
import { hasValidSpacing, type SpatialCalibration, type Uncalibrated } from '../calibration/kinds';
import { fail, ok, type Calibration, type Contour, type Result } from '../types';

/** What a trace measures: millimetres when the scale is known, pixels (and said so) otherwise. */
export type ContourMetrics =
  | {
      readonly calibrated: true;
      readonly areaMm2: number;
      readonly perimeterMm: number;
      readonly calibration: SpatialCalibration;
    }
  | {
      readonly calibrated: false;
      readonly areaPx2: number;
      readonly perimeterPx: number;
      readonly calibration: Uncalibrated;
    };

/**
 * THE single source of area and perimeter numbers for both the CLI and the UI.
 * Refuses, with one plain sentence, every trace whose area would be meaningless,
 * rather than return a number that looks right and is not:
 * too few points, invalid coordinates, no enclosed area, or a trace that crosses itself
 * (the shoelace formula would subtract one loop from the other).
 */
export function measureContour(contour: Contour, calibration: Calibration): Result<ContourMetrics> {
  // The points are read once, into flat arrays without repeats (as removeRepeatedPoints
  // would keep them); every check and both numbers below work on those arrays.
  const points = packPoints(contour);
  if (points === null) {
    return fail('The trace contains an invalid point (not a finite coordinate); redraw it.');
  }
  if (points.length < 3) {
    return fail('The trace needs at least 3 distinct points to enclose an area.');
  }
  // Checked before crossings: a trace lying on one line is better described as flat.
  if (packedPointsCollinear(points)) {
    return fail('The trace encloses no area (all its points lie on one line); redraw it around the nerve.');
  }
  if (findPackedCrossing(points) !== null) {
    return fail('The trace crosses itself; redraw it without loops.');
  }
  const { xs, ys, length } = points;
  const areaPx2 = Math.abs(signedAreaPx2OfArrays(xs, ys, length));
  if (!(areaPx2 > 0)) {
    return fail('The trace encloses no area; redraw it around the nerve.');
  }

  if (calibration.source === 'none') {
    const perimeterPx = perimeterOfArrays(xs, ys, length, 1, 1);
    if (!Number.isFinite(areaPx2) || !Number.isFinite(perimeterPx)) return fail(NOT_A_NUMBER);
    return ok({ calibrated: false, areaPx2, perimeterPx, calibration });
  }
  if (!hasValidSpacing(calibration)) {
    return fail('The calibration has an invalid pixel size, so no millimetre value can be given.');
  }
  const { rowSpacingMm, columnSpacingMm } = calibration;
  const areaMm2 = areaPx2 * rowSpacingMm * columnSpacingMm;
  // x steps are columns apart, y steps rows apart.
  const perimeterMm = perimeterOfArrays(xs, ys, length, columnSpacingMm, rowSpacingMm);
  // Never shown, stored or exported: an area or length that is not a finite number.
  if (!Number.isFinite(areaMm2) || !Number.isFinite(perimeterMm) || !(areaMm2 > 0)) return fail(NOT_A_NUMBER);
  return ok({ calibrated: true, areaMm2, perimeterMm, calibration });
}

const NOT_A_NUMBER = 'The trace is too large to give a finite area and perimeter; redraw it on the image.';
