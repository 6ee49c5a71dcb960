import type { NerveMeasurement } from '../../src/domain/measurement';
import { measureContour } from '../../src/domain/measurement';
import type { NerveId, SiteId } from '../../src/domain/reference';
import type { Side } from '../../src/domain/types';

let counter = 0;

/**
 * A calibrated measurement whose traced area is exactly `areaMm2` (a 10 px wide rectangle at 1 mm per
 * pixel), for tests of what is computed from measurements.
 */
export function rectangleMeasurement(nerve: NerveId, site: SiteId, side: Side, areaMm2: number, modality = 'US'): NerveMeasurement {
  counter += 1;
  const height = areaMm2 / 10;
  const contour = [
    { x: 0, y: 0 },
    { x: 10, y: 0 },
    { x: 10, y: height },
    { x: 0, y: height },
  ];
  const calibration = { source: 'pixel-spacing' as const, rowSpacingMm: 1, columnSpacingMm: 1 };
  const metrics = measureContour(contour, calibration);
  if (!metrics.ok) throw new Error(metrics.error);
  return {
    id: `m${counter}`,
    label: `A${counter}`,
    nerve,
    site,
    side,
    sideSource: 'user',
    modality,
    method: 'freehand',
    image: { studyInstanceUid: '1.2', seriesInstanceUid: '1.2.3', sopInstanceUid: `1.2.3.${counter}`, frameIndex: 0 },
    contour,
    calibration,
    metrics: metrics.value,
    intensity: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}
