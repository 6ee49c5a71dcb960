import { describe, expect, it } from 'vitest';
import { MAX_RADIUS, prefetchRadius } from '../../src/viewer/prefetchBudget';

const MB = 1024 * 1024;

describe('prefetchRadius', () => {
  it('keeps what one viewport prefetches within 40 % of the cache', () => {
    const slice = 512 * 512 * 2; // a 16-bit MR slice
    const radius = prefetchRadius(32 * MB, slice);
    expect(radius).toBe(12);
    expect((2 * radius + 1) * slice).toBeLessThanOrEqual(0.42 * 32 * MB);
  });

  it('prefetches a whole cine when the cache is large', () => {
    expect(prefetchRadius(3072 * MB, 800 * 600 * 3)).toBeGreaterThan(100);
  });

  it('never more than MAX_RADIUS each side: a 2,000-slice series is not decoded whole at once', () => {
    expect(prefetchRadius(3072 * MB, 512 * 512 * 2)).toBe(MAX_RADIUS);
    expect(2 * MAX_RADIUS + 1).toBeGreaterThanOrEqual(200); // the 200-slice MR, from its middle slice
  });

  it('prefetches nothing when an image does not fit or a size is unknown', () => {
    expect(prefetchRadius(1 * MB, 4 * MB)).toBe(0);
    expect(prefetchRadius(32 * MB, 0)).toBe(0);
    expect(prefetchRadius(Number.NaN, 1000)).toBe(0);
  });
});
