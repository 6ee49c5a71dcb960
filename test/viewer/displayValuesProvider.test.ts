import { describe, expect, it } from 'vitest';
import { saneDisplayModules } from '../../src/viewer/displayValuesProvider';

const pixel16 = { bitsAllocated: 16, bitsStored: 16, pixelRepresentation: 0 };

describe('the Modality LUT and window Cornerstone is given (saneDisplayValues)', () => {
  it('leaves usable values alone', () => {
    const r = saneDisplayModules({ rescaleSlope: 1, rescaleIntercept: -1024, rescaleType: 'HU' }, { windowCenter: [40, 400], windowWidth: [400, 2000] }, pixel16);
    expect(r.modality).toEqual({ rescaleSlope: 1, rescaleIntercept: -1024, rescaleType: 'HU' });
    expect(r.voi).toEqual({ windowCenter: [40, 400], windowWidth: [400, 2000] });
  });

  it('RescaleSlope 0, RescaleIntercept -1e308, window 1e308: identity rescale and no window (the loader then uses the full range)', () => {
    const r = saneDisplayModules({ rescaleSlope: 0, rescaleIntercept: -1e308 }, { windowCenter: [1e308], windowWidth: [1e308], voiLUTFunction: 'LINEAR' }, pixel16);
    expect(r.modality).toEqual({ rescaleSlope: 1, rescaleIntercept: 0 });
    expect(r.voi).toEqual({ voiLUTFunction: 'LINEAR' });
  });

  it('a window of width 0 is dropped; an absent rescale becomes the identity', () => {
    const r = saneDisplayModules(undefined, { windowCenter: [100], windowWidth: [0] }, pixel16);
    expect(r.modality).toEqual({ rescaleSlope: 1, rescaleIntercept: 0 });
    expect(r.voi).toEqual({});
  });

  // PS3.3 C.11.2.1.2: Window Width shall be > 0; a window is a centre and a width.
  it.each([
    ['width 0 (Siemens localizer)', [100], [0]],
    ['negative width', [100], [-10]],
    ['NaN width', [100], [Number.NaN]],
    ['infinite width', [100], [Number.POSITIVE_INFINITY]],
    ['a width without a centre', undefined, [100]],
    ['a centre without a width', [100], undefined],
  ])('%s is not passed on as a window', (_name, windowCenter, windowWidth) => {
    const r = saneDisplayModules({ rescaleSlope: 1, rescaleIntercept: 0 }, { windowCenter, windowWidth, voiLUTFunction: 'LINEAR' }, pixel16);
    expect(r.voi).toEqual({ voiLUTFunction: 'LINEAR' });
  });
});
