/**
 * SUVmax, SUVmean and SUVpeak inside a region drawn on one PET slice.
 *
 * SUVpeak is taken on the slice: the highest mean SUV over a disc of radius 6.20 mm — the central
 * section of a 1 cm³ sphere (r = ∛(3/4π) cm) — centred on any pixel of the region (the disc may
 * reach beyond the region, as the sphere would). It is the 2-D equivalent of the 1 cm³ sphere, not
 * the 3-D value, and is labelled so.
 */
import type { Contour, ImagePoint, Result } from '../types';
import { fail, ok } from '../types';
import { forEachPixelInside, type SuvImage } from './suvImage';

/** Radius of a 1 cm³ sphere in mm: ∛(3 × 1000 / 4π). */
export const SUV_PEAK_RADIUS_MM = Math.cbrt((3 * 1000) / (4 * Math.PI));
export const SUV_PEAK_DEFINITION = 'SUVpeak: highest mean in a 12.4 mm disc (the central section of a 1 cm³ sphere) on this slice';

export interface RegionSuv {
  readonly suvMax: number;
  /** Pixel (x = column, y = row) holding SUVmax. */
  readonly maxAt: ImagePoint;
  readonly suvMean: number;
  readonly suvPeak: number;
  readonly peakAt: ImagePoint;
  readonly pixelCount: number;
  readonly peakDiscPixelCount: number;
}

/** Pixel offsets whose centres lie within the peak disc. */
function discOffsets(image: SuvImage): Array<[number, number]> {
  const r = SUV_PEAK_RADIUS_MM;
  const dr = Math.floor(r / image.rowSpacingMm);
  const dc = Math.floor(r / image.columnSpacingMm);
  const out: Array<[number, number]> = [];
  for (let y = -dr; y <= dr; y++) {
    for (let x = -dc; x <= dc; x++) if ((y * image.rowSpacingMm) ** 2 + (x * image.columnSpacingMm) ** 2 <= r * r) out.push([y, x]);
  }
  return out;
}

export function regionSuv(contour: Contour, image: SuvImage): Result<RegionSuv> {
  if (!(image.rowSpacingMm > 0 && image.columnSpacingMm > 0)) return fail('The PET image has no usable PixelSpacing, so SUVpeak cannot be placed in millimetres.');
  const inside: number[] = [];
  forEachPixelInside(contour, image.rows, image.columns, (row, col) => inside.push(row * image.columns + col));
  if (inside.length === 0) return fail('The region holds no pixel centre; draw it larger or inside the image.');
  let suvMax = -Infinity;
  let maxIndex = inside[0]!;
  let sum = 0;
  for (const i of inside) {
    const v = image.suv[i]!;
    sum += v;
    if (v > suvMax) [suvMax, maxIndex] = [v, i];
  }
  const disc = discOffsets(image);
  let suvPeak = -Infinity;
  let peakIndex = maxIndex;
  let peakCount = 0;
  for (const i of inside) {
    const row = Math.floor(i / image.columns);
    const col = i % image.columns;
    let s = 0;
    let n = 0;
    for (const [dy, dx] of disc) {
      const y = row + dy;
      const x = col + dx;
      if (y < 0 || y >= image.rows || x < 0 || x >= image.columns) continue;
      s += image.suv[y * image.columns + x]!;
      n++;
    }
    if (n > 0 && s / n > suvPeak) [suvPeak, peakIndex, peakCount] = [s / n, i, n];
  }
  const at = (i: number): ImagePoint => ({ x: i % image.columns, y: Math.floor(i / image.columns) });
  return ok({ suvMax, maxAt: at(maxIndex), suvMean: sum / inside.length, suvPeak, peakAt: at(peakIndex), pixelCount: inside.length, peakDiscPixelCount: peakCount });
}
