/**
 * Stored values of one frame of uncompressed little-endian greyscale pixel data (8 or 16 bits,
 * signed per Pixel Representation) — what the command line needs to compute SUV from a file.
 * Compressed or big-endian data is refused by name; the viewer decodes those with Cornerstone.
 */
import type { DataSet } from 'dicom-parser';
import { fail, ok, type Result } from '../domain/types.ts';
import { isUncompressedTransferSyntax } from './transferSyntaxes.ts';
import type { DicomImageMetadata } from './types.ts';

const BIG_ENDIAN = '1.2.840.10008.1.2.2';

export function nativeFrameValues(meta: DicomImageMetadata, ds: DataSet, frame = 0): Result<Int32Array> {
  if (!isUncompressedTransferSyntax(meta.transferSyntaxUid) || meta.transferSyntaxUid === BIG_ENDIAN) {
    return fail(`Pixel values are read from uncompressed little-endian files only, not ${meta.transferSyntaxName ?? meta.transferSyntaxUid}.`);
  }
  if (meta.samplesPerPixel !== 1 || (meta.bitsAllocated !== 8 && meta.bitsAllocated !== 16)) {
    return fail('Pixel values are read from 8- or 16-bit greyscale images only.');
  }
  if (frame < 0 || frame >= meta.numberOfFrames) return fail(`Frame ${frame} is out of range: the file has ${meta.numberOfFrames} frames.`);
  const el = ds.elements.x7fe00010;
  if (!el) return fail('The file has no pixel data (7FE0,0010).');
  const count = meta.rows * meta.columns;
  const bytesPer = meta.bitsAllocated / 8;
  const start = el.dataOffset + frame * count * bytesPer;
  const view = new DataView(ds.byteArray.buffer, ds.byteArray.byteOffset + start, count * bytesPer);
  const signed = meta.pixelRepresentation === 1;
  const out = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    out[i] = bytesPer === 2 ? (signed ? view.getInt16(i * 2, true) : view.getUint16(i * 2, true)) : signed ? view.getInt8(i) : view.getUint8(i);
  }
  return ok(out);
}
