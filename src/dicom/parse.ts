/**
 * Bytes → dicom-parser DataSet, with every failure turned into one sentence.
 * Handles Part 10 files (preamble + "DICM" + meta header) and raw data sets without them.
 */
import dicomParser from 'dicom-parser';
import type { DataSet } from 'dicom-parser';
import { fail, ok, type Result } from '../domain/types.ts';
import {
  IMPOSSIBLE_LENGTH,
  describeDataSetException,
  describeMetaHeaderException,
  displayValue,
  findOverrunningElement,
  formatTag,
  truncationFromWarnings,
} from './errors.ts';
import { InflateError, inflateDataSet } from './inflate.ts';
import { concatBytes } from './bytes.ts';
import { VALID_VRS, structureProblem } from './structure.ts';
import {
  EXPLICIT_VR_LITTLE_ENDIAN,
  IMPLICIT_VR_LITTLE_ENDIAN,
  isSupportedTransferSyntax,
  transferSyntaxName,
} from './transferSyntaxes.ts';
import { str } from './values.ts';

export interface ParsedDicom {
  readonly dataSet: DataSet;
  readonly transferSyntaxUid: string;
  readonly hasFileMetaHeader: boolean;
  /** A meta header read past with a warning (see metaHeaderQuirk), or null. */
  readonly metaQuirk: MetaHeaderQuirk | null;
}

const PREAMBLE_LENGTH = 128;
const MAGIC = [0x44, 0x49, 0x43, 0x4d]; // "DICM"

function hasDicmMarker(bytes: Uint8Array): boolean {
  if (bytes.length < PREAMBLE_LENGTH + 4) return false;
  return MAGIC.every((b, i) => bytes[PREAMBLE_LENGTH + i] === b);
}

/** Shorter than preamble + "DICM", and what is there looks like the start of a Part 10 file. */
function endsBeforeMarker(bytes: Uint8Array): boolean {
  if (bytes.length >= PREAMBLE_LENGTH + 4) return false;
  if (bytes.length <= PREAMBLE_LENGTH) return bytes.every((b) => b === 0);
  return MAGIC.slice(0, bytes.length - PREAMBLE_LENGTH).every((b, i) => bytes[PREAMBLE_LENGTH + i] === b);
}

