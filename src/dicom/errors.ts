/**
 * Turns dicom-parser exceptions and damaged-file symptoms into one plain sentence each.
 * Nothing from the parser's internals (function names, stack traces) reaches the user.
 */
import type { DataSet, Element } from 'dicom-parser';

export const TAG_PIXEL_DATA = 'x7fe00010';

const TAG_NAMES: Readonly<Record<string, string>> = {
  x7fe00010: 'pixel data',
  x00186011: 'Sequence of Ultrasound Regions',
  x52009229: 'Shared Functional Groups Sequence',
  x52009230: 'Per-frame Functional Groups Sequence',
};

/** 'x7fe00010' → '(7FE0,0010)'. */
export function formatTag(tag: string): string {
  const hex = tag.replace(/^x/i, '').toUpperCase().padStart(8, '0');
  return `(${hex.slice(0, 4)},${hex.slice(4, 8)})`;
}

function describeTag(tag: string): string {
  const name = Object.prototype.hasOwnProperty.call(TAG_NAMES, tag) ? TAG_NAMES[tag] : undefined;
  return name ? `${name} ${formatTag(tag)}` : `element ${formatTag(tag)}`;
}

/**
 * A declared value length this large cannot be real: no browser can hold a single value of
 * 2 GiB, so it is a corrupt length field, not a file cut short.
 */
export const IMPOSSIBLE_LENGTH = 0x80000000;

/**
 * A value from the file made safe to quote in a message: printable ASCII only (control
 * characters, escape sequences and other bytes become '?'), at most 40 characters.
 */
export function displayValue(text: string): string {
  const printable = text.replace(/[^\x20-\x7e]/g, '?');
  return printable.length > 40 ? `${printable.slice(0, 40)}…` : printable;
}

/** Elements in the order the parser read them stop ascending: it lost step after a wrong length. */
export function readOutOfStep(ds: DataSet): boolean {
  let previous = -1;
  for (const tag of Object.keys(ds.elements)) {
    // The parser merges the meta header (group 0002) into the data set after reading it.
    if (tag.startsWith('x0002')) continue;
    const value = Number.parseInt(tag.slice(1), 16);
    if (value <= previous) return true;
    previous = value;
  }
  return false;
}

export const OUT_OF_STEP_MESSAGE = 'The file is damaged: an element has a wrong length, so the data after it cannot be read.';

function innerException(e: unknown): unknown {
  return e && typeof e === 'object' && 'exception' in e ? innerException((e as { exception: unknown }).exception) : e;
}

function exceptionText(e: unknown): string {
  if (typeof e === 'string') return e;
  if (e instanceof Error) return e.message;
  if (e && typeof e === 'object' && 'exception' in e) return exceptionText((e as { exception: unknown }).exception);
  return String(e);
}

function partialDataSet(e: unknown): DataSet | null {
  if (e && typeof e === 'object' && 'dataSet' in e) {
    const ds = (e as { dataSet: unknown }).dataSet;
    if (ds && typeof ds === 'object' && 'elements' in ds) return ds as DataSet;
  }
  return null;
}

/** True when the parser's message says it ran out of bytes. */
function isEndOfDataMessage(message: string): boolean {
  return /past end of buffer|buffer overrun|buffer overread|eof encountered|cannot be greater than or equal to 'byteArray' length/i.test(
    message,
  );
}

/**
 * The first element (in tag order) whose declared value runs past the end of the bytes,
 * searching sequence items too. Elements of undefined length have already been resolved by the parser.
 */
