/**
 * Pixel maths for the first look (see firstLook.ts): stored values to display RGBA, as the
 * viewer shows them by default — Modality LUT (rescale slope/intercept), then the file's own
 * window (DICOM PS3.3 C.11.2.1.2 linear function) or, without one, the full range of the frame;
 * MONOCHROME1 inverted. No DOM here, so it is tested in Node.
 */

export interface GreyscaleFrame {
  /** Stored pixel values of one frame, row by row. */
  readonly values: ArrayLike<number>;
  readonly rescaleSlope: number;
  readonly rescaleIntercept: number;
  /** The file's first window, in rescaled units; null to use the frame's range. */
  readonly windowCenter: number | null;
  readonly windowWidth: number | null;
  /** MONOCHROME1: the lowest value is white. */
  readonly invert: boolean;
}

/** The window actually used: the file's, else [min, max] of the rescaled frame. */
export function displayWindow(frame: GreyscaleFrame): { center: number; width: number } {
  if (frame.windowCenter !== null && frame.windowWidth !== null && frame.windowWidth >= 1) {
    return { center: frame.windowCenter, width: frame.windowWidth };
  }
  let min = Infinity;
  let max = -Infinity;
  const { values, rescaleSlope: slope, rescaleIntercept: intercept } = frame;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]! * slope + intercept;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (!Number.isFinite(min)) return { center: 0, width: 1 };
  const width = Math.max(1, max - min);
  return { center: min + width / 2, width };
}

/** RGBA bytes (grey, opaque) for a greyscale frame. */
export function greyscaleToRgba(frame: GreyscaleFrame): Uint8ClampedArray {
  const { center, width } = displayWindow(frame);
  const { values, rescaleSlope: slope, rescaleIntercept: intercept, invert } = frame;
  const out = new Uint8ClampedArray(values.length * 4);
  // y = ((x − (c − 0.5)) / (w − 1) + 0.5) × 255, clamped; folded into one multiply-add per pixel.
  const scale = (255 / Math.max(1, width - 1)) * slope;
  const offset = ((intercept - (center - 0.5)) / Math.max(1, width - 1) + 0.5) * 255;
  for (let i = 0, o = 0; i < values.length; i++, o += 4) {
    let grey = values[i]! * scale + offset;
    grey = grey < 0 ? 0 : grey > 255 ? 255 : grey;
    if (invert) grey = 255 - grey;
    out[o] = out[o + 1] = out[o + 2] = grey;
    out[o + 3] = 255;
  }
  return out;
}

/** RGBA bytes for 8-bit RGB samples, interleaved (planar 0: RGBRGB…) or by plane (planar 1: RR…GG…BB…). */
export function rgbToRgba(samples: Uint8Array, pixelCount: number, planar: boolean): Uint8ClampedArray {
  const out = new Uint8ClampedArray(pixelCount * 4);
  for (let i = 0, o = 0; i < pixelCount; i++, o += 4) {
    out[o] = samples[planar ? i : 3 * i]!;
    out[o + 1] = samples[planar ? pixelCount + i : 3 * i + 1]!;
    out[o + 2] = samples[planar ? 2 * pixelCount + i : 3 * i + 2]!;
    out[o + 3] = 255;
  }
  return out;
}
