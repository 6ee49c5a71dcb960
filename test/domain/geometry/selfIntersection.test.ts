import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { findSelfIntersection } from '../../../src/domain/geometry';
import type { ImagePoint } from '../../../src/domain/types';
import { bruteForceCrosses, pt, rectangle, regularPolygon, segmentsMeet } from '../shapes';

/** The reported edges must really touch (edge i joins point i to point i+1, wrapping). */
function expectReportedEdgesTouch(contour: readonly ImagePoint[]): void {
  const hit = findSelfIntersection(contour);
  expect(hit).not.toBeNull();
  const n = contour.length;
  const { edgeA, edgeB } = hit!;
  expect(edgeA).toBeLessThan(edgeB);
  expect(edgeB).toBeLessThan(n);
  const a = contour[edgeA]!, b = contour[(edgeA + 1) % n]!, c = contour[edgeB]!, d = contour[(edgeB + 1) % n]!;
  expect(segmentsMeet(a, b, c, d)).toBe(true);
}

/** Star-shaped polygon: vertices at increasing angles, so always simple. */
function star(n: number, radii: (i: number) => number, jitter: (i: number) => number = () => 0): ImagePoint[] {
  return Array.from({ length: n }, (_, i) => {
    const t = (2 * Math.PI * (i + jitter(i))) / n;
    return pt(300 + radii(i) * Math.cos(t), 300 + radii(i) * Math.sin(t));
  });
}

describe('simple traces are accepted', () => {
  it('convex square, triangle and circle do not cross themselves', () => {
    expect(findSelfIntersection(rectangle(0, 0, 10, 10))).toBeNull();
    expect(findSelfIntersection([pt(0, 0), pt(4, 0), pt(0, 3)])).toBeNull();
    expect(findSelfIntersection(regularPolygon(50, 20))).toBeNull();
  });

  it('non-convex (L-shape, comb) traces are fine', () => {
    expect(findSelfIntersection([pt(0, 0), pt(4, 0), pt(4, 1), pt(1, 1), pt(1, 3), pt(0, 3)])).toBeNull();
  });

  it('neighbouring edges meeting at their shared vertex are not a crossing, even when they continue straight on', () => {
    expect(findSelfIntersection([pt(0, 0), pt(5, 0), pt(10, 0), pt(10, 10), pt(0, 10)])).toBeNull();
  });

  it('repeated consecutive points and a closing copy of the first point are tolerated', () => {
    const c = [pt(0, 0), pt(0, 0), pt(10, 0), pt(10, 0), pt(10, 0), pt(10, 10), pt(0, 10), pt(0, 0)];
    expect(findSelfIntersection(c)).toBeNull();
  });

  it('fewer than 3 distinct points cannot cross', () => {
    expect(findSelfIntersection([])).toBeNull();
    expect(findSelfIntersection([pt(1, 1), pt(1, 1)])).toBeNull();
    expect(findSelfIntersection([pt(0, 0), pt(5, 5)])).toBeNull();
  });
});

