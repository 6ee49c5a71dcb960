/**
 * Turns a Cornerstone annotation into domain numbers: the contour (or two diameters) in image
 * coordinates, the calibration for that image, and the metrics computed by src/domain.
 * Cornerstone's own annotation statistics are never used (its ultrasound-region areas were
 * found off by the calibration scale squared).
 */
import type { Types as ToolTypes } from '@cornerstonejs/tools';
import { measureContour, measureEllipseByDiameters, type ContourMetrics, type Diameter } from '../../domain/measurement';
import type { ImagePoint, Result } from '../../domain/types';
import { measuringPort } from './measuringPort';
import { ELLIPSE_TOOL, SPLINE_TOOL } from './toolNames';
import { worldToImagePoint } from './imageCoordinates';

export interface AnnotationGeometry {
  readonly contour: ImagePoint[];
  readonly diameters?: readonly [Diameter, Diameter];
  /** Spline: the points the user placed. */
  readonly controlPoints?: ImagePoint[];
}

export interface AnnotationMeasurement extends AnnotationGeometry {
  readonly metrics: ContourMetrics;
}

type AnnotationData = ToolTypes.Annotation['data'] & {
  contour?: { polyline?: Types3[] };
  handles?: { points?: Types3[] };
};
type Types3 = [number, number, number];

/** The geometry of an annotation in image pixel coordinates, or null while it is incomplete. */
export function annotationGeometry(toolName: string, data: AnnotationData, imageId: string): AnnotationGeometry | null {
  if (toolName === ELLIPSE_TOOL) {
    const points = data.handles?.points;
    if (!points || points.length < 4) return null;
    const [a, b, c, d] = points.map((p) => worldToImagePoint(imageId, p)) as [ImagePoint, ImagePoint, ImagePoint, ImagePoint];
    return { contour: [], diameters: [[a, b], [c, d]] };
  }
  const polyline = data.contour?.polyline;
  if (!polyline || polyline.length < 3) return null;
  const contour = polyline.map((p) => worldToImagePoint(imageId, p));
  const points = data.handles?.points;
  if (toolName === SPLINE_TOOL && points && points.length >= 3) {
    return { contour, controlPoints: points.map((p) => worldToImagePoint(imageId, p)) };
  }
  return { contour };
}

export function measureAnnotation(toolName: string, data: AnnotationData, imageId: string): Result<AnnotationMeasurement> {
  const port = measuringPort();
  const frame = port.frameOf(imageId);
  if (!frame) return { ok: false, error: 'The image of this trace is no longer open.' };
  const geometry = annotationGeometry(toolName, data, imageId);
  if (!geometry) return { ok: false, error: 'The trace is not complete yet.' };

  if (geometry.diameters) {
    const [d1, d2] = geometry.diameters;
    const calibration = port.calibrationFor(frame.meta, [d1[0], d1[1], d2[0], d2[1]]);
    if (!calibration.ok) return calibration;
    const ellipse = measureEllipseByDiameters(d1, d2, calibration.value);
    if (!ellipse.ok) return ellipse;
    return { ok: true, value: { contour: ellipse.value.outline, diameters: geometry.diameters, metrics: ellipse.value.metrics } };
  }
  const calibration = port.calibrationFor(frame.meta, geometry.contour);
  if (!calibration.ok) return calibration;
  const metrics = measureContour(geometry.contour, calibration.value);
  if (!metrics.ok) return metrics;
  return { ok: true, value: { ...geometry, metrics: metrics.value } };
}
