import { describe, expect, it } from 'vitest';
import { indexAfterGrowth, openingIndex, sameStack, settlePlan } from '../../src/viewer/openingStack';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `img${i}`);

describe('openingIndex: where a series opens', () => {
  it('an MR stack opens at its middle slice', () => {
    expect(openingIndex('MR', 200)).toBe(100);
    expect(openingIndex('MR', 16)).toBe(8);
    expect(openingIndex('MR', 1)).toBe(0);
  });
  it('anything else opens at its first image', () => {
    expect(openingIndex('US', 100)).toBe(0);
    expect(openingIndex(undefined, 5)).toBe(0);
  });
  it('an empty stack opens at 0', () => expect(openingIndex('MR', 0)).toBe(0));
});

describe('indexAfterGrowth: the image on screen keeps its identity when the stack grows and re-sorts', () => {
  it('finds the shown image at its new index', () => {
    expect(indexAfterGrowth(['b', 'a', 'c'], 'a')).toBe(1);
  });
  it('-1 when nothing is shown or the image is gone', () => {
    expect(indexAfterGrowth(['a'], null)).toBe(-1);
    expect(indexAfterGrowth(['a'], 'z')).toBe(-1);
  });
});

describe('settlePlan: settle on the middle slice only if the user has not interacted', () => {
  it('untouched MR: opens the complete stack at its middle slice', () => {
    expect(settlePlan({ imageIds: ids(200), modality: 'MR', shownImageId: 'img0', interacted: false })).toEqual({ kind: 'open', index: 100 });
  });
  it('untouched, already on the middle slice: nothing to redo', () => {
    expect(settlePlan({ imageIds: ids(200), modality: 'MR', shownImageId: 'img100', interacted: false })).toEqual({ kind: 'keep', index: 100 });
  });
  it('the user interacted: the image on screen stays, at its index in the complete stack', () => {
    const sorted = ['img5', 'img2', 'img0', 'img9'];
    expect(settlePlan({ imageIds: sorted, modality: 'MR', shownImageId: 'img0', interacted: true })).toEqual({ kind: 'keep', index: 2 });
  });
  it('interacted but the shown image is not in the stack (cannot keep it): opens as untouched', () => {
    expect(settlePlan({ imageIds: ids(4), modality: 'MR', shownImageId: 'other', interacted: true })).toEqual({ kind: 'open', index: 2 });
  });
  it('untouched ultrasound series: settles on its first image', () => {
    expect(settlePlan({ imageIds: ['x', 'y'], modality: 'US', shownImageId: 'y', interacted: false })).toEqual({ kind: 'open', index: 0 });
  });
});

describe('sameStack', () => {
  it('same ids in the same order only', () => {
    expect(sameStack(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(sameStack(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(sameStack(['a'], ['a', 'b'])).toBe(false);
  });
});
