import type { Contour } from '../types';
import { packPoints, type PackedPoints } from './packedPoints';

/**
 * Two edges of the contour that touch or cross. Edge i joins contour[i] to
 * contour[i + 1] (the last edge joins the last point back to the first).
 * Indices refer to the contour as given, before repeated points were dropped.
 */
export interface SelfIntersection {
  readonly edgeA: number;
  readonly edgeB: number;
}

/** Below this many edges a plain all-pairs check is cheaper than building chains. */
const BRUTE_FORCE_LIMIT = 64;

/**
 * Finds one pair of edges that cross, touch, or overlap collinearly, or returns null
 * when the closed contour is simple. A looped trace has no single "inside", so its
 * shoelace area would be a wrong number; callers refuse such traces instead.
 *
 * Rules:
 * - consecutive repeated points (and a last point equal to the first) are ignored;
 * - neighbouring edges legitimately share one vertex; they only count when the trace
 *   doubles back over itself along a line;
 * - any contact between non-neighbouring edges counts, including touching at a vertex
 *   and collinear overlap.
 *
 * Large traces are cut into monotone chains (runs of edges along which x and y each
 * only grow or only shrink: two edges of one chain can never touch unless they are
 * neighbours), and only chains whose boxes overlap are compared, by halving them
 * (a monotone run's box is the box of its two end points). A 10,000-point freehand
 * trace takes well under a millisecond instead of 50 million pair tests.
 */
export function findSelfIntersection(contour: Contour): SelfIntersection | null {
  const points = packPoints(contour);
  if (points === null) {
    const i = contour.findIndex((p) => !Number.isFinite(p.x) || !Number.isFinite(p.y));
    throw new RangeError(`Contour point ${i} has a non-finite coordinate`);
  }
  const hit = findPackedCrossing(points);
  if (hit === null) return null;
  const ea = points.originalIndex[hit[0]]!;
  const eb = points.originalIndex[hit[1]]!;
  return ea < eb ? { edgeA: ea, edgeB: eb } : { edgeA: eb, edgeB: ea };
}

/**
 * findSelfIntersection on points already packed (see packPoints): the two touching
 * edges as packed indices, or null. Lets measureContour read the trace only once.
 */
export function findPackedCrossing(points: PackedPoints): [number, number] | null {
  const { xs, ys, length: m } = points;
  if (m < 3) return null;
  if (m <= BRUTE_FORCE_LIMIT) return findDoublingBack(xs, ys, m) ?? allPairsSearch(xs, ys, m);
  return chainSearch(xs, ys, m);
}

/**
 * Neighbouring edges i and i+1 share vertex i+1; they overlap only when the trace
 * reverses direction along a straight line.
 */
function doublesBack(xs: Float64Array, ys: Float64Array, m: number, i: number): boolean {
  const j = i + 1 === m ? 0 : i + 1;
  const k = j + 1 === m ? 0 : j + 1;
  const ux = xs[j]! - xs[i]!;
  const uy = ys[j]! - ys[i]!;
  const vx = xs[k]! - xs[j]!;
  const vy = ys[k]! - ys[j]!;
  return ux * vy - uy * vx === 0 && ux * vx + uy * vy < 0;
}

function findDoublingBack(xs: Float64Array, ys: Float64Array, m: number): [number, number] | null {
  for (let i = 0; i < m; i++) {
    if (doublesBack(xs, ys, m, i)) return [i, i + 1 === m ? 0 : i + 1];
  }
  return null;
}

function allPairsSearch(xs: Float64Array, ys: Float64Array, m: number): [number, number] | null {
  for (let a = 0; a < m; a++) {
    for (let b = a + 1; b < m; b++) {
      if (areNeighbours(a, b, m)) continue;
      if (edgesTouch(xs, ys, m, a, b)) return [a, b];
    }
  }
  return null;
}

/**
 * Per-chain buffers reused from call to call: the check runs while a trace is edited, and
 * for a 10,000-point trace allocating fresh ones costs more than the search itself. They
 * never leave a call (the search is synchronous); only the first `chains` entries are read.
 */
