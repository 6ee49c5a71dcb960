/**
 * Whether a decoded Cornerstone image can be painted at all. The CPU path builds a lookup table
 * as long as the image's value range (after Rescale Slope and Intercept): a range of 1e20 cannot
 * be allocated, and the throw escapes Cornerstone's thumbnail renderer. Checked before a thumbnail
 * is painted, and used to name the reason when painting a viewport failed.
 */
export interface DecodedImage {
  readonly width: number;
  readonly height: number;
  readonly minPixelValue: number;
  readonly maxPixelValue: number;
  readonly color?: boolean;
}

/** Longer lookup tables than this cannot be allocated in a browser tab (typed arrays). */
const MAX_VALUE_RANGE = 2 ** 31;

/** One sentence saying why the image cannot be painted, or null. */
export function undrawableReason(image: DecodedImage): string | null {
  if (!(image.width > 0 && image.height > 0)) return 'The image could not be decoded: it has no pixels.';
  if (image.color) return null;
  const { minPixelValue: min, maxPixelValue: max } = image;
  if (!Number.isFinite(min) || !Number.isFinite(max)) {
    return 'The image could not be drawn: its pixel values (after Rescale Slope and Intercept) are not finite numbers.';
  }
  if (max - min > MAX_VALUE_RANGE || Math.abs(min) > MAX_VALUE_RANGE || Math.abs(max) > MAX_VALUE_RANGE) {
    return 'The image could not be drawn: its pixel values (after Rescale Slope and Intercept) span a range too large to display.';
  }
  return null;
}
