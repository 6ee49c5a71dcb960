/**
 * Issue 14 — real vendor files: the command line reads each with the calibration dcmdump shows,
 * measures a check rectangle to its exact area, and says displayable: false with the viewer's
 * own reason when the viewer cannot draw the image.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import dicomParser from 'dicom-parser';
import { inspectFile } from '../../src/cli/inspect.ts';
import { measureFile } from '../../src/cli/measure.ts';
import { readDicomForViewer, readDicomImage } from '../../src/dicom/index.ts';
import { expandSegmentedLut, expandSegmentedPalette } from '../../src/dicom/segmentedPalette.ts';
import { VENDOR_CORPUS } from '../fixtures/vendor/corpus.ts';

const DIR = new URL('../fixtures/vendor/', import.meta.url).pathname;
const path = (file: string) => `${DIR}${file}`;

describe('every vendor file is read by inspect with the viewer’s verdict', () => {
  it.each(VENDOR_CORPUS.map((f) => [f.file, f] as const))('%s', (_name, f) => {
    const row = inspectFile(path(f.file));
    expect(row.ok).toBe(true);
    if (!row.ok) return;
    expect(row.displayable).toBe(f.displayable);
    const viewer = readDicomForViewer(new Uint8Array(readFileSync(path(f.file))), f.file);
    expect(viewer.ok).toBe(f.displayable);
    if (!f.displayable) {
      // The same sentence in both front ends.
      expect(row.notDisplayableReason).toMatch(new RegExp(f.reason!));
      expect(!viewer.ok && viewer.error).toBe(row.notDisplayableReason);
    }
    if (f.warning) expect(row.warnings?.join(' ')).toMatch(new RegExp(f.warning));
  });
});

describe('a check rectangle inside one spatial region measures to its exact area', () => {
  it.each(VENDOR_CORPUS.filter((f) => f.rectangle).map((f) => [f.file, f] as const))('%s', (_name, f) => {
    const [x0, y0, x1, y1] = f.rectangle!;
    const r = measureFile({ file: path(f.file), points: `${x0},${y0} ${x1},${y0} ${x1},${y1} ${x0},${y1}` });
    expect(r.ok).toBe(true);
    if (!r.ok || !r.value.calibrated) throw new Error('expected a calibrated result');
    const [rowMm, columnMm] = f.spacingMm!;
    expect(r.value.areaMm2).toBeCloseTo((x1 - x0) * columnMm * (y1 - y0) * rowMm, 9);
    expect(r.value.perimeterMm).toBeCloseTo(2 * (x1 - x0) * columnMm + 2 * (y1 - y0) * rowMm, 9);
  });

  it('on the Aloka dual view, an outline across both regions is refused, not guessed', () => {
    const r = measureFile({ file: path('original/gdcm-US-ALOKA-16.dcm'), points: '300,100 380,100 380,200 300,200' });
    expect(r.ok).toBe(false);
  });
});

describe('segmented palette colour tables (PS3.3 C.7.9.2)', () => {
  it('discrete, linear and indirect segments expand as the standard defines', () => {
    // discrete [0, 10], linear 5 steps to 60, indirect: repeat 1 segment at word offset 0 (discrete 0,10)
    expect(expandSegmentedLut([0, 2, 0, 10, 1, 5, 60, 2, 1, 0, 0])).toEqual([0, 10, 20, 30, 40, 50, 60, 0, 10]);
  });

  it('an unknown opcode is a malformed table', () => {
    expect(() => expandSegmentedLut([7, 1, 0])).toThrow(/opcode 7/);
  });

  it("Aloka's 16-bit segmented palette gives the colours pydicom's own tests state", () => {
    // pydicom tests/pixels/test_processing.py, gdcm-US-ALOKA-16.dcm: rgb[0, 0] = [10280, 11565, 16705],
    // rgb[240, 320] = [257, 257, 257], rgb[240, 639] = [2313, 2313, 2313].
    const bytes = new Uint8Array(readFileSync(path('original/gdcm-US-ALOKA-16.dcm')));
    const ds = dicomParser.parseDicom(bytes);
    const [red, green, blue] = expandSegmentedPalette(ds);
    expect(red!.length).toBe(65536); // descriptor 0 means 2^16 entries
    const at = (row: number, column: number) => ds.uint16('x7fe00010', row * 640 + column)!;
    const rgb = (row: number, column: number) => [red![at(row, column)], green![at(row, column)], blue![at(row, column)]];
    expect(rgb(0, 0)).toEqual([10280, 11565, 16705]);
    expect(rgb(240, 320)).toEqual([257, 257, 257]);
    expect(rgb(240, 639)).toEqual([2313, 2313, 2313]);
    expect(rgb(479, 639)).toEqual([10280, 11565, 16705]);
  });

  it('the viewer is given the file with plain tables (0028,1201-1203) its decoder reads', () => {
    const read = readDicomImage(new Uint8Array(readFileSync(path('original/gdcm-US-ALOKA-16.dcm'))));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const decoder = dicomParser.parseDicom(read.value.decoderBytes!);
    expect(decoder.elements.x00281201?.length).toBe(65536 * 2);
    expect(decoder.uint16('x00281203', 0)).toBe(expandSegmentedPalette(read.value.dataSet)[2]![0]);
    expect(decoder.elements.x7fe00010?.length).toBe(640 * 480 * 2);
  });
});

describe('uncompressed YBR_FULL_422 holds 2 bytes per pixel, not 3', () => {
  it('opens (the length check counts the subsampled chroma)', () => {
    const row = inspectFile(path('original/SC_ybr_full_422_uncompressed.dcm'));
    expect(row.ok && row.displayable).toBe(true);
  });

  it('the decoder is given RGB, converted as dcmtk converts it (dcm2pnm: the first pixels are 254, 0, 0)', () => {
    const read = readDicomImage(new Uint8Array(readFileSync(path('original/SC_ybr_full_422_uncompressed.dcm'))));
    if (!read.ok) throw new Error(read.error);
    const decoder = dicomParser.parseDicom(read.value.decoderBytes!);
    expect(decoder.string('x00280004')).toBe('RGB');
    const pixels = decoder.elements.x7fe00010!;
    expect(pixels.length).toBe(100 * 100 * 3);
    expect([...read.value.decoderBytes!.subarray(pixels.dataOffset, pixels.dataOffset + 6)]).toEqual([254, 0, 0, 254, 0, 0]);
  });
});

describe('the derived vendor files', () => {
  it('are exactly what scripts/make-vendor-quirks.ts makes from the originals', () => {
    const out = mkdtempSync(join(tmpdir(), 'nervetrace-vendor-'));
    try {
      const run = spawnSync(process.execPath, ['--import', 'tsx', new URL('../../scripts/make-vendor-quirks.ts', import.meta.url).pathname], {
        env: { ...process.env, NERVETRACE_FIXTURE_OUT: out },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(run.status, run.stderr).toBe(0);
      const derived = `${DIR}derived`;
      expect(readdirSync(out).sort()).toEqual(readdirSync(derived).sort());
      for (const f of readdirSync(out)) {
        expect(Buffer.compare(readFileSync(join(out, f)), readFileSync(join(derived, f))), `${f} is stale`).toBe(0);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);
});
