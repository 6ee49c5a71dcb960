import { describe, it, expect } from 'vitest';
import { contourAreaMm2, contourPerimeterMm } from '../../../src/domain/geometry';
import { regularPolygon } from '../shapes';

describe('area and perimeter are fast enough to run on every mouse move', () => {
  it('a 10,000-point contour computes area + perimeter in well under 1 ms', () => {
    const contour = regularPolygon(10_000, 180.3, 256.7, 240.1);
    let sink = 0;
    for (let i = 0; i < 50; i++) sink += contourAreaMm2(contour, 0.1, 0.12) + contourPerimeterMm(contour, 0.1, 0.12);
    const runs = 200;
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      sink += contourAreaMm2(contour, 0.1, 0.12) + contourPerimeterMm(contour, 0.1, 0.12);
      samples.push(performance.now() - t0);
    }
    samples.sort((a, b) => a - b);
    const median = samples[runs >> 1]!;
    expect(sink).toBeGreaterThan(0);
    // Typically ~0.05 ms; the bound leaves headroom for a loaded CI machine.
    expect(median).toBeLessThan(0.5);
  });
});
