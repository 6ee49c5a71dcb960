// Test-only shape builders and an independent all-pairs crossing reference.
import type { ImagePoint } from '../../src/domain/types';

export const pt = (x: number, y: number): ImagePoint => ({ x, y });

export function rectangle(x0: number, y0: number, width: number, height: number): ImagePoint[] {
  return [pt(x0, y0), pt(x0 + width, y0), pt(x0 + width, y0 + height), pt(x0, y0 + height)];
}

/** Regular n-gon inscribed in a circle of radius r (vertices on the circle). */
export function regularPolygon(n: number, r: number, cx = 0, cy = 0, phase = 0): ImagePoint[] {
  const out: ImagePoint[] = [];
  for (let i = 0; i < n; i++) {
    const t = phase + (2 * Math.PI * i) / n;
    out.push(pt(cx + r * Math.cos(t), cy + r * Math.sin(t)));
  }
  return out;
}

export function relativeError(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), Number.MIN_VALUE);
}

/**
 * Reference crossing test written independently of the production code: every pair of
 * edges, closed segments, neighbours only when they overlap beyond their shared vertex.
 */
export function bruteForceCrosses(contour: readonly ImagePoint[]): boolean {
  const p: ImagePoint[] = [];
  for (const q of contour) {
    const last = p[p.length - 1];
    if (!last || last.x !== q.x || last.y !== q.y) p.push(q);
  }
  while (p.length > 1 && p[0]!.x === p[p.length - 1]!.x && p[0]!.y === p[p.length - 1]!.y) p.pop();
  const m = p.length;
  if (m < 3) return false;
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) {
      const a = p[i]!, b = p[(i + 1) % m]!, c = p[j]!, d = p[(j + 1) % m]!;
      const neighbours = j === i + 1 || (i === 0 && j === m - 1);
      if (neighbours) {
        // Shared vertex is b (j = i+1) or a (closing pair). Overlap beyond it needs collinearity.
        const [shared, u, v] = j === i + 1 ? [b, a, d] : [a, b, c];
        if (cross(u, shared, v) === 0 && (onClosedSegment(shared, u, v) || onClosedSegment(shared, v, u))) {
          // v lies on shared–u (or u on shared–v) and is not the shared point itself.
          return true;
        }
        continue;
      }
      if (segmentsMeet(a, b, c, d)) return true;
    }
  }
  return false;
}

export function segmentsMeet(a: ImagePoint, b: ImagePoint, c: ImagePoint, d: ImagePoint): boolean {
  const d1 = cross(c, d, a), d2 = cross(c, d, b), d3 = cross(a, b, c), d4 = cross(a, b, d);
  if (Math.sign(d1) * Math.sign(d2) < 0 && Math.sign(d3) * Math.sign(d4) < 0) return true;
  return (
    (d1 === 0 && inBox(c, d, a)) || (d2 === 0 && inBox(c, d, b)) || (d3 === 0 && inBox(a, b, c)) || (d4 === 0 && inBox(a, b, d))
  );
}

function cross(o: ImagePoint, a: ImagePoint, b: ImagePoint): number {
  return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}
function inBox(a: ImagePoint, b: ImagePoint, p: ImagePoint): boolean {
  return p.x >= Math.min(a.x, b.x) && p.x <= Math.max(a.x, b.x) && p.y >= Math.min(a.y, b.y) && p.y <= Math.max(a.y, b.y);
}
/** Is v on the closed segment from `from` to `to`, other than at `from`? (collinearity assumed) */
function onClosedSegment(from: ImagePoint, to: ImagePoint, v: ImagePoint): boolean {
  return inBox(from, to, v) && !(v.x === from.x && v.y === from.y);
}