export function findOverrunningElement(ds: DataSet): { tag: string; declared: number; available: number } | null {
  const size = ds.byteArray.length;
  const tags = Object.keys(ds.elements).sort();
  for (const tag of tags) {
    const el: Element | undefined = ds.elements[tag];
    if (!el || el.length === 0xffffffff) continue;
    if (el.items) {
      for (const item of el.items) {
        if (item.dataSet) {
          const inner = findOverrunningElement(item.dataSet);
          if (inner) return inner;
        }
      }
    }
    if (el.fragments) {
      for (const fragment of el.fragments) {
        if (fragment.position + fragment.length > size) {
          return { tag, declared: el.length, available: Math.max(0, size - el.dataOffset) };
        }
      }
    }
    if (typeof el.dataOffset === 'number' && el.dataOffset + el.length > size) {
      return { tag, declared: el.length, available: Math.max(0, size - el.dataOffset) };
    }
  }
  return null;
}

/** One sentence for a data set that ends too early. */
export function truncationMessage(ds: DataSet | null, byteLength: number): string {
  if (ds && readOutOfStep(ds)) return OUT_OF_STEP_MESSAGE;
  const culprit = ds ? findOverrunningElement(ds) : null;
  if (culprit && culprit.declared >= IMPOSSIBLE_LENGTH) {
    return `The file is damaged: ${describeTag(culprit.tag)} declares ${culprit.declared} bytes, an impossible length.`;
  }
  if (culprit) {
    return `The file is truncated: ${describeTag(culprit.tag)} declares ${culprit.declared} bytes but only ${culprit.available} are present.`;
  }
  return `The file is truncated: the data ends unexpectedly after ${byteLength} bytes.`;
}

/** Truncation symptoms the parser reports as warnings instead of exceptions. */
export function truncationFromWarnings(ds: DataSet, byteLength: number): string | null {
  const culprit = findOverrunningElement(ds);
  if (culprit) return truncationMessage(ds, byteLength);
  const warnings = ds.warnings ?? [];
  // Not 'eof encountered ... in peeking to determine VR': that one is benign (a short last element).
  if (warnings.some((w) => /eof encountered|missing sequence delimiter/i.test(w) && !/peeking/i.test(w))) {
    if (warnings.some((w) => /pixel data element .* missing sequence delimiter/i.test(w))) {
      return 'The file is truncated: the encapsulated pixel data (7FE0,0010) has no end marker.';
    }
    return `The file is truncated: a sequence ends unexpectedly after ${byteLength} bytes.`;
  }
  return null;
}

/** Maps an exception thrown while parsing the data set (after the meta header) to one sentence. */
export function describeDataSetException(e: unknown, byteLength: number): string {
  const message = exceptionText(e);
  const partial = partialDataSet(e);
  // The parser recurses once per sequence level; thousands of levels exhaust the stack.
  if (innerException(e) instanceof RangeError) return 'The file is damaged: its sequences are nested too deeply to be read.';
  if (partial && readOutOfStep(partial)) return OUT_OF_STEP_MESSAGE;
  if (isEndOfDataMessage(message)) return truncationMessage(partial, byteLength);
  if (/maxp\s*osition/i.test(message)) return 'The file is truncated or damaged: a sequence item runs past the end of the file.';
  if (/item tag \(FFFE,E000\) not found/i.test(message)) {
    return 'The file is damaged: a sequence item is malformed.';
  }
  if (/basic offset table not found/i.test(message)) {
    return 'The file is damaged: the encapsulated pixel data (7FE0,0010) does not start with a basic offset table item.';
  }
  return 'The file is damaged: its data set could not be parsed.';
}

/**
 * Maps an exception thrown while reading the file meta header to one sentence.
 * `headerComplete`: the bytes hold the whole header its group length announces, so the file
 * ends in the data set (the parser only notices while peeking at the next element).
 */
export function describeMetaHeaderException(e: unknown, byteLength: number, headerComplete: boolean): string {
  const message = exceptionText(e);
  if (isEndOfDataMessage(message) && headerComplete) {
    return `The file is truncated: the data set ends after ${byteLength} bytes.`;
  }
  if (isEndOfDataMessage(message)) return 'The file is truncated: it ends inside the file meta information header.';
  return 'The file is damaged: its file meta information header could not be parsed.';
}
