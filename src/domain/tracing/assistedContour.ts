/**
 * An assisted (livewire) trace in progress: the user's clicks (anchors), the live path from the
 * last click to the pointer, closing on the first click, and the finished outline.
 *
 * Finishing knows which side is inside (the anchors' turning direction), so it snaps each click to
 * the nearest inner border of the rim (within snapRadiusPx) and recomputes every segment with the
 * "dark inside, bright outside" rule; it then refines the pixel path to the sub-pixel edge, smooths
 * away the pixel staircase (which would inflate the circumference) and resamples it evenly.
 * Finishing runs in slices of a time budget, so the viewer never blocks on a large frame.
 */
import type { ImagePoint } from '../types';
import { contourSignedAreaPx2 } from '../geometry/area';
import { findSelfIntersection } from '../geometry/selfIntersection';
import { EdgeMap, normalisedValues, type EdgeMapOptions, type StoredFrame } from './edgeMap';
import { polarSnapSteps } from './polarSnap';
import { ellipsePolygon, fitEllipse } from './ellipseFit';
import { LivewireTree, SearchScratch, clampInt, type CostParams, type Corridor, type Orientation } from './livewire';

export interface AssistedOptions extends CostParams, EdgeMapOptions {
  /** A click is moved to the strongest inner-border pixel within this distance when finishing. */
  readonly snapRadiusPx: number;
  /** A click this close to the first one (with ≥ 3 anchors) closes the outline. */
  readonly closeRadiusPx: number;
  /**
   * A finer Gaussian for locating the border to a fraction of a pixel: the coarse map is good for
   * finding the way through speckle, but blurring a thin bright rim pulls its inner edge inwards.
   */
  readonly refineSigmaPx: number;
  /** How far (px) along the normal the finished outline may move to the fine-scale edge. */
  readonly refineRangePx: number;
  /**
   * On finishing, each segment keeps near a smooth curve through the clicks (a closed centripetal
   * Catmull-Rom spline): corridor half-width as a fraction of the distance between the two clicks
   * (at least 2 px), and the weight of leaving it. Where the rim is faint or missing the outline
   * follows the curve instead of cutting the chord; where the rim is clear it follows the rim.
   */
  readonly corridorFraction: number;
  /**
   * 'polar': the finished outline is a closed minimal path around the clicks' centre judged by
   * the rim profile along each ray (see polarSnap). 'livewire': the pixel paths between the
   * clicks, recomputed knowing the inside. (The live preview is livewire either way.)
   */
  readonly finishMethod: 'polar' | 'livewire';
  readonly rimWindowPx: number;
  readonly insideWindowPx: number;
  readonly searchFraction: number;
  readonly priorWeight: number;
  readonly smoothWeight: number;
  readonly angularAverage: number;
  /** See PolarSnapOptions (0.5: half-way from the steepest rise to the crest). */
  readonly towardsCrest: number;
  readonly ridgeSearchPx: number;
  readonly corridorWeight: number;
  /**
   * B-mode pixels are log-compressed echo amplitude. Blurring (beam, speckle smoothing) happens to
   * the amplitude, so a bright rim's edge is where the AMPLITUDE is half-way, not the grey level
   * (which puts it inside, towards the dark side), and in grey levels the edge of a dark fascicle
   * looks stronger than the rim's. When > 0, the polar finish judges the rim on the amplitude,
   * assuming the frame's robust range (1st–99th percentile) spans this many dB. 0 = grey levels.
   * Ultrasound only (tracingFrameFor sets 0 for other modalities, whose values are not log
   * compressed). The scanner's real compression is not in the DICOM; 30 dB is an assumption
   * (displays show 40–60 dB over the full 0–255; results move little between 30 and 50).
   */
  readonly linearRangeDb: number;
  /**
   * The curve the polar finish keeps near: 'spline' (a smooth curve through the clicks) or
   * 'ellipse' (the least-squares ellipse through the clicks, when there are 4–10 and it is a
   * plausible one, otherwise the spline; see ellipseFit and ellipsePrior), which does not cut a
   * convex nerve's ends as the spline does (5 clicks on the phantoms: spline −8 % area on average,
   * ellipse +0.5 %).
   */
  readonly priorShape: 'spline' | 'ellipse';
  /** Gaussian smoothing along the finished outline (standard deviation, in path points). */
  readonly smoothingPoints: number;
  /** Spacing of the finished outline's points. */
  readonly resampleSpacingPx: number;
}

