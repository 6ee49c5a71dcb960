/**
 * Mean and SD of stored pixel values inside a contour (echogenicity on ultrasound, signal on MR).
 * A pixel counts when its centre lies inside the polygon (even-odd scanline fill).
 */
import type { Contour } from '../types';
import type { IntensityStats } from './nerveMeasurement';

export interface PixelGrid {
  readonly rows: number;
  readonly columns: number;
  /** Interleaved samples, row-major: for RGB, luminance is averaged from the 3 samples. */
  readonly pixels: ArrayLike<number>;
  readonly samplesPerPixel: number;
}

export function intensityInside(contour: Contour, grid: PixelGrid): IntensityStats | null {
  const n = contour.length;
  if (n < 3) return null;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const p of contour) {
    minY = Math.min(minY, p.y);
    maxY = Math.max(maxY, p.y);
  }
  const firstRow = Math.max(0, Math.ceil(minY - 0.5));
  const lastRow = Math.min(grid.rows - 1, Math.floor(maxY - 0.5) + 1);
  let count = 0;
  let sum = 0;
  let sumSq = 0;
  const crossings: number[] = [];
  for (let row = firstRow; row <= lastRow; row++) {
    const y = row; // pixel centres are at integer coordinates
    crossings.length = 0;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const a = contour[i]!;
      const b = contour[j]!;
      if (a.y > y !== b.y > y) crossings.push(a.x + ((y - a.y) * (b.x - a.x)) / (b.y - a.y));
    }
    crossings.sort((p, q) => p - q);
    for (let k = 0; k + 1 < crossings.length; k += 2) {
      const from = Math.max(0, Math.ceil(crossings[k]!));
      const to = Math.min(grid.columns - 1, Math.floor(crossings[k + 1]!));
      for (let col = from; col <= to; col++) {
        const base = (row * grid.columns + col) * grid.samplesPerPixel;
        let value = 0;
        for (let s = 0; s < grid.samplesPerPixel; s++) value += grid.pixels[base + s]!;
        value /= grid.samplesPerPixel;
        count++;
        sum += value;
        sumSq += value * value;
      }
    }
  }
  if (!count) return null;
  const mean = sum / count;
  const variance = count > 1 ? Math.max(0, (sumSq - count * mean * mean) / (count - 1)) : 0;
  return { mean, sd: Math.sqrt(variance), pixelCount: count };
}
