/**
 * The last bound on a file-derived range before Cornerstone paints: its CPU renderer builds a
 * lookup table with one entry per value from the smallest to the largest decoded pixel. Display
 * values are made sane before decoding (displayValuesProvider.ts), which bounds 8- and 16-bit
 * images; a 32-bit image can still hold values up to 4e9, and that loop then froze the tab. The
 * 'dicomfile' loader is wrapped so that an image whose decoded greyscale values lie beyond
 * ±MAX_DISPLAY_MAGNITUDE (2^24) is refused with a sentence, like a frame that cannot be decoded.
 * The same wrapper releases a decoded single-frame file's encoded pixels (filePixelRelease.ts)
 * and a colour image's extra RGBA copy and canvas (colorImageCanvas.ts).
 */
import { imageLoader, type Types } from '@cornerstonejs/core';
import { wadouri } from '@cornerstonejs/dicom-image-loader';
import { MAX_DISPLAY_MAGNITUDE } from '../domain/display';
import { restoreReleasedPixels, releaseEncodedPixels } from './filePixelRelease';
import { loadJpegColorFrame } from './jpegColorFrame';
import { slimColorImage, type ColorImageLike } from './colorImageCanvas';

/** null when the image can be painted; otherwise why not, one sentence. */
export function pixelRangeProblem(image: { color?: boolean; minPixelValue?: number; maxPixelValue?: number }): string | null {
  if (image.color) return null;
  const { minPixelValue: min, maxPixelValue: max } = image;
  const bad = (v: number | undefined) => typeof v === 'number' && !(Math.abs(v) <= MAX_DISPLAY_MAGNITUDE);
  if (!bad(min) && !bad(max)) return null;
  return `its pixel values (${min} to ${max}) lie beyond the ±${MAX_DISPLAY_MAGNITUDE} that can be displayed.`;
}

export function registerBoundedPixelRangeLoader(): void {
  const load = wadouri.loadImageFromNaturalizedMetadata as unknown as (imageId: string, options?: unknown) => Types.IImageLoadObject;
  imageLoader.registerImageLoader('dicomfile', ((imageId: string, options?: unknown) => {
    // A file whose pixels were released after an earlier decode: read back first.
    const restore = restoreReleasedPixels(imageId);
    const start = () => loadJpegColorFrame(imageId, options as Record<string, unknown> | undefined) ?? load(imageId, options).promise;
    const loaded = restore ? restore.then(start) : start();
    return {
      promise: loaded.then((image) => {
        const problem = pixelRangeProblem(image as unknown as Parameters<typeof pixelRangeProblem>[0]);
        if (problem !== null) throw new Error(problem);
        releaseEncodedPixels(imageId);
        // Colour images from other decoders (native RGB, YBR, palette) keep a canvas each too.
        slimColorImage(image as unknown as ColorImageLike);
        return image;
      }),
    };
  }) as unknown as Types.ImageLoaderFn);
}
