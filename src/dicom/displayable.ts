/**
 * Whether the viewer's decoder can draw a file, and the bytes it must be given. One check for the
 * viewer (which refuses the file with this sentence) and `inspect` (which reports
 * `displayable: false` with the same sentence), so the two front ends never disagree.
 */
import type { DataSet } from 'dicom-parser';
import { formatTag } from './errors.ts';
import { hasOnlySegmentedPalette, withExpandedPalette } from './segmentedPalette.ts';
import { isNativeYbrFull422, withRgbFromYbrFull422 } from './ybrFull422.ts';
import { EXPLICIT_VR_BIG_ENDIAN, IMPLICIT_VR_LITTLE_ENDIAN } from './transferSyntaxes.ts';
import { str, u16 } from './values.ts';

/** Photometric interpretations the decoder converts to RGB or greyscale (PS3.3 C.7.6.3.1.2). */
const PHOTOMETRIC_SAMPLES: Readonly<Record<string, number>> = {
  MONOCHROME1: 1,
  MONOCHROME2: 1,
  'PALETTE COLOR': 1,
  RGB: 3,
  YBR_FULL: 3,
  YBR_FULL_422: 3,
  YBR_PARTIAL_420: 3,
  YBR_ICT: 3,
  YBR_RCT: 3,
};

const PALETTE_DESCRIPTORS = ['x00281101', 'x00281102', 'x00281103'];
const PALETTE_TABLES = ['x00281201', 'x00281202', 'x00281203'];
const SEGMENTED_TABLES = ['x00281221', 'x00281222', 'x00281223'];

/** Image geometry elements the decoder reads as 2-byte US values (PS3.3 C.7.6.3). */
const US_GEOMETRY: Readonly<Record<string, string>> = {
  x00280002: 'Samples per Pixel',
  x00280010: 'Rows',
  x00280011: 'Columns',
  x00280100: 'Bits Allocated',
  x00280101: 'Bits Stored',
};

/** The one sentence saying why the decoder cannot draw this image, or null when it can. */
export function displayProblem(ds: DataSet, transferSyntaxUid: string): string | null {
  for (const [tag, name] of Object.entries(US_GEOMETRY)) {
    const el = ds.elements[tag];
    // A wrong VR holding a 2-byte value is read the same by every reader; any other length is not.
    if (el && el.length !== 2) {
      const written = el.vr && el.vr !== 'US' ? ` as ${el.vr}` : '';
      return `The image cannot be drawn: ${name} ${formatTag(tag)} is written${written} with ${el.length} bytes instead of a 2-byte US value.`;
    }
  }
  const photometric = str(ds, 'x00280004');
  if (photometric === null) return 'The image cannot be drawn: it has no Photometric Interpretation (0028,0004).';
  const samples = PHOTOMETRIC_SAMPLES[photometric];
  if (samples === undefined) return `The image cannot be drawn: the photometric interpretation "${photometric}" is not supported.`;
  const samplesPerPixel = u16(ds, 'x00280002') ?? 1;
  if (samplesPerPixel !== samples) {
    return `The image cannot be drawn: ${photometric} needs ${samples} sample${samples > 1 ? 's' : ''} per pixel but the file says ${samplesPerPixel}.`;
  }
  const bitsAllocated = u16(ds, 'x00280100') ?? 0;
  const bitsStored = u16(ds, 'x00280101') ?? bitsAllocated;
  if (![1, 8, 16, 32].includes(bitsAllocated)) return `The image cannot be drawn: ${bitsAllocated} bits allocated per sample is not supported.`;
  if (bitsStored === 0 || bitsStored > bitsAllocated) {
    return `The image cannot be drawn: Bits Stored (${bitsStored}) does not fit in Bits Allocated (${bitsAllocated}).`;
  }
  if (photometric === 'PALETTE COLOR') {
    if (!PALETTE_DESCRIPTORS.every((t) => ds.elements[t]?.length === 6)) {
      return 'The palette colour image cannot be drawn: its palette descriptors (0028,1101-1103) are missing or malformed.';
    }
    const plain = PALETTE_TABLES.every((t) => ds.elements[t]);
    const segmented = SEGMENTED_TABLES.every((t) => ds.elements[t]);
    if (!plain && !segmented) {
      return 'The palette colour image cannot be drawn: its red, green and blue palette tables (0028,1201-1203) are not all present.';
    }
  }
  return null;
}

/**
 * The bytes the viewer's decoder needs when they differ from the file's: the segmented palette
 * expanded into plain tables, uncompressed YBR_FULL_422 converted to RGB. Null when the file can
 * be decoded as it is.
 */
export function bytesForDecoder(bytes: Uint8Array, ds: DataSet, transferSyntaxUid: string): Uint8Array | null {
  const explicit = transferSyntaxUid !== IMPLICIT_VR_LITTLE_ENDIAN;
  const littleEndian = transferSyntaxUid !== EXPLICIT_VR_BIG_ENDIAN;
  if (str(ds, 'x00280004') === 'PALETTE COLOR' && hasOnlySegmentedPalette(ds)) return withExpandedPalette(bytes, ds, explicit, littleEndian);
  if (isNativeYbrFull422(ds)) return withRgbFromYbrFull422(bytes, ds, explicit, littleEndian);
  return null;
}

/**
 * What the viewer hands its decoder: the sentence refusing the file, or the bytes to decode
 * (null: the file's own bytes). `bytes` is the file as it should be read (meta header repaired).
 */
export function prepareForDecoder(
  bytes: Uint8Array,
  ds: DataSet,
  transferSyntaxUid: string,
): { readonly problem: string | null; readonly decoderBytes: Uint8Array | null } {
  const problem = displayProblem(ds, transferSyntaxUid);
  if (problem) return { problem, decoderBytes: null };
  try {
    return { problem: null, decoderBytes: bytesForDecoder(bytes, ds, transferSyntaxUid) };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { problem: `The image cannot be drawn: its colour data could not be converted for display (${why}).`, decoderBytes: null };
  }
}
