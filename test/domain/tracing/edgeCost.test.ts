import { describe, expect, it } from 'vitest';
import { EdgeMap, normalisedValues, stepCost, type CostParams } from '../../../src/domain/tracing';

const params: CostParams = { lengthWeight: 0.15, edgeScale: 0.03, polarity: 'dark-inside', offCrest: 1 };

/** Dark on the left (x < 16), bright on the right. */
function stepImage() {
  const width = 32;
  const height = 16;
  const pixels = new Uint8Array(width * height).map((_, i) => (i % width < 16 ? 20 : 220));
  const edges = new EdgeMap(normalisedValues({ width, height, pixels }), width, height, { sigmaPx: 1.5 });
  const at = (x: number, y: number) => {
    const i = y * width + x;
    edges.ensure(i);
    return i;
  };
  return { edges, at };
}

describe('edge cost (livewire)', () => {
  it('is lowest on the edge of a step image, whichever polarity, when the inside is not known yet', () => {
    const { edges, at } = stepImage();
    const costs = Array.from({ length: 32 }, (_, x) => stepCost(edges, at(x, 8), 0, 1, 0, params));
    const cheapest = costs.indexOf(Math.min(...costs));
    expect([15, 16]).toContain(cheapest);
    expect(costs[4]!).toBeGreaterThan(3 * costs[cheapest]!);
  });

  it('prefers "dark inside, bright outside": the step is cheap only when the dark side is the inside', () => {
    const { edges, at } = stepImage();
    // Walking down (+y) with the inside on the left (orientation +1): dark x < 16 is inside.
    const darkInside = stepCost(edges, at(16, 8), 0, 1, 1, params);
    // The same edge walked with the inside on the right: bright would be inside.
    const brightInside = stepCost(edges, at(16, 8), 0, 1, -1, params);
    expect(darkInside).toBeLessThan(0.5 * brightInside);
    // The MR polarity reverses the preference.
    const mr = { ...params, polarity: 'bright-inside' as const };
    expect(stepCost(edges, at(16, 8), 0, 1, -1, mr)).toBeLessThan(0.5 * stepCost(edges, at(16, 8), 0, 1, 1, mr));
  });

  it('does not depend on a linear rescale of the stored values (range-normalised)', () => {
    const width = 8;
    const pixels = Array.from({ length: 64 }, (_, i) => (i * 37) % 101);
    const a = normalisedValues({ width, height: 8, pixels });
    const b = normalisedValues({ width, height: 8, pixels: pixels.map((v) => 3 * v + 1000) });
    const c = normalisedValues({ width, height: 8, pixels, rescaleSlope: 2, rescaleIntercept: -1024 });
    for (let i = 0; i < 64; i++) {
      expect(b[i]).toBeCloseTo(a[i]!, 5);
      expect(c[i]).toBeCloseTo(a[i]!, 5);
    }
  });
});
