/**
 * One metadata reader for two encodings: every sample and fixture file that opens from disk gives
 * the same DicomImageMetadata when its attributes arrive as the DICOM JSON model (what WADO-RS
 * metadata returns), apart from what only the bytes can tell (transfer syntax, pixel data length).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import dcmjs from 'dcmjs';
import { describe, expect, it } from 'vitest';
import { readDicomJsonMetadata, readDicomMetadata, type DicomImageMetadata, type DicomJson } from '../../src/dicom/index.ts';

const ROOT = join(import.meta.dirname, '../..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Part 10 → DICOM JSON model as a server sends it: binary values become BulkDataURIs. */
function toJsonModel(bytes: Uint8Array): DicomJson {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const dict = (dcmjs.data.DicomMessage.readFile(buffer, { ignoreErrors: true }) as { dict: Record<string, unknown> }).dict;
  const convert = (d: Record<string, unknown>): Record<string, unknown> =>
    Object.fromEntries(
      Object.entries(d).map(([tag, raw]) => {
        const a = raw as { vr: string; Value?: unknown[]; _rawValue?: unknown[] };
        // dcmjs turns a DS it cannot hold as a number (1e999) into null; a server sends its text.
        if (a.Value?.includes(null) && a._rawValue) return [tag, { vr: a.vr, Value: a._rawValue.map((v) => String(v).trim()) }];
        if (a.vr === 'SQ') return [tag, { vr: 'SQ', Value: (a.Value ?? []).map((item) => convert(item as Record<string, unknown>)) }];
        if (a.Value?.some((v) => v instanceof ArrayBuffer || ArrayBuffer.isView(v))) return [tag, { vr: a.vr, BulkDataURI: `bulk/${tag}` }];
        return [tag, a];
      }),
    );
  return JSON.parse(JSON.stringify(convert(dict))) as DicomJson;
}

/** Fields only the Part 10 bytes carry. */
function comparable(meta: DicomImageMetadata) {
  // Fields only the file's bytes carry (displayProblem is judged from the encoded pixel data).
  const { transferSyntaxUid, transferSyntaxName, hasFileMetaHeader, pixelDataLength, encapsulated, fragmentCount, displayProblem, warnings, ...rest } = meta;
  void [transferSyntaxUid, transferSyntaxName, hasFileMetaHeader, pixelDataLength, encapsulated, fragmentCount, displayProblem];
  // JSON has no -0 (it is written "0"), and meta-header repairs are notes about the file's bytes.
  return JSON.parse(JSON.stringify({ ...rest, warnings: warnings.filter((w) => !/file meta|group length/i.test(w)) }));
}

// A wrong (0002,0000) group length is repaired in memory by our Part 10 reader only: the JSON
// model has no file meta header, and the converter used to make the JSON here cannot read past it.
const candidates = [...filesUnder(join(ROOT, 'sample-dicom')), ...filesUnder(join(ROOT, 'test/fixtures'))].filter(
  (f) => !f.endsWith('.json') && !f.includes('meta-group-length-wrong'),
);

describe('readDicomJsonMetadata: the DICOM JSON model reads into the same metadata as Part 10', () => {
  const readable = candidates.flatMap((path) => {
    const part10 = readDicomMetadata(new Uint8Array(readFileSync(path)), path);
    return part10.ok ? [{ path, meta: part10.value }] : [];
  });

  it('covers every sample file and the fixtures that open from disk', () => {
    expect(readable.filter((r) => r.path.includes('sample-dicom')).length).toBe(candidates.filter((c) => c.includes('sample-dicom')).length);
    expect(readable.length).toBeGreaterThan(35);
  });

  for (const { path, meta } of readable) {
    it(`identical metadata: ${path.slice(ROOT.length + 1)}`, () => {
      const json = toJsonModel(new Uint8Array(readFileSync(path)));
      const fromJson = readDicomJsonMetadata(json, { fileName: path });
      if (!fromJson.ok) throw new Error(fromJson.error);
      expect(comparable(fromJson.value)).toEqual(comparable(meta));
      expect(fromJson.value.pixelDataPresent).toBe(true);
    });
  }

  it('reads Orthanc-style values: numbers for DS/IS, PN objects, empty attributes as absent', () => {
    const meta = readDicomJsonMetadata({
      '00100010': { vr: 'PN', Value: [{ Alphabetic: 'DOE^JANE' }] },
      '00080090': { vr: 'PN' },
      '00080060': { vr: 'CS', Value: ['US'] },
      '00280010': { vr: 'US', Value: [4] },
      '00280011': { vr: 'US', Value: [6] },
      '00280100': { vr: 'US', Value: [8] },
      '00280030': { vr: 'DS', Value: [0.5, 0.25] },
      '00280008': { vr: 'IS', Value: [3] },
      '7FE00010': { vr: 'OB', BulkDataURI: 'http://x/bulk/7fe00010' },
    });
    if (!meta.ok) throw new Error(meta.error);
    expect(meta.value.patientName).toBe('DOE^JANE');
    expect(meta.value.pixelSpacing).toEqual([0.5, 0.25]);
    expect(meta.value.numberOfFrames).toBe(3);
    expect(meta.value.warnings).toEqual([]);
  });

  it('an image whose metadata leaves the encapsulated Pixel Data out (Orthanc DICOMweb 1.7) still has pixels (at its frames)', () => {
    const meta = readDicomJsonMetadata({
      '00280010': { vr: 'US', Value: [4] },
      '00280011': { vr: 'US', Value: [6] },
      '00280100': { vr: 'US', Value: [8] },
    });
    if (!meta.ok) throw new Error(meta.error);
    expect(meta.value.pixelDataPresent).toBe(true);
  });

  it('refuses metadata without image dimensions in one sentence', () => {
    const meta = readDicomJsonMetadata({ '7FE00010': { vr: 'OB', BulkDataURI: 'x' } });
    expect(meta.ok).toBe(false);
  });
});
