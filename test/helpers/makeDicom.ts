/**
 * Builds small DICOM files in memory for tests, with dcmjs doing the encoding.
 * Node-only (tests): uses node:zlib for the deflated transfer syntax.
 */
import { createRequire } from 'node:module';
import { deflateRawSync } from 'node:zlib';
import { concatBytes } from '../../src/dicom/bytes';

// dcmjs ships no type declarations; load it untyped through require so tests do not depend on ambient typings.
const require = createRequire(import.meta.url);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const dcmjs: any = require('dcmjs');

export const TS = {
  implicitLE: '1.2.840.10008.1.2',
  explicitLE: '1.2.840.10008.1.2.1',
  deflate: '1.2.840.10008.1.2.1.99',
  explicitBE: '1.2.840.10008.1.2.2',
  jpegBaseline: '1.2.840.10008.1.2.4.50',
  jpegXl: '1.2.840.10008.1.2.4.112',
  mpeg2: '1.2.840.10008.1.2.4.100',
} as const;

export const US_SOP_CLASS = '1.2.840.10008.5.1.4.1.1.6.1';
export const MR_SOP_CLASS = '1.2.840.10008.5.1.4.1.1.4';

/** Naturalized dcmjs attributes (keyword → value); `undefined` removes a default. */
export type Attributes = Record<string, unknown>;

export interface MakeDicomOptions {
  /** Transfer syntax in the meta header (default Explicit VR Little Endian). */
  readonly transferSyntaxUid?: string;
  /** Attributes merged over a minimal 8-bit monochrome 4×4 image. */
  readonly attributes?: Attributes;
  /**
   * Pixel data bytes. Default: exactly rows×columns×frames×samples×bitsAllocated/8 bytes.
   * `null` writes no (7FE0,0010) at all. For compressed syntaxes: written as one encapsulated fragment per frame.
   */
  readonly pixelData?: Uint8Array | null;
  /** Number of encapsulated fragments for compressed syntaxes (default: one per frame). */
  readonly fragments?: number;
}

const BASE: Attributes = {
  SOPClassUID: US_SOP_CLASS,
  SOPInstanceUID: '1.2.826.0.1.3680043.2.1125.1.1',
  StudyInstanceUID: '1.2.826.0.1.3680043.2.1125.1.2',
  SeriesInstanceUID: '1.2.826.0.1.3680043.2.1125.1.3',
  Modality: 'US',
  PatientName: 'Test^Patient',
  PatientID: 'NT-0001',
  Rows: 4,
  Columns: 4,
  SamplesPerPixel: 1,
  PhotometricInterpretation: 'MONOCHROME2',
  BitsAllocated: 8,
  BitsStored: 8,
  HighBit: 7,
  PixelRepresentation: 0,
};

function num(v: unknown, fallback: number): number {
  return typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : fallback;
}

export function expectedLength(attrs: Attributes): number {
  const rows = num(attrs.Rows, 0);
  const cols = num(attrs.Columns, 0);
  const frames = num(attrs.NumberOfFrames, 1);
  const spp = num(attrs.SamplesPerPixel, 1);
  const bits = num(attrs.BitsAllocated, 8);
  return Math.ceil((rows * cols * frames * spp * bits) / 8);
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

function writePart10(attrs: Attributes, transferSyntaxUid: string, pixelData: Uint8Array | null): Uint8Array {
  const { DicomMetaDictionary, DicomDict } = dcmjs.data;
  const meta = {
    FileMetaInformationVersion: new Uint8Array([0, 1]).buffer,
    MediaStorageSOPClassUID: attrs.SOPClassUID ?? US_SOP_CLASS,
    MediaStorageSOPInstanceUID: attrs.SOPInstanceUID ?? '1.2.3',
    TransferSyntaxUID: transferSyntaxUid,
    ImplementationClassUID: '1.2.826.0.1.3680043.2.1125.99',
  };
  const dataset: Attributes = {};
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) dataset[k] = v;
  if (pixelData) {
    dataset.PixelData = toArrayBuffer(pixelData);
    dataset._vrMap = { PixelData: num(attrs.BitsAllocated, 8) > 8 ? 'OW' : 'OB' };
  }
  const dict = new DicomDict(DicomMetaDictionary.denaturalizeDataset(meta));
  dict.dict = DicomMetaDictionary.denaturalizeDataset(dataset);
  return new Uint8Array(dict.write());
}

