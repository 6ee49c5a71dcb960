/**
 * The finished outline: a closed minimal path in polar coordinates around the clicks' centre
 * (dynamic programming over angle × radius), i.e. livewire unwrapped around the nerve.
 *
 * Speckle makes single-pixel gradients useless for finding a faint rim: here each candidate border
 * point is judged by a rim profile along its ray — the mean of the (lightly smoothed) stored values
 * just outside minus just inside ("dark inside, bright outside"), averaged over neighbouring
 * angles — and the path is kept near a smooth curve through the clicks (a closed centripetal
 * Catmull-Rom spline), which it leaves where the rim says so. Star-shaped about the centre, so
 * the outline can never cross itself.
 */
import type { ImagePoint } from '../types';
import type { EdgeMap } from './edgeMap';

export interface PolarSnapOptions {
  /** Length (px) of the strip just outside a candidate point (the rim) compared along its ray… */
  readonly rimWindowPx: number;
  /** …with the strip just inside it (kept short: the border is where the bright rim starts). */
  readonly insideWindowPx: number;
  /** How far (fraction of the mean radius, at least 4 px) the outline may move off the spline. */
  readonly searchFraction: number;
  /** Weight of staying near the spline (per (offset / mean radius)²), in profile units. */
  readonly priorWeight: number;
  /** Weight of radius changes between neighbouring rays (per px²), in profile units. */
  readonly smoothWeight: number;
  /** Rays averaged either side when judging a point (speckle reduction across the beam). */
  readonly angularAverage: number;
  /**
   * A thin bright rim blurred by the beam (and by the smoothing) has its steepest rise inside its
   * true inner border. Each point is therefore moved this fraction of the way from the steepest
   * rise to the crest of the rim (the brightest point within ridgeSearchPx outwards).
   */
  readonly towardsCrest: number;
  readonly ridgeSearchPx: number;
  /** Polarity: +1 dark inside, -1 bright inside. */
  readonly sign: 1 | -1;
}

const MAX_BINS = 81;
const START_BINS = 2;
/** Rays at most this many (about one per pixel of outline on ordinary frames; sparser on huge nerves). */
const MAX_RAYS = 480;

