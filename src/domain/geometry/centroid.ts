import type { Contour, ImagePoint } from '../types';

/**
 * Area centroid (centre of mass of the enclosed region) in pixel coordinates.
 * Returns null when the contour encloses no area: a centroid of a line is not
 * meaningful and we prefer no answer to a misleading one.
 * Spacing is irrelevant: independent axis scaling moves the centroid with the image.
 */
export function contourCentroid(contour: Contour): ImagePoint | null {
  const n = contour.length;
  if (n < 3) return null;
  const first = contour[0]!;
  const ox = first.x;
  const oy = first.y;
  let twiceArea = 0;
  let sx = 0;
  let sy = 0;
  // Translated to the first point for the same numerical reason as the area.
  let prevX = 0;
  let prevY = 0;
  for (let i = 1; i <= n; i++) {
    const p = contour[i % n]!;
    const x = p.x - ox;
    const y = p.y - oy;
    const cross = prevX * y - x * prevY;
    twiceArea += cross;
    sx += (prevX + x) * cross;
    sy += (prevY + y) * cross;
    prevX = x;
    prevY = y;
  }
  if (!Number.isFinite(twiceArea) || twiceArea === 0) return null;
  const factor = 1 / (3 * twiceArea);
  return { x: ox + sx * factor, y: oy + sy * factor };
}
