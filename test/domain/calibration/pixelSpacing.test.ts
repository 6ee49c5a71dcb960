import { describe, it, expect } from 'vitest';
import { calibrationFromPixelSpacing } from '../../../src/domain/calibration';

describe('calibration from PixelSpacing (0028,0030)', () => {
  it('reads [row, column]: the first value is row spacing (y), the second column spacing (x)', () => {
    const r = calibrationFromPixelSpacing([0.5, 0.6]);
    expect(r).toEqual({
      ok: true,
      value: {
        source: 'pixel-spacing',
        rowSpacingMm: 0.5,
        columnSpacingMm: 0.6,
        description: 'PixelSpacing 0.500 × 0.600 mm (row × column)',
      },
    });
  });

  it('refuses a missing PixelSpacing with a plain sentence', () => {
    const r = calibrationFromPixelSpacing(undefined);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/no PixelSpacing/);
  });

  it.each([
    ['empty', []],
    ['one value', [0.5]],
    ['three values', [0.5, 0.5, 0.5]],
  ])('refuses the wrong number of values (%s)', (_name, value) => {
    const r = calibrationFromPixelSpacing(value);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/exactly 2 values/);
  });

  it.each([
    ['zero', [0, 0.5]],
    ['negative', [0.5, -0.5]],
    ['NaN', [Number.NaN, 0.5]],
    ['infinite', [0.5, Number.POSITIVE_INFINITY]],
  ])('refuses a %s spacing', (_name, value) => {
    const r = calibrationFromPixelSpacing(value);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/positive numbers of millimetres/);
  });
});