/** The whole computation at once (tests, CLI); the viewer runs polarSnapSteps in slices. */
export function polarSnap(values: EdgeMap, spline: readonly ImagePoint[], clicks: readonly ImagePoint[], o: PolarSnapOptions): ImagePoint[] {
  const steps = polarSnapSteps(values, spline, clicks, o);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * The same computation as a generator that yields after every small piece of work (one ray, one
 * row of the dynamic programme), so the caller can stop at a time budget and resume on the next
 * animation frame; the result does not depend on where it was paused.
 */
export function* polarSnapSteps(values: EdgeMap, spline: readonly ImagePoint[], clicks: readonly ImagePoint[], o: PolarSnapOptions): Generator<void, ImagePoint[], void> {
  const cx = clicks.reduce((s, p) => s + p.x, 0) / clicks.length;
  const cy = clicks.reduce((s, p) => s + p.y, 0) / clicks.length;
  const meanR = spline.reduce((s, p) => s + Math.hypot(p.x - cx, p.y - cy), 0) / spline.length;
  const M = Math.max(64, Math.min(MAX_RAYS, Math.round(2 * Math.PI * meanR)));
  // Start at the first click's angle, where the prior is best known.
  const theta0 = Math.atan2(clicks[0]!.y - cy, clicks[0]!.x - cx);
  const rho0 = new Float64Array(M);
  for (let j = 0; j < M; j++) {
    const t = theta0 + (2 * Math.PI * j) / M;
    rho0[j] = rayHit(spline, cx, cy, Math.cos(t), Math.sin(t)) ?? meanR;
    if (j % 16 === 15) yield;
  }
  // Search range on each ray: a fraction of the spline's radius there (the far ends of a flat
  // nerve, where a few clicks miss most, get the widest range), the same number of bins on every ray.
  const Dbase = Math.max(4, o.searchFraction * meanR);
  const K = Math.min(MAX_BINS, 2 * Math.ceil(Dbase / 0.5) + 1);
  const Dj = Array.from(rho0, (r) => Dbase * Math.min(2, Math.max(0.5, r / meanR)));
  const hj = Dj.map((d) => (2 * d) / (K - 1));
  const h = Dbase * 2 / (K - 1);
  const w = Math.max(o.rimWindowPx, o.insideWindowPx);
  // Profile along each ray, sampled every 0.5 px from the innermost to the outermost candidate ± w.
  const step = Math.max(0.5, h);
  const S = Math.ceil((4 * Dbase + 2 * w) / step) + 1;
  const profile = new Float64Array(M * K);
  const prefix = new Float64Array(S + 1);
  for (let j = 0; j < M; j++) {
    const t = theta0 + (2 * Math.PI * j) / M;
    const ux = Math.cos(t);
    const uy = Math.sin(t);
    const D = Dj[j]!;
    const inner = -D - w;
    for (let s = 0; s < S; s++) {
      const r = Math.max(0, rho0[j]! + inner + s * step);
      prefix[s + 1] = prefix[s]! + values.smoothAt(cx + r * ux, cy + r * uy);
    }
    const spanOut = Math.max(1, Math.round(o.rimWindowPx / step));
    const spanIn = Math.max(1, Math.round(o.insideWindowPx / step));
    for (let k = 0; k < K; k++) {
      const at = Math.round((-D + k * hj[j]! - inner) / step);
      const outside = (prefix[Math.min(S, at + spanOut)]! - prefix[at]!) / spanOut;
      const insideMean = (prefix[at]! - prefix[Math.max(0, at - spanIn)]!) / spanIn;
      profile[j * K + k] = o.sign * (outside - insideMean);
    }
    yield;
  }
  // Node cost: the rim profile averaged over neighbouring rays (negated: strong rim = cheap), and
  // the distance from the spline.
  const node = new Float64Array(M * K);
  const A = o.angularAverage;
  for (let j = 0; j < M; j++) {
    for (let k = 0; k < K; k++) {
      let e = 0;
      for (let a = -A; a <= A; a++) e += profile[(((j + a) % M + M) % M) * K + k]!;
      const off = (-Dj[j]! + k * hj[j]!) / meanR;
      node[j * K + k] = -e / (2 * A + 1) + o.priorWeight * off * off;
    }
    if (j % 16 === 15) yield;
  }
  const transition = (dk: number) => o.smoothWeight * (dk * h) * (dk * h);
  const maxJump = Math.max(1, Math.ceil(1 / h));
  // Closed path: try a few start bins near the spline at the first ray; the path must end next to where it began.
  const centre = (K - 1) / 2;
  let best = Infinity;
  let bestPath: Int32Array | null = null;
  const cost = new Float64Array(K);
  const next = new Float64Array(K);
  const from = new Int32Array(M * K);
  for (let k0 = Math.max(0, centre - START_BINS); k0 <= Math.min(K - 1, centre + START_BINS); k0++) {
    cost.fill(Infinity);
    cost[k0] = node[k0]!;
    for (let j = 1; j < M; j++) {
      for (let k = 0; k < K; k++) {
        let m = Infinity;
        let arg = -1;
        for (let dk = -maxJump; dk <= maxJump; dk++) {
          const p = k + dk;
          if (p < 0 || p >= K) continue;
          const c = cost[p]! + transition(dk);
          if (c < m) {
            m = c;
            arg = p;
          }
        }
        next[k] = m + node[j * K + k]!;
        from[j * K + k] = arg;
      }
      cost.set(next);
      if (j % 16 === 15) yield;
    }
    for (let k = Math.max(0, k0 - maxJump); k <= Math.min(K - 1, k0 + maxJump); k++) {
      const total = cost[k]! + transition(k - k0);
      if (total < best) {
        best = total;
        const path = new Int32Array(M);
        path[M - 1] = k;
        for (let j = M - 1; j > 0; j--) path[j - 1] = from[j * K + path[j]!]!;
        bestPath = path;
      }
    }
  }
  const path = bestPath!;
  const radii = Array.from({ length: M }, (_, j) => Math.max(0.5, rho0[j]! - Dj[j]! + path[j]! * hj[j]!));
  // The crest distance is noisy ray by ray (speckle): smoothed along the outline (~±3 % of it).
  const raw: number[] = [];
  for (let j = 0; j < M; j++) {
    raw.push(o.towardsCrest > 0 ? crestOffset(values, cx, cy, theta0, M, j, radii[j]!, o) : 0);
    yield;
  }
  const half = Math.max(2, Math.round(M * 0.03));
  const shifts = raw.map((_, j) => {
    let sum = 0;
    for (let a = -half; a <= half; a++) sum += raw[(((j + a) % M) + M) % M]!;
    return (o.towardsCrest * sum) / (2 * half + 1);
  });
  return radii.map((r, j) => {
    const t = theta0 + (2 * Math.PI * j) / M;
    return { x: cx + (r + shifts[j]!) * Math.cos(t), y: cy + (r + shifts[j]!) * Math.sin(t) };
  });
}

/** Farthest crossing of the ray from (cx, cy) in direction (ux, uy) with a closed polyline. */
function rayHit(poly: readonly ImagePoint[], cx: number, cy: number, ux: number, uy: number): number | null {
  let far: number | null = null;
  const n = poly.length;
  for (let i = 0; i < n; i++) {
    const a = poly[i]!;
    const b = poly[(i + 1) % n]!;
    const ex = b.x - a.x;
    const ey = b.y - a.y;
    const den = ux * ey - uy * ex;
    if (Math.abs(den) < 1e-12) continue;
    const ax = a.x - cx;
    const ay = a.y - cy;
    const t = (ax * ey - ay * ex) / den;
    const s = (ax * uy - ay * ux) / den;
    if (t > 0 && s >= 0 && s <= 1 && (far === null || t > far)) far = t;
  }
  return far;
}

/**
 * Distance outwards (px) from radius r on ray j to where the rim is (nearly) at its brightest —
 * the first point reaching 90 % of the rise to the maximum within ridgeSearchPx, so that on a
 * crisp edge with a flat plateau it stays at the edge — averaged over neighbouring rays.
 */
function crestOffset(values: EdgeMap, cx: number, cy: number, theta0: number, M: number, j: number, r: number, o: PolarSnapOptions): number {
  const samples: number[] = [];
  for (let u = 0; u <= o.ridgeSearchPx + 1e-9; u += 0.5) {
    let sum = 0;
    for (let a = -o.angularAverage; a <= o.angularAverage; a++) {
      const t = theta0 + (2 * Math.PI * (j + a)) / M;
      sum += values.smoothAt(cx + (r + u) * Math.cos(t), cy + (r + u) * Math.sin(t));
    }
    samples.push(o.sign * sum);
  }
  const top = Math.max(...samples);
  const level = samples[0]! + 0.9 * (top - samples[0]!);
  const k = samples.findIndex((v) => v >= level);
  return Math.max(0, k) * 0.5;
}
