/**
 * The stored pixels of the displayed image, as the assisted tracer takes them: values from
 * Cornerstone's decoded image (getPixelData: stored values, not the rendered canvas), its rescale,
 * its modality, and the window it is shown with (passed on, never used for the outline).
 * One frame is kept ready at a time (its edge map is built lazily as the search goes).
 */
import { cache, metaData, type Types } from '@cornerstonejs/core';
import { tracingFrameFor, type TracingFrame } from '../../domain/tracing';

let last: { imageId: string; frame: TracingFrame } | null = null;

export function tracingFrameForImage(imageId: string, viewport: Types.IStackViewport): TracingFrame | null {
  if (last?.imageId === imageId) return last.frame;
  const image = cache.getImage(imageId);
  if (!image) return null;
  const pixels = image.getPixelData();
  const { rows, columns } = image;
  const samplesPerPixel = Math.round(pixels.length / (rows * columns)) || 1;
  const series = metaData.get('generalSeriesModule', imageId) as { modality?: string } | undefined;
  const voi = viewport.getProperties().voiRange;
  // Pixel data already scaled by the loader is in modality values: no second rescale.
  const scaled = Boolean((image as { preScale?: { scaled?: boolean } }).preScale?.scaled);
  const frame = tracingFrameFor({
    width: columns,
    height: rows,
    pixels,
    samplesPerPixel,
    rescaleSlope: scaled ? 1 : image.slope,
    rescaleIntercept: scaled ? 0 : image.intercept,
    modality: series?.modality,
    window: voi ? { center: (voi.lower + voi.upper) / 2, width: voi.upper - voi.lower } : null,
  });
  last = { imageId, frame };
  return frame;
}

/** Lets the edge map of the last image go (its memory scales with the frame). */
export function forgetTracingFrame(): void {
  last = null;
}
