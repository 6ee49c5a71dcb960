import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.ts';
import { inspectFiles, type InspectRow } from '../../src/cli/inspect.ts';
import { memoryIo } from '../../src/cli/io.ts';
import { measureFile } from '../../src/cli/measure.ts';
import { parsePoints } from '../../src/cli/points.ts';
import { writeFixtures, type Fixtures } from './fixtures.ts';

let f: Fixtures;
beforeAll(() => {
  f = writeFixtures();
});
afterAll(() => rmSync(f.dir, { recursive: true, force: true }));

function run(...argv: string[]) {
  const io = memoryIo();
  const code = runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

function json<T = Record<string, unknown>>(text: string): T {
  return JSON.parse(text) as T;
}

const RECT = '10,10 50,10 50,40 10,40'; // 40 × 30 px

describe('inspect', () => {
  it('reports each file, good and bad, in JSON', () => {
    const r = run('inspect', f.us, f.mr, f.uncalibrated, f.text, f.noPixels, f.truncated, `${f.dir}/missing.dcm`, '--json');
    expect(r.code).toBe(1);
    expect(r.err).toBe('');
    const rows = json<InspectRow[]>(r.out);
    expect(rows.map((x) => x.ok)).toEqual([true, true, true, false, false, false, false]);
    expect(rows[0]).toMatchObject({
      file: f.us,
      ok: true,
      modality: 'US',
      rows: 100,
      columns: 120,
      frames: 1,
      transferSyntaxUid: '1.2.840.10008.1.2.1',
      laterality: 'R',
      calibration: { source: 'us-region', rowSpacingMm: 0.1, columnSpacingMm: 0.1 },
    });
    expect(rows[1]).toMatchObject({
      modality: 'MR',
      transferSyntaxUid: '1.2.840.10008.1.2',
      laterality: null,
      calibration: { source: 'pixel-spacing', rowSpacingMm: 0.5, columnSpacingMm: 0.25 },
    });
    expect(rows[2]).toMatchObject({ calibration: { source: 'none', rowSpacingMm: null, columnSpacingMm: null } });
    expect(rows[3]).toEqual({ file: f.text, ok: false, error: 'Not a DICOM file: no DICM marker at byte 128.' });
    expect(rows[4]).toEqual({ file: f.noPixels, ok: false, error: 'The file has no pixel data (7FE0,0010).' });
    expect(rows[5]).toMatchObject({ ok: false, error: expect.stringMatching(/^The file is truncated: /) });
    expect(rows[6]).toMatchObject({ ok: false, error: expect.stringMatching(/^File not found: /) });
  });

  it('exits 0 when every file is fine', () => {
    expect(run('inspect', f.us, f.mr, '--json').code).toBe(0);
  });

  it('prints an aligned table in human mode', () => {
    const r = run('inspect', f.us, f.mr, f.text);
    expect(r.code).toBe(1);
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^FILE\s+STATUS\s+MODALITY\s+SIZE \(WxH\)\s+FRAMES\s+SIDE\s+CALIBRATION\s+TRANSFER SYNTAX$/);
    expect(lines).toHaveLength(4);
    const statusColumn = lines[0]!.indexOf('STATUS');
    expect(lines[1]!.slice(statusColumn, statusColumn + 2)).toBe('ok');
    expect(lines[2]!.slice(statusColumn, statusColumn + 2)).toBe('ok');
    expect(lines[3]!.slice(statusColumn)).toBe('FAILED  Not a DICOM file: no DICM marker at byte 128.');
    expect(lines[1]).toContain('120x100');
    expect(lines[1]).toContain('R (ImageLaterality)');
    expect(lines[2]).toContain('pixel-spacing 0.5 x 0.25 mm (row x col)');
  });

  it('reports disagreeing ultrasound regions as no image-level calibration', () => {
    const [row] = inspectFiles([f.usDual]);
    expect(row).toMatchObject({ ok: true, calibration: { source: 'none', rowSpacingMm: null, columnSpacingMm: null } });
  });

  it('reads FrameLaterality from functional groups', () => {
    const [row] = inspectFiles([f.mrMultiFrame]);
    expect(row).toMatchObject({ ok: true, frames: 3, laterality: 'L', lateralitySource: 'FrameLaterality' });
  });

  it('has --help', () => {
    const r = run('inspect', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Usage: nervetrace inspect <file\.\.\.> \[--json\]/);
  });

  it('needs a file (usage error, exit 2)', () => {
    const r = run('inspect');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/inspect needs at least one file/);
  });
});

