import type { Contour } from '../types';

/**
 * Two edges of the contour that touch or cross. Edge i joins contour[i] to
 * contour[i + 1] (the last edge joins the last point back to the first).
 * Indices refer to the contour as given, before repeated points were dropped.
 */
export interface SelfIntersection {
  readonly edgeA: number;
  readonly edgeB: number;
}

/** Below this many edges a plain all-pairs check is cheaper than building a grid. */
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
 * Large traces use a uniform grid (each edge is registered in the cells it passes
 * through, then only edges sharing a cell are compared), which makes a 10,000-point
 * freehand trace take a few milliseconds instead of 50 million pair tests.
 */
export function findSelfIntersection(contour: Contour): SelfIntersection | null {
  const pts = compactPoints(contour);
  const m = pts.length;
  if (m < 3) return null;
  const { xs, ys, originalIndex } = pts;

  const found = (a: number, b: number): SelfIntersection => {
    const ea = originalIndex[a]!;
    const eb = originalIndex[b]!;
    return ea < eb ? { edgeA: ea, edgeB: eb } : { edgeA: eb, edgeB: ea };
  };

  // Neighbouring edges i and i+1 share vertex i+1; they overlap only when the
  // trace reverses direction along a straight line.
  for (let i = 0; i < m; i++) {
    const j = i + 1 === m ? 0 : i + 1;
    const k = j + 1 === m ? 0 : j + 1;
    const ux = xs[j]! - xs[i]!;
    const uy = ys[j]! - ys[i]!;
    const vx = xs[k]! - xs[j]!;
    const vy = ys[k]! - ys[j]!;
    if (ux * vy - uy * vx === 0 && ux * vx + uy * vy < 0) return found(i, j);
  }

  if (m <= BRUTE_FORCE_LIMIT) {
    for (let a = 0; a < m; a++) {
      for (let b = a + 1; b < m; b++) {
        if (areNeighbours(a, b, m)) continue;
        if (edgesTouch(xs, ys, m, a, b)) return found(a, b);
      }
    }
    return null;
  }
  const hit = gridSearch(xs, ys, m);
  return hit === null ? null : found(hit[0], hit[1]);
}

interface CompactPoints {
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  /** For each kept vertex, the index in the input of the edge that starts there. */
  readonly originalIndex: Int32Array;
  readonly length: number;
}

/**
 * Copies the points into typed arrays without consecutive repeats.
 * When a point repeats, the edge that leaves it starts at the LAST copy, so that
 * is the index reported to the caller.
 */
function compactPoints(contour: Contour): CompactPoints {
  const n = contour.length;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  const originalIndex = new Int32Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const p = contour[i]!;
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) {
      throw new RangeError(`Contour point ${i} has a non-finite coordinate`);
    }
    if (m > 0 && xs[m - 1] === p.x && ys[m - 1] === p.y) {
      originalIndex[m - 1] = i;
      continue;
    }
    xs[m] = p.x;
    ys[m] = p.y;
    originalIndex[m] = i;
    m++;
  }
  // Trailing copies of the first point: the closing edge then leaves from the first
  // point itself, so the first vertex keeps its own index.
  while (m > 1 && xs[m - 1] === xs[0] && ys[m - 1] === ys[0]) m--;
  return { xs, ys, originalIndex, length: m };
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
 * Uniform-grid broad phase. Cell size is chosen so the grid has about 2 cells per
 * edge but no cell is smaller than the mean edge length, so an ordinary trace puts
 * only a handful of edges in each cell. Worst case (almost every edge crammed into
 * one cell next to one very long edge) degrades towards all-pairs, which is still correct.
 */
function gridSearch(xs: Float64Array, ys: Float64Array, m: number): [number, number] | null {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  let totalLength = 0;
  for (let i = 0; i < m; i++) {
    const x = xs[i]!, y = ys[i]!;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
    const j = i + 1 === m ? 0 : i + 1;
    const ex = xs[j]! - x, ey = ys[j]! - y;
    totalLength += Math.sqrt(ex * ex + ey * ey);
  }
  const width = maxX - minX;
  const height = maxY - minY;
  const meanEdge = totalLength / m;
  let cell = Math.max(Math.sqrt((width * height) / (2 * m)), meanEdge, Number.MIN_VALUE);
  let cols = Math.floor(width / cell) + 1;
  let rows = Math.floor(height / cell) + 1;
  const maxCells = 4 * m + 16;
  while (cols * rows > maxCells) {
    cell *= Math.sqrt((cols * rows) / maxCells) * 1.01;
    cols = Math.floor(width / cell) + 1;
    rows = Math.floor(height / cell) + 1;
  }
  const inv = 1 / cell;
  // Widen every edge's footprint by a hair so float rounding at cell borders can only
  // add candidate cells, never drop the one where two edges meet.
  const slack = 1e-7;

  const visitCells = (edge: number, visit: (cell: number) => void): void => {
    const j = edge + 1 === m ? 0 : edge + 1;
    const x1 = (xs[edge]! - minX) * inv, y1 = (ys[edge]! - minY) * inv;
    const x2 = (xs[j]! - minX) * inv, y2 = (ys[j]! - minY) * inv;
    const yLo = Math.min(y1, y2), yHi = Math.max(y1, y2);
    const r0 = clamp(Math.floor(yLo - slack), 0, rows - 1);
    const r1 = clamp(Math.floor(yHi + slack), 0, rows - 1);
    const dy = y2 - y1;
    for (let r = r0; r <= r1; r++) {
      // Part of the edge inside this row band (in cell units), then its x extent.
      const bandLo = Math.max(yLo, r - slack);
      const bandHi = Math.min(yHi, r + 1 + slack);
      let xa: number, xb: number;
      if (dy === 0) {
        xa = x1;
        xb = x2;
      } else {
        xa = x1 + ((bandLo - y1) / dy) * (x2 - x1);
        xb = x1 + ((bandHi - y1) / dy) * (x2 - x1);
      }
      const c0 = clamp(Math.floor(Math.min(xa, xb) - slack), 0, cols - 1);
      const c1 = clamp(Math.floor(Math.max(xa, xb) + slack), 0, cols - 1);
      const base = r * cols;
      for (let c = c0; c <= c1; c++) visit(base + c);
    }
  };

  // Compressed buckets: count, prefix-sum, fill (no per-cell arrays).
  const cellCount = cols * rows;
  const start = new Int32Array(cellCount + 1);
  for (let e = 0; e < m; e++) visitCells(e, (c) => { start[c + 1]!++; });
  for (let c = 0; c < cellCount; c++) start[c + 1]! += start[c]!;
  const fill = start.slice(0, cellCount);
  const members = new Int32Array(start[cellCount]!);
  for (let e = 0; e < m; e++) visitCells(e, (c) => { members[fill[c]!++] = e; });

  for (let c = 0; c < cellCount; c++) {
    const end = start[c + 1]!;
    for (let p = start[c]!; p < end; p++) {
      const a = members[p]!;
      for (let q = p + 1; q < end; q++) {
        const b = members[q]!;
        if (a === b || areNeighbours(a, b, m)) continue;
        if (edgesTouch(xs, ys, m, a, b)) return [a, b];
      }
    }
  }
  return null;
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}