describe('looped traces are caught', () => {
  it('a figure-eight reports its two crossing edges', () => {
    // edge 0: (0,0)→(10,10) crosses edge 2: (10,0)→(0,10) at (5,5)
    expect(findSelfIntersection([pt(0, 0), pt(10, 10), pt(10, 0), pt(0, 10)])).toEqual({ edgeA: 0, edgeB: 2 });
  });

  it('the closing edge (last point back to first) is checked too', () => {
    // edge 1: (10,0)→(0,10) crosses closing edge 3: (0,0)→(10,10)
    expect(findSelfIntersection([pt(10, 10), pt(10, 0), pt(0, 10), pt(0, 0)])).toEqual({ edgeA: 1, edgeB: 3 });
  });

  it('reported indices refer to the trace as drawn, repeats included', () => {
    // Original edges: 0 zero-length, 1 (0,0)→(10,10), 2, 3 zero-length, 4 (10,0)→(0,10), 5 closing.
    const c = [pt(0, 0), pt(0, 0), pt(10, 10), pt(10, 0), pt(10, 0), pt(0, 10)];
    expect(findSelfIntersection(c)).toEqual({ edgeA: 1, edgeB: 4 });
  });

  it('a vertex touching a non-neighbouring edge counts', () => {
    // (5,0) lies on edge 0 (0,0)→(10,0)
    const c = [pt(0, 0), pt(10, 0), pt(10, 10), pt(5, 0), pt(0, 10)];
    const hit = findSelfIntersection(c);
    expect(hit?.edgeA).toBe(0);
    expectReportedEdgesTouch(c);
  });

  it('passing twice through the same point (pinched loop) counts', () => {
    const c = [pt(0, 0), pt(4, 0), pt(2, 2), pt(4, 4), pt(0, 4), pt(2, 2)];
    expectReportedEdgesTouch(c);
  });

  it('collinear overlap of non-neighbouring edges counts', () => {
    // edge 4 (7,0)→(3,0) lies on edge 0 (0,0)→(10,0). An overlap always also puts a vertex
    // on the other edge, so the first contact found is edge 3 ending at (7,0) on edge 0;
    // the random-polygon properties below cover overlaps against the reference.
    const c = [pt(0, 0), pt(10, 0), pt(10, 5), pt(7, 5), pt(7, 0), pt(3, 0), pt(3, 5), pt(0, 5)];
    expect(findSelfIntersection(c)?.edgeA).toBe(0);
    expectReportedEdgesTouch(c);
  });

  it('a trace doubling back along itself (spike) counts, between neighbouring edges', () => {
    // edge 1 goes up (10,0)→(10,10), edge 2 comes back down to (10,5)
    expect(findSelfIntersection([pt(0, 0), pt(10, 0), pt(10, 10), pt(10, 5), pt(0, 10)])).toEqual({ edgeA: 1, edgeB: 2 });
  });

  it('a flat triangle (third point between the other two) counts', () => {
    expect(findSelfIntersection([pt(0, 0), pt(2, 0), pt(1, 0)])).not.toBeNull();
  });

  it('non-finite coordinates are a programming error, not a silent "no crossing"', () => {
    expect(() => findSelfIntersection([pt(0, 0), pt(Number.NaN, 1), pt(1, 1)])).toThrow(RangeError);
  });
});

