import type { Contour } from '../types';
import { assertSpacing } from './spacing';

/**
 * Signed shoelace area in pixels² (positive when the points run counter-clockwise
 * in a y-up frame; in image space, where y grows downwards, the sign is flipped).
 *
 * Why the translation by the first point: coordinates of a few thousand pixels
 * squared would otherwise lose digits to cancellation; subtracting an origin keeps
 * the result translation-invariant to ~1e-12 relative.
 * Single pass, no allocation, so it can run on every mouse move.
 */
export function contourSignedAreaPx2(contour: Contour): number {
  const n = contour.length;
  if (n < 3) return 0;
  const first = contour[0]!;
  const ox = first.x;
  const oy = first.y;
  let twiceArea = 0;
  // The first point is at the origin after translation, so edges touching it add nothing.
  let prevX = contour[1]!.x - ox;
  let prevY = contour[1]!.y - oy;
  for (let i = 2; i < n; i++) {
    const p = contour[i]!;
    const x = p.x - ox;
    const y = p.y - oy;
    twiceArea += prevX * y - x * prevY;
    prevX = x;
    prevY = y;
  }
  return twiceArea / 2;
}

/**
 * contourSignedAreaPx2 on coordinates already in flat arrays (the first n entries), with the
 * same arithmetic in the same order, so the result is bit-identical.
 */
export function signedAreaPx2OfArrays(xs: Float64Array, ys: Float64Array, n: number): number {
  if (n < 3) return 0;
  const ox = xs[0]!;
  const oy = ys[0]!;
  let twiceArea = 0;
  let prevX = xs[1]! - ox;
  let prevY = ys[1]! - oy;
  for (let i = 2; i < n; i++) {
    const x = xs[i]! - ox;
    const y = ys[i]! - oy;
    twiceArea += prevX * y - x * prevY;
    prevX = x;
    prevY = y;
  }
  return twiceArea / 2;
}

/** Enclosed area in pixels², independent of the drawing direction. */
export function contourAreaPx2(contour: Contour): number {
  return Math.abs(contourSignedAreaPx2(contour));
}

/**
 * Enclosed area in mm² with x scaled by the column spacing and y by the row spacing.
 * Scaling the axes independently multiplies every shoelace term by the same
 * product, so the pixel area times (row × column spacing) is exact.
 */
export function contourAreaMm2(contour: Contour, rowSpacingMm: number, columnSpacingMm: number): number {
  assertSpacing(rowSpacingMm, 'rowSpacingMm');
  assertSpacing(columnSpacingMm, 'columnSpacingMm');
  return contourAreaPx2(contour) * rowSpacingMm * columnSpacingMm;
}
