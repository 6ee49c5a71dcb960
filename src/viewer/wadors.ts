/**
 * Frames of PACS instances for Cornerstone's DICOMweb loader: `wadors:<…>/frames/<n>` image ids
 * (1-based), each with the instance's DICOM JSON metadata registered, so frames are fetched from
 * the server only when shown (multi-frame cine included). The PACS login, when there is one, goes
 * with every frame request (beforeSend in cornerstoneSetup.ts).
 */
import { wadors } from '@cornerstonejs/dicom-image-loader';
import { utilities as metadataUtilities } from '@cornerstonejs/metadata';

let headers: Record<string, string> = {};
/** Frame URL prefixes of instances stored with native (uncompressed) pixels. */
const nativeInstances = new Set<string>();

/**
 * Native pixels are asked for as Explicit VR Little Endian rather than "as stored": Orthanc's
 * DICOMweb 1.7 answers 500 to `transfer-syntax=*` for a Big Endian or Deflated file, and for any
 * other native file the two are the same bytes. Compressed frames stay as stored (decoded here).
 */
export const NATIVE_ACCEPT = 'multipart/related; type="application/octet-stream"; transfer-syntax=1.2.840.10008.1.2.1';

/** Headers the loader adds to frame requests (the PACS Authorization). */
export function setFrameRequestHeaders(next: Record<string, string>): void {
  headers = { ...next };
}
export function frameRequestHeaders(imageId?: string): Record<string, string> {
  const base = imageId?.startsWith('wadors:') ? imageId.slice('wadors:'.length).replace(/\d+$/, '') : '';
  return base && nativeInstances.has(base) ? { ...headers, Accept: NATIVE_ACCEPT } : headers;
}

/** The instance's frame image ids (what registerRemoteFrames registers), without registering them. */
export function remoteFrameIds(frameUrl: string, numberOfFrames: number): string[] {
  return Array.from({ length: Math.max(1, numberOfFrames) }, (_, i) => `wadors:${frameUrl}${i + 1}`);
}

/**
 * `nativePixels`: the metadata lists Pixel Data (Orthanc leaves encapsulated Pixel Data out of it),
 * so the instance's frames are uncompressed.
 */
export function registerRemoteFrames(frameUrl: string, json: object, numberOfFrames: number, nativePixels = false): string[] {
  if (nativePixels) nativeInstances.add(frameUrl);
  const ids = remoteFrameIds(frameUrl, numberOfFrames);
  // Both registries: the loader's own (wadors.metaDataManager) and, since 5.x, the typed metadata
  // providers of @cornerstonejs/metadata that build the image modules (addDicomWebInstance).
  for (const id of ids) {
    wadors.metaDataManager.add(id, json as never);
    void metadataUtilities.addDicomWebInstance(id, json as Record<string, unknown>);
  }
  return ids;
}