describe('large traces (monotone-chain search)', () => {
  it('a 10,000-point circle is simple and is checked in a few milliseconds', () => {
    const circle = regularPolygon(10_000, 150, 256, 256);
    for (let i = 0; i < 5; i++) findSelfIntersection(circle); // let the JIT settle (cold call ~50 ms)
    let best = Infinity;
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      expect(findSelfIntersection(circle)).toBeNull();
      best = Math.min(best, performance.now() - t0);
    }
    // Steady state is well under 1 ms; all-pairs would be ~50 million tests (hundreds of ms).
    expect(best).toBeLessThan(40);
  });

  it('a 10,000-point circle with two neighbouring-but-one vertices swapped (a tiny loop) is caught', () => {
    const circle = regularPolygon(10_000, 150, 256, 256);
    const c = [...circle];
    [c[5000], c[5001]] = [c[5001]!, c[5000]!];
    expectReportedEdgesTouch(c);
  });

  it('a long closing edge is compared with every run it passes', () => {
    // 5,000-point half circle closed by its diameter (the closing edge);
    // one vertex pulled just below the diameter makes two arc edges cross it.
    const n = 5000;
    const c = Array.from({ length: n }, (_, i) => {
      const t = (Math.PI * i) / (n - 1);
      return pt(500 + 400 * Math.cos(t), 500 - 400 * Math.sin(t));
    });
    expect(findSelfIntersection(c)).toBeNull();
    const dented = [...c];
    dented[1234] = pt(dented[1234]!.x, 500.5);
    const hit = findSelfIntersection(dented);
    expect(hit?.edgeB).toBe(n - 1);
    expectReportedEdgesTouch(dented);
  });

  it('a pixel-staircase comb with many collinear but separate edges is simple; one tooth touching the base is not', () => {
    const comb = (touch: number): ImagePoint[] => {
      const pts: ImagePoint[] = [pt(0, 0), pt(0, 10)];
      for (let k = 0; k < 600; k++) {
        const bottom = k === touch ? 0 : 1;
        pts.push(pt(2 * k + 1, 10), pt(2 * k + 1, bottom), pt(2 * k + 2, bottom), pt(2 * k + 2, 10));
      }
      pts.push(pt(1201, 10), pt(1201, 0));
      return pts;
    };
    expect(findSelfIntersection(comb(-1))).toBeNull();
    expectReportedEdgesTouch(comb(321));
  });

  it('a large trace doubling back is reported as the same neighbouring pair, also across the closing point', () => {
    // 40 × 40 square traced at every integer point (160 points, the chain search).
    const square: ImagePoint[] = [];
    for (let i = 0; i < 40; i++) square.push(pt(i, 0));
    for (let i = 0; i < 40; i++) square.push(pt(40, i));
    for (let i = 40; i > 0; i--) square.push(pt(i, 40));
    for (let i = 40; i > 0; i--) square.push(pt(0, i));
    expect(findSelfIntersection(square)).toBeNull();
    // After (40, 11) (point 51), step back to (40, 10.5), then leave the line: only edges
    // 50 and 51 run back along one line.
    const spike = [...square.slice(0, 52), pt(40, 10.5), pt(41, 12), ...square.slice(53)];
    expect(findSelfIntersection(spike)).toEqual({ edgeA: 50, edgeB: 51 });
    // The same trace started at (40, 11): the step back now straddles the closing point.
    const rotated = [...spike.slice(51), ...spike.slice(0, 51)];
    expect(findSelfIntersection(rotated)).toEqual({ edgeA: 0, edgeB: rotated.length - 1 });
  });

  it('property: agrees with the all-pairs reference on simple star polygons (65–400 points)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 65, max: 400 }).chain((n) =>
          fc.tuple(
            fc.array(fc.double({ min: 1, max: 250, noNaN: true }), { minLength: n, maxLength: n }),
            fc.array(fc.double({ min: 0, max: 0.9, noNaN: true }), { minLength: n, maxLength: n }),
          ),
        ),
        ([radii, jitter]) => {
          const c = star(radii.length, (i) => radii[i]!, (i) => jitter[i]!);
          expect(findSelfIntersection(c)).toBeNull();
        },
      ),
      { numRuns: 60 },
    );
  });

  it('property: agrees with the all-pairs reference when two vertices of a big polygon are swapped', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 65, max: 300 }).chain((n) =>
          fc.tuple(fc.constant(n), fc.nat({ max: n - 1 }), fc.nat({ max: n - 1 }), fc.integer({ min: 20, max: 200 })),
        ),
        ([n, i, j, r]) => {
          const c = star(n, (k) => r + (k % 7)).map((p) => pt(Math.round(p.x), Math.round(p.y)));
          [c[i], c[j]] = [c[j]!, c[i]!];
          const expected = bruteForceCrosses(c);
          const hit = findSelfIntersection(c);
          expect(hit !== null).toBe(expected);
          if (hit) expectReportedEdgesTouch(c);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('property: agrees with the all-pairs reference on random small-integer polygons (many degeneracies)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ x: fc.integer({ min: 0, max: 6 }), y: fc.integer({ min: 0, max: 6 }) }), { minLength: 0, maxLength: 120 }),
        (c) => {
          const expected = bruteForceCrosses(c);
          const hit = findSelfIntersection(c);
          expect(hit !== null).toBe(expected);
          if (hit) expectReportedEdgesTouch(c);
        },
      ),
      { numRuns: 800 },
    );
  });

  it('property: agrees with the all-pairs reference on jittery hand-drawn traces (many short monotone runs)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 65, max: 400 }).chain((n) =>
          fc.tuple(
            fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
            fc.double({ min: 0, max: 3, noNaN: true }),
            fc.nat({ max: n - 1 }),
            fc.nat({ max: n - 1 }),
            fc.boolean(),
          ),
        ),
        ([noise, amplitude, i, j, swap]) => {
          // Point spacing is about 1 px: jitter of the same size flips the direction often.
          const n = noise.length;
          const r = n / (2 * Math.PI);
          const c = noise.map((e, k) => {
            const t = (2 * Math.PI * k) / n;
            return pt(Math.round((300 + (r + amplitude * e) * Math.cos(t)) * 4) / 4, Math.round((300 + (r + amplitude * e) * Math.sin(t)) * 4) / 4);
          });
          if (swap) [c[i], c[j]] = [c[j]!, c[i]!];
          const hit = findSelfIntersection(c);
          expect(hit !== null).toBe(bruteForceCrosses(c));
          if (hit) expectReportedEdgesTouch(c);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('property: agrees with the all-pairs reference on small random-walk polygons (mostly simple ones)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ x: fc.integer({ min: -3, max: 3 }), y: fc.integer({ min: -3, max: 3 }) }), { minLength: 3, maxLength: 12 }),
        (steps) => {
          let x = 0, y = 0;
          const c = steps.map((s) => pt((x += s.x), (y += s.y)));
          const hit = findSelfIntersection(c);
          expect(hit !== null).toBe(bruteForceCrosses(c));
          if (hit) expectReportedEdgesTouch(c);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
