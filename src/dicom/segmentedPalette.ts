/**
 * Segmented palette colour lookup tables (0028,1221-1223), PS3.3 C.7.9.2, expanded into the
 * plain tables (0028,1201-1203) that Cornerstone's image loader reads. Aloka (among others)
 * writes only the segmented form; without this the loader has no palette and paints nothing.
 */
import type { DataSet, Element } from 'dicom-parser';
import { concatBytes } from './bytes.ts';

const SEGMENTED = ['x00281221', 'x00281222', 'x00281223'] as const;
const PLAIN = ['x00281201', 'x00281202', 'x00281203'] as const;
const DESCRIPTORS = ['x00281101', 'x00281102', 'x00281103'] as const;

/**
 * Expands one segmented table (16-bit words) into its entries. Opcodes: 0 discrete (n values
 * follow), 1 linear (ramp of n values from the previous value to the next word), 2 indirect
 * (repeat n segments found at a 32-bit word offset, low word first). Throws on a malformed table.
 */
export function expandSegmentedLut(words: ArrayLike<number>, limit = 65536, segments = Infinity, previous?: number, depth = 0): number[] {
  if (depth > 8) throw new Error('indirect segments nested too deeply');
  const out: number[] = [];
  let at = 0;
  let read = 0;
  // A trailing pad word is possible: every segment is at least 2 words long.
  while (at + 1 < words.length && read < segments && out.length <= limit) {
    const opcode = words[at]!;
    const length = words[at + 1]!;
    at += 2;
    if (opcode === 0) {
      for (let i = 0; i < length; i++) out.push(words[at + i] ?? 0);
      at += length;
    } else if (opcode === 1) {
      const y0 = out.length ? out[out.length - 1]! : previous;
      if (y0 === undefined) throw new Error('a linear segment has no start value');
      const y1 = words[at]!;
      at += 1;
      for (let i = 1; i <= length; i++) out.push(Math.round(y0 + ((y1 - y0) * i) / length));
    } else if (opcode === 2) {
      const start = out.length ? out[out.length - 1]! : previous;
      if (start === undefined) throw new Error('an indirect segment has no start value');
      const offset = (words[at]! | (words[at + 1]! << 16)) >>> 0;
      at += 2;
      out.push(...expandSegmentedLut(Array.prototype.slice.call(words, offset) as number[], limit, length, start, depth + 1));
    } else {
      throw new Error(`unknown segment opcode ${opcode}`);
    }
    read++;
  }
  return out;
}

function descriptorEntries(ds: DataSet, tag: string): number | null {
  const el = ds.elements[tag];
  if (!el || el.length !== 6) return null;
  const entries = ds.uint16(tag, 0) ?? 0;
  return entries === 0 ? 65536 : entries; // PS3.3 C.7.6.3.1.5: 0 means 2^16 entries
}

function words(ds: DataSet, el: Element): Uint16Array {
  const out = new Uint16Array(el.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = ds.uint16(el.tag, i) ?? 0;
  return out;
}

/** True when the image keeps its palette only in segmented tables. */
export function hasOnlySegmentedPalette(ds: DataSet): boolean {
  return SEGMENTED.every((t) => ds.elements[t]) && !PLAIN.every((t) => ds.elements[t]);
}

/** The three expanded tables (red, green, blue) each with the descriptor's number of entries. */
export function expandSegmentedPalette(ds: DataSet): Uint16Array[] {
  return SEGMENTED.map((tag, i) => {
    const entries = descriptorEntries(ds, DESCRIPTORS[i]!);
    if (entries === null) throw new Error('a palette descriptor is missing');
    const expanded = expandSegmentedLut(words(ds, ds.elements[tag]!), entries);
    const table = new Uint16Array(entries);
    table.set(expanded.slice(0, entries));
    // A table shorter than its descriptor keeps its last value to the end.
    if (expanded.length < entries) table.fill(expanded[expanded.length - 1] ?? 0, expanded.length);
    return table;
  });
}

/** Header of an element: tag, then (explicit VR) VR and reserved bytes, then a 32-bit length. */
function elementBytes(tag: string, values: Uint16Array, explicit: boolean, littleEndian: boolean): Uint8Array {
  const group = Number.parseInt(tag.slice(1, 5), 16);
  const element = Number.parseInt(tag.slice(5, 9), 16);
  const header = new DataView(new ArrayBuffer(explicit ? 12 : 8));
  header.setUint16(0, group, littleEndian);
  header.setUint16(2, element, littleEndian);
  if (explicit) {
    header.setUint8(4, 0x4f); // 'O'
    header.setUint8(5, 0x57); // 'W'
    header.setUint32(8, values.length * 2, littleEndian);
  } else {
    header.setUint32(4, values.length * 2, littleEndian);
  }
  const body = new DataView(new ArrayBuffer(values.length * 2));
  values.forEach((v, i) => body.setUint16(i * 2, v, littleEndian));
  return concatBytes([new Uint8Array(header.buffer), new Uint8Array(body.buffer)]);
}

/**
 * The file with plain palette tables (0028,1201-1203) inserted where they belong (in tag order,
 * at the top level of an uncompressed or compressed data set alike; pixel data is untouched).
 */
export function withExpandedPalette(bytes: Uint8Array, ds: DataSet, explicit: boolean, littleEndian: boolean): Uint8Array {
  const tables = expandSegmentedPalette(ds);
  // The first top-level data set element after (0028,1203): its header is where the tables go.
  const next = Object.values(ds.elements)
    .filter((e) => !e.tag.startsWith('x0002') && e.tag > PLAIN[2])
    .sort((a, b) => a.dataOffset - b.dataOffset)[0];
  if (!next) throw new Error('no element after the palette');
  const headerLength = !explicit ? 8 : ['OB', 'OW', 'OF', 'SQ', 'UT', 'UN', 'OD', 'OL', 'OV', 'UC', 'UR', 'SV', 'UV'].includes(next.vr ?? '') ? 12 : 8;
  const at = next.dataOffset - headerLength;
  const inserted = PLAIN.map((tag, i) => elementBytes(tag, tables[i]!, explicit, littleEndian));
  return concatBytes([bytes.subarray(0, at), ...inserted, bytes.subarray(at)]);
}