/** Chosen on the tracing benchmark (bench/tracing), the same for every phantom and frame. */
export const DEFAULT_ASSISTED_OPTIONS: AssistedOptions = {
  sigmaPx: 2,
  lengthWeight: 0.15,
  edgeScale: 0.03,
  offCrest: 0.3,
  polarity: 'dark-inside',
  snapRadiusPx: 4,
  refineSigmaPx: 1,
  refineRangePx: 1.5,
  corridorFraction: 0.1,
  corridorWeight: 1,
  finishMethod: 'polar',
  rimWindowPx: 3,
  insideWindowPx: 1,
  searchFraction: 0.25,
  priorWeight: 2,
  smoothWeight: 0.01,
  angularAverage: 3,
  towardsCrest: 0.5,
  ridgeSearchPx: 4,
  priorShape: 'ellipse',
  linearRangeDb: 30,
  closeRadiusPx: 6,
  smoothingPoints: 4,
  resampleSpacingPx: 2,
};

export type ClickResult = 'added' | 'closed' | 'ignored';

export interface Preview {
  /** Committed segments and the live one, in image pixel coordinates. */
  readonly points: ImagePoint[];
  /** False while the live segment is still a straight stand-in (the search has not reached the pointer). */
  readonly complete: boolean;
}

export type FinishResult = { done: false } | { done: true; ok: true; contour: ImagePoint[] } | { done: true; ok: false; error: string };

/** Edge map plus search arrays for one frame; build once per frame and reuse for every trace on it. */
export class TracingFrame {
  readonly edges: EdgeMap;
  readonly fine: EdgeMap;
  /** What the polar finish judges the rim on: `fine`, or its echo-amplitude version (see linearRangeDb). */
  readonly rim: EdgeMap;
  readonly scratch: SearchScratch;
  constructor(frame: StoredFrame, readonly options: AssistedOptions) {
    const values = normalisedValues(frame);
    this.edges = new EdgeMap(values, frame.width, frame.height, options);
    this.fine = new EdgeMap(values, frame.width, frame.height, { sigmaPx: options.refineSigmaPx });
    this.rim = options.linearRangeDb > 0 ? new EdgeMap(values, frame.width, frame.height, { sigmaPx: options.refineSigmaPx, amplitudeDb: options.linearRangeDb }) : this.fine;
    this.scratch = new SearchScratch(frame.width * frame.height);
  }
}

interface FinishState {
  anchors: number[];
  orientation: Orientation;
  segments: number[][];
  tree: LivewireTree | null;
  /** The polar finish in progress (resumed slice by slice). */
  polar: Generator<void, ImagePoint[], void> | null;
}

export class AssistedTrace {
  private readonly anchorsPx: number[] = [];
  private readonly committed: number[][] = [];
  private tree: LivewireTree | null = null;
  private closedFlag = false;
  private finishing: FinishState | null = null;

  constructor(private readonly frame: TracingFrame) {}

  get anchors(): ImagePoint[] {
    return this.anchorsPx.map((i) => this.point(i));
  }
  get closed(): boolean {
    return this.closedFlag;
  }
  get canClose(): boolean {
    return this.anchorsPx.length >= 3;
  }

  /** A click: the first starts the trace, one near the first anchor closes it, others add an anchor. */
  click(p: ImagePoint): ClickResult {
    if (this.closedFlag) return 'ignored';
    const { width, height } = this.frame.edges;
    const i = clampInt(p.y, height) * width + clampInt(p.x, width);
    const n = this.anchorsPx.length;
    if (n >= 3 && distance(p, this.point(this.anchorsPx[0]!)) <= this.frame.options.closeRadiusPx) {
      this.closedFlag = true;
      return 'closed';
    }
    if (n > 0 && i === this.anchorsPx[n - 1]) return 'ignored';
    if (this.tree) this.committed.push(this.tree.pathTo(i) ?? this.straight(this.tree.anchor, i));
    this.anchorsPx.push(i);
    this.tree = new LivewireTree(this.frame.edges, this.frame.scratch, this.point(i), this.orientationOf(this.anchorsPx), this.frame.options);
    return 'added';
  }

  /** Closes without a click on the first anchor (double click, Enter); needs 3 anchors. */
  close(): boolean {
    if (!this.canClose) return false;
    this.closedFlag = true;
    return true;
  }

