/** Issue 21 — a Part 10 file without its 128-byte preamble is read with the transfer syntax its meta header declares. */
import { describe, expect, it } from 'vitest';
import { readDicomMetadata } from '../../src/dicom/index.ts';
import { TS, makeDicom } from '../helpers/makeDicom.ts';

function read(bytes: Uint8Array) {
  const r = readDicomMetadata(bytes, 'no-preamble.dcm');
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('preamble-less Part 10 files', () => {
  for (const [name, syntax] of [
    ['implicit VR', TS.implicitLE],
    ['explicit VR', TS.explicitLE],
  ] as const) {
    it(`meta header declaring ${name}, starting with "DICM" or straight with group 0002: read, not refused as damaged`, () => {
      const full = makeDicom({ transferSyntaxUid: syntax, attributes: { PixelSpacing: [0.3, 0.4], PatientName: 'No^Preamble' } });
      for (const bytes of [full.subarray(128), full.subarray(132)]) {
        const meta = read(bytes);
        expect(meta.transferSyntaxUid).toBe(syntax);
        expect(meta.hasFileMetaHeader).toBe(true);
        expect(meta.patientName).toBe('No^Preamble');
        expect(meta.pixelSpacing).toEqual([0.3, 0.4]);
        expect(meta.rows).toBe(4);
      }
    });
  }

  it('"DICM" alone, or a group 0002 start that is not a meta header, is still refused with a sentence', () => {
    const r = readDicomMetadata(new TextEncoder().encode('DICM'), 'x.dcm');
    expect(r.ok).toBe(false);
  });
});
