import { describe, expect, it } from 'vitest';
import { displayWindow, greyscaleToRgba, rgbToRgba, type GreyscaleFrame } from '../../../src/viewer/firstLook/greyscale';

const frame = (values: number[], over: Partial<GreyscaleFrame> = {}): GreyscaleFrame => ({
  values,
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

  it('ignores a window narrower than one value and survives a flat frame', () => {
    expect(displayWindow(frame([7, 7], { windowCenter: 7, windowWidth: 0 }))).toEqual({ center: 7.5, width: 1 });
    expect(greys(greyscaleToRgba(frame([7, 7])))).toHaveLength(2);
  });

  it('MONOCHROME1 shows the lowest value white', () => {
    const g = greys(greyscaleToRgba(frame([0, 100], { invert: true })));
    expect(g).toEqual([255, 0]);
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