  /** Removes the last anchor (Backspace); false when there is none left to remove. */
  removeLastAnchor(): boolean {
    if (this.closedFlag || this.anchorsPx.length === 0) return false;
    this.anchorsPx.pop();
    this.committed.pop();
    const last = this.anchorsPx[this.anchorsPx.length - 1];
    this.tree = last === undefined ? null : new LivewireTree(this.frame.edges, this.frame.scratch, this.point(last), this.orientationOf(this.anchorsPx), this.frame.options);
    return true;
  }

  /** The outline so far and the live path to the pointer, growing the search for at most budgetMs. */
  move(p: ImagePoint, budgetMs: number): Preview {
    const points: ImagePoint[] = [];
    for (const seg of this.committed) for (const i of seg) points.push(this.point(i));
    if (!this.tree || this.closedFlag) return { points, complete: true };
    const { width, height } = this.frame.edges;
    const target = clampInt(p.y, height) * width + clampInt(p.x, width);
    const reached = this.tree.growTo(target, budgetMs);
    const live = reached ? this.tree.pathTo(target)! : this.straight(this.tree.anchor, target);
    for (const i of live) points.push(this.point(i));
    return { points, complete: reached };
  }

  /** Computes the finished outline, in slices of at most budgetMs; call again until done. */
  finish(budgetMs: number): FinishResult {
    if (!this.closedFlag) return { done: true, ok: false, error: 'The outline is not closed yet.' };
    const deadline = performance.now() + budgetMs;
    if (!this.finishing) {
      const orientation = this.orientationOf(this.anchorsPx);
      if (orientation === 0) return { done: true, ok: false, error: 'The clicks lie on one line; click around the nerve.' };
      this.finishing = { anchors: this.anchorsPx.map((a) => this.snap(a)), orientation, segments: [], tree: null, polar: null };
    }
    const f = this.finishing;
    if (this.frame.options.finishMethod === 'polar') return this.finishPolar(f, deadline);
    const n = f.anchors.length;
    while (f.segments.length < n) {
      const k = f.segments.length;
      const target = f.anchors[(k + 1) % n]!;
      f.tree ??= new LivewireTree(this.frame.edges, this.frame.scratch, this.point(f.anchors[k]!), f.orientation, this.frame.options, this.corridor(f.anchors, k));
      if (!f.tree.growTo(target, Math.max(0, deadline - performance.now()))) return { done: false };
      f.segments.push(f.tree.pathTo(target)!);
      f.tree = null;
    }
    const contour = this.outline(f.segments);
    if (contour.length < 3) return { done: true, ok: false, error: 'The outline encloses no area; click around the nerve.' };
    return { done: true, ok: true, contour };
  }

  private finishPolar(f: FinishState, deadline: number): FinishResult {
    f.polar ??= this.polarSteps();
    for (;;) {
      const step = f.polar.next();
      if (step.done) {
        const contour = step.value;
        if (contour.length < 3) return { done: true, ok: false, error: 'The outline encloses no area; click around the nerve.' };
        return { done: true, ok: true, contour };
      }
      if (performance.now() >= deadline) return { done: false };
    }
  }

  private *polarSteps(): Generator<void, ImagePoint[], void> {
    const { options, rim } = this.frame;
    const clicks = this.anchorsPx.map((i) => this.point(i));
    const n = clicks.length;
    const spline: ImagePoint[] = [];
    for (let k = 0; k < n; k++) {
      const [p0, p1, p2, p3] = [k - 1, k, k + 1, k + 2].map((j) => clicks[((j % n) + n) % n]!) as [ImagePoint, ImagePoint, ImagePoint, ImagePoint];
      const samples = Math.max(4, Math.ceil(distance(p1, p2) / 2));
      for (let s = 0; s < samples; s++) spline.push(catmullRom(p0, p1, p2, p3, s / samples));
    }
    yield;
    const prior = options.priorShape === 'ellipse' ? ellipsePrior(clicks, spline) ?? spline : spline;
    yield;
    const outline = yield* polarSnapSteps(rim, prior, clicks, {
      rimWindowPx: options.rimWindowPx,
      insideWindowPx: options.insideWindowPx,
      searchFraction: options.searchFraction,
      priorWeight: options.priorWeight,
      smoothWeight: options.smoothWeight,
      angularAverage: options.angularAverage,
      towardsCrest: options.towardsCrest,
      ridgeSearchPx: options.ridgeSearchPx,
      sign: options.polarity === 'dark-inside' ? 1 : -1,
    });
    yield;
    return withoutLoops(resampleClosed(smoothClosed(outline, options.smoothingPoints), options.resampleSpacingPx));
  }

