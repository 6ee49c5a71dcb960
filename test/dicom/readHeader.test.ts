import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDicomHeader, readDicomMetadata } from '../../src/dicom/index.ts';

const sample = (path: string) => new Uint8Array(readFileSync(new URL(`../../sample-dicom/${path}`, import.meta.url)));

describe('readDicomHeader (the first bytes of a large file, for a preview)', () => {
  it('gives the same metadata from the first megabyte as the whole file gives', () => {
    for (const path of ['us/us-sciatic-gluteal-L-cine.dcm', 'us/compressed/us-sciatic-gluteal-L-jpeg-baseline.dcm']) {
      const whole = sample(path);
      const full = readDicomMetadata(whole);
      const head = readDicomHeader(whole.subarray(0, Math.min(whole.length, 1 << 20)));
      expect(full.ok && head.ok).toBe(true);
      if (!full.ok || !head.ok) continue;
      const { meta } = head.value;
      for (const key of ['rows', 'columns', 'numberOfFrames', 'samplesPerPixel', 'photometricInterpretation', 'bitsAllocated', 'transferSyntaxUid', 'windowCenter', 'windowWidth', 'pixelSpacing'] as const) {
        expect(meta[key], `${path} ${key}`).toEqual(full.value[key]);
      }
      expect(head.value.dataSet.elements.x7fe00010?.dataOffset).toBeGreaterThan(0);
    }
  });

  it('still refuses what is not DICOM or is cut before the pixel data', () => {
    expect(readDicomHeader(new TextEncoder().encode('just some text, not an image at all'.repeat(10))).ok).toBe(false);
    const cut = sample('us/us-sciatic-gluteal-L-cine.dcm').subarray(0, 400);
    const read = readDicomHeader(cut);
    expect(read.ok && read.value.meta.pixelDataPresent).toBe(false);
  });

  it('is never what opens a file: the whole-file reader still refuses the same bytes as truncated', () => {
    const head = sample('us/us-sciatic-gluteal-L-cine.dcm').subarray(0, 1 << 20);
    expect(readDicomHeader(head).ok).toBe(true);
    const whole = readDicomMetadata(head);
    expect(whole.ok).toBe(false);
    if (!whole.ok) expect(whole.error).toMatch(/truncated/);
  });
});
