/**
 * A file opened from disk is parsed by Cornerstone's loader into its "naturalized" metadata,
 * pixel data included, and that entry is kept for the page's life. Once a single-frame image is
 * decoded and in the image cache, the encoded copy in the metadata only costs memory (a 512 × 512
 * 16-bit slice: 0.5 MB, 100 MB for a 200-slice MR series): it is released here. If the decoded
 * image is later evicted from the cache and shown again, the file is read and parsed again first
 * (the File stays with the loader; it is backed by the disk, not by memory). The file is parsed
 * here rather than by the loader, so that the frames of a multi-frame file loaded at once share
 * one read.
 * Multi-frame instances keep their pixel data: the other frames are decoded from it.
 */
import { metaData } from '@cornerstonejs/core';
import { prefetchPart10Instance, wadouri } from '@cornerstonejs/dicom-image-loader';

/** The naturalized keys the loader reads frames from (compressedFrameData.ts in @cornerstonejs/metadata). */
const PIXEL_KEYS = ['PixelData', 'FloatPixelData', 'DoubleFloatPixelData'] as const;

type Natural = Record<string, unknown> & { NumberOfFrames?: unknown };

/** The key holding a single frame's pixel data that may be released, or null to keep it. */
export function releasablePixelKey(natural: Natural | undefined): (typeof PIXEL_KEYS)[number] | null {
  if (!natural) return null;
  const frames = natural.NumberOfFrames == null ? 1 : Number(natural.NumberOfFrames);
  if (frames !== 1) return null;
  const key = PIXEL_KEYS.find((k) => Array.isArray(natural[k]) && (natural[k] as unknown[]).length > 0);
  return key ?? null;
}

/** 'dicomfile:12' (or 'dicomfile:12?frame=1') → 'dicomfile:12'. */
export function baseFileImageId(imageId: string): string {
  const q = imageId.indexOf('?');
  return q < 0 ? imageId : imageId.slice(0, q);
}

const released = new Set<string>();
const restoring = new Map<string, Promise<void>>();

/** After the image of `imageId` is decoded: drop the encoded pixel data its metadata holds. */
export function releaseEncodedPixels(imageId: string): void {
  const base = baseFileImageId(imageId);
  const natural = metaData.get('naturalized', base) as Natural | undefined;
  const key = releasablePixelKey(natural);
  if (!natural || !key) return;
  delete natural[key];
  released.add(base);
}

/**
 * Before loading `imageId`: its file parsed into the loader's metadata, read (again) if it never
 * was or its pixel data was released; null when nothing needs reading. One read per file at a time.
 */
export function ensureFileParsed(imageId: string): Promise<void> | null {
  const base = baseFileImageId(imageId);
  const pending = restoring.get(base);
  if (pending) return pending;
  if (!released.has(base) && metaData.get('naturalized', base)) return null;
  const file = wadouri.fileManager.get(Number(base.slice('dicomfile:'.length))) as Blob | undefined;
  if (!file) return null; // the loader reports it
  const parsing = file
    .arrayBuffer()
    .then((bytes) => prefetchPart10Instance(base, bytes))
    .then(() => void released.delete(base))
    .finally(() => restoring.delete(base));
  restoring.set(base, parsing);
  return parsing;
}
