/**
 * Phantom sciatic nerve: an elliptical outline (the inner border of the epineurial rim)
 * filled with fascicles. Fascicles are stored in the ellipse's normalised frame so a
 * nerve that changes shape slightly (cine) keeps the same fascicle pattern.
 */
import { type Ellipse, type Vec2, clamp } from './geometry.ts';
import { Rng } from './prng.ts';

export interface Fascicle {
  /** Centre in the ellipse's normalised frame: u/a, v/b in (-1, 1). */
  readonly nu: number;
  readonly nv: number;
  /** Radius in mm. */
  readonly r: number;
}

export interface NerveStyle {
  /** Centre-to-centre fascicle spacing (mm). */
  readonly spacingMm: number;
  readonly rMinMm: number;
  readonly rMaxMm: number;
  /** Gap kept between fascicles and the nerve boundary (mm). */
  readonly marginMm: number;
}

export const NORMAL_NERVE: NerveStyle = { spacingMm: 1.15, rMinMm: 0.28, rMaxMm: 0.46, marginMm: 0.2 };
/** Tumour-infiltrated nerve: swollen, fewer but larger fascicles. */
export const ENLARGED_NERVE: NerveStyle = { spacingMm: 1.75, rMinMm: 0.5, rMaxMm: 0.8, marginMm: 0.25 };

/** Jittered hexagonal honeycomb of fascicles that fit inside the (nominal) ellipse. */
export function makeFascicles(e: Ellipse, style: NerveStyle, seed: string): Fascicle[] {
  const rng = new Rng(seed);
  const out: Fascicle[] = [];
  const s = style.spacingMm;
  const rowStep = (s * Math.sqrt(3)) / 2;
  const nRows = Math.ceil(e.b / rowStep) + 1;
  const nCols = Math.ceil(e.a / s) + 1;
  for (let j = -nRows; j <= nRows; j++) {
    for (let i = -nCols; i <= nCols; i++) {
      const u = (i + (j & 1 ? 0.5 : 0)) * s + rng.range(-0.22, 0.22) * s;
      const v = j * rowStep + rng.range(-0.22, 0.22) * s;
      const r = rng.range(style.rMinMm, style.rMaxMm);
      const fit = fittedRadius(e, u, v, r, style.marginMm);
      if (fit >= style.rMinMm * 0.8) out.push({ nu: u / e.a, nv: v / e.b, r });
    }
  }
  return out;
}

/** Largest radius <= r such that the disc at local (u, v) stays inside the ellipse minus margin. */
function fittedRadius(e: Ellipse, u: number, v: number, r: number, margin: number): number {
  // Shrink the ellipse by (r + margin) and test the centre; reduce r until it fits.
  let rr = r;
  for (let k = 0; k < 6; k++) {
    const a = e.a - rr - margin;
    const b = e.b - rr - margin;
    if (a > 0 && b > 0 && (u / a) ** 2 + (v / b) ** 2 <= 1) return rr;
    rr *= 0.8;
  }
  return 0;
}

/** Fascicle discs placed for a particular ellipse (radii reduced where they would not fit). */
export function placeFascicles(e: Ellipse, fascicles: readonly Fascicle[], marginMm: number): Array<{ x: number; y: number; r: number }> {
  const c = Math.cos(e.theta);
  const s = Math.sin(e.theta);
  const out: Array<{ x: number; y: number; r: number }> = [];
  for (const f of fascicles) {
    const u = f.nu * e.a;
    const v = f.nv * e.b;
    const r = fittedRadius(e, u, v, f.r, marginMm);
    if (r <= 0.1) continue;
    out.push({ x: e.cx + u * c - v * s, y: e.cy + u * s + v * c, r });
  }
  return out;
}

/** Coverage (0..1) of a disc at distance d from its centre, with soft edge of width w. */
export function discCoverage(d: number, r: number, w: number): number {
  return clamp((r - d) / w + 0.5, 0, 1);
}

export type { Vec2 };
