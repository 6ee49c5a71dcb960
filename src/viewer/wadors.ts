/**
 * Frames of PACS instances for Cornerstone's DICOMweb loader: `wadors:<…>/frames/<n>` image ids
 * (1-based), each with the instance's DICOM JSON metadata registered, so frames are fetched from
 * the server only when shown (multi-frame cine included). The PACS login, when there is one, goes
 * with every frame request (beforeSend in cornerstoneSetup.ts).
 *
 * Two requests are saved by the 'wadors' loader registered here (registerPacsFrameLoader):
 * - the frame the viewport opens on is fetched once, as soon as the study's metadata is read
 *   (fetchOpeningFrame), and that answer serves both the preview and the loader;
 * - the other frames of a multi-frame instance (a cine) come in one frame-list request
 *   (`…/frames/2,3,…,100`, at most 100 frames a request) when the viewer first asks for one of
 *   them (or once the opening frame's preview is painted, requestOtherFrames), instead of one
 *   request per frame: Orthanc's DICOMweb 1.7 reads the whole stored instance
 *   (9 MB for the benchmark's cine) for every request, so 99 requests cost 99 such reads
 *   (src/pacs/multiFrameFetch.ts).
 * Frame bytes are decoded by Cornerstone's own createImage, as its
 * loader does with a frame it fetched; a frame missing from an answer, or an answer that failed,
 * is fetched alone as before.
 */
import { Enums, imageLoader, type Types } from '@cornerstonejs/core';
import { createImage, wadors } from '@cornerstonejs/dicom-image-loader';
import { utilities as metadataUtilities } from '@cornerstonejs/metadata';
import { firstPart, transferSyntaxOfPart } from '../pacs/multipart';
import { MultiFrameFetch, type FrameBytes } from '../pacs/multiFrameFetch';

export type { FrameBytes } from '../pacs/multiFrameFetch';

let headers: Record<string, string> = {};
/** Frame URL prefixes of instances stored with native (uncompressed) pixels. */
const nativeInstances = new Set<string>();

/**
 * Native pixels are asked for as Explicit VR Little Endian rather than "as stored": Orthanc's
 * DICOMweb 1.7 answers 500 to `transfer-syntax=*` for a Big Endian or Deflated file, and for any
 * other native file the two are the same bytes. Compressed frames stay as stored (decoded here).
 */
export const NATIVE_ACCEPT = 'multipart/related; type="application/octet-stream"; transfer-syntax=1.2.840.10008.1.2.1';
/** Compressed frames as stored (what Cornerstone's loader asks for). */
const AS_STORED = 'multipart/related; type="application/octet-stream"; transfer-syntax=*';

/** Headers the loader adds to frame requests (the PACS Authorization). */
export function setFrameRequestHeaders(next: Record<string, string>): void {
  headers = { ...next };
}
export function frameRequestHeaders(imageId?: string): Record<string, string> {
  const base = imageId?.startsWith('wadors:') ? frameUrlOf(imageId) : '';
  return base && nativeInstances.has(base) ? { ...headers, Accept: NATIVE_ACCEPT } : headers;
}

/** `wadors:<…>/frames/7` → `<…>/frames/` (the instance's frame URL prefix). */
function frameUrlOf(imageId: string): string {
  return imageId.slice('wadors:'.length).replace(/\d+$/, '');
}
function frameNumberOf(imageId: string): number {
  return Number(/(\d+)$/.exec(imageId)?.[1] ?? NaN);
}

/** The instance's frame image ids (what registerRemoteFrames registers), without registering them. */
export function remoteFrameIds(frameUrl: string, numberOfFrames: number): string[] {
  return Array.from({ length: Math.max(1, numberOfFrames) }, (_, i) => `wadors:${frameUrl}${i + 1}`);
}

/** Multi-frame instances by frame URL prefix. */
const multiFrame = new Map<string, MultiFrameFetch>();
/** The opening frame's answer by image id, fetched before the viewer asks (fetchOpeningFrame). */
const opening = new Map<string, Promise<FrameBytes | null>>();

/**
 * Test seam: `?pacsViewerHoldMs=` in the page address holds the viewer's use of the opening frame
 * back by that long (the preview is not held), so an end-to-end test can see the preview.
 */
function viewerHoldMs(): number {
  const ms = Number(new URLSearchParams(globalThis.location?.search ?? '').get('pacsViewerHoldMs'));
  return Number.isFinite(ms) && ms > 0 ? Math.min(ms, 10_000) : 0;
}

