/**
 * Livewire (intelligent scissors): the cheapest 8-connected pixel path from an anchor to any
 * point, on the edge map's costs. The shortest-path tree from the anchor is grown incrementally
 * (Dijkstra), only as far as the pointer has gone, and within a time budget per call, so no single
 * mouse move blocks however large the frame; each preview then only walks back the tree.
 */
import type { EdgeMap } from './edgeMap';

/** Which side of the nerve's border is bright: the epineurial rim on ultrasound is outside. */
export type Polarity = 'dark-inside' | 'bright-inside';

export interface CostParams {
  /** Cost per pixel of path length, everywhere (keeps the path from wandering along noise). */
  readonly lengthWeight: number;
  /** Edge strength (range-normalised gradient per pixel) at which the edge cost halves. */
  readonly edgeScale: number;
  readonly polarity: Polarity;
  /**
   * Edge strength kept off the crest of an edge (a pixel whose gradient is not the largest along
   * its own direction): without it, every pixel of a blurred ramp is an equally good edge and the
   * shortest way through the ramp — its inner side — wins, shrinking the outline. 1 = off.
   */
  readonly offCrest: number;
}

/**
 * +1: the contour runs with the inside on its left in image coordinates (positive shoelace area);
 * -1: inside on its right; 0: not known yet (edges of either polarity attract the path).
 */
export type Orientation = 1 | -1 | 0;

const SQRT2 = Math.SQRT2;
const DX = [1, 1, 0, -1, -1, -1, 0, 1];
const DY = [0, 1, 1, 1, 0, -1, -1, -1];

/**
 * The cost of stepping from one pixel to its neighbour q in direction (dx, dy): length ×
 * (lengthWeight + 1 / (1 + (e / edgeScale)²)), where e is the edge strength at q across the step.
 * With a known orientation only an edge that is dark on the inside counts ("dark inside, bright
 * outside": the INNER border of a bright rim); the outer border of the rim has the wrong sign.
 */
export function stepCost(edges: EdgeMap, q: number, dx: number, dy: number, orientation: Orientation, params: CostParams): number {
  const len = dx !== 0 && dy !== 0 ? SQRT2 : 1;
  const gx = edges.gx[q]!;
  const gy = edges.gy[q]!;
  let e: number;
  const mag = Math.hypot(gx, gy);
  if (orientation === 0) e = mag;
  else {
    // Outward normal of the step: to its right when the inside is on its left, and vice versa.
    const nx = (orientation * dy) / len;
    const ny = (-orientation * dx) / len;
    const across = gx * nx + gy * ny;
    e = Math.max(0, params.polarity === 'dark-inside' ? across : -across);
  }
  if (e > 0 && params.offCrest < 1 && !onCrest(edges, q, gx, gy, mag)) e *= params.offCrest;
  const r = e / params.edgeScale;
  return len * (params.lengthWeight + 1 / (1 + r * r));
}

/** Is the gradient at q at least as strong as at its two neighbours along the gradient direction? */
function onCrest(edges: EdgeMap, q: number, gx: number, gy: number, mag: number): boolean {
  const W = edges.width;
  const x = q % W;
  const y = (q - x) / W;
  const sx = Math.round(gx / mag);
  const sy = Math.round(gy / mag);
  for (const s of [1, -1]) {
    const nx = x + s * sx;
    const ny = y + s * sy;
    if (nx < 0 || ny < 0 || nx >= W || ny >= edges.height) continue;
    const n = ny * W + nx;
    edges.ensure(n);
    if (Math.hypot(edges.gx[n]!, edges.gy[n]!) > mag) return false;
  }
  return true;
}

/** Reusable per-frame search arrays (a generation stamp avoids clearing them between anchors). */
export class SearchScratch {
  readonly dist: Float32Array;
  readonly parent: Int32Array;
  readonly stamp: Uint32Array;
  readonly settled: Uint32Array;
  generation = 0;
  constructor(size: number) {
    this.dist = new Float32Array(size);
    this.parent = new Int32Array(size);
    this.stamp = new Uint32Array(size);
    this.settled = new Uint32Array(size);
  }
}

/** A binary min-heap of (cost, pixel) pairs; stale entries are skipped when popped. */
class Heap {
  private keys = new Float64Array(1024);
  private vals = new Int32Array(1024);
  size = 0;
  push(key: number, val: number) {
    if (this.size === this.keys.length) {
      const k = new Float64Array(this.size * 2);
      k.set(this.keys);
      this.keys = k;
      const v = new Int32Array(this.size * 2);
      v.set(this.vals);
      this.vals = v;
    }
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.keys[p]! <= key) break;
      this.keys[i] = this.keys[p]!;
      this.vals[i] = this.vals[p]!;
      i = p;
    }
    this.keys[i] = key;
    this.vals[i] = val;
  }
  /** Removes the smallest and returns its pixel. */
  pop(): number {
    const top = this.vals[0]!;
    const key = this.keys[--this.size]!;
    const val = this.vals[this.size]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= this.size) break;
      if (c + 1 < this.size && this.keys[c + 1]! < this.keys[c]!) c++;
      if (this.keys[c]! >= key) break;
      this.keys[i] = this.keys[c]!;
      this.vals[i] = this.vals[c]!;
      i = c;
    }
    this.keys[i] = key;
    this.vals[i] = val;
    return top;
  }
}

