/**
 * The first look: the first frame of the first selected file, decoded without the imaging stack
 * and painted while Cornerstone3D (loaded lazily, hundreds of milliseconds) and the rest of the
 * files are still on their way. It is replaced by the real viewport as soon as that has painted;
 * it has no tools and no overlay, and says it is a preview.
 *
 * Only what can be decoded here faithfully is previewed: native little-endian greyscale (8/16
 * bit) and 8-bit RGB, and JPEG baseline (the browser's own JPEG decoder). Anything else returns
 * null and the viewer simply paints when it is ready. A large file (a cine) is previewed from its
 * first megabyte when that holds the first frame; the file is still checked whole when opened.
 */
import dicomParser from 'dicom-parser';
import { readDicomHeader, readDicomImage, type DicomImageMetadata } from '../../dicom';
import { EXPLICIT_VR_LITTLE_ENDIAN, IMPLICIT_VR_LITTLE_ENDIAN } from '../../dicom/transferSyntaxes';
import { isIgnorableFile, readFileBytes, type PickedFile } from '../fileSource';
import { firstEncapsulatedFrame } from './encapsulatedFrame';
import { greyscaleToRgba, rgbToRgba, type GreyscaleFrame } from './greyscale';
import { saneDisplayValues } from '../../domain/display';
import { isPlausibleSpacingMm } from '../../domain/calibration/plausibility';

const JPEG_BASELINE = '1.2.840.10008.1.2.4.50';
/** Files tried before giving up (the first may be a DICOMDIR, a report or a broken file). */
const MAX_FILES_TRIED = 3;

export interface FirstLook {
  /** Decoded pixels at their stored size. */
  readonly image: ImageBitmap | ImageData;
  /** Display size in mm-proportional units: columns × column spacing, rows × row spacing. */
  readonly displayWidth: number;
  readonly displayHeight: number;
  readonly fileName: string;
}

export async function decodeFirstLook(picked: readonly PickedFile[]): Promise<FirstLook | null> {
  let tried = 0;
  for (const { name, file } of picked) {
    if (isIgnorableFile(name)) continue;
    if (tried++ >= MAX_FILES_TRIED) return null;
    try {
      const look = (file.size > 2 * HEAD_BYTES ? await lookAtHead(name, file) : null) ?? (await lookAtWholeFile(name, file));
      if (look) return look;
    } catch {
      // A preview is optional: the viewer names whatever is wrong with the file.
    }
  }
  return null;
}

/** A large file (a cine): its first megabyte usually holds the header and the first frame. */
const HEAD_BYTES = 1 << 20;

async function lookAtHead(name: string, file: File): Promise<FirstLook | null> {
  const head = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
  const read = readDicomHeader(head, name);
  if (!read.ok) return null;
  const { meta, dataSet } = read.value;
  const element = dataSet.elements.x7fe00010;
  if (!element) return null;
  if (meta.transferSyntaxUid === JPEG_BASELINE) {
    const frame = firstEncapsulatedFrame(head, element.dataOffset, meta.numberOfFrames);
    return frame ? withDisplaySize(name, meta, await decodeJpegFrame(meta, frame)) : null;
  }
  const frameBytes = Math.ceil((meta.rows * meta.columns * meta.samplesPerPixel * meta.bitsAllocated) / 8);
  if (!isNativeLittleEndian(meta) || element.dataOffset + frameBytes > head.length) return null;
  return withDisplaySize(name, meta, decodeNativeFrame(meta, head, element.dataOffset));
}

async function lookAtWholeFile(name: string, file: File): Promise<FirstLook | null> {
  const bytes = new Uint8Array(await readFileBytes(file, { keepForNextRead: true }));
  const read = readDicomImage(bytes, name);
  if (!read.ok || !read.value.meta.pixelDataPresent) return null;
  const { meta, dataSet: ds } = read.value;
  const element = ds.elements.x7fe00010;
  if (!element) return null;
  if (meta.transferSyntaxUid === JPEG_BASELINE) {
    if (!element.fragments?.length) return null;
    const frame =
      meta.numberOfFrames > 1
        ? dicomParser.readEncapsulatedImageFrame(ds, element, 0, element.basicOffsetTable?.length ? undefined : dicomParser.createJPEGBasicOffsetTable(ds, element))
        : dicomParser.readEncapsulatedPixelDataFromFragments(ds, element, 0, element.fragments.length);
    return withDisplaySize(name, meta, await decodeJpegFrame(meta, frame));
  }
  if (!isNativeLittleEndian(meta)) return null;
  return withDisplaySize(name, meta, decodeNativeFrame(meta, bytes, element.dataOffset));
}

/**
 * One frame's bytes as a PACS sends them (WADO-RS frames): a JPEG baseline bitstream, or native
 * little-endian pixels starting at 0. Anything else: null.
 */
export async function lookAtFrame(name: string, meta: DicomImageMetadata, frame: Uint8Array, jpeg: boolean): Promise<FirstLook | null> {
  return withDisplaySize(name, meta, jpeg ? await decodeJpegFrame(meta, frame) : decodeNativeFrame(meta, frame, 0));
}

function isNativeLittleEndian(meta: DicomImageMetadata): boolean {
  return meta.transferSyntaxUid === EXPLICIT_VR_LITTLE_ENDIAN || meta.transferSyntaxUid === IMPLICIT_VR_LITTLE_ENDIAN;
}

