import { fail, ok, type Calibration, type Contour, type Result, type UltrasoundRegion } from '../types';
import { hasValidSpacing, type SpatialCalibration, type Uncalibrated } from './kinds';
import { calibrationFromPixelSpacing } from './pixelSpacing';
import {
  ULTRASOUND_UNITS_CM,
  calibrationFromUltrasoundRegion,
  declaresSpatialRegion,
  implausibleRegion,
  isSpatialRegion,
  selectUltrasoundRegion,
} from './ultrasoundRegion';

export interface CalibrationSources {
  /** A calibration the user set explicitly (e.g. from calibrationFromUserLine). */
  readonly userCalibration?: SpatialCalibration | undefined;
  /** Sequence of Ultrasound Regions (0018,6011), as stored. */
  readonly ultrasoundRegions?: readonly UltrasoundRegion[] | undefined;
  /** PixelSpacing (0028,0030), [row, column] in mm. */
  readonly pixelSpacing?: readonly number[] | undefined;
}

/** The description of an image that simply has no scale (nothing was ignored). */
export const UNCALIBRATED_REASON = 'uncalibrated: no PixelSpacing or ultrasound region';

/**
 * The one place that decides which millimetre scale applies. Priority:
 *   1. the user's own calibration (they know better than the header);
 *   2. ultrasound regions, whenever the image declares any centimetre region. If it
 *      does but the trace is not inside exactly one usable region, this FAILS: falling
 *      back to PixelSpacing there would measure with a scale the scanner never meant;
 *   3. PixelSpacing;
 *   4. 'none': results stay in pixels and are labelled uncalibrated.
 * A scale outside the physical range (plausibility.ts) is no scale: the image is 'none', and
 * the description says which value was not physical.
 * Never guesses a scale.
 */
export function resolveCalibration(sources: CalibrationSources, contour?: Contour): Result<Calibration> {
  const { userCalibration, ultrasoundRegions = [], pixelSpacing } = sources;

  if (userCalibration !== undefined) {
    if (!hasValidSpacing(userCalibration)) {
      return fail('The user calibration has an invalid pixel size; calibrate again with a line of known length.');
    }
    return ok(userCalibration);
  }

  if (declaresSpatialRegion(ultrasoundRegions)) {
    return contour === undefined
      ? regionWithoutTrace(ultrasoundRegions)
      : regionForTrace(ultrasoundRegions, contour);
  }

  if (pixelSpacing !== undefined) {
    const fromSpacing = calibrationFromPixelSpacing(pixelSpacing);
    if (fromSpacing.ok) return fromSpacing;
    return ok(uncalibrated(`PixelSpacing ignored: ${fromSpacing.error}`));
  }
  return ok(uncalibrated(UNCALIBRATED_REASON));
}

function uncalibrated(description: string): Uncalibrated {
  return { source: 'none', rowSpacingMm: null, columnSpacingMm: null, description };
}

function regionForTrace(regions: readonly UltrasoundRegion[], contour: Contour): Result<Calibration> {
  const selected = selectUltrasoundRegion(regions, contour);
  if (!selected.ok) {
    // Inside a region whose scale is not physical: measured in px, never in its millimetres.
    const implausible = implausibleRegion(regions, contour);
    return implausible === null ? selected : ok(uncalibrated(implausible.reason));
  }
  return calibrationFromUltrasoundRegion(selected.value.region, selected.value.index);
}

/**
 * Without a trace (e.g. showing the overlay before drawing) a region can only be
 * chosen when the choice does not matter: every usable region has the same scale.
 */
function regionWithoutTrace(regions: readonly UltrasoundRegion[]): Result<Calibration> {
  const usable = regions.map((region, index) => ({ region, index })).filter((r) => isSpatialRegion(r.region));
  const first = usable[0];
  if (first === undefined) {
    const implausible = implausibleRegion(regions);
    if (implausible !== null) return ok(uncalibrated(implausible.reason));
    // Only centimetre regions with broken deltas exist: report the first one's problem.
    const index = regions.findIndex((r) => r.physicalUnitsXDirection === ULTRASOUND_UNITS_CM && r.physicalUnitsYDirection === ULTRASOUND_UNITS_CM);
    return calibrationFromUltrasoundRegion(regions[index]!, index);
  }
  const differs = usable.some(
    (r) =>
      r.region.physicalDeltaX !== first.region.physicalDeltaX ||
      r.region.physicalDeltaY !== first.region.physicalDeltaY,
  );
  if (differs) {
    return fail(
      'This image has several ultrasound regions with different scales; draw the trace first so the region containing it can be used.',
    );
  }
  return calibrationFromUltrasoundRegion(first.region, first.index);
}
