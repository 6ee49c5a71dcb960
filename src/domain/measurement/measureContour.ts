import { findSelfIntersection } from '../geometry/selfIntersection';
import { contourAreaPx2 } from '../geometry/area';
import { contourPerimeterMm, contourPerimeterPx } from '../geometry/perimeter';
import { allPointsCollinear, removeRepeatedPoints } from '../geometry/repeatedPoints';
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
  for (const p of contour) {
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) {
      return fail('The trace contains an invalid point (not a finite coordinate); redraw it.');
    }
  }
  const points = removeRepeatedPoints(contour);
  if (points.length < 3) {
    return fail('The trace needs at least 3 distinct points to enclose an area.');
  }
  // Checked before crossings: a trace lying on one line is better described as flat.
  if (allPointsCollinear(points)) {
    return fail('The trace encloses no area (all its points lie on one line); redraw it around the nerve.');
  }
  if (findSelfIntersection(points) !== null) {
    return fail('The trace crosses itself; redraw it without loops.');
  }
  const areaPx2 = contourAreaPx2(points);
  if (!(areaPx2 > 0)) {
    return fail('The trace encloses no area; redraw it around the nerve.');
  }

  if (calibration.source === 'none') {
    return ok({ calibrated: false, areaPx2, perimeterPx: contourPerimeterPx(points), calibration });
  }
  if (!hasValidSpacing(calibration)) {
    return fail('The calibration has an invalid pixel size, so no millimetre value can be given.');
  }
  const { rowSpacingMm, columnSpacingMm } = calibration;
  return ok({
    calibrated: true,
    areaMm2: areaPx2 * rowSpacingMm * columnSpacingMm,
    perimeterMm: contourPerimeterMm(points, rowSpacingMm, columnSpacingMm),
    calibration,
  });
}