function u16le(bytes: Uint8Array, at: number): number {
  return (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
}

function u32le(bytes: Uint8Array, at: number): number {
  return (u16le(bytes, at) + u16le(bytes, at + 2) * 0x10000) >>> 0;
}

/**
 * A data set written without preamble and meta header (as some old modalities and PACS exports do)
 * starts with a group 0x0002 or 0x0008 element. Returns the little-endian syntax it appears to use,
 * or null when the bytes do not look like DICOM at all.
 */
function rawDataSetSyntax(bytes: Uint8Array): string | null {
  if (bytes.length < 8) return null;
  const group = u16le(bytes, 0);
  if (group !== 0x0002 && group !== 0x0008) return null;
  const vr = String.fromCharCode(bytes[4] ?? 0, bytes[5] ?? 0);
  if (VALID_VRS.has(vr)) return EXPLICIT_VR_LITTLE_ENDIAN;
  const length = u32le(bytes, 4);
  if (length === 0xffffffff || length <= bytes.length - 8) return IMPLICIT_VR_LITTLE_ENDIAN;
  return null;
}

/**
 * The file starts with "DICM" or with an explicit-VR group 0x0002 element that names a transfer
 * syntax later on: a Part 10 file whose 128-byte preamble was left out.
 */
function startsWithMetaHeader(bytes: Uint8Array): boolean {
  if (MAGIC.every((b, i) => bytes[i] === b)) return bytes.length > 4;
  if (bytes.length < 12 || u16le(bytes, 0) !== 0x0002) return false;
  if (!VALID_VRS.has(String.fromCharCode(bytes[4] ?? 0, bytes[5] ?? 0))) return false;
  // (0002,0010) Transfer Syntax UID somewhere in the first kilobytes.
  const head = bytes.subarray(0, Math.min(bytes.length, 4096));
  for (let i = 0; i + 4 <= head.length; i += 2) {
    if (u16le(head, i) === 0x0002 && u16le(head, i + 2) === 0x0010 && head[i + 4] === 0x55 && head[i + 5] === 0x49) return true;
  }
  return false;
}

/** The bytes with a zero preamble and "DICM" in front (what a Part 10 reader expects). */
function withPreamble(bytes: Uint8Array): Uint8Array {
  const body = MAGIC.every((b, i) => bytes[i] === b) ? bytes.subarray(4) : bytes;
  const out = new Uint8Array(PREAMBLE_LENGTH + 4 + body.length);
  out.set(MAGIC, PREAMBLE_LENGTH);
  out.set(body, PREAMBLE_LENGTH + 4);
  return out;
}

/** Meta headers are a few hundred bytes; a group length beyond this is a corrupt field, not a hint of truncation. */
const MAX_PLAUSIBLE_META_LENGTH = 0x10000;

/** The meta group length (0002,0000) as written right after "DICM", or null when it is not there. */
function declaredMetaLength(bytes: Uint8Array): number | null {
  // (0002,0000) UL 4: tag at 132, VR at 136, value at 140.
  if (bytes.length < 144 || u16le(bytes, 132) !== 0x0002 || u16le(bytes, 134) !== 0x0000) return null;
  return u32le(bytes, 140);
}

/** preamble (128) + "DICM" (4) + the group length element itself (12) */
const META_ELEMENTS_START = PREAMBLE_LENGTH + 4 + 12;

/**
 * Why the meta header cannot be used at all, or null: an element or the group length reaches
 * past the end (truncated), or a length is impossible. A group length that merely disagrees
 * with the elements is not a reason to refuse (metaHeaderQuirk).
 */
function metaHeaderProblem(meta: DataSet, bytes: Uint8Array): string | null {
  const culprit = findOverrunningElement(meta);
  if (culprit && culprit.declared >= IMPOSSIBLE_LENGTH) {
    return `The file meta information header is damaged: element ${formatTag(culprit.tag)} declares ${culprit.declared} bytes, an impossible length.`;
  }
  if (culprit) return 'The file is truncated: it ends inside the file meta information header.';
  const groupLength = declaredMetaLength(bytes);
  if (groupLength === null) return null;
  if (groupLength >= MAX_PLAUSIBLE_META_LENGTH) {
    return `The file meta information header is damaged: its group length (0002,0000) says ${groupLength} bytes, an impossible size.`;
  }
  if (META_ELEMENTS_START + groupLength > bytes.length) return 'The file is truncated: it ends inside the file meta information header.';
  return null;
}

/** A meta header that dcmtk reads past with a warning; the data set itself is sound. */
export interface MetaHeaderQuirk {
  readonly warning: string;
  /** The file as it should have been written, for the viewer's image loader. */
  readonly repaired: Uint8Array;
}

/**
 * A group length (0002,0000) that disagrees with the meta elements. Two causes are told apart:
 * - the group length ends exactly where a meta element ends and only group-0002 elements follow:
 *   those are stray elements written into the data set (a GE export); they are ignored;
 * - otherwise the group length itself is wrong (an ATL HDI); it is corrected in memory, as dcmtk does.
 */
export function metaHeaderQuirk(meta: DataSet, bytes: Uint8Array): MetaHeaderQuirk | null {
  const groupLength = declaredMetaLength(bytes);
  if (groupLength === null) return null;
  const position = (meta as DataSet & { position?: number }).position ?? bytes.length;
  const elements = metaElementSpans(bytes, position);
  const end = elements.length ? elements[elements.length - 1]!.end : META_ELEMENTS_START;
  const actual = end - META_ELEMENTS_START;
  if (actual === groupLength) return null;
  const declaredEnd = META_ELEMENTS_START + groupLength;
  if (groupLength < actual && elements.some((e) => e.end === declaredEnd)) {
    const stray = elements.filter((e) => e.start >= declaredEnd).map((e) => formatTag(e.tag));
    const one = stray.length === 1;
    return {
      warning: `The data set contains ${one ? 'a stray file meta element' : 'stray file meta elements'} ${stray.join(', ')}; ${one ? 'it was' : 'they were'} ignored.`,
      repaired: concatBytes([bytes.subarray(0, declaredEnd), bytes.subarray(end)]),
    };
  }
  const repaired = bytes.slice();
  new DataView(repaired.buffer, repaired.byteOffset).setUint32(PREAMBLE_LENGTH + 4 + 8, actual, true);
  return {
    warning: `The file meta header's group length (0002,0000) says ${groupLength} bytes but its elements take ${actual}; it was corrected in memory.`,
    repaired,
  };
}

/** VRs with a 2-byte reserved field and a 32-bit length in explicit VR (PS3.5 7.1.2). */
const LONG_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'UC', 'UN', 'UR', 'UT', 'SV', 'UV']);

/**
 * Every meta element after the group length in file order, from the bytes (not the parser's map,
 * where a repeated tag replaces the first one). `end` is where the meta header reader stopped.
 */
function metaElementSpans(bytes: Uint8Array, end: number): Array<{ tag: string; start: number; end: number }> {
  const spans: Array<{ tag: string; start: number; end: number }> = [];
  let at = META_ELEMENTS_START;
  while (at + 8 <= end) {
    const tag = `x${u16le(bytes, at).toString(16).padStart(4, '0')}${u16le(bytes, at + 2).toString(16).padStart(4, '0')}`;
    const vr = String.fromCharCode(bytes[at + 4] ?? 0, bytes[at + 5] ?? 0);
    const next = LONG_VRS.has(vr) ? at + 12 + u32le(bytes, at + 8) : at + 8 + u16le(bytes, at + 6);
    if (next > end) break;
    spans.push({ tag, start: at, end: next });
    at = next;
  }
  return spans;
}

