/**
 * End-to-end against the generated sample study (sample-dicom/, ground truth in manifest.json):
 * the CLI must reproduce the phantom nerve areas from the true outlines.
 * Skipped (with a visible note) when the samples have not been generated.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { inspectFiles } from '../../src/cli/inspect.ts';
import { measureFile, type MeasureOutput } from '../../src/cli/measure.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const sampleDir = join(root, 'sample-dicom');
const manifestPath = join(sampleDir, 'manifest.json');

interface ManifestNerve {
  side: 'L' | 'R';
  frame: number;
  outline: [number, number][];
  areaMm2: number;
  perimeterMm: number;
  areaPx2: number;
}
interface ManifestFile {
  file: string;
  modality: 'US' | 'MR';
  transferSyntaxUid: string;
  rows: number;
  columns: number;
  frames: number;
  side?: 'L' | 'R';
  calibration: { source: 'us-region' | 'pixel-spacing' | 'none'; rowSpacingMm: number | null; columnSpacingMm: number | null };
  nerves: ManifestNerve[];
}

const manifest: { files: ManifestFile[] } | null = existsSync(manifestPath)
  ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as { files: ManifestFile[] })
  : null;

function allDcm(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? allDcm(join(dir, e.name)) : e.name.toLowerCase().endsWith('.dcm') ? [join(dir, e.name)] : [],
  );
}

const pathOf = (f: ManifestFile) => join(sampleDir, f.file);
const outlineText = (n: ManifestNerve) => n.outline.map(([x, y]) => `${x},${y}`).join(' ');
const relErr = (a: number, b: number) => Math.abs(a / b - 1);

function measure(f: ManifestFile, n: ManifestNerve): MeasureOutput {
  const r = measureFile({ file: pathOf(f), points: outlineText(n), frame: n.frame });
  if (!r.ok) throw new Error(`${f.file}: ${r.error}`);
  return r.value;
}

const isAnisotropic = (f: ManifestFile) =>
  f.calibration.rowSpacingMm !== null &&
  f.calibration.columnSpacingMm !== null &&
  f.calibration.rowSpacingMm !== f.calibration.columnSpacingMm;

describe.skipIf(manifest === null)('sample-dicom (manifest ground truth)', () => {
  const files = manifest?.files ?? [];
  const withNerves = files.filter((f) => f.nerves.length > 0);

  it('inspect reads every sample-dicom/**/*.dcm', () => {
    const paths = allDcm(sampleDir);
    expect(paths.length).toBeGreaterThan(0);
    const rows = inspectFiles(paths);
    const failed = rows.filter((r) => !r.ok).map((r) => `${relative(sampleDir, r.file)}: ${'error' in r ? r.error : ''}`);
    expect(failed).toEqual([]);
  });

  it('scripts/nervetrace.mjs inspect --json over every sample exits 0', () => {
    const paths = allDcm(sampleDir).map((p) => relative(sampleDir, p));
    const r = spawnSync(process.execPath, [join(root, 'scripts/nervetrace.mjs'), 'inspect', ...paths, '--json'], {
      cwd: sampleDir,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const rows = JSON.parse(r.stdout) as { ok: boolean }[];
    expect(rows).toHaveLength(paths.length);
    expect(rows.every((row) => row.ok)).toBe(true);
  });

  it('inspect agrees with the manifest on size, frames, transfer syntax and calibration', () => {
    for (const f of files) {
      const [row] = inspectFiles([pathOf(f)]);
      expect(row?.ok, f.file).toBe(true);
      if (!row?.ok) continue;
      expect({ rows: row.rows, columns: row.columns, frames: row.frames, ts: row.transferSyntaxUid }, f.file).toEqual({
        rows: f.rows,
        columns: f.columns,
        frames: f.frames,
        ts: f.transferSyntaxUid,
      });
      expect(row.calibration.source, f.file).toBe(f.calibration.source);
      if (f.calibration.source !== 'none') {
        expect(row.calibration.rowSpacingMm, f.file).toBeCloseTo(f.calibration.rowSpacingMm!, 9);
        expect(row.calibration.columnSpacingMm, f.file).toBeCloseTo(f.calibration.columnSpacingMm!, 9);
      }
    }
  });

  it('the manifest covers an ultrasound file, an MR slice, an anisotropic file and an uncalibrated file', () => {
    expect(withNerves.some((f) => f.modality === 'US' && f.calibration.source === 'us-region')).toBe(true);
    expect(withNerves.some((f) => f.modality === 'MR' && f.calibration.source === 'pixel-spacing')).toBe(true);
    expect(withNerves.some(isAnisotropic)).toBe(true);
    expect(withNerves.some((f) => f.calibration.source === 'none')).toBe(true);
  });

  for (const [label, pick] of [
    ['an ultrasound file', (f: ManifestFile) => f.modality === 'US' && f.calibration.source === 'us-region'],
    ['an MR slice', (f: ManifestFile) => f.modality === 'MR' && f.calibration.source === 'pixel-spacing'],
    ['the anisotropic file', isAnisotropic],
  ] as const) {
    it(`measure on ${label} gives the true area within 1 %`, () => {
      const f = withNerves.find(pick);
      expect(f, label).toBeDefined();
      if (!f) return;
      for (const n of f.nerves) {
        const o = measure(f, n);
        expect(o.calibrated, f.file).toBe(true);
        if (!o.calibrated) continue;
        expect(relErr(o.areaMm2, n.areaMm2), `${f.file} area ${o.areaMm2} vs ${n.areaMm2}`).toBeLessThan(0.01);
        expect(relErr(o.perimeterMm, n.perimeterMm), `${f.file} perimeter`).toBeLessThan(0.01);
        expect(o.unit).toBe('mm');
      }
    });
  }

  it('every calibrated nerve in the manifest measures within 1 % and on the right side', () => {
    for (const f of withNerves.filter((x) => x.calibration.source !== 'none')) {
      for (const n of f.nerves) {
        const o = measure(f, n);
        if (!o.calibrated) throw new Error(`${f.file} came out uncalibrated`);
        expect(relErr(o.areaMm2, n.areaMm2), `${f.file} area ${o.areaMm2} vs ${n.areaMm2}`).toBeLessThan(0.01);
        expect(o.calibration.source, f.file).toBe(f.calibration.source);
        if (o.side !== null) expect(o.side, `${f.file} side (${o.sideSource})`).toBe(n.side);
      }
    }
  });

  it('the uncalibrated file gives pixels and no millimetre fields', () => {
    const f = withNerves.find((x) => x.calibration.source === 'none');
    expect(f).toBeDefined();
    if (!f) return;
    const n = f.nerves[0]!;
    const o = measure(f, n);
    expect(o.calibrated).toBe(false);
    expect(o.unit).toBe('px');
    if (o.calibrated) return;
    expect(relErr(o.areaPx2, n.areaPx2)).toBeLessThan(0.01);
    const json = JSON.stringify(o);
    expect(json).not.toMatch(/areaMm2|perimeterMm|SpacingMm/);
  });
});