const now = () => performance.now();

/**
 * A soft corridor for the path: a polyline (x0, y0, x1, y1, …) it should stay near. Each step
 * costs weight × (distance / widthPx)² more; pixels beyond 3 × widthPx are not entered.
 */
export interface Corridor {
  readonly polyline: Float64Array;
  readonly widthPx: number;
  readonly weight: number;
}

/** Distance from (x, y) to a polyline given as x0, y0, x1, y1, … */
export function distanceToPolyline(poly: Float64Array, x: number, y: number): number {
  let best = Infinity;
  for (let k = 0; k + 3 < poly.length; k += 2) {
    const ax = poly[k]!;
    const ay = poly[k + 1]!;
    const dx = poly[k + 2]! - ax;
    const dy = poly[k + 3]! - ay;
    const len2 = dx * dx + dy * dy;
    const t = len2 > 0 ? Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2)) : 0;
    const ex = ax + t * dx - x;
    const ey = ay + t * dy - y;
    const d2 = ex * ex + ey * ey;
    if (d2 < best) best = d2;
  }
  return Math.sqrt(best);
}

export class LivewireTree {
  readonly anchor: number;
  private readonly heap = new Heap();
  private readonly gen: number;

  constructor(
    private readonly edges: EdgeMap,
    private readonly scratch: SearchScratch,
    anchor: { x: number; y: number },
    private readonly orientation: Orientation,
    private readonly params: CostParams,
    private readonly corridor: Corridor | null = null,
  ) {
    const x = clampInt(anchor.x, edges.width);
    const y = clampInt(anchor.y, edges.height);
    this.anchor = y * edges.width + x;
    this.gen = ++scratch.generation;
    scratch.stamp[this.anchor] = this.gen;
    scratch.dist[this.anchor] = 0;
    scratch.parent[this.anchor] = -1;
    this.heap.push(0, this.anchor);
  }

  isSettled(i: number): boolean {
    return this.scratch.settled[i] === this.gen;
  }

  /**
   * Grows the tree until pixel `target` is settled or the budget is spent. Returns true when the
   * target is settled. `budgetMs` is wall-clock; `Infinity` grows until the target is reached.
   */
  growTo(target: number, budgetMs: number): boolean {
    const { edges, scratch, heap, gen, orientation, params, corridor } = this;
    const limit = corridor ? 3 * corridor.widthPx : 0;
    const { dist, parent, stamp, settled } = scratch;
    const W = edges.width;
    const H = edges.height;
    const deadline = budgetMs === Infinity ? Infinity : now() + budgetMs;
    let count = 0;
    while (settled[target] !== gen) {
      if (heap.size === 0) return false;
      if ((++count & 63) === 0 && now() > deadline) return false;
      const p = heap.pop();
      // A pixel pushed again at a lower cost leaves stale entries behind; the first pop is the cheapest.
      if (settled[p] === gen) continue;
      settled[p] = gen;
      const px = p % W;
      const py = (p - px) / W;
      const dp = dist[p]!;
      for (let k = 0; k < 8; k++) {
        const qx = px + DX[k]!;
        const qy = py + DY[k]!;
        if (qx < 0 || qy < 0 || qx >= W || qy >= H) continue;
        const q = qy * W + qx;
        if (settled[q] === gen) continue;
        edges.ensure(q);
        let d = dp + stepCost(edges, q, DX[k]!, DY[k]!, orientation, params);
        if (corridor) {
          const off = distanceToPolyline(corridor.polyline, qx, qy);
          if (off > limit) continue;
          const r = off / corridor.widthPx;
          d += (DX[k] !== 0 && DY[k] !== 0 ? SQRT2 : 1) * corridor.weight * r * r;
        }
        if (stamp[q] !== gen || d < dist[q]!) {
          stamp[q] = gen;
          dist[q] = d;
          parent[q] = p;
          heap.push(d, q);
        }
      }
    }
    return true;
  }

  /** The settled path from the anchor to `target` (pixel indices, anchor first), or null. */
  pathTo(target: number): number[] | null {
    if (!this.isSettled(target)) return null;
    const path: number[] = [];
    for (let i = target; i !== -1; i = this.scratch.parent[i]!) path.push(i);
    return path.reverse();
  }
}

export function clampInt(v: number, size: number): number {
  return Math.min(size - 1, Math.max(0, Math.round(v)));
}
