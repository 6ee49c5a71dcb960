import { fail, ok, type Contour, type Result, type UltrasoundRegion } from '../types';
import { describeCalibration } from './describe';
import { isPositiveFinite, type SpatialCalibration } from './kinds';
import { implausibleRegionDeltas } from './plausibility';

/** PhysicalUnitsX/YDirection (0018,6024/6026) code for centimetres. */
export const ULTRASOUND_UNITS_CM = 3;

/** Both axes are declared in centimetres, i.e. the region claims to be a distance map. */
function declaresCentimetres(region: UltrasoundRegion): boolean {
  return (
    region.physicalUnitsXDirection === ULTRASOUND_UNITS_CM && region.physicalUnitsYDirection === ULTRASOUND_UNITS_CM
  );
}

function hasOrderedBounds(region: UltrasoundRegion): boolean {
  const { minX0, minY0, maxX1, maxY1 } = region;
  return (
    [minX0, minY0, maxX1, maxY1].every(Number.isFinite) && maxX1 > minX0 && maxY1 > minY0
  );
}

function hasPositiveDeltas(region: UltrasoundRegion): boolean {
  return isPositiveFinite(region.physicalDeltaX) && isPositiveFinite(region.physicalDeltaY);
}

/** The plausibility sentence for a region's deltas (plausibility.ts), or null when they are physical. */
function implausibility(region: UltrasoundRegion, index: number): string | null {
  return implausibleRegionDeltas(index, region.physicalDeltaX, region.physicalDeltaY);
}

/**
 * A region whose pixels can be measured in millimetres: centimetres on both axes,
 * usable (finite, > 0) and physical (plausibility.ts) deltas and a non-empty rectangle.
 * Doppler spectra, M-mode strips (time on x) and regions with unknown units are not spatial.
 */
export function isSpatialRegion(region: UltrasoundRegion): boolean {
  return (
    declaresCentimetres(region) &&
    hasPositiveDeltas(region) &&
    implausibility(region, 0) === null &&
    hasOrderedBounds(region)
  );
}

/**
 * A centimetre region whose deltas are positive numbers but not a physical pixel size
 * (1e+20 cm, 1e-308 cm) and that holds the whole trace — or, without a trace, the first such
 * region. Returns its index and the sentence; such an image is measured in px, UNCALIBRATED.
 */
export function implausibleRegion(
  regions: readonly UltrasoundRegion[],
  contour?: Contour,
): { index: number; reason: string } | null {
  for (let index = 0; index < regions.length; index++) {
    const region = regions[index]!;
    if (!declaresCentimetres(region) || !hasPositiveDeltas(region) || !hasOrderedBounds(region)) continue;
    if (contour !== undefined && !regionContainsContour(region, contour)) continue;
    const reason = implausibility(region, index);
    if (reason !== null) return { index, reason };
  }
  return null;
}

/**
 * Every point of the trace lies inside the region rectangle. Bounds are inclusive pixel
 * indices (RegionLocationMinX0..MaxX1), compared with the continuous image coordinates.
 */
export function regionContainsContour(region: UltrasoundRegion, contour: Contour): boolean {
  if (contour.length === 0 || !hasOrderedBounds(region)) return false;
  for (const p of contour) {
    if (!pointInRegion(region, p.x, p.y)) return false;
  }
  return true;
}

function pointInRegion(region: UltrasoundRegion, x: number, y: number): boolean {
  return x >= region.minX0 && x <= region.maxX1 && y >= region.minY0 && y <= region.maxY1;
}

function touchesRegion(region: UltrasoundRegion, contour: Contour): boolean {
  return hasOrderedBounds(region) && contour.some((p) => pointInRegion(region, p.x, p.y));
}

function sameScale(a: UltrasoundRegion, b: UltrasoundRegion): boolean {
  return a.physicalDeltaX === b.physicalDeltaX && a.physicalDeltaY === b.physicalDeltaY;
}