/** Offset of the first data set byte after preamble, "DICM" and the meta header. */
export function metaHeaderEnd(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // (0002,0000) UL at 132: tag(4) VR(2) len(2) value(4)
  return 132 + 12 + view.getUint32(140, true);
}

const concat = (...parts: Uint8Array[]): Uint8Array => concatBytes(parts);

function u16(v: number): number[] {
  return [v & 0xff, (v >> 8) & 0xff];
}
function u32(v: number): number[] {
  return [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff];
}

/** Explicit VR LE encapsulated (7FE0,0010): empty basic offset table, `count` fragments, sequence delimiter. */
function encapsulatedPixelData(data: Uint8Array, count: number): Uint8Array {
  const bytes: number[] = [...u16(0x7fe0), ...u16(0x0010), 0x4f, 0x42, 0, 0, ...u32(0xffffffff)];
  bytes.push(...u16(0xfffe), ...u16(0xe000), ...u32(0)); // basic offset table
  const size = Math.max(2, Math.ceil(data.length / Math.max(1, count) / 2) * 2);
  for (let i = 0; i < count; i++) {
    const chunk = new Uint8Array(size);
    chunk.set(data.subarray(i * size, (i + 1) * size));
    bytes.push(...u16(0xfffe), ...u16(0xe000), ...u32(size), ...chunk);
  }
  bytes.push(...u16(0xfffe), ...u16(0xe0dd), ...u32(0));
  return new Uint8Array(bytes);
}

/** A complete Part 10 file. */
export function makeDicom(options: MakeDicomOptions = {}): Uint8Array {
  const ts = options.transferSyntaxUid ?? TS.explicitLE;
  const attrs: Attributes = { ...BASE, ...(options.attributes ?? {}) };
  const pixels = options.pixelData === undefined ? new Uint8Array(expectedLength(attrs)).fill(7) : options.pixelData;

  if (ts === TS.explicitLE || ts === TS.implicitLE || ts === TS.explicitBE) {
    return writePart10(attrs, ts, pixels);
  }
  // Other syntaxes: header with the requested UID, data set encoded as explicit VR LE
  // (deflated for 1.2.840.10008.1.2.1.99; pixel data encapsulated for compressed syntaxes).
  const header = writePart10(attrs, ts, null);
  const headerEnd = metaHeaderEnd(header);
  if (ts === TS.deflate) {
    const plain = writePart10(attrs, TS.explicitLE, pixels);
    const body = plain.subarray(metaHeaderEnd(plain));
    return concat(header.subarray(0, headerEnd), new Uint8Array(deflateRawSync(body)));
  }
  const encapsulated = pixels ? encapsulatedPixelData(pixels, options.fragments ?? num(attrs.NumberOfFrames, 1)) : new Uint8Array(0);
  const body = writePart10(attrs, TS.explicitLE, null);
  return concat(header.subarray(0, headerEnd), body.subarray(metaHeaderEnd(body)), encapsulated);
}

/** The same data set without preamble, "DICM" and meta header (a "raw" DICOM stream). */
export function withoutMetaHeader(bytes: Uint8Array): Uint8Array {
  return bytes.slice(metaHeaderEnd(bytes));
}

/** Byte offset of the first occurrence of a tag (little endian group, element) at or after `from`. */
export function findTag(bytes: Uint8Array, group: number, element: number, from = 0): number {
  const needle = [...u16(group), ...u16(element)];
  for (let i = from; i <= bytes.length - 4; i++) {
    if (needle.every((b, j) => bytes[i + j] === b)) return i;
  }
  return -1;
}