async function request(url: string, imageId: string): Promise<{ body: Uint8Array; type: string } | null> {
  try {
    const base = frameRequestHeaders(imageId);
    const response = await fetch(url, { headers: { ...base, Accept: base.Accept ?? AS_STORED } });
    if (!response.ok) return null;
    return { body: new Uint8Array(await response.arrayBuffer()), type: response.headers.get('content-type') ?? '' };
  } catch {
    return null;
  }
}

/**
 * Fetches the frame the viewport will open on, now: the preview and the loader both use this one
 * answer (null if it failed: the loader then asks again, the preview is skipped).
 */
export function fetchOpeningFrame(imageId: string, nativePixels: boolean): Promise<FrameBytes | null> {
  if (nativePixels) nativeInstances.add(frameUrlOf(imageId));
  opening.clear(); // one study opens at a time
  const answer = request(imageId.slice('wadors:'.length), imageId).then((got) => {
    const part = got && firstPart(got.body, got.type);
    return part ? { transferSyntax: transferSyntaxOfPart(part.type), type: part.type, bytes: part.bytes } : null;
  });
  const hold = viewerHoldMs();
  opening.set(imageId, hold ? answer.then((got) => new Promise((resolve) => setTimeout(() => resolve(got), hold))) : answer);
  return answer;
}

function multiFrameEntry(imageId: string, numberOfFrames: number): MultiFrameFetch {
  const frameUrl = frameUrlOf(imageId);
  let entry = multiFrame.get(frameUrl);
  if (!entry) multiFrame.set(frameUrl, (entry = new MultiFrameFetch(frameUrl, numberOfFrames, (url) => request(url, imageId))));
  return entry;
}

/**
 * The other frames of the opening frame's multi-frame instance, asked for now rather than when the
 * viewer first wants one (its prefetch starts once the first frame is drawn): called once the
 * preview is on screen, so that a cine played at once has its frames here sooner.
 */
export function requestOtherFrames(openingImageId: string, numberOfFrames: number): void {
  if (numberOfFrames < 2) return;
  const entry = multiFrameEntry(openingImageId, numberOfFrames);
  entry.fetchedAlone(frameNumberOf(openingImageId));
  entry.requestOthers();
}

/** The bytes of this frame already fetched or on their way (taken: asked for once), or null. */
function bytesFor(imageId: string): Promise<FrameBytes | null> | null {
  const early = opening.get(imageId);
  const entry = multiFrame.get(frameUrlOf(imageId));
  if (early) {
    opening.delete(imageId);
    entry?.fetchedAlone(frameNumberOf(imageId));
    return early;
  }
  return entry ? entry.take(frameNumberOf(imageId)) : null;
}

async function decodeFrameBytes(imageId: string, frame: FrameBytes, options: Record<string, unknown>): Promise<Types.IImage> {
  const start = Date.now();
  const image = (await createImage(imageId, frame.bytes, frame.transferSyntax, options as never)) as unknown as Types.IImage & Record<string, unknown>;
  image.imageQualityStatus = Enums.ImageQualityStatus.FULL_RESOLUTION;
  image.transferSyntaxUID = frame.transferSyntax;
  image.loadTimeInMS = Date.now() - start;
  return image;
}

/** Cornerstone's 'wadors' loader, first trying the bytes already fetched (see the top of this file). */
export function registerPacsFrameLoader(): void {
  const network = wadors.loadImage as unknown as (imageId: string, options?: Record<string, unknown>) => Types.IImageLoadObject;
  imageLoader.registerImageLoader('wadors', ((imageId: string, options: Record<string, unknown> = {}) => {
    const fetched = bytesFor(imageId);
    if (!fetched) return network(imageId, options);
    return {
      promise: fetched.then((frame) => (frame ? decodeFrameBytes(imageId, frame, options) : network(imageId, options).promise)),
      cancelFn: undefined,
    };
  }) as unknown as Types.ImageLoaderFn);
}

/**
 * `nativePixels`: the metadata lists Pixel Data (Orthanc leaves encapsulated Pixel Data out of it),
 * so the instance's frames are uncompressed.
 */
export function registerRemoteFrames(frameUrl: string, json: object, numberOfFrames: number, nativePixels = false): string[] {
  if (nativePixels) nativeInstances.add(frameUrl);
  if (numberOfFrames > 1) multiFrameEntry(`wadors:${frameUrl}1`, numberOfFrames);
  const ids = remoteFrameIds(frameUrl, numberOfFrames);
  // Both registries: the loader's own (wadors.metaDataManager) and, since 5.x, the typed metadata
  // providers of @cornerstonejs/metadata that build the image modules (addDicomWebInstance).
  for (const id of ids) {
    wadors.metaDataManager.add(id, json as never);
    void metadataUtilities.addDicomWebInstance(id, json as Record<string, unknown>);
  }
  return ids;
}
