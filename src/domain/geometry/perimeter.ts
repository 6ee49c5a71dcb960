import type { Contour } from '../types';
import { assertSpacing } from './spacing';

/**
 * Perimeter of the closed polygon (closing edge included) in mm.
 * x steps are scaled by the column spacing, y steps by the row spacing: on an
 * anisotropic image a horizontal and a vertical edge of equal pixel length differ in mm.
 * Single pass, no allocation.
 */
export function contourPerimeterMm(contour: Contour, rowSpacingMm: number, columnSpacingMm: number): number {
  assertSpacing(rowSpacingMm, 'rowSpacingMm');
  assertSpacing(columnSpacingMm, 'columnSpacingMm');
  return scaledPerimeter(contour, columnSpacingMm, rowSpacingMm);
}

/** Perimeter of the closed polygon (closing edge included) in pixels. */
export function contourPerimeterPx(contour: Contour): number {
  return scaledPerimeter(contour, 1, 1);
}

function scaledPerimeter(contour: Contour, scaleX: number, scaleY: number): number {
  const n = contour.length;
  if (n < 2) return 0;
  const last = contour[n - 1]!;
  let prevX = last.x;
  let prevY = last.y;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const p = contour[i]!;
    const dx = (p.x - prevX) * scaleX;
    const dy = (p.y - prevY) * scaleY;
    // sqrt rather than Math.hypot: hypot guards against overflow we cannot hit and is several times slower.
    total += Math.sqrt(dx * dx + dy * dy);
    prevX = p.x;
    prevY = p.y;
  }
  return total;
}

/**
 * Perimeter of the closed polygon whose points are the first n entries of xs and ys, with
 * x steps scaled by scaleX and y steps by scaleY (1 and 1 for pixels). Same arithmetic in
 * the same order as contourPerimeterMm / contourPerimeterPx, so the result is bit-identical.
 * The caller checks the spacings.
 */
export function perimeterOfArrays(xs: Float64Array, ys: Float64Array, n: number, scaleX: number, scaleY: number): number {
  if (n < 2) return 0;
  let prevX = xs[n - 1]!;
  let prevY = ys[n - 1]!;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const x = xs[i]!;
    const y = ys[i]!;
    const dx = (x - prevX) * scaleX;
    const dy = (y - prevY) * scaleY;
    total += Math.sqrt(dx * dx + dy * dy);
    prevX = x;
    prevY = y;
  }
  return total;
}
