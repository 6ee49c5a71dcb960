import { describe, expect, it } from 'vitest';
import { concatBytes } from '../../src/dicom/bytes';

describe('concatBytes', () => {
  it('joins the parts in order', () => {
    expect([...concatBytes([Uint8Array.from([1, 2]), new Uint8Array(0), Uint8Array.from([3])])]).toEqual([1, 2, 3]);
  });
  it('reads views from where they start, not from their buffer', () => {
    const buffer = Uint8Array.from([9, 9, 4, 5, 9]);
    expect([...concatBytes([buffer.subarray(2, 4)])]).toEqual([4, 5]);
  });
  it('gives an empty array for no parts', () => {
    expect(concatBytes([]).length).toBe(0);
  });
});
