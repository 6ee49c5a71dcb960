/**
 * Compiles the preview's pixel maths before the first file is picked. Code that has never run is
 * first interpreted, and V8 compiles a long loop only while running it: on this machine the first
 * 512 × 512 16-bit frame took about 6 ms that way, and about 2 ms once the same code had run on a
 * small frame (bench/changes.md). Run when the start screen is idle; the result is discarded.
 */
import { greyscaleToRgba } from './greyscale';

const SIDE = 256;

export function warmUpFirstLook(): void {
  const words = new Uint16Array(SIDE * SIDE);
  // Values spread over 12 bits (MR and CT store 12 to 16), without a window: both passes run.
  for (let i = 0; i < words.length; i++) words[i] = (i * 7919) & 0xfff;
  greyscaleToRgba({ words, bitsStored: 12, signed: false, rescaleSlope: 1, rescaleIntercept: 0, windowCenter: null, windowWidth: null, invert: false });
}
