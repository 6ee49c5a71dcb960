import type { Contour, ImagePoint } from '../types';

/**
 * Drops consecutive repeated points, including a final point that repeats the first
 * (freehand tools often emit both). Repeats create zero-length edges that carry no
 * shape but confuse the crossing test, so every check works on the cleaned list.
 */
export function removeRepeatedPoints(contour: Contour): ImagePoint[] {
  if (!hasRepeatedPoints(contour)) return contour.slice();
  const out: ImagePoint[] = [];
  for (const p of contour) {
    const prev = out[out.length - 1];
    if (prev === undefined || prev.x !== p.x || prev.y !== p.y) out.push(p);
  }
  while (out.length > 1) {
    const last = out[out.length - 1]!;
    const first = out[0]!;
    if (last.x !== first.x || last.y !== first.y) break;
    out.pop();
  }
  return out;
}

/** Any consecutive repeat, or a last point equal to the first (a scan without copying). */
function hasRepeatedPoints(contour: Contour): boolean {
  const n = contour.length;
  if (n < 2) return false;
  for (let i = 1; i < n; i++) {
    const p = contour[i]!;
    const q = contour[i - 1]!;
    if (p.x === q.x && p.y === q.y) return true;
  }
  const first = contour[0]!;
  const last = contour[n - 1]!;
  return first.x === last.x && first.y === last.y;
}

/** True when every point lies on one straight line (or there are fewer than 3 distinct points). */
export function allPointsCollinear(contour: Contour): boolean {
  const n = contour.length;
  if (n < 3) return true;
  const a = contour[0]!;
  // Find a second point distinct from the first to define the line.
  let k = 1;
  while (k < n && contour[k]!.x === a.x && contour[k]!.y === a.y) k++;
  if (k >= n) return true;
  const dx = contour[k]!.x - a.x;
  const dy = contour[k]!.y - a.y;
  for (let i = k + 1; i < n; i++) {
    const p = contour[i]!;
    if (dx * (p.y - a.y) - dy * (p.x - a.x) !== 0) return false;
  }
  return true;
}
