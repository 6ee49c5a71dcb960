/**
 * Checks that (7FE0,0010) is present and large enough for the image it describes.
 */
import type { DataSet } from './values.ts';
import { fail, ok, type Result } from '../domain/types.ts';
import { TAG_PIXEL_DATA } from './errors.ts';
import { isUncompressedTransferSyntax } from './transferSyntaxes.ts';

export interface PixelDataInfo {
  readonly present: boolean;
  readonly length: number;
  readonly encapsulated: boolean;
  readonly fragmentCount: number;
}

export function pixelDataInfo(ds: DataSet): PixelDataInfo {
  const el = ds.elements[TAG_PIXEL_DATA];
  if (!el) return { present: false, length: 0, encapsulated: false, fragmentCount: 0 };
  const encapsulated = el.encapsulatedPixelData === true;
  return {
    present: true,
    length: el.length,
    encapsulated,
    fragmentCount: encapsulated ? (el.fragments?.length ?? 0) : 0,
  };
}

export interface ImageGeometry {
  readonly rows: number;
  readonly columns: number;
  readonly numberOfFrames: number;
  readonly samplesPerPixel: number;
  readonly bitsAllocated: number;
  /** Needed for the chroma-subsampled YBR_FULL_422 (PS3.3 C.7.6.3.1.2); absent means full sampling. */
  readonly photometricInterpretation?: string | null;
}

/**
 * Samples stored per pixel. YBR_FULL_422 keeps one Cb and one Cr for every two pixels of a row,
 * so a pixel takes 2 samples, not 3 (an Esaote file of 1332000 "expected" bytes holds 888000).
 */
function storedSamplesPerPixel(g: ImageGeometry): number {
  return g.photometricInterpretation === 'YBR_FULL_422' && g.samplesPerPixel === 3 ? 2 : g.samplesPerPixel;
}

/** Bytes native pixel data must hold: rows × columns × frames × stored samples × bitsAllocated / 8 (rounded up). */
export function expectedPixelDataLength(g: ImageGeometry): number {
  return Math.ceil((g.rows * g.columns * g.numberOfFrames * storedSamplesPerPixel(g) * g.bitsAllocated) / 8);
}

/** Refuses files the viewer cannot display: no pixel data, or less of it than the geometry requires. */
export function checkPixelData(info: PixelDataInfo, geometry: ImageGeometry, transferSyntaxUid: string): Result<void> {
  if (!info.present || info.length === 0) return fail('The file has no pixel data (7FE0,0010).');
  if (info.encapsulated) {
    if (info.fragmentCount === 0) return fail('Pixel data is incomplete: the encapsulated pixel data has no fragments.');
    if (info.fragmentCount < geometry.numberOfFrames) {
      return fail(
        `Pixel data is incomplete: expected at least ${geometry.numberOfFrames} compressed frames, found ${info.fragmentCount} fragments.`,
      );
    }
    return ok(undefined);
  }
  if (!isUncompressedTransferSyntax(transferSyntaxUid)) {
    return fail('The file is damaged: its transfer syntax is compressed but the pixel data (7FE0,0010) is not encapsulated.');
  }
  const expected = expectedPixelDataLength(geometry);
  if (info.length < expected) {
    return fail(`Pixel data is incomplete: expected ${expected} bytes, found ${info.length}.`);
  }
  return ok(undefined);
}
