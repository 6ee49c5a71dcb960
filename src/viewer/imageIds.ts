/**
 * Registers opened files with Cornerstone's DICOM loader and names their frames.
 * wadouri frame numbers are 1-based (`?frame=1` is the first frame).
 */
import { wadouri } from '@cornerstonejs/dicom-image-loader';

export function registerFileFrames(file: Blob, numberOfFrames: number): string[] {
  const base = wadouri.fileManager.add(file);
  if (numberOfFrames <= 1) return [base];
  return Array.from({ length: numberOfFrames }, (_, i) => `${base}?frame=${i + 1}`);
}
