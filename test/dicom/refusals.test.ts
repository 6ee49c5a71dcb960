import { describe, expect, it } from 'vitest';
import { readDicomMetadata } from '../../src/dicom/index.ts';
import { TS, findTag, makeDicom, metaHeaderEnd, withoutMetaHeader } from '../helpers/makeDicom.ts';

function error(bytes: Uint8Array): string {
  const r = readDicomMetadata(bytes);
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
}

/** One plain sentence: capitalised, one final full stop, no parser internals or stack frames. */
function expectOneSentence(message: string): void {
  expect(message).toMatch(/^[A-Z][^\n]*\.$/);
  expect(message).not.toMatch(/dicomParser|ByteStream|readUint|undefined|\bat \w+ \(|Error:/);
  expect(message.replace(/\d+\.\d+/g, '').replace(/\(.*?\)/g, '').split('. ').length).toBe(1);
}

describe('readDicomMetadata refuses damaged or unusable files with one sentence', () => {
  it('empty file', () => {
    expect(error(new Uint8Array(0))).toBe('The file is empty.');
  });

  it('plain text', () => {
    const text = new TextEncoder().encode('Patient list\nname,id\nDoe,123\n'.repeat(20));
    expect(error(text)).toBe('Not a DICOM file: no DICM marker at byte 128.');
  });

  it('short text', () => {
    expect(error(new TextEncoder().encode('hello'))).toBe('Not a DICOM file: no DICM marker at byte 128.');
  });

  it('PNG-like binary', () => {
    const png = new Uint8Array(300);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(error(png)).toBe('Not a DICOM file: no DICM marker at byte 128.');
  });

  it('file cut inside the preamble', () => {
    const msg = error(makeDicom().slice(0, 100));
    expect(msg).toMatch(/^The file is truncated: /);
    expectOneSentence(msg);
  });

  it('missing pixel data', () => {
    expect(error(makeDicom({ pixelData: null }))).toBe('The file has no pixel data (7FE0,0010).');
    expect(error(makeDicom({ transferSyntaxUid: TS.implicitLE, pixelData: null }))).toBe(
      'The file has no pixel data (7FE0,0010).',
    );
  });

  it('unsupported transfer syntax, named when known', () => {
    expect(error(makeDicom({ transferSyntaxUid: TS.mpeg2 }))).toBe(
      'Unsupported transfer syntax 1.2.840.10008.1.2.4.100 (MPEG2 Main Profile / Main Level).',
    );
    expect(error(makeDicom({ transferSyntaxUid: TS.jpegXl }))).toBe('Unsupported transfer syntax 1.2.840.10008.1.2.4.112 (JPEG XL).');
    expect(error(makeDicom({ transferSyntaxUid: '1.2.3.4.5.6' }))).toBe('Unsupported transfer syntax 1.2.3.4.5.6.');
  });

  it('incomplete native pixel data', () => {
    expect(error(makeDicom({ attributes: { Rows: 10, Columns: 10 }, pixelData: new Uint8Array(60) }))).toBe(
      'Pixel data is incomplete: expected 100 bytes, found 60.',
    );
    // multi-frame, 16-bit, RGB: 2 frames × 4×4 × 3 samples × 2 bytes = 192
    expect(
      error(
        makeDicom({
          attributes: { NumberOfFrames: '2', SamplesPerPixel: 3, PhotometricInterpretation: 'RGB', PlanarConfiguration: 0, BitsAllocated: 16, BitsStored: 16, HighBit: 15 },
          pixelData: new Uint8Array(96),
        }),
      ),
    ).toBe('Pixel data is incomplete: expected 192 bytes, found 96.');
  });

  it('encapsulated pixel data with fewer fragments than frames', () => {
    expect(
      error(makeDicom({ transferSyntaxUid: TS.jpegBaseline, attributes: { NumberOfFrames: '3' }, pixelData: new Uint8Array(30), fragments: 2 })),
    ).toBe('Pixel data is incomplete: expected at least 3 compressed frames, found 2 fragments.');
  });

  it('missing image dimensions', () => {
    expect(error(makeDicom({ attributes: { Rows: undefined } }))).toMatch(/^The image dimensions are missing/);
  });
});

describe('truncated files', () => {
  for (const ts of [TS.explicitLE, TS.implicitLE, TS.deflate]) {
    const full = makeDicom({
      transferSyntaxUid: ts,
      attributes: {
        Rows: 16,
        Columns: 16,
        PixelSpacing: [0.2, 0.2],
        SequenceOfUltrasoundRegions: [
          { RegionSpatialFormat: 1, RegionDataType: 1, RegionLocationMinX0: 0, RegionLocationMinY0: 0, RegionLocationMaxX1: 15, RegionLocationMaxY1: 15, PhysicalUnitsXDirection: 3, PhysicalUnitsYDirection: 3, PhysicalDeltaX: 0.01, PhysicalDeltaY: 0.01 },
        ],
      },
    });
    const headerEnd = metaHeaderEnd(full);
    const offsets = new Set<number>([
      131, // inside "DICM"
      140, // inside the meta group length
      headerEnd - 5, // inside the meta header
      headerEnd, // right after the meta header
      headerEnd + 3, // inside the first element's tag
      Math.floor((headerEnd + full.length) / 2),
      full.length - 100, // inside the pixel data
      full.length - 1, // one byte short
    ]);
    for (const at of offsets) {
      it(`${ts} cut at byte ${at} of ${full.length}`, () => {
        const msg = error(full.slice(0, at));
        expect(msg).toMatch(/^(The file is truncated: |Pixel data is incomplete: )/);
        expectOneSentence(msg);
      });
    }
  }

  it('names the pixel data when it is cut short (explicit VR)', () => {
    const full = makeDicom({ attributes: { Rows: 16, Columns: 16 } });
    expect(error(full.slice(0, full.length - 10))).toBe(
      'The file is truncated: pixel data (7FE0,0010) declares 256 bytes but only 246 are present.',
    );
  });

  it('names the pixel data when it is cut short (implicit VR, which the parser does not check)', () => {
    const full = makeDicom({ transferSyntaxUid: TS.implicitLE, attributes: { Rows: 16, Columns: 16 } });
    expect(error(full.slice(0, full.length - 10))).toBe(
      'The file is truncated: pixel data (7FE0,0010) declares 256 bytes but only 246 are present.',
    );
  });

  it('detects a cut inside a sequence', () => {
    const full = makeDicom({
      attributes: {
        SequenceOfUltrasoundRegions: [
          { RegionSpatialFormat: 1, RegionDataType: 1, RegionLocationMinX0: 0, RegionLocationMinY0: 0, RegionLocationMaxX1: 3, RegionLocationMaxY1: 3, PhysicalUnitsXDirection: 3, PhysicalUnitsYDirection: 3, PhysicalDeltaX: 0.01, PhysicalDeltaY: 0.01 },
        ],
      },
    });
    const seq = findTag(full, 0x0018, 0x6011, metaHeaderEnd(full));
    expect(seq).toBeGreaterThan(0);
    const msg = error(full.slice(0, seq + 30));
    expect(msg).toMatch(/^The file is truncated: /);
    expectOneSentence(msg);
  });

  it('detects truncated encapsulated pixel data', () => {
    const full = makeDicom({ transferSyntaxUid: TS.jpegBaseline, pixelData: new Uint8Array(64) });
    const msg = error(full.slice(0, full.length - 12));
    expect(msg).toMatch(/^The file is truncated: /);
    expectOneSentence(msg);
  });

  it('truncated raw data set', () => {
    const raw = withoutMetaHeader(makeDicom({ transferSyntaxUid: TS.implicitLE, attributes: { Rows: 16, Columns: 16 } }));
    expect(error(raw.slice(0, raw.length - 20))).toMatch(/^The file is truncated: pixel data \(7FE0,0010\)/);
  });
});
