/**
 * Fewer points for an outline too large for a session (more than SESSION_LIMITS.contourPoints):
 * Ramer–Douglas–Peucker with the smallest tolerance that brings it under the limit, so the shape
 * moves as little as possible. Used only when the user agrees (the session banner asks); the
 * measurement is then measured again from the simplified outline and the change in area is stated.
 */
import { measureContour } from './measureContour';
import type { NerveMeasurement } from './nerveMeasurement';
import { fail, ok, type Contour, type ImagePoint, type Result } from '../types';

/** Indices kept by RDP at tolerance `epsilon` (px), closed outline: split at the first point and the farthest one. */
function keptIndices(points: Contour, epsilon: number): Uint8Array {
  const n = points.length;
  const keep = new Uint8Array(n);
  keep[0] = 1;
  let far = 0;
  let farDistance = -1;
  for (let i = 1; i < n; i++) {
    const d = Math.hypot(points[i]!.x - points[0]!.x, points[i]!.y - points[0]!.y);
    if (d > farDistance) {
      farDistance = d;
      far = i;
    }
  }
  keep[far] = 1;
  const stack: Array<[number, number]> = [
    [0, far],
    [far, n],
  ];
  while (stack.length) {
    const [a, b] = stack.pop()!;
    const p = points[a]!;
    const q = points[b % n]!;
    const dx = q.x - p.x;
    const dy = q.y - p.y;
    const length = Math.hypot(dx, dy);
    let worst = -1;
    let worstDistance = 0;
    for (let i = a + 1; i < b; i++) {
      const r = points[i]!;
      const d = length > 0 ? Math.abs(dy * (r.x - p.x) - dx * (r.y - p.y)) / length : Math.hypot(r.x - p.x, r.y - p.y);
      if (d > worstDistance) {
        worstDistance = d;
        worst = i;
      }
    }
    if (worst >= 0 && worstDistance > epsilon) {
      keep[worst] = 1;
      stack.push([a, worst], [worst, b]);
    }
  }
  return keep;
}

function pick(points: Contour, keep: Uint8Array): ImagePoint[] {
  const out: ImagePoint[] = [];
  for (let i = 0; i < points.length; i++) if (keep[i]) out.push({ x: points[i]!.x, y: points[i]!.y });
  return out;
}

/** The outline with at most `maxPoints` points (unchanged when it already has no more). */
export function simplifyContour(points: Contour, maxPoints: number): ImagePoint[] {
  if (points.length <= maxPoints) return points.map((p) => ({ x: p.x, y: p.y }));
  // Bisection on the tolerance: the smallest that keeps at most maxPoints points.
  let low = 0;
  let high = 1;
  while (pick(points, keptIndices(points, high)).length > maxPoints && high < 1e9) high *= 2;
  let best = pick(points, keptIndices(points, high));
  for (let i = 0; i < 40; i++) {
    const mid = (low + high) / 2;
    const kept = pick(points, keptIndices(points, mid));
    if (kept.length <= maxPoints) {
      best = kept;
      high = mid;
    } else low = mid;
  }
  return best;
}

/** A measurement with its outline simplified to at most `maxPoints` and its numbers measured again. */
export function simplifyMeasurement(m: NerveMeasurement, maxPoints: number, now: string): Result<{ measurement: NerveMeasurement; areaChange: number }> {
  const contour = simplifyContour(m.contour, maxPoints);
  const metrics = measureContour(contour, m.calibration);
  if (!metrics.ok) return fail(`${m.label || m.id}: the simplified outline cannot be measured (${metrics.error})`);
  const before = m.metrics.calibrated ? m.metrics.areaMm2 : m.metrics.areaPx2;
  const after = metrics.value.calibrated ? metrics.value.areaMm2 : metrics.value.areaPx2;
  return ok({ measurement: { ...m, contour, metrics: metrics.value, updatedAt: now }, areaChange: before > 0 ? Math.abs(after - before) / before : 0 });
}
