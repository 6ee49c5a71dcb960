/**
 * The sample images as a session sees them: metadata read from the files with the same reader as
 * the viewer and the CLI, pixels for the echogenicity inside a contour.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDicomBytes } from '../../src/dicom/parse.ts';
import { readDicomMetadata, type DicomImageMetadata } from '../../src/dicom/index.ts';
import type { PixelGrid } from '../../src/domain/measurement/index.ts';

export interface SampleImage {
  /** Path relative to sample-dicom/, as the manifest lists it. */
  readonly file: string;
  readonly meta: DicomImageMetadata;
  readonly bytes: Uint8Array;
}

export function readSampleImage(sampleDir: string, file: string): SampleImage {
  const buffer = readFileSync(join(sampleDir, file));
  const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const meta = readDicomMetadata(bytes, file);
  if (!meta.ok) throw new Error(`${file}: ${meta.error}`);
  return { file, meta: meta.value, bytes };
}

/** Stored pixel values of frame 0 of an uncompressed little-endian image. */
export function pixelGrid(image: SampleImage): PixelGrid {
  const parsed = parseDicomBytes(image.bytes);
  if (!parsed.ok) throw new Error(`${image.file}: ${parsed.error}`);
  const element = parsed.value.dataSet.elements['x7fe00010'];
  if (!element || element.encapsulatedPixelData) throw new Error(`${image.file}: no native pixel data`);
  const { rows, columns, samplesPerPixel, bitsAllocated } = image.meta;
  const count = rows * columns * samplesPerPixel;
  const start = image.bytes.byteOffset + element.dataOffset;
  const pixels =
    bitsAllocated === 16
      ? new Uint16Array(image.bytes.buffer.slice(start, start + count * 2))
      : new Uint8Array(image.bytes.buffer.slice(start, start + count));
  return { rows, columns, samplesPerPixel, pixels };
}
