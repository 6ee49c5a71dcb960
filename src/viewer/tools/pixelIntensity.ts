/** Echogenicity / signal inside a contour, from the decoded image in Cornerstone's cache. */
import { cache } from '@cornerstonejs/core';
import { intensityInside, type IntensityStats } from '../../domain/measurement';
import type { Contour } from '../../domain/types';

export function intensityForImage(imageId: string, contour: Contour): IntensityStats | null {
  const image = cache.getImage(imageId);
  if (!image) return null;
  const pixels = image.getPixelData();
  const samplesPerPixel = Math.round(pixels.length / (image.rows * image.columns)) || 1;
  return intensityInside(contour, { rows: image.rows, columns: image.columns, pixels, samplesPerPixel });
}
