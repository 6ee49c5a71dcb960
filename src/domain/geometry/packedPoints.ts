import type { Contour } from '../types';

/**
 * A trace's distinct points as flat arrays, read from the point objects once.
 * Every check on a 10,000-point trace then runs over two arrays of numbers instead of
 * chasing 10,000 objects again (which costs as much as the checks themselves).
 *
 * The arrays are shared scratch buffers, reused by the next packPoints call: use them
 * synchronously and do not keep them. Only the first `length` entries are meaningful.
 */
export interface PackedPoints {
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  /**
   * For each kept point, the index in the input of the edge that leaves it. When a point
   * repeats, that edge leaves the LAST copy, so that is the index kept.
   */
  readonly originalIndex: Int32Array;
  readonly length: number;
}

const buffers = {
  xs: new Float64Array(0),
  ys: new Float64Array(0),
  originalIndex: new Int32Array(0),
};

function buffersFor(n: number): typeof buffers {
  if (buffers.xs.length < n) {
    const size = Math.max(n, 2 * buffers.xs.length);
    buffers.xs = new Float64Array(size);
    buffers.ys = new Float64Array(size);
    buffers.originalIndex = new Int32Array(size);
  }
  return buffers;
}

/**
 * Copies the points into flat arrays without consecutive repeats and without trailing
 * copies of the first point (the same points removeRepeatedPoints keeps), checking on
 * the way that every coordinate is finite. Returns null when one is not.
 */
export function packPoints(contour: Contour): PackedPoints | null {
  const n = contour.length;
  const { xs, ys, originalIndex } = buffersFor(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const p = contour[i]!;
    const x = p.x;
    const y = p.y;
    if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
    if (m > 0 && xs[m - 1] === x && ys[m - 1] === y) {
      originalIndex[m - 1] = i;
      continue;
    }
    xs[m] = x;
    ys[m] = y;
    originalIndex[m] = i;
    m++;
  }
  // Trailing copies of the first point: the closing edge then leaves from the first
  // point itself, so the first point keeps its own index.
  while (m > 1 && xs[m - 1] === xs[0] && ys[m - 1] === ys[0]) m--;
  return { xs, ys, originalIndex, length: m };
}

/**
 * True when every packed point lies on one straight line (or there are fewer than 3).
 * Same arithmetic as allPointsCollinear: the line runs through the first two points,
 * which are distinct once packed.
 */
export function packedPointsCollinear(points: PackedPoints): boolean {
  const { xs, ys, length: m } = points;
  if (m < 3) return true;
  const ax = xs[0]!;
  const ay = ys[0]!;
  const dx = xs[1]! - ax;
  const dy = ys[1]! - ay;
  for (let i = 2; i < m; i++) {
    if (dx * (ys[i]! - ay) - dy * (xs[i]! - ax) !== 0) return false;
  }
  return true;
}
