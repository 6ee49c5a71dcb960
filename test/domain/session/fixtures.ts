/** Small hand-built sessions for the session and export tests. */
import type { Calibration, ImagePoint, Side } from '../../../src/domain/types';
import { measureContour, type NerveMeasurement } from '../../../src/domain/measurement';
import type { NerveId, SiteId } from '../../../src/domain/reference';
import { createSession, type Session } from '../../../src/domain/session';

export const NOW = '2025-03-01T10:00:00.000Z';
export const STUDY = '1.2.826.0.1.3680043.8.498.1';
export const SERIES_L = '1.2.826.0.1.3680043.8.498.1.1';
export const SERIES_R = '1.2.826.0.1.3680043.8.498.1.2';
export const SOP_L = '1.2.826.0.1.3680043.8.498.1.1.1';
export const SOP_R = '1.2.826.0.1.3680043.8.498.1.2.1';
export const US_IMAGE = '1.2.840.10008.5.1.4.1.1.6.1';

export const rect = (x0: number, y0: number, w: number, h: number): ImagePoint[] => [
  { x: x0, y: y0 },
  { x: x0 + w, y: y0 },
  { x: x0 + w, y: y0 + h },
  { x: x0, y: y0 + h },
];

export const usRegion = (mm: number): Calibration => ({ source: 'us-region', rowSpacingMm: mm, columnSpacingMm: mm, regionIndex: 0 });
export const UNCALIBRATED: Calibration = { source: 'none', rowSpacingMm: null, columnSpacingMm: null };

export interface MeasurementSpec {
  readonly id: string;
  readonly label?: string;
  readonly nerve?: NerveId;
  readonly site?: SiteId;
  readonly side?: Side | null;
  readonly modality?: string;
  readonly contour?: ImagePoint[];
  readonly calibration?: Calibration;
  readonly sop?: string;
  readonly series?: string;
  readonly frameIndex?: number;
}

export function measurement(spec: MeasurementSpec): NerveMeasurement {
  const contour = spec.contour ?? rect(10, 10, 100, 80);
  const calibration = spec.calibration ?? usRegion(0.1);
  const metrics = measureContour(contour, calibration);
  if (!metrics.ok) throw new Error(metrics.error);
  const side = spec.side === undefined ? 'R' : spec.side;
  return {
    id: spec.id,
    label: spec.label ?? spec.id,
    nerve: spec.nerve ?? 'sciatic',
    site: spec.site ?? 'gluteal-fold',
    side,
    sideSource: side === null ? 'unknown' : 'ImageLaterality',
    modality: spec.modality ?? 'US',
    method: 'freehand',
    image: {
      studyInstanceUid: STUDY,
      seriesInstanceUid: spec.series ?? (side === 'L' ? SERIES_L : SERIES_R),
      sopInstanceUid: spec.sop ?? (side === 'L' ? SOP_L : SOP_R),
      frameIndex: spec.frameIndex ?? 0,
      fileName: side === 'L' ? 'Smith_John_left.dcm' : 'Smith_John_right.dcm',
    },
    contour,
    calibration,
    metrics: metrics.value,
    intensity: { mean: 87.5, sd: 12.25, pixelCount: 8000 },
    createdAt: NOW,
    updatedAt: NOW,
  };
}

/** A two-image US study (left and right gluteal fold) with the given measurements. */
export function session(measurements: NerveMeasurement[], extra: Partial<Session> = {}): Session {
  return {
    ...createSession({ appVersion: '0.1.0', now: NOW }),
    patient: { name: 'Smith^John', id: 'PID-4711', birthDate: '19600101', accessionNumber: 'ACC-99' },
    studies: [
      {
        studyInstanceUid: STUDY,
        description: 'US sciatic nerves',
        series: [
          {
            seriesInstanceUid: SERIES_L,
            modality: 'US',
            description: 'Sciatic L',
            laterality: 'L',
            instances: [{ sopInstanceUid: SOP_L, sopClassUid: US_IMAGE, fileName: 'Smith_John_left.dcm', frames: 1 }],
          },
          {
            seriesInstanceUid: SERIES_R,
            modality: 'US',
            description: 'Sciatic R',
            laterality: 'R',
            instances: [{ sopInstanceUid: SOP_R, sopClassUid: US_IMAGE, fileName: 'Smith_John_right.dcm', frames: 1 }],
          },
        ],
      },
    ],
    calibrations: [
      {
        scope: 'series',
        seriesInstanceUid: SERIES_L,
        calibration: { source: 'user', rowSpacingMm: 0.1, columnSpacingMm: 0.1, description: 'User calibration: 0.100 mm/px' },
        line: { start: { x: 0, y: 0 }, end: { x: 100, y: 0 }, knownLengthMm: 10 },
      },
    ],
    measurements,
    ...extra,
  };
}
