/**
 * Calibrations the user set by drawing a line of known length, for one image or a whole series.
 * The calibration in force for an image is resolved by the domain (user > US region >
 * PixelSpacing > none); this store only remembers the user's choices.
 */
import { defineStore } from 'pinia';
import { shallowRef } from 'vue';
import { resolveCalibration, type SpatialCalibration } from '../domain/calibration';
import type { Calibration, Contour, ImagePoint, Result } from '../domain/types';
import type { DicomImageMetadata } from '../dicom/types';

export interface UserCalibrationRecord {
  readonly scope: 'image' | 'series';
  readonly seriesInstanceUid: string;
  readonly sopInstanceUid?: string;
  readonly calibration: SpatialCalibration;
  readonly line: { readonly start: ImagePoint; readonly end: ImagePoint; readonly knownLengthMm: number };
}

export const useCalibrationStore = defineStore('calibrations', () => {
  const records = shallowRef<readonly UserCalibrationRecord[]>([]);

  function userCalibrationFor(meta: Pick<DicomImageMetadata, 'sopInstanceUid' | 'seriesInstanceUid'>): SpatialCalibration | undefined {
    const forImage = records.value.find((r) => r.scope === 'image' && r.sopInstanceUid === meta.sopInstanceUid);
    const forSeries = records.value.find((r) => r.scope === 'series' && r.seriesInstanceUid === meta.seriesInstanceUid);
    return (forImage ?? forSeries)?.calibration;
  }

  /** The calibration for a trace on this image (or for the image overall when no contour is given). */
  function calibrationFor(meta: DicomImageMetadata, contour?: Contour): Result<Calibration> {
    return resolveCalibration(
      {
        userCalibration: userCalibrationFor(meta),
        pixelSpacing: meta.pixelSpacing ?? undefined,
        ultrasoundRegions: meta.ultrasoundRegions,
      },
      contour,
    );
  }

  function setCalibration(record: UserCalibrationRecord) {
    const others = records.value.filter((r) =>
      record.scope === 'image'
        ? !(r.scope === 'image' && r.sopInstanceUid === record.sopInstanceUid)
        : !(r.scope === 'series' && r.seriesInstanceUid === record.seriesInstanceUid),
    );
    records.value = [...others, record];
  }

  function clearFor(meta: Pick<DicomImageMetadata, 'sopInstanceUid' | 'seriesInstanceUid'>) {
    records.value = records.value.filter(
      (r) => r.sopInstanceUid !== meta.sopInstanceUid && !(r.scope === 'series' && r.seriesInstanceUid === meta.seriesInstanceUid),
    );
  }

  function replaceAll(next: readonly UserCalibrationRecord[]) {
    records.value = next;
  }

  return { records, userCalibrationFor, calibrationFor, setCalibration, clearFor, replaceAll };
});