describe('measure', () => {
  it('measures in mm on an ultrasound region, side from ImageLaterality', () => {
    const r = run('measure', f.us, '--points', RECT, '--json');
    expect(r.code).toBe(0);
    const o = json(r.out);
    expect(o.unit).toBe('mm');
    expect(o.calibrated).toBe(true);
    expect(o.areaMm2).toBeCloseTo(40 * 30 * 0.1 * 0.1, 10);
    expect(o.perimeterMm).toBeCloseTo(2 * (40 + 30) * 0.1, 10);
    expect(o.calibration).toMatchObject({ source: 'us-region', rowSpacingMm: 0.1, columnSpacingMm: 0.1, regionIndex: 0 });
    expect(o).toMatchObject({ side: 'R', sideSource: 'ImageLaterality', sideInferred: false });
  });

  it('uses PixelSpacing in [row, column] order on an anisotropic MR and infers the side', () => {
    const r = measureFile({ file: f.mr, points: RECT });
    expect(r.ok).toBe(true);
    if (!r.ok || !r.value.calibrated) return;
    // 40 columns × 0.25 mm by 30 rows × 0.5 mm
    expect(r.value.areaMm2).toBeCloseTo(10 * 15, 10);
    expect(r.value.perimeterMm).toBeCloseTo(2 * (10 + 15), 10);
    // IPP x = +20 mm, row direction +x: centroid at +27.5 mm → patient's left (LPS).
    expect(r.value).toMatchObject({ side: 'L', sideSource: 'patient-coordinates', sideInferred: true });
  });

  it('gives pixels and no millimetre fields when uncalibrated', () => {
    const r = run('measure', f.uncalibrated, '--points', '1,1 15,1 15,15 1,15', '--json');
    expect(r.code).toBe(0);
    const o = json(r.out);
    expect(o).toMatchObject({ unit: 'px', calibrated: false, areaPx2: 196, perimeterPx: 56, side: null, sideSource: 'unknown' });
    expect(JSON.stringify(o)).not.toMatch(/mm/i);
  });

  it('picks the ultrasound region that contains the outline', () => {
    const left = measureFile({ file: f.usDual, points: RECT });
    const right = measureFile({ file: f.usDual, points: '110,10 150,10 150,40 110,40' });
    expect(left.ok && left.value.calibrated && left.value.areaMm2).toBeCloseTo(12, 10);
    expect(right.ok && right.value.calibrated && right.value.areaMm2).toBeCloseTo(48, 10);
  });

  it('refuses an outline that straddles two ultrasound regions', () => {
    const r = run('measure', f.usDual, '--points', '80,10 120,10 120,40 80,40');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^The trace crosses the border of ultrasound region \d+; .*\.\n$/);
  });

  it('refuses a self-intersecting outline', () => {
    const r = run('measure', f.us, '--points', '10,10 50,50 50,10 10,50');
    expect(r.code).toBe(1);
    expect(r.err).toBe('The trace crosses itself; redraw it without loops.\n');
  });

  it('refuses bad --points syntax', () => {
    for (const points of ['10,10 50,x 3,3', '10 20 30', '1,2,3 4,5 6,7', '']) {
      const r = run('measure', f.us, '--points', points);
      expect(r.code, points).toBe(1);
      expect(r.err, points).toMatch(/^The --points value (is not valid|is empty).*\.\n$/);
    }
  });

  it('accepts spaces after commas', () => {
    const r = measureFile({ file: f.us, points: '10, 10  50, 10  50, 40  10, 40' });
    expect(r.ok && r.value.calibrated && r.value.areaMm2).toBeCloseTo(12, 10);
  });

  it('refuses a point outside the image', () => {
    const r = run('measure', f.us, '--points', '10,10 500,10 50,40');
    expect(r.code).toBe(1);
    expect(r.err).toBe('Point 2 (500, 10) lies outside the 120x100 image (x 0 to 119, y 0 to 99).\n');
  });

  it('checks the frame index and uses that frame\'s geometry', () => {
    const bad = run('measure', f.mrMultiFrame, '--points', '1,1 9,1 9,9', '--frame', '3');
    expect(bad.code).toBe(1);
    expect(bad.err).toBe('Frame 3 is out of range: the file has 3 frames (valid indices 0 to 2).\n');
    const notNumber = run('measure', f.mrMultiFrame, '--points', '1,1 9,1 9,9', '--frame', 'two');
    expect(notNumber.code).toBe(1);
    expect(notNumber.err).toMatch(/^The --frame value "two" is not a frame index/);
    const good = run('measure', f.mrMultiFrame, '--points', '1,1 9,1 9,9', '--frame', '2', '--json');
    expect(good.code).toBe(0);
    expect(json(good.out)).toMatchObject({ frame: 2, side: 'L', sideSource: 'FrameLaterality', areaMm2: 32 * 0.25 });
  });

  it('refuses unreadable files with the reader\'s sentence', () => {
    expect(run('measure', f.text, '--points', RECT).err).toBe('Not a DICOM file: no DICM marker at byte 128.\n');
    expect(run('measure', f.noPixels, '--points', RECT).err).toBe('The file has no pixel data (7FE0,0010).\n');
  });

  it('prints a readable summary by default', () => {
    const r = run('measure', f.mr, '--points', RECT);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Area:        150.0 mm²');
    expect(r.out).toContain('Perimeter:   50.0 mm');
    expect(r.out).toContain('PixelSpacing 0.500 × 0.250 mm (row × column)');
    expect(r.out).toMatch(/Side:\s+L \(inferred from patient-coordinates; please confirm\)/);
    const px = run('measure', f.uncalibrated, '--points', '1,1 15,1 15,15 1,15');
    expect(px.out).toContain('196 px² (uncalibrated)');
    expect(px.out).toContain('UNCALIBRATED');
  });

  it('usage errors exit 2', () => {
    expect(run('measure').code).toBe(2);
    expect(run('measure', f.us).code).toBe(2);
    expect(run('measure', f.us, f.mr, '--points', RECT).code).toBe(2);
    expect(run('measure', f.us, '--points', RECT, '--bogus').code).toBe(2);
    expect(run('measure', f.us, '--points').code).toBe(2);
    expect(run('frobnicate').code).toBe(2);
    expect(run().code).toBe(2);
  });

  it('has --help', () => {
    const r = run('measure', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Usage: nervetrace measure <file> --points/);
    expect(run('--help').out).toMatch(/^Usage: nervetrace <command>/);
  });
});

describe('parsePoints', () => {
  it('parses decimals, negatives and exponents', () => {
    expect(parsePoints(' 1.5,2  -3,4e1\n.5,+6 ')).toEqual({
      ok: true,
      value: [
        { x: 1.5, y: 2 },
        { x: -3, y: 40 },
        { x: 0.5, y: 6 },
      ],
    });
  });
});
