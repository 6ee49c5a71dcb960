/**
 * Frames of PACS instances for Cornerstone's DICOMweb loader: `wadors:<…>/frames/<n>` image ids
 * (1-based), each with the instance's DICOM JSON metadata registered, so frames are fetched from
 * the server only when shown (multi-frame cine included). The PACS login, when there is one, goes
 * with every frame request (beforeSend in cornerstoneSetup.ts).
 */
import { wadors } from '@cornerstonejs/dicom-image-loader';

let headers: Record<string, string> = {};

/** Headers the loader adds to frame requests (the PACS Authorization). */
export function setFrameRequestHeaders(next: Record<string, string>): void {
  headers = { ...next };
}
export function frameRequestHeaders(): Record<string, string> {
  return headers;
}

export function registerRemoteFrames(frameUrl: string, json: object, numberOfFrames: number): string[] {
  const ids = Array.from({ length: Math.max(1, numberOfFrames) }, (_, i) => `wadors:${frameUrl}${i + 1}`);
  // Multi-frame metadata is registered once, for frame 1: the loader derives the others from it.
  for (const id of numberOfFrames > 1 ? ids.slice(0, 1) : ids) wadors.metaDataManager.add(id, json as never);
  return ids;
}
