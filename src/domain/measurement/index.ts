export { measureContour, type ContourMetrics } from './measureContour';
export { formatArea, formatLength, formatAreaMm2, formatLengthMm, formatLineLength, exportNumber } from './format';
export { measurementMetrics, measurementPixelMetrics, type MeasuredShape } from './measurementMetrics';
export {
  remeasure,
  type NerveMeasurement,
  type MeasurementMethod,
  type ImageReference,
  type IntensityStats,
} from './nerveMeasurement';
export {
  groupRepeatedMeasurements,
  comparisonInputs,
  groupKey,
  methodFamily,
  type GroupingOptions,
  type MethodFamily,
  type RepeatedMeasurementGroup,
  type RepeatStats,
} from './repeatedMeasurements';
export { intensityInside, type PixelGrid } from './intensity';
export { measureEllipseByDiameters, diameterLength, type Diameter, type EllipseMeasurement } from './ellipseByDiameters';
export { measureLineLength, type LineLength } from './lineLength';
