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

/**
 * The sign bit of a masked word; (word ^ signBit) − signBit is then its stored value, read as two's
 * complement in BitsStored bits (0 for unsigned values, which that leaves as they are).
 */
function signBitOf(frame: GreyscaleFrame, mask: number): number {
  return frame.signed ? (mask + 1) / 2 : 0;
}

/** The window actually used: the file's, else [min, max] of the rescaled frame. */
export function displayWindow(frame: GreyscaleFrame): { center: number; width: number } {
  return windowOf(frame, asWords16(frame.words));
}

/**
 * The words as 16-bit ones (8-bit frames widened by the browser's own copy): the passes over the
 * pixels then always see one element type, so the code V8 compiles for them stays specialised, and
 * compiling it ahead (warmUp.ts) serves 8-bit frames too.
 */
function asWords16(words: Uint8Array | Uint16Array): Uint16Array {
  return words instanceof Uint16Array ? words : new Uint16Array(words);
}

function windowOf(frame: GreyscaleFrame, words: Uint16Array): { center: number; width: number } {
  if (frame.windowCenter !== null && frame.windowWidth !== null && frame.windowWidth >= 1) {
    return { center: frame.windowCenter, width: frame.windowWidth };
  }
  if (!words.length) return { center: 0, width: 1 };
  const mask = valueMask(frame);
  // The rescale is linear, so the extremes of the stored values give those of the rescaled ones.
  const [lowest, highest] = storedExtremes(words, mask, signBitOf(frame, mask));
  const ends = [lowest * frame.rescaleSlope + frame.rescaleIntercept, highest * frame.rescaleSlope + frame.rescaleIntercept];
  const low = Math.min(...ends);
  const high = Math.max(...ends);
  const width = Math.max(1, high - low);
  return { center: low + width / 2, width };
}

/*
 * Each pass over the pixels is a function of its own. V8 compiles a long loop while running it
 * (on-stack replacement); a second loop in the same function enters that code without type
 * feedback for it. Timed cold in fresh Chromium pages on this noisy machine, the same mapping loop
 * took 4–24 ms as the second loop of one function and 3–6 ms as a function of its own.
 */
function storedExtremes(words: Uint16Array, mask: number, signBit: number): [number, number] {
  let lowest = Infinity;
  let highest = -Infinity;
  for (let i = 0; i < words.length; i++) {
    const v = ((words[i]! & mask) ^ signBit) - signBit;
    if (v < lowest) lowest = v;
    if (v > highest) highest = v;
  }
  return [lowest, highest];
}

function mapThroughTable(words: Uint16Array, lut: Int32Array, mask: number): Int32Array {
  const out = new Int32Array(words.length);
  for (let i = 0; i < words.length; i++) out[i] = lut[words[i]! & mask]!;
  return out;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
/**
 * An opaque grey pixel as the 32-bit word an RGBA byte buffer holds on this machine: OPAQUE | grey ×
 * PER_GREY, stored in an Int32Array (the same bits as unsigned; timed no faster or slower).
 */
const OPAQUE = LITTLE_ENDIAN ? 0xff000000 | 0 : 0xff;
const PER_GREY = LITTLE_ENDIAN ? 0x010101 : 0x01010100;

/** RGBA bytes (grey, opaque) for a greyscale frame. */
export function greyscaleToRgba(frame: GreyscaleFrame): Uint8ClampedArray {
  const words = asWords16(frame.words);
  const { center, width } = windowOf(frame, words);
  const span = Math.max(1, width - 1);
  const mask = valueMask(frame);
  const signBit = signBitOf(frame, mask);
  const { rescaleSlope: slope, rescaleIntercept: intercept, invert } = frame;
  // One table over every possible word, built in a single loop: this code runs once, cold.
  const lut = new Int32Array(mask + 1);
  for (let word = 0; word <= mask; word++) {
    const rescaled = (((word ^ signBit) - signBit) * slope) + intercept;
    // y = ((x − (c − 0.5)) / (w − 1) + 0.5) × 255, clamped
    let grey = Math.round(((rescaled - (center - 0.5)) / span + 0.5) * 255);
    grey = grey < 0 ? 0 : grey > 255 ? 255 : grey;
    lut[word] = OPAQUE | ((invert ? 255 - grey : grey) * PER_GREY);
  }
  return new Uint8ClampedArray(mapThroughTable(words, lut, mask).buffer);
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
