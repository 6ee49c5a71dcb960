/**
 * Nerve cross-sections as star-shaped curves in tissue millimetres (X lateral, D depth).
 *
 * In the nerve's own frame (u along the long axis, v across, rotated by `rotationDeg`) the border
 * is r(φ) = k · r0(φ) · (1 + Σ c_j cos(jφ + p_j)), with r0 a superellipse of the given aspect
 * ratio and k chosen so the area is the target. A radial function can never cross itself, so
 * every shape is a valid trace; the harmonics make the irregular ones lumpy and asymmetric.
 * The curve is tabulated once (TABLE points) so rendering a pixel is a table look-up.
 */

export interface Harmonic {
  readonly order: number;
  readonly amplitude: number;
  readonly phase: number;
}

export interface ShapeSpec {
  /** Centre in tissue mm: lateral X (0 = frame centre) and depth D below the skin. */
  readonly cx: number;
  readonly cy: number;
  readonly areaMm2: number;
  /** Long axis / short axis (1 = round). */
  readonly aspect: number;
  /** Superellipse exponent: 2 = ellipse, larger = boxier (flattened nerves have straighter sides). */
  readonly exponent: number;
  readonly rotationDeg: number;
  readonly harmonics: readonly Harmonic[];
}

export interface NerveShape {
  readonly spec: ShapeSpec;
  /** r(φ) and r'(φ) on TABLE equal steps of φ in [0, 2π). */
  readonly radius: Float64Array;
  readonly dRadius: Float64Array;
  /** Arc-length fraction (0..1) of the border point at each φ step. */
  readonly arcFraction: Float64Array;
  /** |normal · depth axis| at each φ step: 1 where the border faces the probe, 0 on the sides. */
  readonly facing: Float64Array;
  readonly cos: number;
  readonly sin: number;
  /** Largest radius (mm), for bounding boxes. */
  readonly maxRadius: number;
}

const TABLE = 4096;
const TWO_PI = 2 * Math.PI;

function baseRadius(phi: number, a: number, b: number, n: number): number {
  const c = Math.abs(Math.cos(phi)) / a;
  const s = Math.abs(Math.sin(phi)) / b;
  return (c ** n + s ** n) ** (-1 / n);
}

function rawRadius(spec: ShapeSpec, phi: number): number {
  const b = 1;
  const a = spec.aspect;
  let m = 1;
  for (const h of spec.harmonics) m += h.amplitude * Math.cos(h.order * phi + h.phase);
  return baseRadius(phi, a, b, spec.exponent) * m;
}

export function makeShape(spec: ShapeSpec): NerveShape {
  const raw = new Float64Array(TABLE);
  for (let i = 0; i < TABLE; i++) raw[i] = rawRadius(spec, (TWO_PI * i) / TABLE);
  // Area of a star-shaped curve: ½ ∮ r² dφ.
  let area = 0;
  for (let i = 0; i < TABLE; i++) area += 0.5 * raw[i]! ** 2 * (TWO_PI / TABLE);
  const k = Math.sqrt(spec.areaMm2 / area);
  const radius = raw.map((r) => r * k);
  const dRadius = new Float64Array(TABLE);
  const h = TWO_PI / TABLE;
  for (let i = 0; i < TABLE; i++) dRadius[i] = (radius[(i + 1) % TABLE]! - radius[(i + TABLE - 1) % TABLE]!) / (2 * h);
  const cos = Math.cos((spec.rotationDeg * Math.PI) / 180);
  const sin = Math.sin((spec.rotationDeg * Math.PI) / 180);
  // Border points in tissue mm, arc length and how squarely each part faces the beam.
  const xs = new Float64Array(TABLE);
  const ys = new Float64Array(TABLE);
  for (let i = 0; i < TABLE; i++) {
    const phi = i * h;
    const u = radius[i]! * Math.cos(phi);
    const v = radius[i]! * Math.sin(phi);
    xs[i] = spec.cx + u * cos - v * sin;
    ys[i] = spec.cy + u * sin + v * cos;
  }
  const cum = new Float64Array(TABLE + 1);
  for (let i = 0; i < TABLE; i++) cum[i + 1] = cum[i]! + Math.hypot(xs[(i + 1) % TABLE]! - xs[i]!, ys[(i + 1) % TABLE]! - ys[i]!);
  const total = cum[TABLE]!;
  const arcFraction = new Float64Array(TABLE);
  const facing = new Float64Array(TABLE);
  for (let i = 0; i < TABLE; i++) {
    arcFraction[i] = cum[i]! / total;
    const tx = xs[(i + 1) % TABLE]! - xs[(i + TABLE - 1) % TABLE]!;
    const ty = ys[(i + 1) % TABLE]! - ys[(i + TABLE - 1) % TABLE]!;
    facing[i] = Math.abs(tx) / Math.hypot(tx, ty);
  }
  let maxRadius = 0;
  for (const r of radius) maxRadius = Math.max(maxRadius, r);
  return { spec, radius, dRadius, arcFraction, facing, cos, sin, maxRadius };
}

