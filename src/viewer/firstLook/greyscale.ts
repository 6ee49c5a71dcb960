/**
 * Pixel maths for the first look (see firstLook.ts): stored words to display RGBA, as the viewer
 * shows them by default — the low BitsStored bits as the value (signed when PixelRepresentation
 * is 1), Modality LUT (rescale slope/intercept), then the file's own window (DICOM PS3.3
 * C.11.2.1.2 linear function) or, without one, the full range of the frame; MONOCHROME1 inverted.
 * No DOM here, so it is tested in Node.
 *
 * Values have at most 16 bits, so all of that is folded into a lookup table over every possible
 * value: one read, one mask and one 32-bit write per pixel (this code runs once, cold, on the
 * critical path of the first image).
 */

export interface GreyscaleFrame {
  /** Stored words of one frame, row by row, as in the file (BitsAllocated 8 or 16). */
  readonly words: Uint8Array | Uint16Array;
  /** BitsStored: only the low bits are the value; higher ones may hold overlays or noise. */
  readonly bitsStored: number;
  /** PixelRepresentation 1: the value is two's complement in BitsStored bits. */
  readonly signed: boolean;
  readonly rescaleSlope: number;
  readonly rescaleIntercept: number;
  /** The file's first window, in rescaled units; null to use the frame's range. */
  readonly windowCenter: number | null;
  readonly windowWidth: number | null;
  /** MONOCHROME1: the lowest value is white. */
  readonly invert: boolean;
}

/** The value bits of a stored word: the low BitsStored bits (all of them when BitsStored is unusable). */
function valueMask(frame: GreyscaleFrame): number {
  const wordBits = frame.words instanceof Uint8Array ? 8 : 16;
  const bits = Math.min(Math.max(1, Math.round(frame.bitsStored) || wordBits), wordBits);
  return 2 ** bits - 1;
}

/** The rescaled value of every possible masked word (2^BitsStored entries). */
function rescaledByWord(frame: GreyscaleFrame): Float64Array {
  const mask = valueMask(frame);
  const signBit = (mask + 1) / 2;
  const values = new Float64Array(mask + 1);
  for (let v = 0; v <= mask; v++) {
    values[v] = (frame.signed && v >= signBit ? v - (mask + 1) : v) * frame.rescaleSlope + frame.rescaleIntercept;
  }
  return values;
}

/** The window actually used: the file's, else [min, max] of the rescaled frame. */
export function displayWindow(frame: GreyscaleFrame, rescaled = rescaledByWord(frame)): { center: number; width: number } {
  if (frame.windowCenter !== null && frame.windowWidth !== null && frame.windowWidth >= 1) {
    return { center: frame.windowCenter, width: frame.windowWidth };
  }
  const { words } = frame;
  if (!words.length) return { center: 0, width: 1 };
  const mask = rescaled.length - 1;
  // The rescale is linear, so the extremes of the stored values give the extremes of the rescaled
  // ones: one integer pass. (w ^ s) − s turns the masked word into its two's complement value.
  const signBit = frame.signed ? (mask + 1) / 2 : 0;
  let lowest = Infinity;
  let highest = -Infinity;
  for (let i = 0; i < words.length; i++) {
    const v = ((words[i]! & mask) ^ signBit) - signBit;
    if (v < lowest) lowest = v;
    if (v > highest) highest = v;
  }
  const ends = [rescaled[lowest & mask]!, rescaled[highest & mask]!];
  const low = Math.min(...ends);
  const high = Math.max(...ends);
  const width = Math.max(1, high - low);
  return { center: low + width / 2, width };
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** One opaque grey pixel as the 32-bit word an RGBA byte buffer holds on this machine. */
function greyWord(grey: number): number {
  return LITTLE_ENDIAN ? (0xff000000 | (grey << 16) | (grey << 8) | grey) >>> 0 : ((grey << 24) | (grey << 16) | (grey << 8) | 0xff) >>> 0;
}

/** RGBA bytes (grey, opaque) for a greyscale frame. */
export function greyscaleToRgba(frame: GreyscaleFrame): Uint8ClampedArray {
  const rescaled = rescaledByWord(frame);
  const { center, width } = displayWindow(frame, rescaled);
  const span = Math.max(1, width - 1);
  const lut = new Uint32Array(rescaled.length);
  for (let word = 0; word < lut.length; word++) {
    // y = ((x − (c − 0.5)) / (w − 1) + 0.5) × 255, clamped
    let grey = Math.round(((rescaled[word]! - (center - 0.5)) / span + 0.5) * 255);
    grey = grey < 0 ? 0 : grey > 255 ? 255 : grey;
    lut[word] = greyWord(frame.invert ? 255 - grey : grey);
  }
  const { words } = frame;
  const mask = lut.length - 1;
  const out = new Uint32Array(words.length);
  for (let i = 0; i < words.length; i++) out[i] = lut[words[i]! & mask]!;
  return new Uint8ClampedArray(out.buffer);
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
