/**
 * Builds Cornerstone annotations from stored measurements, so that the measurement store stays
 * the single source of truth: undo/redo and restored sessions redraw exactly what is stored.
 */
import { metaData, type Types } from '@cornerstonejs/core';
import { annotation as annotationApi, PlanarFreehandROITool, BidirectionalTool } from '@cornerstonejs/tools';
import type { NerveMeasurement } from '../../domain/measurement';
import { imagePointToWorld } from './imageCoordinates';
import { ELLIPSE_TOOL, FREEHAND_TOOL } from './toolNames';

interface ImagePlane {
  frameOfReferenceUID?: string;
  rowCosines?: number[];
  columnCosines?: number[];
}

function cross(a: number[], b: number[]): Types.Point3 {
  return [a[1]! * b[2]! - a[2]! * b[1]!, a[2]! * b[0]! - a[0]! * b[2]!, a[0]! * b[1]! - a[1]! * b[0]!];
}

/** True when the loader already knows this image's geometry (its file has been parsed). */
export function imagePlaneKnown(imageId: string): boolean {
  return Boolean(metaData.get('imagePlaneModule', imageId));
}

export function restoreAnnotation(measurement: NerveMeasurement, imageId: string): void {
  const plane = metaData.get('imagePlaneModule', imageId) as ImagePlane | undefined;
  if (!plane) return;
  const viewPlaneNormal = cross(plane.columnCosines ?? [0, 1, 0], plane.rowCosines ?? [1, 0, 0]);
  // Images without a FrameOfReferenceUID (most ultrasound) are grouped by Cornerstone under the
  // key "undefined"; passing that string puts restored annotations in the same group.
  const groupKey = plane.frameOfReferenceUID ?? String(undefined);
  const metadata = { viewPlaneNormal, FrameOfReferenceUID: plane.frameOfReferenceUID, referencedImageId: imageId };
  const nerveTraceData = { label: measurement.label, nvImageId: imageId };

  let restored;
  if (measurement.method === 'ellipse' && measurement.diameters) {
    const [[a, b], [c, d]] = measurement.diameters;
    restored = BidirectionalTool.createAnnotation({
      annotationUID: measurement.id,
      highlighted: false,
      metadata: { ...metadata, toolName: ELLIPSE_TOOL },
      data: { ...nerveTraceData, nvToolName: ELLIPSE_TOOL, handles: { points: [a, b, c, d].map((p) => imagePointToWorld(imageId, p)) } },
    });
  } else {
    // Spline traces come back as freehand contours: same outline, same numbers, editable by redrawing.
    restored = PlanarFreehandROITool.createAnnotation({
      annotationUID: measurement.id,
      highlighted: false,
      metadata: { ...metadata, toolName: FREEHAND_TOOL },
      data: {
        ...nerveTraceData,
        nvToolName: FREEHAND_TOOL,
        contour: { polyline: measurement.contour.map((p) => imagePointToWorld(imageId, p)), closed: true },
      },
    });
  }
  annotationApi.state.addAnnotation(restored, groupKey);
}
