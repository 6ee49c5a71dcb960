import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { contourAreaMm2, contourPerimeterMm, contourPerimeterPx } from '../../../src/domain/geometry';
import { pt, rectangle, regularPolygon, relativeError } from '../shapes';

describe('contour perimeter of known shapes', () => {
  it('includes the closing edge: unit square has perimeter 4', () => {
    expect(contourPerimeterPx(rectangle(0, 0, 1, 1))).toBe(4);
  });

  it('a 3-4-5 right triangle has perimeter 12', () => {
    expect(contourPerimeterPx([pt(0, 0), pt(3, 0), pt(3, 4)])).toBe(12);
  });

  it('a regular n-gon matches 2nr·sin(π/n) and tends to 2πr', () => {
    expect(relativeError(contourPerimeterPx(regularPolygon(6, 10)), 60)).toBeLessThan(1e-12);
    expect(relativeError(contourPerimeterPx(regularPolygon(10_000, 10)), 2 * Math.PI * 10)).toBeLessThan(1e-6);
  });

  it('degenerate inputs: empty is 0, a 2-point "contour" is the segment there and back', () => {
    expect(contourPerimeterPx([])).toBe(0);
    expect(contourPerimeterPx([pt(0, 0), pt(3, 4)])).toBe(10);
  });
});

describe('perimeter in mm tells row spacing (y) and column spacing (x) apart', () => {
  // 20 px wide, 5 px tall. Row spacing 0.5 mm (y), column spacing 0.2 mm (x):
  // width 20·0.2 = 4 mm, height 5·0.5 = 2.5 mm → perimeter 13 mm, area 10 mm².
  // With the spacings swapped it would be 10 mm × 1 mm → perimeter 22 mm (same area).
  const wide = rectangle(0, 0, 20, 5);

  it('a wide rectangle at row 0.5 / column 0.2 mm has perimeter 13 mm (22 mm would mean row/column were swapped)', () => {
    expect(contourPerimeterMm(wide, 0.5, 0.2)).toBeCloseTo(13, 12);
    expect(contourAreaMm2(wide, 0.5, 0.2)).toBeCloseTo(10, 12);
  });

  it('the same rectangle stood upright gives the other perimeter', () => {
    const tall = rectangle(0, 0, 5, 20);
    expect(contourPerimeterMm(tall, 0.5, 0.2)).toBeCloseTo(22, 12);
    expect(contourAreaMm2(tall, 0.5, 0.2)).toBeCloseTo(10, 12);
  });

  it('diagonal edges use both spacings: a 3×4 px step at column 1 / row 2 mm is √(3² + 8²) mm', () => {
    const there = [pt(0, 0), pt(3, 4)];
    expect(contourPerimeterMm(there, 2, 1)).toBeCloseTo(2 * Math.hypot(3, 8), 12);
  });

  it('refuses invalid spacing loudly', () => {
    expect(() => contourPerimeterMm(wide, -1, 1)).toThrow(RangeError);
    expect(() => contourPerimeterMm(wide, 1, 0)).toThrow(RangeError);
  });

  it('property: perimeter scales linearly with isotropic spacing', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ x: fc.double({ min: -500, max: 500, noNaN: true }), y: fc.double({ min: -500, max: 500, noNaN: true }) }), {
          minLength: 2,
          maxLength: 50,
        }),
        fc.double({ min: 0.001, max: 10, noNaN: true }),
        (c, s) => {
          const px = contourPerimeterPx(c);
          expect(Math.abs(contourPerimeterMm(c, s, s) - s * px)).toBeLessThanOrEqual(1e-12 * Math.max(1, s * px));
        },
      ),
    );
  });

  it('property: perimeter is invariant under translation and reversal', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ x: fc.integer({ min: -500, max: 500 }), y: fc.integer({ min: -500, max: 500 }) }), { minLength: 2, maxLength: 50 }),
        fc.integer({ min: -1000, max: 1000 }),
        (c, d) => {
          const p = contourPerimeterPx(c);
          expect(contourPerimeterPx(c.map((q) => pt(q.x + d, q.y - d)))).toBeCloseTo(p, 8);
          expect(contourPerimeterPx([...c].reverse())).toBeCloseTo(p, 8);
        },
      ),
    );
  });
});
