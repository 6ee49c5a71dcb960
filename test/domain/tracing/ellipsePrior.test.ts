import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ellipsePolygon, fitEllipse, tracingFrameFor, AssistedTrace, EdgeMap } from '../../../src/domain/tracing';
import { catmullRom, ellipsePrior } from '../../../src/domain/tracing/assistedContour';
import { contourSignedAreaPx2 } from '../../../src/domain/geometry/area';
import type { ImagePoint } from '../../../src/domain/types';

const area = (poly: readonly ImagePoint[]) => Math.abs(contourSignedAreaPx2(poly));

/** The closed centripetal Catmull-Rom spline through the clicks (as the tracer builds it). */
function splineThrough(clicks: readonly ImagePoint[]): ImagePoint[] {
  const n = clicks.length;
  const out: ImagePoint[] = [];
  for (let k = 0; k < n; k++) {
    const [p0, p1, p2, p3] = [k - 1, k, k + 1, k + 2].map((j) => clicks[((j % n) + n) % n]!) as [ImagePoint, ImagePoint, ImagePoint, ImagePoint];
    for (let s = 0; s < 30; s++) out.push(catmullRom(p0, p1, p2, p3, s / 30));
  }
  return out;
}

/** A flattened nerve: superellipse |x/a|^n + |y/b|^n = 1 (n 2.4, boxier than an ellipse), as a dense polygon. */
function flatNerve(a: number, b: number, n = 2.4, cx = 100, cy = 60): ImagePoint[] {
  return Array.from({ length: 720 }, (_, k) => {
    const t = (2 * Math.PI * k) / 720;
    const c = Math.cos(t);
    const s = Math.sin(t);
    const r = (Math.abs(c / a) ** n + Math.abs(s / b) ** n) ** (-1 / n);
    return { x: cx + r * c, y: cy + r * s };
  });
}

/** `count` points at even arc length along a closed polygon, from fraction `phase` of the way round. */
function evenPoints(poly: readonly ImagePoint[], count: number, phase: number): ImagePoint[] {
  const n = poly.length;
  const cum = [0];
  for (let i = 0; i < n; i++) cum.push(cum[i]! + Math.hypot(poly[(i + 1) % n]!.x - poly[i]!.x, poly[(i + 1) % n]!.y - poly[i]!.y));
  return Array.from({ length: count }, (_, k) => {
    const target = ((k / count + phase) % 1) * cum[n]!;
    const i = cum.findIndex((c) => c > target) - 1;
    return poly[Math.max(0, i)]!;
  });
}

describe('fitEllipse (least-squares conic, kept only when an ellipse)', () => {
  const truth = { cx: 120, cy: 80, a: 60, b: 20, angle: 0.3 };

  it('recovers an ellipse from five points on it', () => {
    const e = fitEllipse(ellipsePolygon(truth, 5))!;
    expect(e.cx).toBeCloseTo(120, 6);
    expect(e.cy).toBeCloseTo(80, 6);
    expect(e.a).toBeCloseTo(60, 6);
    expect(e.b).toBeCloseTo(20, 6);
    expect(e.angle).toBeCloseTo(0.3, 6);
  });

  it('fits eight points with click errors of ±0.7 px to within a pixel', () => {
    const noisy = ellipsePolygon(truth, 8).map((p, i) => ({ x: p.x + (i % 3 === 0 ? 0.7 : -0.4), y: p.y + (i % 2 ? 0.5 : -0.7) }));
    const e = fitEllipse(noisy)!;
    expect(Math.abs(e.a - 60)).toBeLessThan(1);
    expect(Math.abs(e.b - 20)).toBeLessThan(1);
  });

  it('refuses points that lie on no ellipse (on a line; fewer than five)', () => {
    expect(fitEllipse([0, 10, 20, 30, 40].map((x) => ({ x, y: 0.01 * x })))).toBeNull();
    expect(fitEllipse(ellipsePolygon(truth, 4))).toBeNull();
  });
});

describe('ellipse prior: the curve the polar finish keeps near', () => {
  it('does not cut the ends of a flattened nerve as the spline through the same 5 clicks does', () => {
    const nerve = flatNerve(60, 20);
    const trueArea = area(nerve);
    for (const phase of [0, 0.07, 0.13]) {
      const clicks = evenPoints(nerve, 5, phase);
      const spline = splineThrough(clicks);
      const ellipse = ellipsePrior(clicks, spline)!;
      expect(ellipse).not.toBeNull();
      // The spline through few clicks on a convex border lies inside it between the clicks.
      expect(area(spline) / trueArea - 1).toBeLessThan(-0.04);
      expect(Math.abs(area(ellipse) / trueArea - 1)).toBeLessThan(Math.abs(area(spline) / trueArea - 1));
      expect(Math.abs(area(ellipse) / trueArea - 1)).toBeLessThan(0.06);
    }
  });

  it('with four clicks, passes through all four (the spline only picks among the conics through them)', () => {
    const nerve = flatNerve(40, 25, 2);
    const clicks = evenPoints(nerve, 4, 0.05);
    const ellipse = ellipsePrior(clicks, splineThrough(clicks))!;
    for (const c of clicks) expect(Math.min(...ellipse.map((q) => Math.hypot(q.x - c.x, q.y - c.y)))).toBeLessThan(1.5);
  });

  it('is not used (null: the spline is) for dense clicks, which follow the border themselves', () => {
    const nerve = flatNerve(60, 20);
    expect(ellipsePrior(evenPoints(nerve, 10, 0), splineThrough(evenPoints(nerve, 10, 0)))).not.toBeNull();
    expect(ellipsePrior(evenPoints(nerve, 11, 0), splineThrough(evenPoints(nerve, 11, 0)))).toBeNull();
  });

  it('never throws on any clicks: either null or a closed polygon of finite points', () => {
    const point = fc.record({ x: fc.integer({ min: 0, max: 2047 }), y: fc.integer({ min: 0, max: 2047 }) });
    fc.assert(
      fc.property(fc.array(point, { minLength: 3, maxLength: 12 }), (clicks) => {
        const prior = ellipsePrior(clicks, splineThrough(clicks));
        if (prior) {
          expect(prior.length).toBeGreaterThanOrEqual(64);
          for (const q of prior) expect(Number.isFinite(q.x) && Number.isFinite(q.y)).toBe(true);
        }
      }),
      { numRuns: 300, seed: 17 },
    );
  });

  it('is not used (null: the spline is) when the clicks lie on no plausible ellipse', () => {
    // An L-shaped outline: the best conic misses some of its clicks by far.
    const clicks = [{ x: 0, y: 0 }, { x: 60, y: 0 }, { x: 60, y: 10 }, { x: 12, y: 12 }, { x: 10, y: 60 }, { x: 0, y: 60 }];
    expect(ellipsePrior(clicks, splineThrough(clicks))).toBeNull();
    expect(ellipsePrior(clicks.slice(0, 3), splineThrough(clicks.slice(0, 3)))).toBeNull();
  });
});