function withDisplaySize(name: string, meta: DicomImageMetadata, image: ImageBitmap | ImageData | null): FirstLook | null {
  if (!image) return null;
  const [rowMm, columnMm] = usableSpacing(meta.pixelSpacing);
  return { image, displayWidth: meta.columns * columnMm, displayHeight: meta.rows * rowMm, fileName: name };
}

/** PixelSpacing [row, column] when both are physical (plausibility.ts); square pixels otherwise, as the viewer does. */
function usableSpacing(spacing: readonly number[] | null): [number, number] {
  const [row, column] = spacing ?? [];
  return isPlausibleSpacingMm(row) && isPlausibleSpacingMm(column) ? [row, column] : [1, 1];
}

/** JPEG baseline through the browser's decoder; greyscale ones then get the file's window. */
async function decodeJpegFrame(meta: DicomImageMetadata, frame: Uint8Array): Promise<ImageBitmap | ImageData | null> {
  if (meta.samplesPerPixel !== 3 && meta.samplesPerPixel !== 1) return null;
  const bitmap = await createImageBitmap(new Blob([frame.slice()], { type: 'image/jpeg' }));
  if (meta.samplesPerPixel === 3) return bitmap;
  // Greyscale: the decoded values still need the file's window (or the frame's range), as the viewer applies.
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return null;
  ctx.drawImage(bitmap, 0, 0);
  const rgba = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
  const words = new Uint8Array(bitmap.width * bitmap.height);
  for (let i = 0; i < words.length; i++) words[i] = rgba[4 * i]!;
  return new ImageData(greyscaleToRgba({ ...greyscaleFrame(meta, words), bitsStored: 8, signed: false }) as Uint8ClampedArray<ArrayBuffer>, bitmap.width, bitmap.height);
}

/** The frame with the display values the viewer will use too (saneDisplayValues: never an unusable window or rescale). */
function greyscaleFrame(meta: DicomImageMetadata, words: Uint8Array | Uint16Array): GreyscaleFrame {
  const display = saneDisplayValues(meta);
  return {
    words,
    bitsStored: meta.bitsStored ?? meta.bitsAllocated,
    signed: meta.pixelRepresentation === 1,
    rescaleSlope: display.rescaleSlope,
    rescaleIntercept: display.rescaleIntercept,
    windowCenter: display.windowCenter,
    windowWidth: display.windowWidth,
    invert: meta.photometricInterpretation === 'MONOCHROME1',
  };
}

/** Uncompressed greyscale or 8-bit RGB whose first frame starts at `offset`. */
function decodeNativeFrame(meta: DicomImageMetadata, bytes: Uint8Array, offset: number): ImageData | null {
  const pixelCount = meta.rows * meta.columns;
  const photometric = meta.photometricInterpretation ?? '';
  if (meta.samplesPerPixel === 3 && meta.bitsAllocated === 8 && photometric === 'RGB') {
    const samples = bytes.subarray(offset, offset + pixelCount * 3);
    return new ImageData(rgbToRgba(samples, pixelCount, meta.planarConfiguration === 1) as Uint8ClampedArray<ArrayBuffer>, meta.columns, meta.rows);
  }
  if (meta.samplesPerPixel !== 1 || !photometric.startsWith('MONOCHROME')) return null;
  const words = storedWords(meta, bytes, offset, pixelCount);
  if (!words) return null;
  return new ImageData(greyscaleToRgba(greyscaleFrame(meta, words)) as Uint8ClampedArray<ArrayBuffer>, meta.columns, meta.rows);
}

/** The first frame's stored words (16-bit ones copied only when they start at an odd offset). */
function storedWords(meta: DicomImageMetadata, bytes: Uint8Array, offset: number, pixelCount: number): Uint8Array | Uint16Array | null {
  if (meta.bitsAllocated === 8) return bytes.subarray(offset, offset + pixelCount);
  if (meta.bitsAllocated !== 16) return null;
  const start = bytes.byteOffset + offset;
  if (start % 2 === 0) return new Uint16Array(bytes.buffer, start, pixelCount);
  return new Uint16Array(bytes.slice(offset, offset + pixelCount * 2).buffer);
}

/**
 * Puts the look's pixels in the canvas at their stored size. The caller places it (placeFirstLook)
 * from a ResizeObserver, after the frame's layout: measuring the box here would force a second
 * layout of the workstation shown in the same frame.
 */
export function drawFirstLook(canvas: HTMLCanvasElement, look: FirstLook): void {
  const { image } = look;
  canvas.width = image.width;
  canvas.height = image.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  if (image instanceof ImageData) ctx.putImageData(image, 0, 0);
  else ctx.drawImage(image, 0, 0);
}

/**
 * Centres and fits the canvas in its box (aspect from the pixel spacing), as the viewport fits an
 * image; the browser scales it on screen, so no scaled copy is drawn on the way to the first image.
 * Called again whenever the box changes size.
 */
export function placeFirstLook(canvas: HTMLCanvasElement, look: FirstLook): void {
  const box = canvas.parentElement!.getBoundingClientRect();
  const scale = Math.min(box.width / look.displayWidth, box.height / look.displayHeight);
  const width = look.displayWidth * scale;
  const height = look.displayHeight * scale;
  Object.assign(canvas.style, {
    left: `${(box.width - width) / 2}px`,
    top: `${(box.height - height) / 2}px`,
    width: `${width}px`,
    height: `${height}px`,
  });
}
