/**
 * The text next to each contour, e.g. "A1 = 58.2 mm²" and "C1 = 29.4 mm", computed live by the
 * domain on every render so it follows the contour while it is being edited.
 */
import { formatArea, formatLength } from '../../domain/measurement';
import { measureAnnotation } from './measureAnnotation';

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
