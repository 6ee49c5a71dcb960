export { measureContour, type ContourMetrics } from './measureContour';
export { formatArea, formatLength, formatAreaMm2, formatLengthMm } from './format';