/**
 * A log-compressed B-mode ring: echo AMPLITUDE 0.9 inside the nerve with dark fascicles (0.12)
 * near its border, a bright rim (2.2, 4 px) outside radius R, 0.6 beyond; blurred in amplitude
 * (as the beam does); shown as 20·log10(amplitude) over 40 dB on 0..255, as a scanner does.
 */
function logCompressedRing(R = 24, size = 100) {
  const c = size / 2;
  const amp = new Float64Array(size * size);
  const fascicles = Array.from({ length: 10 }, (_, k) => ({ x: c + (R - 5) * Math.cos((2 * Math.PI * k) / 10), y: c + (R - 5) * Math.sin((2 * Math.PI * k) / 10) }));
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const r = Math.hypot(x - c, y - c);
      let a = r < R ? 0.9 : r < R + 4 ? 2.2 : 0.6;
      if (fascicles.some((f) => Math.hypot(x - f.x, y - f.y) < 3)) a = 0.12;
      amp[y * size + x] = a;
    }
  }
  const sigma = 1.5;
  const rad = 5;
  const k = Array.from({ length: 2 * rad + 1 }, (_, i) => Math.exp(-((i - rad) ** 2) / (2 * sigma * sigma)));
  const kt = k.reduce((s, v) => s + v, 0);
  const pass = (src: Float64Array, dx: number, dy: number) => {
    const out = new Float64Array(size * size);
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        let s = 0;
        for (let j = -rad; j <= rad; j++) {
          const xx = Math.min(size - 1, Math.max(0, x + j * dx));
          const yy = Math.min(size - 1, Math.max(0, y + j * dy));
          s += k[j + rad]! * src[yy * size + xx]!;
        }
        out[y * size + x] = s / kt;
      }
    }
    return out;
  };
  const blurred = pass(pass(amp, 1, 0), 0, 1);
  const pixels = Uint8Array.from(blurred, (a) => Math.max(0, Math.min(255, Math.round((255 * (20 * Math.log10(a) + 25)) / 40))));
  return { width: size, height: size, pixels, centre: { x: c, y: c }, radius: R };
}

describe('rim judged on echo amplitude (ultrasound is log-compressed)', () => {
  it('takes grey levels back to amplitude over the assumed range: exp((v − 1) · dB / 20 · ln 10)', () => {
    const values = new Float32Array(64 * 64).fill(0.5);
    const map = new EdgeMap(values, 64, 64, { sigmaPx: 1, amplitudeDb: 30 });
    expect(map.smoothAt(32, 32)).toBeCloseTo(10 ** (-0.5 * 1.5), 5);
  });

  it('applies to ultrasound only: other modalities keep grey levels', () => {
    const frame = { width: 64, height: 64, pixels: new Uint8Array(64 * 64) };
    const mr = tracingFrameFor({ ...frame, modality: 'MR' });
    expect(mr.rim).toBe(mr.fine);
    const us = tracingFrameFor({ ...frame, modality: 'US' });
    expect(us.rim).not.toBe(us.fine);
  });

  it('finds the inner border of a log-compressed rim, where grey levels put it inside (towards the fascicles)', () => {
    const image = logCompressedRing();
    const on = (deg: number, r: number): ImagePoint => ({ x: Math.round(image.centre.x + r * Math.cos((deg * Math.PI) / 180)), y: Math.round(image.centre.y + r * Math.sin((deg * Math.PI) / 180)) });
    const clicks = [on(10, 25), on(82, 23), on(154, 24), on(226, 25), on(298, 23)];
    const traced = (linearRangeDb: number) => {
      const trace = new AssistedTrace(tracingFrameFor({ ...image, modality: 'US' }, { linearRangeDb }));
      for (const c of clicks) trace.click(c);
      trace.close();
      const r = trace.finish(Infinity);
      if (!r.done || !r.ok) throw new Error('not finished');
      return area(r.contour) / (Math.PI * image.radius ** 2) - 1;
    };
    const amplitude = traced(30);
    const grey = traced(0);
    expect(Math.abs(amplitude)).toBeLessThan(0.05);
    expect(Math.abs(amplitude)).toBeLessThan(Math.abs(grey));
  });
});
