/** Calibration as the CLI reports it, always chosen by the domain's resolveCalibration. */
import { calibrationInputFromMetadata, type DicomImageMetadata } from '../dicom/index.ts';
import { resolveCalibration } from '../domain/calibration/index.ts';
import type { Calibration, Contour, Result } from '../domain/types.ts';

export interface CalibrationReport {
  readonly source: Calibration['source'];
  readonly rowSpacingMm: number | null;
  readonly columnSpacingMm: number | null;
  readonly regionIndex?: number;
  readonly description?: string;
}

export function calibrationReport(cal: Calibration): CalibrationReport {
  return {
    source: cal.source,
    rowSpacingMm: cal.rowSpacingMm,
    columnSpacingMm: cal.columnSpacingMm,
    ...(cal.source !== 'none' && cal.regionIndex !== undefined ? { regionIndex: cal.regionIndex } : {}),
    ...(cal.description !== undefined ? { description: cal.description } : {}),
  };
}

/**
 * Image-level calibration (no trace yet): the ultrasound region when there is exactly one
 * usable region or all agree, else PixelSpacing, else none. When the regions disagree the
 * image has no single scale: reported as 'none' with the domain's reason.
 */
export function imageCalibration(meta: DicomImageMetadata): CalibrationReport {
  const resolved = resolveCalibration(calibrationInputFromMetadata(meta));
  if (resolved.ok) return calibrationReport(resolved.value);
  return { source: 'none', rowSpacingMm: null, columnSpacingMm: null, description: resolved.error };
}

/** Calibration for a particular trace (picks the ultrasound region that contains it). */
export function traceCalibration(meta: DicomImageMetadata, contour: Contour): Result<Calibration> {
  return resolveCalibration(calibrationInputFromMetadata(meta), contour);
}
