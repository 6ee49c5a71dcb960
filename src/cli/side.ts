/**
 * Which side (L/R) a measurement belongs to: the file's laterality attributes first,
 * else inferred from where the trace's centroid lies in patient coordinates, else unknown.
 */
import type { DicomImageMetadata } from '../dicom/index.ts';
import { calibrationFromPixelSpacing } from '../domain/calibration/index.ts';
import { contourCentroid } from '../domain/geometry/index.ts';
import { sideFromLaterality, sideFromPatientCoordinates } from '../domain/side/index.ts';
import type { Contour, Side, SideSource } from '../domain/types.ts';

export interface SideReport {
  readonly side: Side | null;
  readonly sideSource: SideSource;
  /** True when derived from geometry (an assumed midline), not stated by the file. */
  readonly sideInferred: boolean;
}

export function sideFromTags(meta: DicomImageMetadata): SideReport {
  const tagged = sideFromLaterality({
    imageLaterality: meta.imageLaterality ?? undefined,
    laterality: meta.laterality ?? undefined,
    frameLaterality: meta.frameLaterality ?? undefined,
  });
  return tagged
    ? { side: tagged.side, sideSource: tagged.source, sideInferred: false }
    : { side: null, sideSource: 'unknown', sideInferred: false };
}

export function sideForContour(meta: DicomImageMetadata, contour: Contour, frame: number): SideReport {
  const tagged = sideFromTags(meta);
  if (tagged.side !== null) return tagged;

  const orientation = meta.imageOrientationPatient;
  const position = meta.framePositionsPatient?.[frame] ?? meta.imagePositionPatient;
  // Patient geometry is defined with PixelSpacing (mm in patient space), not ultrasound regions.
  const spacing = calibrationFromPixelSpacing(meta.pixelSpacing ?? undefined);
  const centroid = contourCentroid(contour);
  if (orientation && position && spacing.ok && centroid) {
    const inferred = sideFromPatientCoordinates(centroid, {
      imageOrientationPatient: orientation,
      imagePositionPatient: position,
      rowSpacingMm: spacing.value.rowSpacingMm,
      columnSpacingMm: spacing.value.columnSpacingMm,
    });
    if (inferred) return { side: inferred.side, sideSource: inferred.source, sideInferred: true };
  }
  return { side: null, sideSource: 'unknown', sideInferred: false };
}