/** Index into the φ tables for a point given in tissue mm, plus its polar radius. */
export function polarOf(s: NerveShape, x: number, y: number): { index: number; rho: number } {
  const dx = x - s.spec.cx;
  const dy = y - s.spec.cy;
  const u = dx * s.cos + dy * s.sin;
  const v = -dx * s.sin + dy * s.cos;
  let phi = Math.atan2(v, u);
  if (phi < 0) phi += TWO_PI;
  const index = Math.round((phi / TWO_PI) * TABLE) % TABLE;
  return { index, rho: Math.hypot(u, v) };
}

/**
 * Signed distance (mm) from the border, negative inside: the radial gap corrected by the angle
 * between the ray and the normal, (ρ − r)·r/√(r² + r'²). Exact in sign; accurate to a few
 * per cent of the distance within about a millimetre of the border, which is all the rim needs.
 */
export function signedDistance(s: NerveShape, x: number, y: number): { sd: number; index: number } {
  const { index, rho } = polarOf(s, x, y);
  const r = s.radius[index]!;
  const dr = s.dRadius[index]!;
  return { sd: ((rho - r) * r) / Math.sqrt(r * r + dr * dr), index };
}

/**
 * The border as a closed polygon of n points equally spaced in arc length (tissue mm), starting
 * at the end of the long axis (φ = 0) and running in the direction of increasing φ.
 */
export function borderPoints(s: NerveShape, n: number): Array<[number, number]> {
  // A finer table than the render table so the polygon is the analytic curve to < 1e-4 mm.
  const fine = 16 * TABLE;
  const xs = new Float64Array(fine + 1);
  const ys = new Float64Array(fine + 1);
  const cum = new Float64Array(fine + 1);
  const k = Math.sqrt(s.spec.areaMm2 / rawArea(s.spec));
  for (let i = 0; i <= fine; i++) {
    const phi = (TWO_PI * i) / fine;
    const r = k * rawRadius(s.spec, phi);
    const u = r * Math.cos(phi);
    const v = r * Math.sin(phi);
    xs[i] = s.spec.cx + u * s.cos - v * s.sin;
    ys[i] = s.spec.cy + u * s.sin + v * s.cos;
    if (i > 0) cum[i] = cum[i - 1]! + Math.hypot(xs[i]! - xs[i - 1]!, ys[i]! - ys[i - 1]!);
  }
  const total = cum[fine]!;
  const out: Array<[number, number]> = [];
  let j = 0;
  for (let m = 0; m < n; m++) {
    const target = (total * m) / n;
    while (j < fine - 1 && cum[j + 1]! < target) j++;
    const t = (target - cum[j]!) / (cum[j + 1]! - cum[j]!);
    out.push([xs[j]! + t * (xs[j + 1]! - xs[j]!), ys[j]! + t * (ys[j + 1]! - ys[j]!)]);
  }
  return out;
}

function rawArea(spec: ShapeSpec): number {
  let area = 0;
  for (let i = 0; i < TABLE; i++) area += 0.5 * rawRadius(spec, (TWO_PI * i) / TABLE) ** 2 * (TWO_PI / TABLE);
  return area;
}

export const SHAPE_TABLE_SIZE = TABLE;
