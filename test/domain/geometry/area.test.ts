import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { contourAreaMm2, contourAreaPx2, contourSignedAreaPx2 } from '../../../src/domain/geometry';
import type { ImagePoint } from '../../../src/domain/types';
import { pt, rectangle, regularPolygon, relativeError } from '../shapes';

/** Star-shaped (hence simple) polygons with substantial area, for invariance properties. */
const starPolygon = fc
  .integer({ min: 4, max: 60 })
  .chain((n) =>
    fc.tuple(
      fc.array(fc.double({ min: 0, max: 0.9, noNaN: true }), { minLength: n, maxLength: n }),
      fc.array(fc.double({ min: 5, max: 100, noNaN: true }), { minLength: n, maxLength: n }),
    ),
  )
  .map(([jitter, radii]) =>
    jitter.map((j, i) => {
      const t = (2 * Math.PI * (i + j)) / jitter.length;
      return pt(radii[i]! * Math.cos(t), radii[i]! * Math.sin(t));
    }),
  );

const anyPolygon = fc.array(
  fc.record({ x: fc.double({ min: -1000, max: 1000, noNaN: true }), y: fc.double({ min: -1000, max: 1000, noNaN: true }) }),
  { minLength: 3, maxLength: 40 },
);

const translate = (c: readonly ImagePoint[], dx: number, dy: number) => c.map((p) => pt(p.x + dx, p.y + dy));
const rotate = (c: readonly ImagePoint[], theta: number) => {
  const cos = Math.cos(theta), sin = Math.sin(theta);
  return c.map((p) => pt(p.x * cos - p.y * sin, p.x * sin + p.y * cos));
};

describe('contour area of known shapes', () => {
  it('unit square encloses 1 px²', () => {
    expect(contourAreaPx2(rectangle(0, 0, 1, 1))).toBe(1);
  });

  it('a w×h rectangle encloses w·h px² wherever it sits', () => {
    expect(contourAreaPx2(rectangle(0, 0, 7, 3))).toBe(21);
    expect(contourAreaPx2(rectangle(512.5, 300.25, 7, 3))).toBeCloseTo(21, 12);
  });

  it('a right triangle with legs a and b encloses a·b/2', () => {
    expect(contourAreaPx2([pt(0, 0), pt(6, 0), pt(0, 4)])).toBe(12);
  });

  it('a regular n-gon matches (n/2)·r²·sin(2π/n) and tends to πr²', () => {
    for (const n of [3, 6, 12, 100]) {
      const expected = (n / 2) * 25 * Math.sin((2 * Math.PI) / n);
      expect(relativeError(contourAreaPx2(regularPolygon(n, 5, 100, 100)), expected)).toBeLessThan(1e-12);
    }
    expect(relativeError(contourAreaPx2(regularPolygon(10_000, 5)), Math.PI * 25)).toBeLessThan(1e-6);
  });

  it('a non-convex L-shape is area of its two rectangles', () => {
    const L = [pt(0, 0), pt(4, 0), pt(4, 1), pt(1, 1), pt(1, 3), pt(0, 3)];
    expect(contourAreaPx2(L)).toBe(4 + 2);
  });

  it('fewer than 3 points enclose nothing', () => {
    expect(contourAreaPx2([])).toBe(0);
    expect(contourAreaPx2([pt(1, 1), pt(5, 5)])).toBe(0);
  });
});

describe('area does not depend on drawing direction', () => {
  it('clockwise and counter-clockwise squares give the same positive area', () => {
    const ccw = rectangle(0, 0, 10, 10);
    const cw = [...ccw].reverse();
    expect(contourAreaPx2(cw)).toBe(100);
    expect(contourAreaPx2(ccw)).toBe(100);
    expect(contourSignedAreaPx2(cw)).toBe(-contourSignedAreaPx2(ccw));
  });

  it('property: reversing any polygon keeps its area', () => {
    fc.assert(
      fc.property(anyPolygon, (c) => {
        const a = contourAreaPx2(c);
        const b = contourAreaPx2([...c].reverse());
        expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, a));
      }),
    );
  });

  it('property: starting the trace at another point keeps the area', () => {
    fc.assert(
      fc.property(starPolygon, fc.nat(), (c, k) => {
        const s = k % c.length;
        const shifted = [...c.slice(s), ...c.slice(0, s)];
        expect(relativeError(contourAreaPx2(shifted), contourAreaPx2(c))).toBeLessThan(1e-12);
      }),
    );
  });
});

