/**
 * The slices of one series as stored pixel values with their plane, sorted along the normal —
 * what the PET/CT view draws and measures. Read from the opened files (uncompressed little-endian
 * only: nativeFrameValues refuses other encodings in one sentence).
 */
import { readDicomImage } from '../../dicom';
import { nativeFrameValues } from '../../dicom/nativePixels';
import type { DicomImageMetadata } from '../../dicom/types';
import { slicePlane, slicePosition, type SlicePlane } from '../../domain/suv';
import { fail, ok, type Result } from '../../domain/types';

export interface LoadedSlice {
  readonly meta: DicomImageMetadata;
  readonly fileName: string;
  readonly stored: Int32Array;
  readonly plane: SlicePlane;
  /** Position along the normal, mm (linked scrolling). */
  readonly position: number;
}

export interface SliceSource {
  readonly file: Blob;
  readonly fileName: string;
}

export async function loadSlices(sources: readonly SliceSource[]): Promise<Result<LoadedSlice[]>> {
  const slices: LoadedSlice[] = [];
  for (const { file, fileName } of sources) {
    const read = readDicomImage(new Uint8Array(await file.arrayBuffer()), fileName);
    if (!read.ok) return fail(`${fileName}: ${read.error}`);
    const { meta, dataSet } = read.value;
    const plane = slicePlane(meta.imagePositionPatient, meta.imageOrientationPatient, meta.pixelSpacing);
    if (!plane) return fail(`${fileName} has no usable position, orientation or pixel spacing, so it cannot be fused.`);
    const stored = nativeFrameValues(meta, dataSet);
    if (!stored.ok) return fail(`${fileName}: ${stored.error}`);
    slices.push({ meta, fileName, stored: stored.value, plane, position: slicePosition(plane) });
  }
  return ok(slices.sort((a, b) => a.position - b.position));
}
