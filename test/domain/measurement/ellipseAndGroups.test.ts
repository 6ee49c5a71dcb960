import { describe, it, expect } from 'vitest';
import {
  measureEllipseByDiameters,
  groupRepeatedMeasurements,
  comparisonInputs,
  intensityInside,
  measureContour,
  type NerveMeasurement,
} from '../../../src/domain/measurement';
import type { SpatialCalibration, Uncalibrated } from '../../../src/domain/calibration';

const iso: SpatialCalibration = { source: 'pixel-spacing', rowSpacingMm: 0.5, columnSpacingMm: 0.5 };
const aniso: SpatialCalibration = { source: 'us-region', rowSpacingMm: 0.75, columnSpacingMm: 1.0, regionIndex: 0 };
const none: Uncalibrated = { source: 'none', rowSpacingMm: null, columnSpacingMm: null };

describe('ellipse by two diameters', () => {
  it('area = π·D1·D2/4 and a circle has circumference π·D', () => {
    const r = measureEllipseByDiameters([{ x: 0, y: 10 }, { x: 20, y: 10 }], [{ x: 10, y: 0 }, { x: 10, y: 20 }], iso);
    expect(r.ok).toBe(true);
    if (!r.ok || !r.value.metrics.calibrated) return;
    expect(r.value.metrics.areaMm2).toBeCloseTo((Math.PI * 10 * 10) / 4, 9);
    expect(r.value.metrics.perimeterMm).toBeCloseTo(Math.PI * 10, 9);
  });
  it('diameters use the column spacing along x and the row spacing along y (anisotropic pixels)', () => {
    const r = measureEllipseByDiameters([{ x: 0, y: 0 }, { x: 10, y: 0 }], [{ x: 5, y: -5 }, { x: 5, y: 5 }], aniso);
    if (!r.ok) throw new Error(r.error);
    expect(r.value.d1).toBeCloseTo(10, 9); // 10 columns × 1.0 mm
    expect(r.value.d2).toBeCloseTo(7.5, 9); // 10 rows × 0.75 mm
  });
  it('the sampled outline measures close to the formula', () => {
    const r = measureEllipseByDiameters([{ x: 0, y: 50 }, { x: 100, y: 50 }], [{ x: 50, y: 30 }, { x: 50, y: 70 }], iso);
    if (!r.ok || !r.value.metrics.calibrated) throw new Error('expected calibrated');
    const polygon = measureContour(r.value.outline, iso);
    if (!polygon.ok || !polygon.value.calibrated) throw new Error('expected calibrated polygon');
    expect(polygon.value.areaMm2 / r.value.metrics.areaMm2).toBeGreaterThan(0.995);
  });
  it('uncalibrated ellipses stay in px', () => {
    const r = measureEllipseByDiameters([{ x: 0, y: 0 }, { x: 10, y: 0 }], [{ x: 5, y: -5 }, { x: 5, y: 5 }], none);
    if (!r.ok) throw new Error(r.error);
    expect(r.value.metrics.calibrated).toBe(false);
  });
  it('a zero-length diameter is refused', () => {
    expect(measureEllipseByDiameters([{ x: 0, y: 0 }, { x: 0, y: 0 }], [{ x: 5, y: -5 }, { x: 5, y: 5 }], iso).ok).toBe(false);
  });
});

function measurement(id: string, side: 'L' | 'R', areaMm2: number, calibrated = true): NerveMeasurement {
  return {
    id,
    label: id,
    nerve: 'sciatic',
    site: 'gluteal-fold',
    side,
    sideSource: 'ImageLaterality',
    modality: 'US',
    method: 'freehand',
    image: { studyInstanceUid: 's', seriesInstanceUid: 'se', sopInstanceUid: id, frameIndex: 0 },
    contour: [],
    calibration: calibrated ? iso : none,
    metrics: calibrated
      ? { calibrated: true, areaMm2, perimeterMm: 30, calibration: iso }
      : { calibrated: false, areaPx2: areaMm2, perimeterPx: 30, calibration: none },
    intensity: null,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
  };
}

describe('repeated measurements of one nerve, site and side are grouped', () => {
  it('three repeats give count, mean and SD', () => {
    const groups = groupRepeatedMeasurements([measurement('a', 'L', 50), measurement('b', 'L', 52), measurement('c', 'L', 54), measurement('d', 'R', 100)]);
    const left = groups.find((g) => g.side === 'L')!;
    expect(left.area!.count).toBe(3);
    expect(left.area!.mean).toBeCloseTo(52, 9);
    expect(left.area!.sd).toBeCloseTo(2, 9);
    expect(groups.find((g) => g.side === 'R')!.area!.count).toBe(1);
  });
  it('an uncalibrated repeat is handed over apart: counted by the comparison, never compared in mm²', () => {
    const inputs = comparisonInputs([measurement('a', 'L', 50), measurement('b', 'L', 900, false)]);
    expect(inputs).toHaveLength(2);
    expect(inputs.find((i) => i.calibrated)!.valuesMm2).toEqual([50]);
    expect(inputs.find((i) => !i.calibrated)!.valuesMm2).toEqual([900]);
  });
});

describe('echogenicity: mean and SD of pixel values inside the contour', () => {
  it('counts pixel centres inside a square', () => {
    const columns = 10;
    const rows = 10;
    const pixels = Array.from({ length: rows * columns }, (_, i) => (i % columns < 5 ? 10 : 30));
    // Square covering columns 2..6 and rows 2..6 (pixel centres at integers).
    const stats = intensityInside(
      [{ x: 1.5, y: 1.5 }, { x: 6.5, y: 1.5 }, { x: 6.5, y: 6.5 }, { x: 1.5, y: 6.5 }],
      { rows, columns, pixels, samplesPerPixel: 1 },
    )!;
    expect(stats.pixelCount).toBe(25);
    expect(stats.mean).toBeCloseTo((3 * 10 + 2 * 30) / 5, 9);
  });
  it('averages RGB samples', () => {
    const stats = intensityInside([{ x: -0.5, y: -0.5 }, { x: 0.5, y: -0.5 }, { x: 0.5, y: 0.5 }, { x: -0.5, y: 0.5 }], {
      rows: 1,
      columns: 1,
      pixels: [30, 60, 90],
      samplesPerPixel: 3,
    })!;
    expect(stats.mean).toBe(60);
    expect(stats.sd).toBe(0);
  });
});
