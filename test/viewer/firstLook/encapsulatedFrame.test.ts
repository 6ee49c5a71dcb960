import { describe, expect, it } from 'vitest';
import { firstEncapsulatedFrame } from '../../../src/viewer/firstLook/encapsulatedFrame';

/** An item (FFFE,E000) or delimiter (FFFE,E0DD) with its value, little endian. */
function item(value: number[], tag = 0xe000): number[] {
  const n = value.length;
  return [0xfe, 0xff, tag & 0xff, tag >> 8, n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, n >>> 24, ...value];
}
const u32 = (v: number) => [v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, v >>> 24];
const delimiter = item([], 0xe0dd);
const PREFIX = [9, 9, 9]; // bytes before the value (the element header, say)

describe('firstEncapsulatedFrame', () => {
  it('uses the offset table: the first frame is every fragment before the second frame', () => {
    const a = item([1, 2]);
    const b = item([3, 4]);
    const c = item([5, 6, 7, 8]);
    const bytes = Uint8Array.from([...PREFIX, ...item([...u32(0), ...u32(a.length + b.length)]), ...a, ...b, ...c, ...delimiter]);
    expect(Array.from(firstEncapsulatedFrame(bytes, PREFIX.length, 2)!)).toEqual([1, 2, 3, 4]);
  });

  it('without an offset table: one fragment per frame for multi-frame data, all fragments for one frame', () => {
    const bytes = Uint8Array.from([...PREFIX, ...item([]), ...item([1, 2]), ...item([3, 4]), ...delimiter]);
    expect(Array.from(firstEncapsulatedFrame(bytes, PREFIX.length, 2)!)).toEqual([1, 2]);
    expect(Array.from(firstEncapsulatedFrame(bytes, PREFIX.length, 1)!)).toEqual([1, 2, 3, 4]);
  });

  it('returns null when the frame runs past the bytes given (the whole file is read then)', () => {
    const whole = Uint8Array.from([...PREFIX, ...item([]), ...item([1, 2, 3, 4, 5, 6])]);
    expect(firstEncapsulatedFrame(whole.subarray(0, whole.length - 2), PREFIX.length, 1)).toBeNull();
    // a single frame whose end (the delimiter) is not in the bytes given
    expect(firstEncapsulatedFrame(whole, PREFIX.length, 1)).toBeNull();
  });

  it('returns null for bytes that are not encapsulated pixel data', () => {
    expect(firstEncapsulatedFrame(Uint8Array.from([...PREFIX, 1, 2, 3, 4, 5, 6, 7, 8]), PREFIX.length, 1)).toBeNull();
    expect(firstEncapsulatedFrame(Uint8Array.from(PREFIX), PREFIX.length, 1)).toBeNull();
    // an item claiming more bytes than exist
    expect(firstEncapsulatedFrame(Uint8Array.from([...PREFIX, 0xfe, 0xff, 0x00, 0xe0, 0xff, 0xff, 0xff, 0x7f]), PREFIX.length, 1)).toBeNull();
  });
});