function scratchOfSize(size: number) {
  return {
    starts: new Int32Array(size),
    dirs: new Uint8Array(size),
    minX: new Float64Array(size),
    maxX: new Float64Array(size),
    minY: new Float64Array(size),
    maxY: new Float64Array(size),
    bucketOf: new Int32Array(size),
    bucketStart: new Int32Array(size),
    bucketLeft: new Float64Array(size),
    fill: new Int32Array(size),
    order: new Int32Array(size),
    active: new Int32Array(size),
  };
}
type Scratch = ReturnType<typeof scratchOfSize>;
let scratch: Scratch = scratchOfSize(0);

/** Scratch for up to m chains (m + 1 entries where a closing sentinel is stored). */
function scratchFor(m: number): Scratch {
  if (scratch.starts.length < m + 1) scratch = scratchOfSize(Math.max(m + 1, 2 * scratch.starts.length));
  return scratch;
}

function areNeighbours(a: number, b: number, m: number): boolean {
  const d = b > a ? b - a : a - b;
  return d === 1 || d === m - 1;
}

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

/** For a point already known to be collinear with segment a–b: is it within the segment's extent? */
function withinBox(ax: number, ay: number, bx: number, by: number, px: number, py: number): boolean {
  return (
    px >= Math.min(ax, bx) && px <= Math.max(ax, bx) && py >= Math.min(ay, by) && py <= Math.max(ay, by)
  );
}

/** Closed-segment intersection test (touching and collinear overlap count). */
function edgesTouch(xs: Float64Array, ys: Float64Array, m: number, a: number, b: number): boolean {
  const a2 = a + 1 === m ? 0 : a + 1;
  const b2 = b + 1 === m ? 0 : b + 1;
  const ax = xs[a]!, ay = ys[a]!, bx = xs[a2]!, by = ys[a2]!;
  const cx = xs[b]!, cy = ys[b]!, dx = xs[b2]!, dy = ys[b2]!;
  const d1 = orient(cx, cy, dx, dy, ax, ay);
  const d2 = orient(cx, cy, dx, dy, bx, by);
  const d3 = orient(ax, ay, bx, by, cx, cy);
  const d4 = orient(ax, ay, bx, by, dx, dy);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  if (d1 === 0 && withinBox(cx, cy, dx, dy, ax, ay)) return true;
  if (d2 === 0 && withinBox(cx, cy, dx, dy, bx, by)) return true;
  if (d3 === 0 && withinBox(ax, ay, bx, by, cx, cy)) return true;
  if (d4 === 0 && withinBox(ax, ay, bx, by, dx, dy)) return true;
  return false;
}

/**
 * Monotone-chain broad phase.
 *
 * Why edges of one chain never touch (unless neighbours): along a chain x and y are both
 * monotone, say non-decreasing, so edge i lies in the box [x_i, x_i+1] × [y_i, y_i+1] and a
 * later edge j ≥ i + 2 in [x_j, x_j+1] × [y_j, y_j+1] with x_i+1 ≤ x_j and y_i+1 ≤ y_j. The two
 * boxes can share only the point (x_i+1, y_i+1) = (x_j, y_j), which would make every edge in
 * between zero-length; packPoints has removed those. So only pairs of chains are compared.
 *
 * Chains are swept in order of their left edge; a chain pair whose boxes overlap (touching
 * counts) is compared by halving the longer run until two single edges remain.
 */
function chainSearch(xs: Float64Array, ys: Float64Array, m: number): [number, number] | null {
  const s = scratchFor(m);
  const chains = buildChains(xs, ys, m, s.starts, s.dirs);
  const reversal = findDoublingBackAtChainStarts(xs, ys, m, s.starts, chains);
  if (reversal !== null) return reversal;
  chainBoxes(xs, ys, m, chains, s);
  const order = sortByLeftEdge(chains, s);
  return sweep(xs, ys, m, chains, order, s);
}

/**
 * Cuts the edges into monotone chains: chain k covers edges starts[k] … starts[k + 1] − 1,
 * and starts[chains] = m. dirs[k] holds its x and y directions (see directionBits).
 * Returns the number of chains.
 */
