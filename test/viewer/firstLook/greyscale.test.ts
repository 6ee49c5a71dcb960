import { describe, expect, it } from 'vitest';
import { displayWindow, greyscaleToRgba, rgbToRgba, type GreyscaleFrame } from '../../../src/viewer/firstLook/greyscale';

const frame = (words: number[], over: Partial<GreyscaleFrame> = {}): GreyscaleFrame => ({
  words: Uint16Array.from(words),
  bitsStored: 16,
  signed: false,
  rescaleSlope: 1,
  rescaleIntercept: 0,
  windowCenter: null,
  windowWidth: null,
  invert: false,
  ...over,
});
const greys = (rgba: Uint8ClampedArray) => Array.from(rgba).filter((_, i) => i % 4 === 0);

describe('first look: greyscale to display', () => {
  it('uses the file window, in rescaled units (DICOM linear function)', () => {
    // Stored 0..4000 with intercept −1024: window 40/400 (soft tissue) spans rescaled −160..240.
    const f = frame([1024 - 160, 1024 + 40, 1024 + 240, 0, 4000], { rescaleIntercept: -1024, windowCenter: 40, windowWidth: 400 });
    const g = greys(greyscaleToRgba(f));
    expect(g[0]).toBeLessThanOrEqual(1);
    expect(Math.abs(g[1]! - 128)).toBeLessThanOrEqual(1);
    expect(g[2]).toBeGreaterThanOrEqual(254);
    expect(g[3]).toBe(0); // below the window
    expect(g[4]).toBe(255); // above it
  });

  it('applies the rescale slope before the window', () => {
    const f = frame([10, 20], { rescaleSlope: 10, windowCenter: 150, windowWidth: 100 }); // rescaled 100, 200
    expect(greys(greyscaleToRgba(f))).toEqual([0, 255]);
  });

  it('without a window spans the frame from its lowest to its highest value', () => {
    const f = frame([300, 400, 500]);
    expect(displayWindow(f)).toEqual({ center: 400, width: 200 });
    const g = greys(greyscaleToRgba(f));
    expect(g[0]).toBeLessThanOrEqual(1);
    expect(g[2]).toBe(255);
  });

  it('a negative rescale slope still gives the range from low to high', () => {
    expect(displayWindow(frame([0, 100], { rescaleSlope: -1 }))).toEqual({ center: -50, width: 100 });
  });

  it('ignores a window narrower than one value and survives a flat frame', () => {
    expect(displayWindow(frame([7, 7], { windowCenter: 7, windowWidth: 0 }))).toEqual({ center: 7.5, width: 1 });
    expect(greys(greyscaleToRgba(frame([7, 7])))).toHaveLength(2);
  });

  it('reads only the low BitsStored bits: overlay bits above them change nothing', () => {
    const clean = frame([0, 2048, 4095], { bitsStored: 12 });
    const withOverlayBits = frame([0x1000 | 0, 0xf000 | 2048, 0x8000 | 4095], { bitsStored: 12 });
    expect(greys(greyscaleToRgba(withOverlayBits))).toEqual(greys(greyscaleToRgba(clean)));
    expect(displayWindow(withOverlayBits)).toEqual({ center: 2047.5, width: 4095 });
  });

  it('signed values (PixelRepresentation 1) are two\'s complement in BitsStored bits', () => {
    // 12-bit signed: 0xFFF is −1, 0x800 is −2048; in 16 bits 0xFC18 is −1000.
    expect(displayWindow(frame([0x800, 0x7ff], { bitsStored: 12, signed: true }))).toEqual({ center: -0.5, width: 4095 });
    const g = greys(greyscaleToRgba(frame([0xfc18, 0, 1000], { signed: true, windowCenter: 0, windowWidth: 2000 })));
    expect(g[0]).toBe(0);
    expect(Math.abs(g[1]! - 128)).toBeLessThanOrEqual(1);
    expect(g[2]).toBe(255);
  });

  it('8-bit words', () => {
    const bytes: GreyscaleFrame = { ...frame([]), words: Uint8Array.from([0, 255]), bitsStored: 8 };
    expect(greys(greyscaleToRgba(bytes))).toEqual([0, 255]);
  });

  it('the lookup table gives the DICOM linear function for every value (random windows and rescales)', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let trial = 0; trial < 50; trial++) {
      const words = Uint16Array.from({ length: 200 }, () => Math.floor(random() * 65536));
      const f = frame([], {
        rescaleSlope: 0.5 + random() * 2,
        rescaleIntercept: (random() - 0.5) * 2000,
        windowCenter: (random() - 0.5) * 4000,
        windowWidth: 1 + random() * 8000,
        invert: random() < 0.3,
        signed: random() < 0.5,
      });
      const g = greys(greyscaleToRgba({ ...f, words }));
      words.forEach((w, i) => {
        const value = f.signed && w >= 0x8000 ? w - 0x10000 : w;
        const x = value * f.rescaleSlope + f.rescaleIntercept;
        const y = Math.min(255, Math.max(0, ((x - (f.windowCenter! - 0.5)) / (f.windowWidth! - 1) + 0.5) * 255));
        expect(Math.abs(g[i]! - (f.invert ? 255 - y : y))).toBeLessThanOrEqual(0.5 + 1e-9);
      });
    }
  });

  it('MONOCHROME1 shows the lowest value white', () => {
    expect(greys(greyscaleToRgba(frame([0, 100], { invert: true })))).toEqual([255, 0]);
  });

  it('is opaque grey', () => {
    const rgba = greyscaleToRgba(frame([0, 50, 100]));
    for (let i = 0; i < rgba.length; i += 4) {
      expect(rgba[i]).toBe(rgba[i + 1]);
      expect(rgba[i]).toBe(rgba[i + 2]);
      expect(rgba[i + 3]).toBe(255);
    }
  });
});

describe('first look: RGB samples', () => {
  it('reads interleaved (planar 0) and by-plane (planar 1) samples alike', () => {
    const interleaved = Uint8Array.from([10, 20, 30, 40, 50, 60]);
    const planes = Uint8Array.from([10, 40, 20, 50, 30, 60]);
    const expected = [10, 20, 30, 255, 40, 50, 60, 255];
    expect(Array.from(rgbToRgba(interleaved, 2, false))).toEqual(expected);
    expect(Array.from(rgbToRgba(planes, 2, true))).toEqual(expected);
  });
});
