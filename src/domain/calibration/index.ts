export type { SpatialCalibration, Uncalibrated } from './kinds';
export { hasValidSpacing } from './kinds';
export { calibrationFromPixelSpacing } from './pixelSpacing';
export {
  ULTRASOUND_UNITS_CM,
  isSpatialRegion,
  regionContainsContour,
  selectUltrasoundRegion,
  calibrationFromUltrasoundRegion,
  declaresSpatialRegion,
} from './ultrasoundRegion';
export { calibrationFromUserLine } from './userLine';
export { resolveCalibration, UNCALIBRATED_REASON, type CalibrationSources } from './resolve';
export {
  PLAUSIBLE_PIXEL_SPACING_MM,
  isPlausibleSpacingMm,
  implausiblePixelSpacing,
  implausibleRegionDeltas,
  type PlausibleSpacingLimits,
} from './plausibility';
export { describeCalibration } from './describe';
export { scaleBar, scaleBarLabel, type ScaleBar } from './scaleBar';
