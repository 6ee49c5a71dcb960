/**
 * The first frame of encapsulated pixel data, read from the first bytes of a file (PS3.5 A.4):
 * after the pixel data element's header come items (FFFE,E000) — the Basic Offset Table, then
 * the fragments — and a sequence delimiter (FFFE,E0DD). Returns null when the frame is not wholly
 * inside the bytes given, or they do not look like encapsulated pixel data; the caller then reads
 * the whole file. No DOM here, so it is tested in Node.
 */
import { concatBytes } from '../../dicom/bytes';

const ITEM = 0xe000;
const SEQUENCE_DELIMITER = 0xe0dd;

interface Item {
  readonly tag: number;
  readonly value: Uint8Array;
  /** Where the next item starts. */
  readonly next: number;
}

/** The item at `at` (little endian), or null when it does not fit in the bytes. */
function readItem(bytes: Uint8Array, at: number): Item | null {
  if (at + 8 > bytes.length) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint16(at, true) !== 0xfffe) return null;
  const tag = view.getUint16(at + 2, true);
  const length = view.getUint32(at + 4, true);
  if (tag === SEQUENCE_DELIMITER) return { tag, value: bytes.subarray(0, 0), next: at + 8 };
  if (tag !== ITEM || at + 8 + length > bytes.length) return null;
  return { tag, value: bytes.subarray(at + 8, at + 8 + length), next: at + 8 + length };
}

/**
 * @param valueOffset where the pixel data element's value starts (after its header)
 * @param numberOfFrames without an offset table, a multi-frame object has one fragment per frame
 */
export function firstEncapsulatedFrame(bytes: Uint8Array, valueOffset: number, numberOfFrames: number): Uint8Array | null {
  const table = readItem(bytes, valueOffset);
  if (!table || table.tag !== ITEM) return null;
  const view = new DataView(table.value.buffer, table.value.byteOffset, table.value.byteLength);
  // The second offset, if there is one, is where the second frame starts (relative to the first fragment).
  const secondFrameAt = table.value.length >= 8 ? view.getUint32(4, true) : null;
  const firstFragmentAt = table.next;
  const fragments: Uint8Array[] = [];
  let at = firstFragmentAt;
  for (;;) {
    if (secondFrameAt !== null && at - firstFragmentAt >= secondFrameAt) break;
    const item = readItem(bytes, at);
    if (!item) return null;
    if (item.tag === SEQUENCE_DELIMITER) break;
    fragments.push(item.value);
    at = item.next;
    if (secondFrameAt === null && numberOfFrames > 1) break;
  }
  if (!fragments.length) return null;
  return fragments.length === 1 ? fragments[0]! : concatBytes(fragments);
}
