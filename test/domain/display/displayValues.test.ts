/**
 * Issue 20 — display values that cannot hang: an unusable Modality LUT or window is replaced by
 * the decoded pixels' full range, with one warning sentence; usable ones pass unchanged.
 */
import { describe, expect, it } from 'vitest';
import { MAX_DISPLAY_MAGNITUDE, saneDisplayValues, storableRange, type FileDisplayValues } from '../../../src/domain/display';
import { expectOneSentence } from '../../robustness/sentence';

const mr16 = (over: Partial<FileDisplayValues> = {}): FileDisplayValues => ({
  rescaleSlope: null,
  rescaleIntercept: null,
  windowCenter: null,
  windowWidth: null,
  bitsAllocated: 16,
  bitsStored: 12,
  pixelRepresentation: 0,
  ...over,
});

describe('usable display values pass unchanged', () => {
  it.each([
    [mr16({ windowCenter: 800, windowWidth: 1600 }), 1, 0, 800, 1600],
    [mr16({ rescaleSlope: 1, rescaleIntercept: -1024, windowCenter: 40, windowWidth: 400, pixelRepresentation: 1 }), 1, -1024, 40, 400],
    [mr16({ rescaleSlope: 2.5, rescaleIntercept: 0 }), 2.5, 0, null, null],
    [mr16({ rescaleSlope: 0.001, windowCenter: 0.5, windowWidth: 0.25 }), 0.001, 0, 0.5, 0.25],
  ])('%j', (values, slope, intercept, center, width) => {
    expect(saneDisplayValues(values)).toEqual({ rescaleSlope: slope, rescaleIntercept: intercept, windowCenter: center, windowWidth: width, warning: null });
  });
  it('a file without a window shows the full range without a warning', () => {
    expect(saneDisplayValues(mr16({ windowCenter: 100 })).warning).toBeNull();
  });
});

describe('unusable Modality LUT → identity and full range, with a warning (issue 20 probe values)', () => {
  it.each([
    [{ rescaleSlope: 0 }, 'RescaleSlope 0'],
    [{ rescaleSlope: 0, rescaleIntercept: -1e308 }, 'RescaleSlope 0'],
    [{ rescaleIntercept: -1e308 }, 'RescaleSlope 1 with RescaleIntercept -1e+308'],
    [{ rescaleSlope: Infinity }, 'RescaleSlope Infinity'],
    [{ rescaleSlope: NaN }, 'RescaleSlope (not a number)'],
    [{ rescaleIntercept: NaN }, 'RescaleIntercept (not a number)'],
    [{ rescaleSlope: 1e6 }, 'RescaleSlope 1e+6 with RescaleIntercept 0'],
    [{ rescaleIntercept: 1e9, windowCenter: 1e9, windowWidth: 100 }, 'RescaleSlope 1 with RescaleIntercept 1e+9'],
  ])('%j', (over, named) => {
    const r = saneDisplayValues(mr16({ windowCenter: 1e308, windowWidth: 1e308, ...over }));
    expect(r).toMatchObject({ rescaleSlope: 1, rescaleIntercept: 0, windowCenter: null, windowWidth: null });
    expect(r.warning).toContain(`Display values replaced: ${named} cannot be displayed`);
    expectOneSentence(r.warning!);
  });
});

describe('unusable window → full range, with a warning', () => {
  it.each([
    [1e308, 1e308],
    [40, 0],
    [40, -400],
    [NaN, 400],
    [40, Infinity],
    [MAX_DISPLAY_MAGNITUDE * 2, 400],
  ])('WindowCenter %s, WindowWidth %s', (center, width) => {
    const r = saneDisplayValues(mr16({ windowCenter: center, windowWidth: width, rescaleSlope: 1, rescaleIntercept: 0 }));
    expect(r).toMatchObject({ rescaleSlope: 1, rescaleIntercept: 0, windowCenter: null, windowWidth: null });
    expect(r.warning).toMatch(/^Display values replaced: the window \(WindowCenter .*, WindowWidth .*\) cannot be displayed/);
    expectOneSentence(r.warning!);
  });
});

describe('the storable range', () => {
  it('comes from BitsAllocated and PixelRepresentation, and is not checked above 16 bits', () => {
    expect(storableRange({ bitsAllocated: 8, bitsStored: 8, pixelRepresentation: 0 })).toEqual([0, 255]);
    expect(storableRange({ bitsAllocated: 16, bitsStored: 12, pixelRepresentation: 1 })).toEqual([-32768, 32767]);
    expect(storableRange({ bitsAllocated: 32, bitsStored: 32, pixelRepresentation: 0 })).toBeNull();
    expect(saneDisplayValues({ ...mr16(), bitsAllocated: 32, rescaleSlope: 1e6 }).warning).toBeNull();
    expect(saneDisplayValues({ ...mr16(), bitsAllocated: 32, rescaleSlope: 0 }).warning).not.toBeNull();
  });
});
