/**
 * Specific Character Set (0008,0005) for the texts the app shows and stores: person names, IDs and
 * descriptions (PS3.3 C.12.1.1.2, PS3.5 6.1). dicom-parser reads every byte as one character
 * (Latin-1), which turns a UTF-8 "Müller" into "MÃ¼ller"; these helpers decode the bytes instead.
 *
 * - no value or ISO_IR 6: ASCII; bytes above 0x7F (undeclared, common in the wild) are read as Latin-1;
 * - ISO_IR 192 (UTF-8), GB18030, GBK and the single-byte sets ISO_IR 100, 101, 109, 110, 144, 127,
 *   126, 138, 148, 203, 166, 13: decoded with the browser's TextDecoder;
 * - ISO 2022 (one or several values "ISO 2022 IR nnn"): the text starts in the first value's set and
 *   each escape sequence switches the set for the bytes after it. Decoded: ASCII, JIS X 0201,
 *   the ISO 8859 parts, TIS 620, JIS X 0208 (IR 87), KS X 1001 (IR 149), GB 2312 (IR 58).
 *   Fallback (stated, never guessed): bytes after an escape sequence for a set not listed here
 *   (e.g. JIS X 0212, IR 159) are shown as U+FFFD, and an unknown defined term decodes as Latin-1
 *   with a note in the file's warnings.
 */
import type { DataSet as PartTenDataSet } from 'dicom-parser';
import { str, type DataSet as AnyDataSet } from './values';

/**
 * Part 10 bytes carry the raw value bytes to decode; the DICOM JSON model (WADO-RS) carries text
 * the server already decoded (JSON is UTF-8), which is read as it is.
 */
type DataSet = AnyDataSet | PartTenDataSet;
const hasBytes = (ds: DataSet): ds is PartTenDataSet => 'byteArray' in ds && ds.byteArray instanceof Uint8Array;

/** How to decode the text of one file. */
export interface CharacterSet {
  /** The defined terms, as the file states them ('' for the default repertoire). */
  readonly terms: readonly string[];
  /** TextDecoder label for text without escape sequences. */
  readonly initial: string;
  readonly iso2022: boolean;
  /** Terms this reader does not know (decoded as Latin-1). */
  readonly unknown: readonly string[];
}

/** Defined term (without the "ISO 2022 " prefix form) → TextDecoder label. */
const SINGLE: Readonly<Record<string, string>> = {
  '': 'latin1',
  ISO_IR_6: 'latin1',
  ISO_IR_100: 'latin1',
  ISO_IR_101: 'iso-8859-2',
  ISO_IR_109: 'iso-8859-3',
  ISO_IR_110: 'iso-8859-4',
  ISO_IR_144: 'iso-8859-5',
  ISO_IR_127: 'iso-8859-6',
  ISO_IR_126: 'iso-8859-7',
  ISO_IR_138: 'iso-8859-8',
  ISO_IR_148: 'iso-8859-9',
  ISO_IR_203: 'iso-8859-15',
  ISO_IR_166: 'windows-874',
  ISO_IR_13: 'shift_jis',
  ISO_IR_192: 'utf-8',
  GB18030: 'gb18030',
  GBK: 'gbk',
  // Multi-byte ISO 2022 sets as a first value (their code extension is handled per escape).
  ISO_IR_87: 'latin1',
  ISO_IR_159: 'latin1',
  ISO_IR_149: 'latin1',
  ISO_IR_58: 'latin1',
};

function normaliseTerm(term: string): { key: string; iso2022: boolean } {
  const t = term.trim().toUpperCase();
  if (t.startsWith('ISO 2022 IR ')) return { key: `ISO_IR_${t.slice('ISO 2022 IR '.length).trim()}`, iso2022: true };
  return { key: t.replace(/\s+/g, '_'), iso2022: false };
}

/** The Specific Character Set of a data set (the default repertoire when absent). */
export function characterSetOf(ds: DataSet): CharacterSet {
  const terms = rawText(ds, 'x00080005').split('\\').map((t) => t.trim());
  const parsed = terms.map(normaliseTerm);
  const unknown = terms.filter((_, i) => !(parsed[i]!.key in SINGLE));
  const first = parsed[0]!;
  return {
    terms,
    initial: SINGLE[first.key] ?? 'latin1',
    iso2022: parsed.some((p) => p.iso2022) || terms.length > 1,
    unknown,
  };
}

/** Every byte as one character (what dicom-parser does), for the character set's own value. */
function rawText(ds: DataSet, tag: string): string {
  const bytes = elementBytes(ds, tag);
  let out = '';
  for (const b of bytes ?? []) out += String.fromCharCode(b);
  return out.replace(/[\0 ]+$/, '');
}

function elementBytes(ds: DataSet, tag: string): Uint8Array | null {
  if (!hasBytes(ds)) {
    const text = str(ds, tag) ?? '';
    return Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);
  }
  const el = ds.elements[tag];
  if (!el || el.length <= 0 || el.dataOffset === undefined) return null;
  const end = Math.min(ds.byteArray.length, el.dataOffset + el.length);
  return ds.byteArray.subarray(el.dataOffset, end);
}

const decoders = new Map<string, TextDecoder>();
function decoder(label: string): TextDecoder {
  let d = decoders.get(label);
  if (!d) {
    try {
      d = new TextDecoder(label);
    } catch {
      d = new TextDecoder('latin1');
    }
    decoders.set(label, d);
  }
  return d;
}

