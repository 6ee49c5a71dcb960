import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { measureContour, type ContourMetrics } from '../../../src/domain/measurement';
import { calibrationFromPixelSpacing, hasValidSpacing, resolveCalibration } from '../../../src/domain/calibration';
import {
  allPointsCollinear,
  contourAreaPx2,
  contourPerimeterMm,
  contourPerimeterPx,
  removeRepeatedPoints,
} from '../../../src/domain/geometry';
import { fail, ok, type Calibration, type Contour, type ImagePoint, type Result } from '../../../src/domain/types';
import { bruteForceCrosses, pt, rectangle, regularPolygon, relativeError } from '../shapes';
import { dualView } from '../calibration/regions';

const NONE: Calibration = { source: 'none', rowSpacingMm: null, columnSpacingMm: null };
const spacing = (row: number, col: number): Calibration => {
  const r = calibrationFromPixelSpacing([row, col]);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};
const measured = (...args: Parameters<typeof measureContour>): ContourMetrics => {
  const r = measureContour(...args);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};
const refusal = (...args: Parameters<typeof measureContour>): string => {
  const r = measureContour(...args);
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
};

describe('measuring a calibrated trace', () => {
  it('10×10 px square with PixelSpacing [0.5, 0.2] is 10 mm² and 14 mm around', () => {
    const m = measured(rectangle(0, 0, 10, 10), spacing(0.5, 0.2));
    expect(m.calibrated).toBe(true);
    if (m.calibrated) {
      expect(m.areaMm2).toBeCloseTo(10, 12);
      expect(m.perimeterMm).toBeCloseTo(2 * (10 * 0.2 + 10 * 0.5), 12);
    }
  });

  it('a wide 20×5 px rectangle with PixelSpacing [0.5, 0.2] (row, column) has perimeter 13 mm, not 22 mm (row/column swap)', () => {
    const m = measured(rectangle(0, 0, 20, 5), spacing(0.5, 0.2));
    if (!m.calibrated) throw new Error('expected mm');
    expect(m.areaMm2).toBeCloseTo(10, 12);
    expect(m.perimeterMm).toBeCloseTo(13, 12);
  });

  it('a 10,000-point circle of radius 100 px at 0.1 mm/px measures π·10² mm² and 2π·10 mm', () => {
    const m = measured(regularPolygon(10_000, 100, 256, 256), spacing(0.1, 0.1));
    if (!m.calibrated) throw new Error('expected mm');
    expect(relativeError(m.areaMm2, Math.PI * 100)).toBeLessThan(1e-6);
    expect(relativeError(m.perimeterMm, 2 * Math.PI * 10)).toBeLessThan(1e-6);
  });

  it('carries the calibration it used, so the overlay can say where the millimetres came from', () => {
    const cal = spacing(0.3, 0.3);
    expect(measured(rectangle(0, 0, 3, 3), cal).calibration).toBe(cal);
  });

  it('uses the scale of the ultrasound region the trace lies in', () => {
    const trace = rectangle(500, 100, 10, 10);
    const cal = resolveCalibration({ ultrasoundRegions: dualView }, trace);
    if (!cal.ok) throw new Error(cal.error);
    const m = measured(trace, cal.value);
    // region 1: 0.02 cm/px = 0.2 mm/px → 2 mm × 2 mm
    expect(m.calibrated && m.areaMm2).toBeCloseTo(4, 12);
  });

  it('repeated points and a closing copy of the first point do not change the numbers', () => {
    const clean = measured(rectangle(0, 0, 10, 10), spacing(0.5, 0.2));
    const messy = measured([pt(0, 0), pt(0, 0), pt(10, 0), pt(10, 10), pt(10, 10), pt(0, 10), pt(0, 0)], spacing(0.5, 0.2));
    expect(messy).toEqual(clean);
  });

  it('refuses an invalid calibration instead of producing NaN', () => {
    const bad = { source: 'pixel-spacing', rowSpacingMm: -1, columnSpacingMm: 0.2 } as const;
    expect(refusal(rectangle(0, 0, 5, 5), bad)).toMatch(/calibration has an invalid pixel size/);
  });
});

