/**
 * The text next to each contour, e.g. "A1 = 58.2 mm²" and "C1 = 29.4 mm", computed live by the
 * domain on every render so it follows the contour while it is being edited.
 */
import { formatArea, formatLength, formatLineLength, measureLineLength } from '../../domain/measurement';
import { measureAnnotation } from './measureAnnotation';
import { worldToImagePoint } from './imageCoordinates';
import { measuringPort } from './measuringPort';

/** Fields NerveTrace adds to a Cornerstone annotation's data. */
export interface NerveTraceAnnotationData {
  nvImageId?: string;
  nvToolName?: string;
  label?: string;
}

export function labelLines(data: NerveTraceAnnotationData & Record<string, unknown>): string[] {
  if (!data.nvImageId || !data.nvToolName) return [];
  const label = data.label || '?';
  const result = measureAnnotation(data.nvToolName, data as never, data.nvImageId);
  if (!result.ok) return [`${label}: ${result.error}`];
  const numbered = /^A(\d+)$/.exec(label);
  const circumferenceLabel = numbered ? `C${numbered[1]}` : `${label} circumference`;
  return [`${label} = ${formatArea(result.value.metrics)}`, `${circumferenceLabel} = ${formatLength(result.value.metrics)}`];
}

/** The length tool's label: "12.3 mm" from the domain, with the image's calibration. */
export function lengthLabelLines(data: NerveTraceAnnotationData & { handles?: { points?: [number, number, number][] } }): string[] {
  const points = data.handles?.points;
  const imageId = data.nvImageId;
  if (!imageId || !points || points.length < 2) return [];
  const port = measuringPort();
  const frame = port.frameOf(imageId);
  if (!frame) return [];
  const [start, end] = [worldToImagePoint(imageId, points[0]!), worldToImagePoint(imageId, points[1]!)];
  const calibration = port.calibrationFor(frame.meta, [start, end]);
  if (!calibration.ok) return [calibration.error];
  return [formatLineLength(measureLineLength(start, end, calibration.value))];
}
