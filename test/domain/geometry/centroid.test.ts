import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { contourCentroid } from '../../../src/domain/geometry';
import { pt, rectangle, regularPolygon } from '../shapes';

describe('area centroid', () => {
  it('is the centre of a rectangle, in either drawing direction', () => {
    expect(contourCentroid(rectangle(10, 20, 4, 6))).toEqual({ x: 12, y: 23 });
    expect(contourCentroid([...rectangle(10, 20, 4, 6)].reverse())).toEqual({ x: 12, y: 23 });
  });

  it('is the vertex mean for a triangle', () => {
    const c = contourCentroid([pt(0, 0), pt(6, 0), pt(0, 3)])!;
    expect(c.x).toBeCloseTo(2, 12);
    expect(c.y).toBeCloseTo(1, 12);
  });

  it('is weighted by area, not by vertex count (densely sampled side does not pull it)', () => {
    const dense = [pt(0, 0), ...Array.from({ length: 99 }, (_, i) => pt((i + 1) * 0.1, 0)), pt(10, 0), pt(10, 10), pt(0, 10)];
    const c = contourCentroid(dense)!;
    expect(c.x).toBeCloseTo(5, 10);
    expect(c.y).toBeCloseTo(5, 10);
  });

  it('of an L-shape lies where the two rectangles balance', () => {
    // 4×1 bar (centre 2,0.5, area 4) + 1×2 post (centre 0.5,2, area 2)
    const c = contourCentroid([pt(0, 0), pt(4, 0), pt(4, 1), pt(1, 1), pt(1, 3), pt(0, 3)])!;
    expect(c.x).toBeCloseTo((4 * 2 + 2 * 0.5) / 6, 12);
    expect(c.y).toBeCloseTo((4 * 0.5 + 2 * 2) / 6, 12);
  });

  it('is null when there is no enclosed area', () => {
    expect(contourCentroid([pt(0, 0), pt(1, 1), pt(2, 2)])).toBeNull();
    expect(contourCentroid([pt(0, 0), pt(1, 1)])).toBeNull();
  });

  it('property: a regular polygon centred anywhere has its centroid at the centre', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 200 }),
        fc.double({ min: -2000, max: 2000, noNaN: true }),
        fc.double({ min: -2000, max: 2000, noNaN: true }),
        fc.double({ min: 1, max: 300, noNaN: true }),
        (n, cx, cy, r) => {
          const c = contourCentroid(regularPolygon(n, r, cx, cy, 0.3))!;
          expect(Math.abs(c.x - cx)).toBeLessThan(1e-8 * Math.max(1, Math.abs(cx), r));
          expect(Math.abs(c.y - cy)).toBeLessThan(1e-8 * Math.max(1, Math.abs(cy), r));
        },
      ),
    );
  });
});