  /** The corridor of segment k: the spline from anchor k to anchor k + 1, sampled every ~2 px. */
  private corridor(anchors: readonly number[], k: number): Corridor | null {
    const { corridorFraction, corridorWeight } = this.frame.options;
    if (corridorWeight <= 0) return null;
    const n = anchors.length;
    const [p0, p1, p2, p3] = [k - 1, k, k + 1, k + 2].map((j) => this.point(anchors[((j % n) + n) % n]!)) as [ImagePoint, ImagePoint, ImagePoint, ImagePoint];
    const chord = distance(p1, p2);
    const samples = Math.max(4, Math.ceil(chord / 2));
    const polyline = new Float64Array(2 * (samples + 1));
    for (let s = 0; s <= samples; s++) {
      const q = catmullRom(p0, p1, p2, p3, s / samples);
      polyline[2 * s] = q.x;
      polyline[2 * s + 1] = q.y;
    }
    return { polyline, widthPx: Math.max(2, corridorFraction * chord), weight: corridorWeight };
  }

  private point(i: number): ImagePoint {
    const w = this.frame.edges.width;
    const x = i % w;
    return { x, y: (i - x) / w };
  }

  private orientationOf(anchors: readonly number[]): Orientation {
    if (anchors.length < 3) return 0;
    const area = contourSignedAreaPx2(anchors.map((i) => this.point(i)));
    return area > 0 ? 1 : area < 0 ? -1 : 0;
  }

  /** A straight pixel line (stand-in while the search has not reached the pointer). */
  private straight(from: number, to: number): number[] {
    const a = this.point(from);
    const b = this.point(to);
    const steps = Math.max(1, Math.ceil(Math.max(Math.abs(b.x - a.x), Math.abs(b.y - a.y))));
    const w = this.frame.edges.width;
    const out: number[] = [];
    for (let s = 0; s <= steps; s++) {
      out.push(Math.round(a.y + ((b.y - a.y) * s) / steps) * w + Math.round(a.x + ((b.x - a.x) * s) / steps));
    }
    return out;
  }

  /** The pixel near a click with the strongest inner-border edge (outward = away from the anchors' centre). */
  private snap(anchor: number): number {
    const { edges, options } = this.frame;
    const pts = this.anchorsPx.map((i) => this.point(i));
    const cx = pts.reduce((s, p) => s + p.x, 0) / pts.length;
    const cy = pts.reduce((s, p) => s + p.y, 0) / pts.length;
    const a = this.point(anchor);
    const len = Math.hypot(a.x - cx, a.y - cy) || 1;
    const ox = (a.x - cx) / len;
    const oy = (a.y - cy) / len;
    const sign = options.polarity === 'dark-inside' ? 1 : -1;
    const r = Math.ceil(options.snapRadiusPx);
    let best = anchor;
    let bestScore = 0.5 * options.edgeScale;
    for (let dy = -r; dy <= r; dy++) {
      for (let dx = -r; dx <= r; dx++) {
        const d = Math.hypot(dx, dy);
        const x = a.x + dx;
        const y = a.y + dy;
        if (d > options.snapRadiusPx || x < 0 || y < 0 || x >= edges.width || y >= edges.height) continue;
        const i = y * edges.width + x;
        edges.ensure(i);
        const score = sign * (edges.gx[i]! * ox + edges.gy[i]! * oy) * (1 - (0.2 * d) / (options.snapRadiusPx + 1));
        if (score > bestScore) {
          bestScore = score;
          best = i;
        }
      }
    }
    return best;
  }

  /** Joined segments → spurs removed → sub-pixel edge → smoothed → evenly resampled → simple. */
  private outline(segments: number[][]): ImagePoint[] {
    const joined: number[] = [];
    for (const seg of segments) for (let k = 0; k < seg.length - 1; k++) joined.push(seg[k]!);
    // Start mid-segment: spurs (the path going out to a click and back) sit at the clicks.
    const start = Math.floor((segments[0]!.length - 1) / 2);
    const rotated = [...joined.slice(start), ...joined.slice(0, start)];
    const pixels = withoutSpurs(rotated);
    const { options } = this.frame;
    const refined = pixels.map((i) => this.refine(this.point(i)));
    const smooth = smoothClosed(refined, options.smoothingPoints);
    return withoutLoops(resampleClosed(smooth, options.resampleSpacingPx));
  }

