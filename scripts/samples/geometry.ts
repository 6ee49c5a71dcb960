/**
 * Ellipse geometry for the phantom nerves, all in millimetres, plus the mapping
 * between a physical plane (mm) and 0-based image pixel coordinates.
 *
 * Pixel convention (same as DICOM and src/domain/types.ts): x = column, y = row,
 * and the CENTRE of the pixel in column c, row r is the point (c, r).
 */

export type Vec2 = [number, number];

/** Ellipse with centre (cx, cy), semi-axes a (along the rotated x axis) and b, rotation theta (radians). */
export interface Ellipse {
  readonly cx: number;
  readonly cy: number;
  readonly a: number;
  readonly b: number;
  readonly theta: number;
}

export function ellipseArea(e: Ellipse): number {
  return Math.PI * e.a * e.b;
}

/** Ramanujan's second approximation of the ellipse perimeter (relative error < 1e-9 for our shapes). */
export function ellipsePerimeter(e: Ellipse): number {
  const { a, b } = e;
  const h = ((a - b) * (a - b)) / ((a + b) * (a + b));
  return Math.PI * (a + b) * (1 + (3 * h) / (10 + Math.sqrt(4 - 3 * h)));
}

/** Ellipse with the given area and semi-axis a (b is derived). */
export function ellipseWithArea(cx: number, cy: number, a: number, areaMm2: number, thetaDeg: number): Ellipse {
  return { cx, cy, a, b: areaMm2 / (Math.PI * a), theta: (thetaDeg * Math.PI) / 180 };
}

/** Point in the ellipse's own frame (u along a, v along b). */
function toLocal(e: Ellipse, x: number, y: number): Vec2 {
  const dx = x - e.cx;
  const dy = y - e.cy;
  const c = Math.cos(e.theta);
  const s = Math.sin(e.theta);
  return [dx * c + dy * s, -dx * s + dy * c];
}

/** Normalised radius: < 1 inside, 1 on the boundary. */
export function ellipseRho(e: Ellipse, x: number, y: number): number {
  const [u, v] = toLocal(e, x, y);
  return Math.sqrt((u / e.a) ** 2 + (v / e.b) ** 2);
}

/**
 * Approximate signed distance (mm) to the ellipse boundary: negative inside.
 * First-order (rho - 1) / |grad rho|, exact on the boundary and good within a few mm of it.
 */
export function ellipseSignedDistance(e: Ellipse, x: number, y: number): number {
  const [u, v] = toLocal(e, x, y);
  const rho = Math.sqrt((u / e.a) ** 2 + (v / e.b) ** 2);
  if (rho < 1e-9) return -Math.min(e.a, e.b);
  const gu = u / (e.a * e.a * rho);
  const gv = v / (e.b * e.b * rho);
  const g = Math.hypot(gu, gv);
  return (rho - 1) / g;
}

/** Grown/shrunk copy (semi-axes changed by d mm; approximate offset curve). */
export function ellipseOffset(e: Ellipse, d: number): Ellipse {
  return { ...e, a: e.a + d, b: e.b + d };
}

/** n points on the boundary, starting on the +a axis, in order of increasing parametric angle. */
export function ellipsePoints(e: Ellipse, n: number): Vec2[] {
  const pts: Vec2[] = [];
  const c = Math.cos(e.theta);
  const s = Math.sin(e.theta);
  for (let i = 0; i < n; i++) {
    const t = (2 * Math.PI * i) / n;
    const u = e.a * Math.cos(t);
    const v = e.b * Math.sin(t);
    pts.push([e.cx + u * c - v * s, e.cy + u * s + v * c]);
  }
  return pts;
}

export function polygonArea(pts: readonly Vec2[]): number {
  let s = 0;
  for (let i = 0; i < pts.length; i++) {
    const p = pts[i]!;
    const q = pts[(i + 1) % pts.length]!;
    s += p[0] * q[1] - q[0] * p[1];
  }
  return Math.abs(s) / 2;
}

export function polygonPerimeter(pts: readonly Vec2[]): number {
  let s = 0;
  for (let i = 0; i < pts.length; i++) {
    const p = pts[i]!;
    const q = pts[(i + 1) % pts.length]!;
    s += Math.hypot(q[0] - p[0], q[1] - p[1]);
  }
  return s;
}

export function polygonCentroid(pts: readonly Vec2[]): Vec2 {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < pts.length; i++) {
    const p = pts[i]!;
    const q = pts[(i + 1) % pts.length]!;
    const cross = p[0] * q[1] - q[0] * p[1];
    a += cross;
    cx += (p[0] + q[0]) * cross;
    cy += (p[1] + q[1]) * cross;
  }
  return [cx / (3 * a), cy / (3 * a)];
}

/**
 * Affine, axis-aligned mapping between a physical plane (mm) and pixel coordinates:
 * column = col0 + xMm / columnSpacingMm, row = row0 + yMm / rowSpacingMm.
 */
export interface PixelMap {
  readonly col0: number;
  readonly row0: number;
  /** mm between adjacent columns (applies to x). */
  readonly columnSpacingMm: number;
  /** mm between adjacent rows (applies to y). */
  readonly rowSpacingMm: number;
}

export function mmToPx(map: PixelMap, p: Vec2): Vec2 {
  return [map.col0 + p[0] / map.columnSpacingMm, map.row0 + p[1] / map.rowSpacingMm];
}

export function pxToMm(map: PixelMap, col: number, row: number): Vec2 {
  return [(col - map.col0) * map.columnSpacingMm, (row - map.row0) * map.rowSpacingMm];
}

/** Distance (mm) from point to segment. */
export function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const vx = bx - ax;
  const vy = by - ay;
  const len2 = vx * vx + vy * vy;
  let t = len2 > 0 ? ((px - ax) * vx + (py - ay) * vy) / len2 : 0;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  return Math.hypot(px - (ax + t * vx), py - (ay + t * vy));
}

export const clamp = (v: number, lo: number, hi: number): number => (v < lo ? lo : v > hi ? hi : v);
export const smoothstep = (e0: number, e1: number, x: number): number => {
  const t = clamp((x - e0) / (e1 - e0), 0, 1);
  return t * t * (3 - 2 * t);
};
