import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { deflatedToExplicitLittleEndian } from '../../src/dicom/deflatedToExplicit';
import { readDicomMetadata } from '../../src/dicom';

const SAMPLES = new URL('../../sample-dicom/mr/', import.meta.url);

describe('deflated files are handed to the image loader as explicit little endian', () => {
  it('the rewritten file has the same pixels and metadata as the deflated one', () => {
    const deflated = new Uint8Array(readFileSync(new URL('compressed/mr-stir-axial-09-deflate.dcm', SAMPLES)));
    const rewritten = deflatedToExplicitLittleEndian(deflated);
    const before = readDicomMetadata(deflated);
    const after = readDicomMetadata(rewritten);
    expect(before.ok && after.ok).toBe(true);
    if (!before.ok || !after.ok) return;
    expect(after.value.transferSyntaxUid).toBe('1.2.840.10008.1.2.1');
    expect(after.value.sopInstanceUid).toBe(before.value.sopInstanceUid);
    expect(after.value.pixelSpacing).toEqual(before.value.pixelSpacing);
    expect(after.value.pixelDataLength).toBe(512 * 256 * 2);
    // Pixel bytes equal those of the uncompressed slice the deflated copy was made from.
    const original = new Uint8Array(readFileSync(new URL('mr-stir-axial-09.dcm', SAMPLES)));
    const tail = (b: Uint8Array) => Buffer.from(b.subarray(b.length - 512 * 256 * 2));
    expect(tail(rewritten).equals(tail(original))).toBe(true);
  });
});