function buildChains(xs: Float64Array, ys: Float64Array, m: number, starts: Int32Array, dirs: Uint8Array): number {
  // The chain being built has directions sx, sy (−1, 0 or 1; 0 until it first moves that way).
  let chains = 1;
  starts[0] = 0;
  let sx = 0;
  let sy = 0;
  for (let e = 0; e < m; e++) {
    const j = e + 1 === m ? 0 : e + 1;
    const dx = xs[j]! - xs[e]!;
    const dy = ys[j]! - ys[e]!;
    const ex = dx > 0 ? 1 : dx < 0 ? -1 : 0;
    const ey = dy > 0 ? 1 : dy < 0 ? -1 : 0;
    // ex · sx < 0: both non-zero and opposite, so x turns back here and a new chain starts.
    if (ex * sx < 0 || ey * sy < 0) {
      dirs[chains - 1] = directionBits(sx, sy);
      starts[chains++] = e;
      sx = ex;
      sy = ey;
    } else {
      if (sx === 0) sx = ex;
      if (sy === 0) sy = ey;
    }
  }
  dirs[chains - 1] = directionBits(sx, sy);
  starts[chains] = m;
  return chains;
}

/**
 * The doubling-back test of findDoublingBack, run only where a chain starts, in the same
 * order (pair m − 1, 0 last), so it reports the same pair. Inside a chain an edge and the
 * next one never point against each other in x or in y, so every product in their dot
 * product is ≥ 0 (also after rounding) and the test cannot fire there.
 */
function findDoublingBackAtChainStarts(
  xs: Float64Array,
  ys: Float64Array,
  m: number,
  starts: Int32Array,
  chains: number,
): [number, number] | null {
  for (let k = 1; k < chains; k++) {
    const e = starts[k]!;
    if (doublesBack(xs, ys, m, e - 1)) return [e - 1, e];
  }
  return doublesBack(xs, ys, m, m - 1) ? [m - 1, 0] : null;
}

/** A monotone run's box is the box of its end points. */
function chainBoxes(xs: Float64Array, ys: Float64Array, m: number, chains: number, s: Scratch): void {
  const { starts, minX, maxX, minY, maxY } = s;
  for (let k = 0; k < chains; k++) {
    const a = starts[k]!;
    const b = starts[k + 1]! === m ? 0 : starts[k + 1]!;
    const ax = xs[a]!, bx = xs[b]!, ay = ys[a]!, by = ys[b]!;
    minX[k] = ax < bx ? ax : bx;
    maxX[k] = ax < bx ? bx : ax;
    minY[k] = ay < by ? ay : by;
    maxY[k] = ay < by ? by : ay;
  }
}

/**
 * Orders the chains by their left edge, bucketed (a counting sort: no comparisons).
 * bucketOf[k] is chain k's bucket; bucketLeft[b] is the smallest left edge in bucket b.
 * Bucketing is monotone, so no chain in a later bucket starts further left (exact, unlike
 * the bucket's nominal bound).
 */
function sortByLeftEdge(chains: number, s: Scratch): Int32Array {
  const { minX, bucketOf, bucketStart, bucketLeft, fill, order } = s;
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k < chains; k++) {
    if (minX[k]! < lo) lo = minX[k]!;
    if (minX[k]! > hi) hi = minX[k]!;
  }
  const buckets = chains;
  const spread = hi > lo ? (buckets - 1) / (hi - lo) : 0;
  const scale = Number.isFinite(spread) ? spread : 0;
  bucketStart.fill(0, 0, buckets + 1);
  bucketLeft.fill(Infinity, 0, buckets);
  for (let k = 0; k < chains; k++) {
    const b = Math.min(buckets - 1, Math.floor((minX[k]! - lo) * scale));
    bucketOf[k] = b;
    bucketStart[b + 1]!++;
    if (minX[k]! < bucketLeft[b]!) bucketLeft[b] = minX[k]!;
  }
  for (let b = 0; b < buckets; b++) bucketStart[b + 1]! += bucketStart[b]!;
  fill.set(bucketStart.subarray(0, buckets));
  for (let k = 0; k < chains; k++) order[fill[bucketOf[k]!]!++] = k;
  return order;
}

