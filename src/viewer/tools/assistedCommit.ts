/**
 * A finished assisted outline enters NerveTrace exactly like a freehand trace: a PlanarFreehandROI
 * annotation is added and completed, and measurementSync records it (numbers from src/domain, one
 * undo step, editable with Select, saved and exported like any trace).
 */
import { eventTarget, triggerEvent } from '@cornerstonejs/core';
import { annotation as annotationApi, PlanarFreehandROITool, Enums as ToolEnums } from '@cornerstonejs/tools';
import type { ImagePoint } from '../../domain/types';
import { measuringPort } from './measuringPort';
import { annotationPlacement } from './annotationRestore';
import { imagePointToWorld } from './imageCoordinates';
import { FREEHAND_TOOL } from './toolNames';

export function assistedNotice(message: string): void {
  measuringPort().notice(message);
}

export function commitAssistedContour(imageId: string, contour: readonly ImagePoint[]): void {
  const placement = annotationPlacement(imageId);
  if (!placement) {
    assistedNotice('Trace not recorded: the image geometry is not known yet.');
    return;
  }
  const annotation = PlanarFreehandROITool.createAnnotation({
    highlighted: false,
    metadata: { ...placement.metadata, toolName: FREEHAND_TOOL },
    data: { contour: { polyline: contour.map((p) => imagePointToWorld(imageId, p)), closed: true } },
  });
  annotationApi.state.addAnnotation(annotation, placement.groupKey);
  triggerEvent(eventTarget, ToolEnums.Events.ANNOTATION_COMPLETED, { annotation });
}