/** A transfer syntax UID as the standard spells it: digits and dots, at most 64 characters. */
function isUidText(uid: string): boolean {
  return /^[0-9.]{1,64}$/.test(uid);
}

function unsupported(uid: string): string {
  if (!isUidText(uid)) {
    return `The file meta information header has an invalid transfer syntax UID (0002,0010): "${displayValue(uid)}".`;
  }
  const name = transferSyntaxName(uid);
  return `Unsupported transfer syntax ${uid}${name ? ` (${name})` : ''}.`;
}

function hasDataSetElements(ds: DataSet): boolean {
  return Object.keys(ds.elements).some((tag) => !tag.startsWith('x0002'));
}

/** The same data set without its pixel data element. */
function withoutPixelData(ds: DataSet): DataSet {
  const { x7fe00010: _pixels, ...elements } = ds.elements;
  return Object.assign(Object.create(Object.getPrototypeOf(ds) as object) as DataSet, ds, { elements });
}

export interface ParseOptions {
  /**
   * Stop at the pixel data element, reading only its header: for the first bytes of a large file
   * (a preview), whose pixel data lies beyond them. Never for opening a file.
   */
  readonly untilPixelData?: boolean;
}

export function parseDicomBytes(bytes: Uint8Array, options: ParseOptions = {}): Result<ParsedDicom> {
  if (bytes.length === 0) return fail('The file is empty.');

  let transferSyntaxUid: string;
  let hasFileMetaHeader: boolean;
  let dataSetStart = 0;
  let metaQuirk: MetaHeaderQuirk | null = null;

  if (hasDicmMarker(bytes)) {
    hasFileMetaHeader = true;
    if (bytes.length === PREAMBLE_LENGTH + 4) {
      return fail('The file is truncated: it ends right after the DICM marker, before the file meta information header.');
    }
    let meta: DataSet;
    const metaLength = declaredMetaLength(bytes);
    try {
      meta = dicomParser.readPart10Header(bytes);
    } catch (e) {
      const headerComplete =
        metaLength !== null && metaLength < MAX_PLAUSIBLE_META_LENGTH && PREAMBLE_LENGTH + 4 + 12 + metaLength <= bytes.length;
      return fail(describeMetaHeaderException(e, bytes.length, headerComplete));
    }
    const problem = metaHeaderProblem(meta, bytes) ?? structureProblem(meta);
    if (problem) return fail(problem);
    metaQuirk = metaHeaderQuirk(meta, bytes);
    const uid = str(meta, 'x00020010');
    if (uid === null) return fail('The file meta information header has no transfer syntax UID (0002,0010).');
    transferSyntaxUid = uid;
    const position = (meta as DataSet & { position?: number }).position ?? bytes.length;
    if (position >= bytes.length) {
      return fail('The file is truncated: it ends right after the file meta information header.');
    }
    dataSetStart = position;
  } else if (startsWithMetaHeader(bytes)) {
    // A Part 10 file without its 128-byte preamble (and maybe without "DICM"): its meta header says
    // how the data set is encoded (implicit VR included), so it is read as if the preamble were there.
    return parseDicomBytes(withPreamble(bytes), options);
  } else {
    const raw = rawDataSetSyntax(bytes);
    if (raw === null) {
      if (endsBeforeMarker(bytes)) {
        return fail(`The file is truncated: it ends after ${bytes.length} bytes, before the DICM marker at byte 128.`);
      }
      return fail('Not a DICOM file: no DICM marker at byte 128.');
    }
    hasFileMetaHeader = false;
    transferSyntaxUid = raw;
  }

  if (!isSupportedTransferSyntax(transferSyntaxUid)) return fail(unsupported(transferSyntaxUid));

  let dataSet: DataSet;
  try {
    dataSet = dicomParser.parseDicom(bytes, {
      ...(hasFileMetaHeader ? {} : { TransferSyntaxUID: transferSyntaxUid }),
      ...(options.untilPixelData ? { untilTag: 'x7fe00010' } : {}),
      inflater: inflateDataSet,
    });
  } catch (e) {
    const inner = e && typeof e === 'object' && 'exception' in e ? (e as { exception: unknown }).exception : e;
    if (inner instanceof InflateError) return fail(inner.message);
    return fail(describeDataSetException(e, bytes.length));
  }

  if (!hasDataSetElements(dataSet)) {
    return fail('The file is truncated: it ends right after the file meta information header.');
  }
  // Reading only up to the pixel data, its value lies beyond the bytes on purpose.
  const truncated = truncationFromWarnings(options.untilPixelData ? withoutPixelData(dataSet) : dataSet, dataSet.byteArray.length);
  if (truncated) return fail(truncated);

  const structural = structureProblem(dataSet, dataSetStart);
  if (structural) return fail(structural);

  return ok({ dataSet, transferSyntaxUid, hasFileMetaHeader, metaQuirk });
}