/**
 * Sweeps the chains from left to right, comparing each with the earlier ones still reaching
 * it. A chain is dropped once it ends left of the current bucket, where every later chain
 * starts or after.
 */
function sweep(
  xs: Float64Array,
  ys: Float64Array,
  m: number,
  chains: number,
  order: Int32Array,
  s: Scratch,
): [number, number] | null {
  const { starts, dirs, maxX, minY, maxY, bucketOf, bucketLeft, active } = s;
  let activeCount = 0;
  for (let o = 0; o < chains; o++) {
    const k = order[o]!;
    const left = bucketLeft[bucketOf[k]!]!;
    let kept = 0;
    for (let i = 0; i < activeCount; i++) {
      const a = active[i]!;
      if (maxX[a]! < left) continue; // ends left of every chain still to come
      active[kept++] = a;
      if (minY[a]! > maxY[k]! || minY[k]! > maxY[a]!) continue;
      if (adjacentRunsApart(a, k, chains, dirs)) continue;
      const hit = compareRuns(xs, ys, m, starts[a]!, starts[a + 1]!, starts[k]!, starts[k + 1]!);
      if (hit) return hit;
    }
    active[kept++] = k;
    activeCount = kept;
  }
  return null;
}

function directionBits(sx: number, sy: number): number {
  return (sx > 0 ? 1 : sx < 0 ? 2 : 0) | (sy > 0 ? 4 : sy < 0 ? 8 : 0);
}

/**
 * Consecutive chains (sharing a vertex v) that keep one direction, x or y, cannot touch
 * anywhere but at v. Say x grows along both: the first lies left of v (x ≤ v.x), the second
 * right of it, so they can only meet on the line x = v.x. There the first has only v, or a
 * vertical tail ending at v, and the second only v, or a vertical head leaving v; a tail and a
 * head would run back along one line (the split was a turn in y), which the neighbour check
 * has already refused. Such pairs, most pairs on a jittery hand-drawn trace, are skipped.
 */
function adjacentRunsApart(a: number, b: number, chains: number, dirs: Uint8Array): boolean {
  const d = a > b ? a - b : b - a;
  if (d !== 1 && d !== chains - 1) return false;
  const same = dirs[a]! & dirs[b]!;
  return same !== 0;
}

/**
 * Two monotone runs of edges [a0, a1) and [b0, b1): a touching pair of edges, or null.
 * The runs are halved (the longer first) while their boxes meet; touching boxes count.
 */
function compareRuns(
  xs: Float64Array,
  ys: Float64Array,
  m: number,
  a0: number,
  a1: number,
  b0: number,
  b1: number,
): [number, number] | null {
  const ae = a1 === m ? 0 : a1;
  const be = b1 === m ? 0 : b1;
  const ax0 = xs[a0]!, ax1 = xs[ae]!, bx0 = xs[b0]!, bx1 = xs[be]!;
  if ((ax0 < ax1 ? ax0 : ax1) > (bx0 > bx1 ? bx0 : bx1) || (bx0 < bx1 ? bx0 : bx1) > (ax0 > ax1 ? ax0 : ax1)) return null;
  const ay0 = ys[a0]!, ay1 = ys[ae]!, by0 = ys[b0]!, by1 = ys[be]!;
  if ((ay0 < ay1 ? ay0 : ay1) > (by0 > by1 ? by0 : by1) || (by0 < by1 ? by0 : by1) > (ay0 > ay1 ? ay0 : ay1)) return null;
  const la = a1 - a0;
  const lb = b1 - b0;
  if (la === 1 && lb === 1) return !areNeighbours(a0, b0, m) && edgesTouch(xs, ys, m, a0, b0) ? [a0, b0] : null;
  if (la >= lb) {
    const mid = (a0 + a1) >> 1;
    return compareRuns(xs, ys, m, a0, mid, b0, b1) ?? compareRuns(xs, ys, m, mid, a1, b0, b1);
  }
  const mid = (b0 + b1) >> 1;
  return compareRuns(xs, ys, m, a0, a1, b0, mid) ?? compareRuns(xs, ys, m, a0, a1, mid, b1);
}
