/** The user's calibration line: read its end points, then remove it once the dialog closes. */
import { annotation as annotationApi, type Types as ToolTypes } from '@cornerstonejs/tools';
import { getRenderingEngines } from '@cornerstonejs/core';
import type { ImagePoint } from '../../domain/types';
import { worldToImagePoint } from './imageCoordinates';

/** A line the user drew to calibrate, waiting for its known length. */
export interface PendingCalibrationLine {
  readonly annotationUID: string;
  readonly imageId: string;
  readonly start: ImagePoint;
  readonly end: ImagePoint;
}

export function calibrationLineFrom(annotation: ToolTypes.Annotation): PendingCalibrationLine | null {
  const points = annotation.data.handles?.points;
  const imageId = annotation.metadata?.referencedImageId;
  if (!points || points.length < 2 || !imageId || !annotation.annotationUID) return null;
  return {
    annotationUID: annotation.annotationUID,
    imageId,
    start: worldToImagePoint(imageId, points[0]!),
    end: worldToImagePoint(imageId, points[1]!),
  };
}

export function removeCalibrationLine(annotationUID: string): void {
  annotationApi.state.removeAnnotation(annotationUID);
  for (const engine of getRenderingEngines() ?? []) engine.render();
}