const ESC = 0x1b;

/** Escape sequence (bytes after ESC) → how the following bytes are decoded. */
const ESCAPES: ReadonlyArray<{ seq: readonly number[]; label: string; prefix?: readonly number[] }> = [
  { seq: [0x28, 0x42], label: 'latin1' }, // ESC ( B  ASCII
  { seq: [0x28, 0x4a], label: 'latin1' }, // ESC ( J  JIS X 0201 Romaji
  { seq: [0x29, 0x49], label: 'jisx0201-kana' }, // ESC ) I  JIS X 0201 Katakana
  { seq: [0x2d, 0x41], label: 'latin1' }, // ESC - A  ISO-IR 100
  { seq: [0x2d, 0x42], label: 'iso-8859-2' },
  { seq: [0x2d, 0x43], label: 'iso-8859-3' },
  { seq: [0x2d, 0x44], label: 'iso-8859-4' },
  { seq: [0x2d, 0x4c], label: 'iso-8859-5' },
  { seq: [0x2d, 0x47], label: 'iso-8859-6' },
  { seq: [0x2d, 0x46], label: 'iso-8859-7' },
  { seq: [0x2d, 0x48], label: 'iso-8859-8' },
  { seq: [0x2d, 0x4d], label: 'iso-8859-9' },
  { seq: [0x2d, 0x62], label: 'iso-8859-15' },
  { seq: [0x2d, 0x54], label: 'windows-874' },
  // JIS X 0208 (ISO-IR 87): handed to the ISO-2022-JP decoder with its escape sequence.
  { seq: [0x24, 0x42], label: 'iso-2022-jp', prefix: [ESC, 0x24, 0x42] },
  { seq: [0x24, 0x29, 0x43], label: 'euc-kr' }, // ESC $ ) C  KS X 1001 in G1 (GR bytes)
  { seq: [0x24, 0x29, 0x41], label: 'gbk' }, // ESC $ ) A  GB 2312 in G1 (GR bytes)
  { seq: [0x24, 0x28, 0x44], label: 'unsupported' }, // ESC $ ( D  JIS X 0212: not decoded (U+FFFD)
];

function decodeSegment(bytes: Uint8Array, label: string): string {
  if (bytes.length === 0) return '';
  if (label === 'unsupported') return '\uFFFD'.repeat(Math.ceil(bytes.length / 2));
  if (label === 'jisx0201-kana') {
    let out = '';
    for (const b of bytes) out += b >= 0xa1 && b <= 0xdf ? String.fromCharCode(0xff61 + b - 0xa1) : String.fromCharCode(b);
    return out;
  }
  return decoder(label).decode(bytes);
}

function matchEscape(bytes: Uint8Array, at: number): (typeof ESCAPES)[number] | null {
  for (const e of ESCAPES) {
    if (e.seq.every((b, i) => bytes[at + 1 + i] === b)) return e;
  }
  return null;
}

/** Bytes of a text value → text, in the file's character set. */
export function decodeText(bytes: Uint8Array, charset: CharacterSet): string {
  if (!charset.iso2022 || !bytes.includes(ESC)) return decodeSegment(bytes, charset.initial);
  let out = '';
  let label = charset.initial;
  let start = 0;
  let i = 0;
  while (i < bytes.length) {
    if (bytes[i] !== ESC) {
      i++;
      continue;
    }
    const escape = matchEscape(bytes, i);
    const segment = bytes.subarray(start, i);
    out += decodeSegment(prefixed(segment, label), label);
    if (escape) {
      label = escape.label;
      i += 1 + escape.seq.length;
    } else {
      // An escape sequence this reader does not know: the rest is shown as Latin-1 (stated fallback).
      label = 'latin1';
      i += 1;
    }
    start = i;
  }
  out += decodeSegment(prefixed(bytes.subarray(start), label), label);
  return out;
}

function prefixed(segment: Uint8Array, label: string): Uint8Array {
  const escape = ESCAPES.find((e) => e.label === label && e.prefix);
  if (!escape?.prefix || segment.length === 0) return segment;
  const out = new Uint8Array(escape.prefix.length + segment.length);
  out.set(escape.prefix, 0);
  out.set(segment, escape.prefix.length);
  return out;
}

/**
 * A text value (PN, LO, SH, LT, ST, UT) decoded in the file's character set, padding removed; the
 * value at `index` of a multi-valued element; null when absent or empty.
 */
export function decodedStr(ds: DataSet, tag: string, charset: CharacterSet, index = 0): string | null {
  if (!hasBytes(ds)) return str(ds, tag, index);
  const bytes = elementBytes(ds, tag);
  if (!bytes) return null;
  const text = decodeText(bytes, charset);
  const value = text.split('\\')[index];
  if (value === undefined) return null;
  const trimmed = value.replace(/\0+$/, '').trim();
  return trimmed === '' ? null : trimmed;
}

/** A note for the file's warnings when its character set is not one this reader decodes. */
export function characterSetWarning(charset: CharacterSet): string | null {
  if (charset.unknown.length === 0) return null;
  return `Specific Character Set ${charset.unknown.map((t) => `"${t}"`).join(', ')} is not supported here; names and descriptions are shown as Latin-1 and may be wrong.`;
}
