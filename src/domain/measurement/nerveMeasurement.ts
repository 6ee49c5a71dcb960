/**
 * A nerve cross-section measurement as NerveTrace records it: what was measured (nerve, site,
 * side), where (image reference, contour in image pixel coordinates), how (method, calibration)
 * and the numbers — always recomputed from the contour by the domain, never taken from a tool.
 */
import type { Calibration, Contour, ImagePoint, Result, Side, SideSource } from '../types';
import type { NerveId, SiteId } from '../reference';
import type { ContourMetrics } from './measureContour';
import { measurementMetrics } from './measurementMetrics';

export type MeasurementMethod = 'freehand' | 'spline' | 'ellipse';

/** Which image (and frame) a contour was drawn on. frameIndex is 0-based. */
export interface ImageReference {
  readonly studyInstanceUid: string;
  readonly seriesInstanceUid: string;
  readonly sopInstanceUid: string;
  readonly frameIndex: number;
  readonly fileName?: string;
}

/** Mean and standard deviation of stored pixel values inside the contour (echogenicity on US). */
export interface IntensityStats {
  readonly mean: number;
  readonly sd: number;
  readonly pixelCount: number;
}

export interface NerveMeasurement {
  readonly id: string;
  /** Short display label, e.g. "A1". */
  readonly label: string;
  readonly nerve: NerveId;
  readonly site: SiteId;
  readonly side: Side | null;
  readonly sideSource: SideSource;
  readonly modality: string;
  readonly method: MeasurementMethod;
  readonly image: ImageReference;
  /** Closed contour in image pixel coordinates (for an ellipse: its sampled outline). */
  readonly contour: readonly ImagePoint[];
  /** For the ellipse method: the two diameters' end points, in image pixel coordinates. */
  readonly diameters?: readonly [readonly [ImagePoint, ImagePoint], readonly [ImagePoint, ImagePoint]];
  /** For the spline method: the points the user placed (the contour is the curve through them). */
  readonly controlPoints?: readonly ImagePoint[];
  readonly calibration: Calibration;
  readonly metrics: ContourMetrics;
  readonly intensity: IntensityStats | null;
  /**
   * Kept, shown and exported, but left out of its group's mean (a repeat the user judged
   * unreliable). Absent means included.
   */
  readonly excluded?: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** Recompute a measurement's numbers after its contour or calibration changed. */
export function remeasure(
  measurement: NerveMeasurement,
  contour: Contour,
  calibration: Calibration,
  intensity: IntensityStats | null,
  now: string,
): Result<NerveMeasurement> {
  const metrics = measurementMetrics({ ...measurement, contour }, calibration);
  if (!metrics.ok) return metrics;
  return {
    ok: true,
    value: { ...measurement, contour: [...contour], calibration, metrics: metrics.value, intensity, updatedAt: now },
  };
}
