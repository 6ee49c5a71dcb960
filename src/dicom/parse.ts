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

/**
 * Why the meta header cannot be used, or null: an element or the group length reaches past the
 * end (truncated), or the group length disagrees with the elements. The viewer's image loader
 * finds the data set through the group length, so a wrong one must be refused here too.
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
  // preamble (128) + "DICM" (4) + the group length element itself (12)
  const start = PREAMBLE_LENGTH + 4 + 12;
  if (start + groupLength > bytes.length) return 'The file is truncated: it ends inside the file meta information header.';
  const end = Math.max(start, ...Object.values(meta.elements).map((e) => e.dataOffset + e.length));
  if (end - start !== groupLength) {
    return `The file meta information header is damaged: its group length (0002,0000) says ${groupLength} bytes but its elements take ${end - start}.`;
  }
  return null;
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

  return ok({ dataSet, transferSyntaxUid, hasFileMetaHeader });
}