describe('measuring an uncalibrated trace', () => {
  it('stays in pixels and says so', () => {
    const m = measured(rectangle(0, 0, 20, 5), NONE);
    expect(m).toEqual({ calibrated: false, areaPx2: 100, perimeterPx: 50, calibration: NONE });
  });
});

describe('refusing traces whose area would be wrong', () => {
  it('fewer than 3 distinct points', () => {
    expect(refusal([], NONE)).toBe('The trace needs at least 3 distinct points to enclose an area.');
    expect(refusal([pt(0, 0), pt(1, 1)], NONE)).toMatch(/at least 3 distinct points/);
    expect(refusal([pt(0, 0), pt(1, 1), pt(1, 1), pt(0, 0)], NONE)).toMatch(/at least 3 distinct points/);
  });

  it('non-finite coordinates', () => {
    expect(refusal([pt(0, 0), pt(Number.NaN, 1), pt(2, 2)], NONE)).toMatch(/invalid point/);
    expect(refusal([pt(0, 0), pt(Number.POSITIVE_INFINITY, 1), pt(2, 2)], NONE)).toMatch(/invalid point/);
  });

  it('zero area (all points on one line)', () => {
    expect(refusal([pt(0, 0), pt(5, 5), pt(10, 10)], NONE)).toMatch(/encloses no area/);
    expect(refusal([pt(0, 0), pt(2, 0), pt(1, 0)], spacing(0.1, 0.1))).toMatch(/encloses no area/);
  });

  it('a figure-eight is refused even though its lobes would cancel to zero area', () => {
    const eight = [pt(0, 0), pt(10, 10), pt(10, 0), pt(0, 10)];
    expect(contourAreaPx2(eight)).toBe(0);
    expect(refusal(eight, spacing(0.1, 0.1))).toBe('The trace crosses itself; redraw it without loops.');
  });

  it('a lopsided loop (where the shoelace would return a plausible wrong number) is refused', () => {
    const loop = [pt(0, 0), pt(20, 20), pt(20, 0), pt(0, 5)];
    expect(contourAreaPx2(loop)).toBeGreaterThan(0);
    expect(refusal(loop, NONE)).toBe('The trace crosses itself; redraw it without loops.');
  });

  it('a 10,000-point circle with a small loop is refused', () => {
    const c = regularPolygon(10_000, 100, 256, 256);
    [c[10], c[11]] = [c[11]!, c[10]!];
    expect(refusal(c, spacing(0.1, 0.1))).toMatch(/crosses itself/);
  });
});

describe('measureContour agrees with the geometry primitives (single source of numbers)', () => {
  it('property: for simple star polygons, uncalibrated results equal the pixel primitives and mm = px × spacing', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 4, max: 80 }).chain((n) => fc.array(fc.double({ min: 5, max: 200, noNaN: true }), { minLength: n, maxLength: n })),
        fc.double({ min: 0.01, max: 2, noNaN: true }),
        (radii, s) => {
          const c = radii.map((r, i) => pt(300 + r * Math.cos((2 * Math.PI * i) / radii.length), 300 + r * Math.sin((2 * Math.PI * i) / radii.length)));
          const px = measured(c, NONE);
          const mm = measured(c, spacing(s, s));
          if (px.calibrated || !mm.calibrated) throw new Error('unexpected calibration state');
          expect(px.areaPx2).toBe(contourAreaPx2(c));
          expect(px.perimeterPx).toBe(contourPerimeterPx(c));
          expect(relativeError(mm.areaMm2, px.areaPx2 * s * s)).toBeLessThan(1e-12);
          expect(relativeError(mm.perimeterMm, px.perimeterPx * s)).toBeLessThan(1e-12);
        },
      ),
    );
  });
});

/**
 * measureContour's rules written as separate passes over the point objects, with the
 * all-pairs crossing reference: measureContour reads the trace once into flat arrays and
 * must refuse the same traces with the same sentence and give bit-identical numbers.
 */