  /**
   * Moves a path point along the outward normal to the strongest inner-border edge on the fine map
   * within refineRangePx (sampled every quarter pixel, then a parabola through the peak).
   */
  private refine(p: ImagePoint): ImagePoint {
    const { edges, fine, options } = this.frame;
    const [gx, gy] = edges.gradientAt(p.x, p.y);
    const g = Math.hypot(gx, gy);
    if (g < 0.5 * options.edgeScale) return p;
    const sign = options.polarity === 'dark-inside' ? 1 : -1;
    const nx = (sign * gx) / g;
    const ny = (sign * gy) / g;
    const along = (t: number) => {
      const [ax, ay] = fine.gradientAt(p.x + t * nx, p.y + t * ny);
      return sign * (ax * nx + ay * ny);
    };
    const step = 0.25;
    const steps = Math.round(options.refineRangePx / step);
    let bestK = 0;
    let best = -Infinity;
    for (let k = -steps; k <= steps; k++) {
      const e = along(k * step);
      if (e > best) {
        best = e;
        bestK = k;
      }
    }
    if (best <= 0) return p;
    let t = bestK * step;
    if (Math.abs(bestK) < steps) {
      const em = along(t - step);
      const ep = along(t + step);
      const curvature = em - 2 * best + ep;
      if (curvature < 0) t += Math.max(-step, Math.min(step, ((em - ep) / (2 * curvature)) * step));
    }
    return { x: p.x + t * nx, y: p.y + t * ny };
  }
}

const ELLIPSE_AREA_RANGE = [0.8, 1.5] as const;
/**
 * Beyond this many clicks the spline is used: dense clicks (or a loose drag) follow the border
 * themselves, and the spline through them keeps a lumpy nerve's lumps the ellipse would smooth
 * away (12 points on the phantoms: 95th percentile 8.5 % with the spline, 10.7 % with the ellipse;
 * on par at 8–10).
 */
const ELLIPSE_MAX_CLICKS = 10;
const ELLIPSE_MAX_MISS = 0.15;
/** Weight of each spline sample beside a click's 1 in the ellipse fit (see ellipsePrior). */
const SPLINE_SAMPLE_WEIGHT = 0.01;

/**
 * The ellipse through the clicks as a polygon, or null (fewer than 4 clicks or more than
 * ELLIPSE_MAX_CLICKS, no ellipse, or one
 * that is no plausible nerve: its area outside ELLIPSE_AREA_RANGE × the spline's, its long axis
 * over 1.5 × the spline's extent, or a click more than ELLIPSE_MAX_MISS of the mean radius off it
 * — the clicks then do not lie on an ellipse).
 */
export function ellipsePrior(clicks: readonly ImagePoint[], spline: readonly ImagePoint[]): ImagePoint[] | null {
  if (clicks.length < 4 || clicks.length > ELLIPSE_MAX_CLICKS) return null;
  // ~32 samples of the spline, each with a small weight: four clicks leave a family of conics
  // through them, and they pick the one nearest the spline; with five or more they only steady a
  // fit that click errors would otherwise bend most on a thin nerve.
  const extra = spline.filter((_, i) => i % Math.max(1, Math.floor(spline.length / 32)) === 0);
  const e = fitEllipse([...clicks, ...extra], [...clicks.map(() => 1), ...extra.map(() => SPLINE_SAMPLE_WEIGHT)]);
  if (!e) return null;
  const splineArea = Math.abs(contourSignedAreaPx2(spline));
  const ratio = (Math.PI * e.a * e.b) / splineArea;
  if (!(ratio >= ELLIPSE_AREA_RANGE[0] && ratio <= ELLIPSE_AREA_RANGE[1])) return null;
  // A long needle of the right area is no nerve either: its long axis may pass the clicks' span by half.
  const xs = spline.map((q) => q.x);
  const ys = spline.map((q) => q.y);
  if (2 * e.a > 1.5 * Math.hypot(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys))) return null;
  const polygon = ellipsePolygon(e, Math.min(1024, Math.max(64, Math.ceil((2 * Math.PI * e.a) / 2))));
  const meanR = Math.sqrt(e.a * e.b);
  for (const c of clicks) {
    const miss = Math.min(...polygon.map((q) => distance(q, c)));
    if (miss > ELLIPSE_MAX_MISS * meanR) return null;
  }
  return polygon;
}

