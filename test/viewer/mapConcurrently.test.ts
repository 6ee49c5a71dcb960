import { describe, expect, it } from 'vitest';
import { mapConcurrently } from '../../src/viewer/mapConcurrently';

describe('mapConcurrently', () => {
  it('keeps input order whatever order the work finishes in, and never runs more than the limit', async () => {
    let running = 0;
    let most = 0;
    const delays = [30, 5, 20, 1, 10, 0, 15];
    const out = await mapConcurrently(delays, 3, async (ms, i) => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, ms));
      running--;
      return `${i}:${ms}`;
    });
    expect(out).toEqual(delays.map((ms, i) => `${i}:${ms}`));
    expect(most).toBe(3);
  });

  it('handles no items and a limit above the count', async () => {
    expect(await mapConcurrently([], 8, async () => 1)).toEqual([]);
    expect(await mapConcurrently([1, 2], 8, async (x) => x * 2)).toEqual([2, 4]);
  });
});