function referenceMeasure(contour: Contour, calibration: Calibration): Result<ContourMetrics> {
  if (contour.some((p) => !Number.isFinite(p.x) || !Number.isFinite(p.y))) {
    return fail('The trace contains an invalid point (not a finite coordinate); redraw it.');
  }
  const points = removeRepeatedPoints(contour);
  if (points.length < 3) return fail('The trace needs at least 3 distinct points to enclose an area.');
  if (allPointsCollinear(points)) {
    return fail('The trace encloses no area (all its points lie on one line); redraw it around the nerve.');
  }
  if (bruteForceCrosses(points)) return fail('The trace crosses itself; redraw it without loops.');
  const areaPx2 = contourAreaPx2(points);
  if (!(areaPx2 > 0)) return fail('The trace encloses no area; redraw it around the nerve.');
  if (calibration.source === 'none') {
    return ok({ calibrated: false, areaPx2, perimeterPx: contourPerimeterPx(points), calibration });
  }
  if (!hasValidSpacing(calibration)) {
    return fail('The calibration has an invalid pixel size, so no millimetre value can be given.');
  }
  const { rowSpacingMm, columnSpacingMm } = calibration;
  return ok({
    calibrated: true,
    areaMm2: areaPx2 * rowSpacingMm * columnSpacingMm,
    perimeterMm: contourPerimeterMm(points, rowSpacingMm, columnSpacingMm),
    calibration,
  });
}

/** Calibrations of every kind measureContour distinguishes, invalid spacing included. */
const anyCalibration: fc.Arbitrary<Calibration> = fc.oneof(
  fc.constant(NONE),
  fc.tuple(fc.double({ min: 0.01, max: 2, noNaN: true }), fc.double({ min: 0.01, max: 2, noNaN: true })).map(([r, c]) => spacing(r, c)),
  fc.constant({ source: 'pixel-spacing', rowSpacingMm: -1, columnSpacingMm: 0.2 } as const),
);

/** Hand-drawn mess: repeats, a closing copy of the first point, a doubled-back step, an invalid point. */
function roughen(c: ImagePoint[], edits: { repeat: number; close: boolean; doubleBack: number; invalid: number }): ImagePoint[] {
  const out = [...c];
  const n = out.length;
  if (n === 0) return out;
  if (edits.repeat >= 0) out.splice(edits.repeat % n, 0, out[edits.repeat % n]!);
  if (edits.doubleBack >= 1 && n >= 3) {
    const i = 1 + (edits.doubleBack % (n - 2));
    out.splice(i + 1, 0, out[i - 1]!); // i-1 → i → back to i-1
  }
  if (edits.close) out.push(out[0]!);
  if (edits.invalid >= 0) out[edits.invalid % out.length] = pt(Number.NaN, 1);
  return out;
}

const edits = fc.record({
  repeat: fc.integer({ min: -1, max: 1000 }),
  close: fc.boolean(),
  doubleBack: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 1000 }) }),
  invalid: fc.oneof({ weight: 9, arbitrary: fc.constant(-1) }, { weight: 1, arbitrary: fc.nat({ max: 1000 }) }),
});

describe('measureContour refuses and measures exactly as its separate rules do', () => {
  it('property: small random polygons on a 7×7 grid (repeats, flat, crossing and simple traces)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ x: fc.integer({ min: 0, max: 6 }), y: fc.integer({ min: 0, max: 6 }) }), { maxLength: 90 }),
        edits,
        anyCalibration,
        (c, e, cal) => {
          const trace = roughen(c, e);
          expect(measureContour(trace, cal)).toEqual(referenceMeasure(trace, cal));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('property: jittery hand-drawn traces of 65–400 points (the chain search), mostly simple', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 65, max: 400 }).chain((n) =>
          fc.tuple(
            fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
            fc.double({ min: 0, max: 0.6, noNaN: true }),
            fc.constantFrom(1, 4, 1e6),
          ),
        ),
        edits,
        anyCalibration,
        ([noise, amplitude, grid], e, cal) => {
          const n = noise.length;
          const r = n / (2 * Math.PI);
          const snap = (v: number): number => Math.round(v * grid) / grid;
          const c = noise.map((u, k) => {
            const t = (2 * Math.PI * k) / n;
            return pt(snap(300 + (r + amplitude * u) * Math.cos(t)), snap(300 + (r + amplitude * u) * Math.sin(t)));
          });
          const trace = roughen(c, e);
          expect(measureContour(trace, cal)).toEqual(referenceMeasure(trace, cal));
        },
      ),
      { numRuns: 300 },
    );
  });
});
