/**
 * Frames of PACS instances for Cornerstone's DICOMweb loader: `wadors:<…>/frames/<n>` image ids
 * (1-based), each with the instance's DICOM JSON metadata registered, so frames are fetched from
 * the server only when shown (multi-frame cine included). The PACS login, when there is one, goes
 * with every frame request (beforeSend in cornerstoneSetup.ts).
 */
import { wadors } from '@cornerstonejs/dicom-image-loader';
import { utilities as metadataUtilities } from '@cornerstonejs/metadata';

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
  // Both registries: the loader's own (wadors.metaDataManager) and, since 5.x, the typed metadata
  // providers of @cornerstonejs/metadata that build the image modules (addDicomWebInstance).
  for (const id of ids) {
    wadors.metaDataManager.add(id, json as never);
    void metadataUtilities.addDicomWebInstance(id, json as Record<string, unknown>);
  }
  return ids;
}
