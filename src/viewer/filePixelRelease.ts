/**
 * A file opened from disk is parsed by Cornerstone's loader into its "naturalized" metadata,
 * pixel data included, and that entry is kept for the page's life. Once a single-frame image is
 * decoded and in the image cache, the encoded copy in the metadata only costs memory (a 512 × 512
 * 16-bit slice: 0.5 MB, 100 MB for a 200-slice MR series): it is released here, for native
 * little-endian files (MR, CT, most single images; compressed frames are small anyway). If the
 * decoded image is later evicted from the cache and shown again, the pixel element is read from
 * the file again (the File stays with the loader; it is backed by the disk, not by memory) and
 * put back into the same metadata entry, which the loader keeps (it does not parse a file twice).
 * Multi-frame instances keep their pixel data: the other frames are decoded from it. (Parsing
 * every file here instead of in the loader was measured too: the MR peak was higher, 485–567
 * against 401–433 MB.)
 */
import { metaData } from '@cornerstonejs/core';
import { wadouri } from '@cornerstonejs/dicom-image-loader';
import dicomParser from 'dicom-parser';

/** The naturalized keys of native pixel data the loader reads frames from, and their tags. */
const PIXEL_TAGS = { PixelData: 'x7fe00010', FloatPixelData: 'x7fe00008', DoubleFloatPixelData: 'x7fe00009' } as const;
type PixelKey = keyof typeof PIXEL_TAGS;
/** Native little endian: the pixel element's bytes are the frame, as the loader holds it. */
const NATIVE_LITTLE_ENDIAN = new Set(['1.2.840.10008.1.2', '1.2.840.10008.1.2.1']);

type Natural = Record<string, unknown> & { NumberOfFrames?: unknown; TransferSyntaxUID?: unknown };

/** The key holding a single native frame's pixel data that may be released, or null to keep it. */
export function releasablePixelKey(natural: Natural | undefined): PixelKey | null {
  if (!natural || !NATIVE_LITTLE_ENDIAN.has(String(natural.TransferSyntaxUID))) return null;
  const frames = natural.NumberOfFrames == null ? 1 : Number(natural.NumberOfFrames);
  if (frames !== 1) return null;
  const key = (Object.keys(PIXEL_TAGS) as PixelKey[]).find((k) => Array.isArray(natural[k]) && (natural[k] as unknown[]).length > 0);
  return key ?? null;
}

/** 'dicomfile:12' (or 'dicomfile:12?frame=1') → 'dicomfile:12'. */
export function baseFileImageId(imageId: string): string {
  const q = imageId.indexOf('?');
  return q < 0 ? imageId : imageId.slice(0, q);
}

/** The bytes of a native pixel element in a Part-10 file, or null when it has none. */
export function nativePixelBytes(file: Uint8Array, key: PixelKey): Uint8Array | null {
  const element = dicomParser.parseDicom(file).elements[PIXEL_TAGS[key]];
  if (!element || element.encapsulatedPixelData || element.dataOffset + element.length > file.length) return null;
  return file.slice(element.dataOffset, element.dataOffset + element.length);
}

/** Files whose pixel data was released, and under which key. */
const released = new Map<string, PixelKey>();
const reading = new Map<string, Promise<void>>();

/** After the image of `imageId` is decoded: drop the encoded pixel data its metadata holds. */
export function releaseEncodedPixels(imageId: string): void {
  const base = baseFileImageId(imageId);
  if (reading.has(base)) return; // being put back for another load
  const natural = metaData.get('naturalized', base) as Natural | undefined;
  const key = releasablePixelKey(natural);
  if (!natural || !key) return;
  delete natural[key];
  released.set(base, key);
}

function fileOf(base: string): Blob | undefined {
  return wadouri.fileManager.get(Number(base.slice('dicomfile:'.length))) as Blob | undefined;
}

/**
 * Before loading `imageId`: its released pixel data read back from its file; null when nothing
 * was released. One read per file at a time.
 */
export function restoreReleasedPixels(imageId: string): Promise<void> | null {
  const base = baseFileImageId(imageId);
  const pending = reading.get(base);
  if (pending) return pending;
  const natural = metaData.get('naturalized', base) as Natural | undefined;
  const key = released.get(base);
  if (!key || !natural) return null; // never released: the loader reads and parses the file itself
  const file = fileOf(base);
  if (!file) return null; // the loader reports it
  const read = file.arrayBuffer().then((bytes) => {
    const pixels = nativePixelBytes(new Uint8Array(bytes), key);
    if (!pixels) throw new Error('the file changed on disk since it was opened: its pixel data is gone.');
    natural[key] = [pixels];
    released.delete(base);
  });
  const tracked = read.finally(() => reading.delete(base));
  reading.set(base, tracked);
  return tracked;
}
