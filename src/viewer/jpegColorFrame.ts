/**
 * JPEG baseline colour frames (ultrasound, most cines) from files, decoded with one shared canvas.
 * Cornerstone's loader decodes each such frame through an <img> and a canvas of its own that the
 * image keeps: per 800 × 600 frame a 1.9 MB canvas, the 1.9 MB decoded picture in the browser's
 * image cache, and a 1.9 MB RGBA copy besides the RGB pixels it keeps — for a 100-frame cine about
 * 560 MB more than the pixels (measured, bench/changes.md "Issue 18, memory"). Here the browser
 * decodes the same JPEG bytes (createImageBitmap: the same decoder as <img>), the RGBA is read
 * back from one canvas, and the loader's own createImage turns it into the image exactly as for a
 * native RGBA frame (RGB kept, no rescale: as the loader does for colour JPEG), so the decoded
 * values are those of the loader's path (the PACS test compares both, pacs.spec.ts).
 */
import { Enums, metaData, type Types } from '@cornerstonejs/core';
import { createImage } from '@cornerstonejs/dicom-image-loader';
import { decodeWithoutCopy } from './mainThreadDecode';
import { concatBytes } from '../dicom/bytes';

const JPEG_BASELINE = '1.2.840.10008.1.2.4.50';
/** The frame is handed to createImage as native bytes (RGBA, 8 bits): no colour conversion. */
const EXPLICIT_LE = '1.2.840.10008.1.2.1';

interface NaturalPixelModule {
  readonly TransferSyntaxUID?: unknown;
  readonly SamplesPerPixel?: unknown;
  readonly BitsAllocated?: unknown;
}

/** The frames the loader would decode through an <img>: JPEG baseline, 8 bits, 3 or 4 samples. */
export function isJpegColorFrame(natural: NaturalPixelModule | undefined): boolean {
  if (!natural) return false;
  const samples = Number(natural.SamplesPerPixel);
  return natural.TransferSyntaxUID === JPEG_BASELINE && Number(natural.BitsAllocated) === 8 && (samples === 3 || samples === 4);
}

/** 'dicomfile:3?frame=7' → 6 (0-based); no frame → 0. */
export function frameIndexOf(imageId: string): number {
  const m = /[?&]frame=(\d+)/.exec(imageId);
  return m ? Math.max(0, Number(m[1]) - 1) : 0;
}

/** One buffer from a frame given as one buffer or as fragments. */
export function joinFragments(data: ArrayBufferLike | ArrayBufferView | ReadonlyArray<ArrayBufferLike | ArrayBufferView>): Uint8Array {
  const view = (d: ArrayBufferLike | ArrayBufferView) => (ArrayBuffer.isView(d) ? new Uint8Array(d.buffer, d.byteOffset, d.byteLength) : new Uint8Array(d));
  if (!Array.isArray(data)) return view(data as ArrayBufferLike | ArrayBufferView);
  const parts = (data as ReadonlyArray<ArrayBufferLike | ArrayBufferView>).map(view);
  return parts.length === 1 ? parts[0]! : concatBytes(parts);
}

let scratch: { canvas: HTMLCanvasElement; context: CanvasRenderingContext2D } | null = null;

async function decodeToRgba(jpeg: Uint8Array): Promise<{ rgba: Uint8Array; width: number; height: number }> {
  const bitmap = await createImageBitmap(new Blob([jpeg as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' }));
  try {
    if (!scratch) {
      const canvas = document.createElement('canvas');
      scratch = { canvas, context: canvas.getContext('2d', { willReadFrequently: true })! };
    }
    const { canvas, context } = scratch;
    const { width, height } = bitmap;
    if (canvas.width !== width) canvas.width = width;
    if (canvas.height !== height) canvas.height = height;
    context.drawImage(bitmap, 0, 0);
    const imageData = context.getImageData(0, 0, width, height);
    return { rgba: decodeWithoutCopy(new Uint8Array(imageData.data.buffer)), width, height };
  } finally {
    bitmap.close();
  }
}

/**
 * The image of a JPEG baseline colour frame whose file is already parsed into the loader's
 * metadata, or null when the frame is not one or its file is not parsed yet (the loader's own
 * path then: the first frame of a cine, which parses the file).
 */
export function loadJpegColorFrame(imageId: string, options: Record<string, unknown> | undefined): Promise<Types.IImage> | null {
  const natural = metaData.get('naturalized', imageId) as NaturalPixelModule | undefined;
  if (!isJpegColorFrame(natural)) return null;
  const frame = metaData.getTyped('compressedFrameData', imageId, { frameIndex: frameIndexOf(imageId) }) as
    | { pixelData?: Parameters<typeof joinFragments>[0] }
    | undefined;
  if (!frame?.pixelData) return null;
  const jpeg = joinFragments(frame.pixelData);
  const start = Date.now();
  return decodeToRgba(jpeg).then(async ({ rgba }) => {
    const { loader: _loader, ...rest } = options ?? {};
    const createOptions = { ...rest, preScale: { enabled: false } };
    const image = (await createImage(imageId, rgba, EXPLICIT_LE, createOptions as never)) as unknown as Types.IImage & Record<string, unknown>;
    image.imageQualityStatus = Enums.ImageQualityStatus.FULL_RESOLUTION;
    image.data = natural;
    image.totalTimeInMS = Date.now() - start;
    return image;
  });
}