describe('area in mm² uses row spacing for y and column spacing for x', () => {
  it('10×10 px square at row 0.5 mm / column 0.2 mm is (10·0.2)×(10·0.5) = 10 mm²', () => {
    expect(contourAreaMm2(rectangle(3, 4, 10, 10), 0.5, 0.2)).toBeCloseTo(10, 12);
  });

  it('swapping row and column spacing keeps the area (area alone cannot reveal a swap)', () => {
    const r = rectangle(0, 0, 20, 5);
    expect(contourAreaMm2(r, 0.5, 0.2)).toBeCloseTo(contourAreaMm2(r, 0.2, 0.5), 12);
  });

  it('refuses non-positive or non-finite spacing loudly instead of returning a number', () => {
    const r = rectangle(0, 0, 2, 2);
    expect(() => contourAreaMm2(r, 0, 1)).toThrow(RangeError);
    expect(() => contourAreaMm2(r, 1, -0.1)).toThrow(RangeError);
    expect(() => contourAreaMm2(r, Number.NaN, 1)).toThrow(RangeError);
    expect(() => contourAreaMm2(r, 1, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('property: area scales with spacing² (isotropic) and row×column (anisotropic)', () => {
    fc.assert(
      fc.property(
        starPolygon,
        fc.double({ min: 0.001, max: 10, noNaN: true }),
        fc.double({ min: 0.001, max: 10, noNaN: true }),
        (c, s, t) => {
          const px = contourAreaPx2(c);
          expect(relativeError(contourAreaMm2(c, s, s), px * s * s)).toBeLessThan(1e-12);
          expect(relativeError(contourAreaMm2(c, s, t), px * s * t)).toBeLessThan(1e-12);
        },
      ),
    );
  });

  it('property: scaling the coordinates themselves agrees with scaling by spacing', () => {
    fc.assert(
      fc.property(starPolygon, fc.double({ min: 0.01, max: 5, noNaN: true }), fc.double({ min: 0.01, max: 5, noNaN: true }), (c, row, col) => {
        const stretched = c.map((p) => pt(p.x * col, p.y * row));
        expect(relativeError(contourAreaMm2(c, row, col), contourAreaPx2(stretched))).toBeLessThan(1e-9);
      }),
    );
  });
});

describe('area is a rigid-motion invariant', () => {
  it('property: translation does not change the area (relative 1e-9)', () => {
    fc.assert(
      fc.property(
        starPolygon,
        fc.double({ min: -1000, max: 1000, noNaN: true }),
        fc.double({ min: -1000, max: 1000, noNaN: true }),
        fc.double({ min: 0.05, max: 2, noNaN: true }),
        (c, dx, dy, s) => {
          expect(relativeError(contourAreaMm2(translate(c, dx, dy), s, s), contourAreaMm2(c, s, s))).toBeLessThan(1e-9);
        },
      ),
    );
  });

  it('property: rotation does not change the area with isotropic spacing (relative 1e-9)', () => {
    fc.assert(
      fc.property(
        starPolygon,
        fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }),
        fc.double({ min: -1000, max: 1000, noNaN: true }),
        fc.double({ min: 0.05, max: 2, noNaN: true }),
        (c, theta, shift, s) => {
          const moved = translate(rotate(c, theta), shift, -shift);
          expect(relativeError(contourAreaMm2(moved, s, s), contourAreaMm2(c, s, s))).toBeLessThan(1e-9);
        },
      ),
    );
  });

  it('far from the origin (large image coordinates) the area keeps its digits', () => {
    const far = translate(rectangle(0, 0, 0.001, 0.001), 1e6, 1e6);
    expect(relativeError(contourAreaPx2(far), 1e-6)).toBeLessThan(1e-6);
  });
});
