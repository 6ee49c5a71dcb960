/** Clicking a measurement in the panel: show its image and frame, and highlight its contour. */
import { annotation as annotationApi } from '@cornerstonejs/tools';
import { getRenderingEngines } from '@cornerstonejs/core';
import type { NerveMeasurement } from '../../domain/measurement';
import { measuringPort } from './measuringPort';

export function focusMeasurement(measurement: NerveMeasurement): boolean {
  const port = measuringPort();
  const imageId = port.imageIdOf(measurement.image);
  const frame = imageId ? port.frameOf(imageId) : undefined;
  if (!imageId || !frame) return false;
  port.showImage(frame.meta.seriesInstanceUid ?? '', imageId);
  annotationApi.selection.setAnnotationSelected(measurement.id, true, false);
  for (const engine of getRenderingEngines() ?? []) engine.render();
  return true;
}
