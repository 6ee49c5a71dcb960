import { describe, expect, it } from 'vitest';
import { readDicomMetadata } from '../../src/dicom/index.ts';
import { TS, makeDicom, metaHeaderEnd } from '../helpers/makeDicom.ts';

describe('encoding edge cases', () => {
  it('reads explicit VR big endian', () => {
    const r = readDicomMetadata(
      makeDicom({ transferSyntaxUid: TS.explicitBE, attributes: { Rows: 3, Columns: 5, BitsAllocated: 16, BitsStored: 16, HighBit: 15, PixelSpacing: [0.7, 0.8] } }),
    );
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.rows).toBe(3);
      expect(r.value.columns).toBe(5);
      expect(r.value.bitsAllocated).toBe(16);
      expect(r.value.pixelSpacing).toEqual([0.7, 0.8]);
      expect(r.value.transferSyntaxUid).toBe(TS.explicitBE);
    }
  });

  it('refuses a deflated data set whose stream is corrupt', () => {
    const good = makeDicom({ transferSyntaxUid: TS.deflate });
    const bad = good.slice();
    bad.fill(0xff, metaHeaderEnd(good), metaHeaderEnd(good) + 16);
    const r = readDicomMetadata(bad);
    expect(r).toEqual({ ok: false, error: 'The file is damaged: its deflated data set could not be decompressed.' });
  });

  it('refuses a meta header without transfer syntax', () => {
    // Overwrite the (0002,0010) tag with a private-looking group-2 tag of the same size.
    const bytes = makeDicom();
    for (let i = 132; i < metaHeaderEnd(bytes) - 4; i++) {
      if (bytes[i] === 0x02 && bytes[i + 1] === 0x00 && bytes[i + 2] === 0x10 && bytes[i + 3] === 0x00) {
        bytes[i + 2] = 0x13; // (0002,0013) Implementation Version Name
        break;
      }
    }
    const r = readDicomMetadata(bytes);
    expect(r).toEqual({ ok: false, error: 'The file meta information header has no transfer syntax UID (0002,0010).' });
  });

  it('never throws, whatever the bytes', () => {
    const base = makeDicom({ attributes: { SequenceOfUltrasoundRegions: [{ RegionSpatialFormat: 1 }] } });
    let seed = 12345;
    const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    for (let n = 0; n < 300; n++) {
      const bytes = base.slice();
      for (let k = 0; k < 4; k++) bytes[132 + Math.floor(rand() * (bytes.length - 132))] = Math.floor(rand() * 256);
      const r = readDicomMetadata(bytes);
      if (!r.ok) expect(r.error).toMatch(/^[A-Z].*\.$/);
    }
  });
});