/** Removes out-and-back excursions (a pixel path that retraces its own steps). */
export function withoutSpurs(path: readonly number[]): number[] {
  const stack: number[] = [];
  for (const i of path) {
    if (stack.length >= 2 && stack[stack.length - 2] === i) stack.pop();
    else if (stack[stack.length - 1] !== i) stack.push(i);
  }
  while (stack.length >= 3 && stack[1] === stack[stack.length - 1]) {
    stack.shift();
    stack.pop();
  }
  return stack;
}

/** Circular Gaussian smoothing of a closed polyline (sigma in points). */
export function smoothClosed(points: readonly ImagePoint[], sigma: number): ImagePoint[] {
  const n = points.length;
  if (sigma <= 0 || n < 5) return [...points];
  const r = Math.min(Math.floor((n - 1) / 2), Math.ceil(2.5 * sigma));
  const w = Array.from({ length: 2 * r + 1 }, (_, k) => Math.exp(-((k - r) ** 2) / (2 * sigma * sigma)));
  const total = w.reduce((s, v) => s + v, 0);
  return points.map((_, i) => {
    let x = 0;
    let y = 0;
    for (let k = -r; k <= r; k++) {
      const q = points[(((i + k) % n) + n) % n]!;
      x += w[k + r]! * q.x;
      y += w[k + r]! * q.y;
    }
    return { x: x / total, y: y / total };
  });
}

/** Resamples a closed polyline at (about) even arc-length spacing; keeps at least 12 points. */
export function resampleClosed(points: readonly ImagePoint[], spacing: number): ImagePoint[] {
  const n = points.length;
  if (n < 3) return [...points];
  const cum = [0];
  for (let i = 0; i < n; i++) cum.push(cum[i]! + distance(points[i]!, points[(i + 1) % n]!));
  const total = cum[n]!;
  const count = Math.max(12, Math.round(total / spacing));
  const out: ImagePoint[] = [];
  let seg = 0;
  for (let k = 0; k < count; k++) {
    const s = (k * total) / count;
    while (seg < n - 1 && cum[seg + 1]! <= s) seg++;
    const a = points[seg]!;
    const b = points[(seg + 1) % n]!;
    const len = cum[seg + 1]! - cum[seg]!;
    const t = len > 0 ? (s - cum[seg]!) / len : 0;
    out.push({ x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y) });
  }
  return out;
}

/** Cuts away the smaller side of any self-crossing (a looped outline has no single area). */
export function withoutLoops(points: ImagePoint[]): ImagePoint[] {
  let out = points;
  for (let guard = 0; guard < 50 && out.length >= 4; guard++) {
    const hit = findSelfIntersection(out);
    if (!hit) break;
    const { edgeA: a, edgeB: b } = hit;
    // Edges a and b cross: the loop between them is points a+1..b; the rest is the other side.
    const inner = b - a;
    out = inner <= out.length - inner ? [...out.slice(0, a + 1), ...out.slice(b + 1)] : out.slice(a + 1, b + 1);
  }
  return out;
}

/** Centripetal Catmull-Rom between p1 and p2 (t in 0..1): no cusps or loops between close clicks. */
export function catmullRom(p0: ImagePoint, p1: ImagePoint, p2: ImagePoint, p3: ImagePoint, t: number): ImagePoint {
  const knot = (a: ImagePoint, b: ImagePoint) => Math.max(1e-6, Math.sqrt(distance(a, b)));
  const t0 = 0;
  const t1 = t0 + knot(p0, p1);
  const t2 = t1 + knot(p1, p2);
  const t3 = t2 + knot(p2, p3);
  const u = t1 + t * (t2 - t1);
  const lerp = (a: ImagePoint, b: ImagePoint, ta: number, tb: number): ImagePoint => {
    const w = (u - ta) / (tb - ta);
    return { x: a.x + w * (b.x - a.x), y: a.y + w * (b.y - a.y) };
  };
  const a1 = lerp(p0, p1, t0, t1);
  const a2 = lerp(p1, p2, t1, t2);
  const a3 = lerp(p2, p3, t2, t3);
  const b1 = lerp(a1, a2, t0, t2);
  const b2 = lerp(a2, a3, t1, t3);
  return lerp(b1, b2, t1, t2);
}

function distance(a: ImagePoint, b: ImagePoint): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}