/**
 * Picks the spatial ultrasound region that contains the WHOLE trace. Scanners put
 * several regions in one image (dual view, Doppler strip), each with its own scale,
 * so a trace outside every region or straddling two is refused rather than measured
 * with the wrong scale.
 * Nested regions with identical scale (e.g. a colour-flow box inside the B-mode image)
 * are not ambiguous: the lowest index is used. Different scales → refused.
 */
export function selectUltrasoundRegion(
  regions: readonly UltrasoundRegion[],
  contour: Contour,
): Result<{ region: UltrasoundRegion; index: number }> {
  if (contour.length === 0) {
    return fail('There is no trace, so the ultrasound region it belongs to cannot be chosen.');
  }
  const containing: number[] = [];
  regions.forEach((region, index) => {
    if (isSpatialRegion(region) && regionContainsContour(region, contour)) containing.push(index);
  });

  if (containing.length === 0) {
    // Say why, in the order a user can act on.
    const broken = regions.findIndex(
      (r) => declaresCentimetres(r) && !isSpatialRegion(r) && regionContainsContour(r, contour),
    );
    if (broken >= 0) {
      return fail(
        `Ultrasound region ${broken} contains the trace but its pixel size is invalid, so no millimetre scale can be trusted.`,
      );
    }
    if (!regions.some(isSpatialRegion)) {
      return fail('The image has no calibrated ultrasound region (centimetre units on both axes).');
    }
    const touched = regions.findIndex((r) => isSpatialRegion(r) && touchesRegion(r, contour));
    if (touched >= 0) {
      return fail(
        `The trace crosses the border of ultrasound region ${touched}; draw it entirely inside one image region.`,
      );
    }
    return fail('The trace lies outside every calibrated ultrasound region; draw it inside the image area.');
  }

  const index = containing[0]!;
  const region = regions[index]!;
  const conflicting = containing.find((i) => !sameScale(regions[i]!, region));
  if (conflicting !== undefined) {
    return fail(
      `The trace lies inside ultrasound regions ${index} and ${conflicting}, which have different scales; it is unclear which applies.`,
    );
  }
  return ok({ region, index });
}

/**
 * Millimetre calibration from one ultrasound region. Deltas are cm per pixel, so ×10.
 * PhysicalDeltaY (per row step) → rowSpacingMm; PhysicalDeltaX (per column step) → columnSpacingMm.
 *
 * Rule: a zero, negative or non-finite delta is REFUSED, not made positive with abs().
 * A negative delta signals a flipped axis or a corrupt header; either way the file is
 * not saying what we think it says, and a measurement must not rest on a guess.
 */
export function calibrationFromUltrasoundRegion(
  region: UltrasoundRegion,
  index: number,
): Result<SpatialCalibration> {
  if (!declaresCentimetres(region)) {
    return fail(
      `Ultrasound region ${index} is not in centimetres (unit codes ${region.physicalUnitsXDirection}/${region.physicalUnitsYDirection}), so it gives no distance scale.`,
    );
  }
  if (!isPositiveFinite(region.physicalDeltaX) || !isPositiveFinite(region.physicalDeltaY)) {
    return fail(
      `Ultrasound region ${index} has an invalid pixel size (PhysicalDeltaX ${region.physicalDeltaX}, PhysicalDeltaY ${region.physicalDeltaY}); it must be positive.`,
    );
  }
  if (!hasOrderedBounds(region)) {
    return fail(`Ultrasound region ${index} has an empty or inverted rectangle, so it cannot be trusted.`);
  }
  const implausible = implausibility(region, index);
  if (implausible !== null) return fail(implausible);
  const cal: SpatialCalibration = {
    source: 'us-region',
    rowSpacingMm: region.physicalDeltaY * 10,
    columnSpacingMm: region.physicalDeltaX * 10,
    regionIndex: index,
  };
  return ok({ ...cal, description: describeCalibration(cal) });
}

/** Regions claiming centimetres, valid or not: their presence means PixelSpacing must not be used instead. */
export function declaresSpatialRegion(regions: readonly UltrasoundRegion[]): boolean {
  return regions.some(declaresCentimetres);
}
