/**
 * The ellipse through (five or more) clicks: the algebraic least-squares conic
 * a·x² + b·xy + c·y² + d·x + e·y + f = 0 (the smallest eigenvector of the design matrix's scatter,
 * on centred and scaled coordinates), kept only when it is an ellipse.
 *
 * Why: nerve cross-sections are close to ellipses (CSA is often estimated as π·a·b/4). A smooth
 * interpolating curve through a few clicks on a convex border cuts the border's ends (it lies inside
 * between the clicks: on a flattened nerve with 5 clicks about −8 % area on the phantoms), while
 * the conic through the same clicks continues their curvature round the ends.
 */
import type { ImagePoint } from '../types';

export interface Ellipse {
  readonly cx: number;
  readonly cy: number;
  /** Semi-axes (px), a ≥ b, and the angle of the a axis from +x (radians). */
  readonly a: number;
  readonly b: number;
  readonly angle: number;
}

/**
 * The least-squares ellipse through the points (optionally weighted; needs ≥ 5 points, or 4 plus
 * others of small weight that pick one of the conics through the 4), or null when the best conic
 * is not an ellipse.
 */
export function fitEllipse(points: readonly ImagePoint[], weights?: readonly number[]): Ellipse | null {
  const n = points.length;
  if (n < 5) return null;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const scale = points.reduce((s, p) => s + Math.hypot(p.x - mx, p.y - my), 0) / n || 1;
  const S = Array.from({ length: 6 }, () => new Float64Array(6));
  points.forEach((p, k) => {
    const w = weights?.[k] ?? 1;
    const x = (p.x - mx) / scale;
    const y = (p.y - my) / scale;
    const row = [x * x, x * y, y * y, x, y, 1];
    for (let i = 0; i < 6; i++) for (let j = 0; j < 6; j++) S[i]![j]! += w * row[i]! * row[j]!;
  });
  const [A, B, C, D, E, F] = smallestEigenvector(S) as [number, number, number, number, number, number];
  const disc = B * B - 4 * A * C;
  if (!(disc < 0)) return null;
  // Centre: the gradient vanishes.
  const x0 = (B * E - 2 * C * D) / -disc;
  const y0 = (B * D - 2 * A * E) / -disc;
  const f0 = A * x0 * x0 + B * x0 * y0 + C * y0 * y0 + D * x0 + E * y0 + F;
  // Principal axes of the quadratic part; both eigenvalues must have the sign opposite to f0.
  const theta = 0.5 * Math.atan2(B, A - C);
  const cos = Math.cos(theta);
  const sin = Math.sin(theta);
  const l1 = A * cos * cos + B * cos * sin + C * sin * sin;
  const l2 = A * sin * sin - B * cos * sin + C * cos * cos;
  if (!(-f0 / l1 > 0 && -f0 / l2 > 0)) return null;
  const r1 = Math.sqrt(-f0 / l1) * scale;
  const r2 = Math.sqrt(-f0 / l2) * scale;
  const cx = mx + x0 * scale;
  const cy = my + y0 * scale;
  return r1 >= r2 ? { cx, cy, a: r1, b: r2, angle: theta } : { cx, cy, a: r2, b: r1, angle: theta + Math.PI / 2 };
}

/** The ellipse as a closed polygon of `count` points. */
export function ellipsePolygon(e: Ellipse, count: number): ImagePoint[] {
  const cos = Math.cos(e.angle);
  const sin = Math.sin(e.angle);
  return Array.from({ length: count }, (_, k) => {
    const t = (2 * Math.PI * k) / count;
    const u = e.a * Math.cos(t);
    const v = e.b * Math.sin(t);
    return { x: e.cx + u * cos - v * sin, y: e.cy + u * sin + v * cos };
  });
}

/** Eigenvector of the smallest eigenvalue of a symmetric matrix (cyclic Jacobi rotations). */
function smallestEigenvector(M: Float64Array[]): number[] {
  const n = M.length;
  const a = M.map((r) => Float64Array.from(r));
  const v = Array.from({ length: n }, (_, i) => Float64Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p]![q]! ** 2;
    if (off < 1e-30) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p]![q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const phi = 0.5 * Math.atan2(2 * apq, a[q]![q]! - a[p]![p]!);
        const c = Math.cos(phi);
        const s = Math.sin(phi);
        for (let k = 0; k < n; k++) {
          const akp = a[k]![p]!;
          const akq = a[k]![q]!;
          a[k]![p] = c * akp - s * akq;
          a[k]![q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p]![k]!;
          const aqk = a[q]![k]!;
          a[p]![k] = c * apk - s * aqk;
          a[q]![k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k]![p]!;
          const vkq = v[k]![q]!;
          v[k]![p] = c * vkp - s * vkq;
          v[k]![q] = s * vkp + c * vkq;
        }
      }
    }
  }
  let best = 0;
  for (let i = 1; i < n; i++) if (a[i]![i]! < a[best]![best]!) best = i;
  return v.map((row) => row[best]!);
}
