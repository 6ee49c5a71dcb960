import { describe, expect, it } from 'vitest';
import { SUV_PEAK_RADIUS_MM, regionSuv, suvImageFromStored, suvLineProfile, type SuvImage } from '../../../src/domain/suv';

function image(rows: number, columns: number, value: (row: number, col: number) => number, rowSpacingMm = 2, columnSpacingMm = 2): SuvImage {
  const suv = new Float64Array(rows * columns);
  for (let r = 0; r < rows; r++) for (let c = 0; c < columns; c++) suv[r * columns + c] = value(r, c);
  return { rows, columns, rowSpacingMm, columnSpacingMm, suv };
}
const square = (x0: number, y0: number, x1: number, y1: number) => [
  { x: x0, y: y0 },
  { x: x1, y: y0 },
  { x: x1, y: y1 },
  { x: x0, y: y1 },
];
const unwrap = <T>(r: { ok: true; value: T } | { ok: false; error: string }): T => {
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

describe('SUV in a region', () => {
  it('the 1 cm³ sphere has a radius of 6.20 mm (SUVpeak disc)', () => {
    expect((4 / 3) * Math.PI * SUV_PEAK_RADIUS_MM ** 3).toBeCloseTo(1000, 9);
    expect(SUV_PEAK_RADIUS_MM).toBeCloseTo(6.2035, 4);
  });

  it('a uniform phantom reads SUVmax, SUVmean and SUVpeak 1.00', () => {
    const r = unwrap(regionSuv(square(5.5, 5.5, 25.5, 25.5), image(32, 32, () => 1)));
    expect([r.suvMax, r.suvMean, r.suvPeak]).toEqual([1, 1, 1]);
    expect(r.pixelCount).toBe(400);
  });

  it('SUVmax is the hottest pixel and is located; SUVmean averages the pixels whose centres are inside', () => {
    const img = image(32, 32, (r, c) => (r === 12 && c === 17 ? 6 : 1));
    const r = unwrap(regionSuv(square(9.5, 9.5, 19.5, 19.5), img));
    expect(r.suvMax).toBe(6);
    expect(r.maxAt).toEqual({ x: 17, y: 12 });
    expect(r.suvMean).toBeCloseTo((99 + 6) / 100, 12);
  });

  it('SUVpeak is the highest mean over the 6.2 mm disc: a 3×3 hot block of 5 in background 1 at 2 mm pixels', () => {
    const img = image(40, 40, (r, c) => (Math.abs(r - 20) <= 1 && Math.abs(c - 20) <= 1 ? 5 : 1));
    const r = unwrap(regionSuv(square(15.5, 15.5, 24.5, 24.5), img));
    // pixels within 6.2 mm of a centre at 2 mm spacing: offsets (dx,dy) with 4(dx²+dy²) ≤ 38.48 → 29 pixels
    expect(r.peakDiscPixelCount).toBe(29);
    expect(r.suvPeak).toBeCloseTo((9 * 5 + 20 * 1) / 29, 12);
    // every disc that holds the whole block ties; the first such centre is reported
    expect(Math.abs(r.peakAt.x - 20) <= 1 && Math.abs(r.peakAt.y - 20) <= 1).toBe(true);
  });

  it('the disc follows anisotropic pixel spacing (rows 1 mm apart, columns 3 mm)', () => {
    const r = unwrap(regionSuv(square(10, 10, 20, 20), image(40, 40, () => 2, 1, 3)));
    let expected = 0;
    for (let y = -6; y <= 6; y++) for (let x = -2; x <= 2; x++) if (y * y + 9 * x * x <= SUV_PEAK_RADIUS_MM ** 2) expected++;
    expect(r.peakDiscPixelCount).toBe(expected);
    expect(r.suvPeak).toBe(2);
  });

  it('a region holding no pixel centre is refused in one sentence', () => {
    const r = regionSuv(square(3.1, 3.1, 3.4, 3.4), image(8, 8, () => 1));
    expect(r.ok).toBe(false);
  });

  it('per-slice rescale: stored × slope + intercept, times the factor', () => {
    const img = suvImageFromStored([100, 200], { rows: 1, columns: 2, rowSpacingMm: 1, columnSpacingMm: 1 }, { slope: 2, intercept: -10 }, 0.01);
    expect(img.suv[0]).toBeCloseTo(1.9, 12);
    expect(img.suv[1]).toBeCloseTo(3.9, 12);
  });
});

describe('SUV along a line (profile)', () => {
  it('gives distance in mm with anisotropic spacing and locates the maximum', () => {
    // rows 1 mm, columns 2 mm; a vertical line from row 0 to row 10 at column 4: 10 mm long
    const img = image(12, 8, (r) => (r === 7 ? 4.6 : 1), 1, 2);
    const p = unwrap(suvLineProfile([{ x: 4, y: 0 }, { x: 4, y: 10 }], img));
    expect(p.lengthMm).toBeCloseTo(10, 12);
    expect(p.stepMm).toBe(0.5);
    expect(p.samples.at(-1)!.distanceMm).toBeCloseTo(10, 12);
    expect(p.max.suv).toBeCloseTo(4.6, 12);
    expect(p.max).toMatchObject({ x: 4, y: 7, distanceMm: 7 });
  });

  it('follows a polyline: lengths add segment by segment', () => {
    const p = unwrap(suvLineProfile([{ x: 0, y: 0 }, { x: 3, y: 0 }, { x: 3, y: 4 }], image(6, 6, () => 1, 1, 1)));
    expect(p.lengthMm).toBeCloseTo(7, 12);
    expect(p.samples.every((s) => s.suv === 1)).toBe(true);
  });

  it('is bilinear between pixel centres', () => {
    const p = unwrap(suvLineProfile([{ x: 0, y: 0 }, { x: 1, y: 0 }], image(1, 2, (_r, c) => (c === 0 ? 1 : 3), 1, 1)));
    expect(p.samples.find((s) => Math.abs(s.x - 0.5) < 1e-9)!.suv).toBeCloseTo(2, 12);
  });

  it('refuses a line with one point or leaving the image', () => {
    expect(suvLineProfile([{ x: 1, y: 1 }], image(4, 4, () => 1)).ok).toBe(false);
    expect(suvLineProfile([{ x: 1, y: 1 }, { x: 9, y: 1 }], image(4, 4, () => 1)).ok).toBe(false);
  });
});
