import { describe, expect, it } from 'vitest';
import { pixelRangeProblem } from '../../src/viewer/boundedPixelRange';

describe('the decoded pixel range Cornerstone may paint (its CPU lookup table has one entry per value)', () => {
  it('accepts 8- and 16-bit ranges and anything within ±2^24', () => {
    expect(pixelRangeProblem({ minPixelValue: 0, maxPixelValue: 255 })).toBeNull();
    expect(pixelRangeProblem({ minPixelValue: -32768, maxPixelValue: 65535 })).toBeNull();
    expect(pixelRangeProblem({ minPixelValue: -(2 ** 24), maxPixelValue: 2 ** 24 })).toBeNull();
    expect(pixelRangeProblem({ color: true, minPixelValue: 0, maxPixelValue: 4e9 })).toBeNull();
  });
  it.each([
    [0, 4e9],
    [-Infinity, 0],
    [0, NaN],
    [-(2 ** 31), 0],
  ])('refuses %s to %s with one sentence', (min, max) => {
    expect(pixelRangeProblem({ minPixelValue: min, maxPixelValue: max })).toMatch(/^its pixel values \(.* to .*\) lie beyond the ±16777216 that can be displayed\.$/);
  });
});
