/**
 * The synthetic PET/CT sample (sample-dicom/petct/, truth in its manifest.json) through the CLI:
 * the SUV factor, SUVmax in a region and along a line down the FDG-avid left sciatic nerve.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.ts';
import { memoryIo } from '../../src/cli/io.ts';
import { inspectFiles } from '../../src/cli/inspect.ts';
import { suvOfFile } from '../../src/cli/suvCommand.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dir = join(root, 'sample-dicom/petct');
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
const truth = manifest.truth.leftSciatic;
const points = (pts: [number, number][]): string => pts.map(([x, y]) => `${x},${y}`).join(' ');
const relErr = (a: number, b: number): number => Math.abs(a / b - 1);

function run(...argv: string[]): { code: number; out: string; err: string } {
  const io = memoryIo();
  const code = runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe('PET/CT sample: SUV from the CLI against the manifest truth', () => {
  it('CT and PET share one frame of reference', () => {
    const rows = inspectFiles(manifest.files.map((f: { file: string }) => join(dir, f.file)));
    expect(rows.every((r) => r.ok)).toBe(true);
    expect(new Set(manifest.files.map((f: { modality: string }) => f.modality))).toEqual(new Set(['CT', 'PT']));
  });

  it('inspect prints the SUV factor of each PET file and its source; the factor is the manifest one to 1e-6', () => {
    const [row] = inspectFiles([join(dir, truth.petFile)]);
    if (!row?.ok || !row.suv?.ok) throw new Error('no SUV factor');
    expect(relErr(row.suv.factor, manifest.administration.suvFactorGPerMl)).toBeLessThan(1e-6);
    const text = run('inspect', join(dir, truth.petFile)).out;
    expect(text).toMatch(/SUV .*pet-thighs-coronal-03\.dcm: factor 0\.000284232 — Units BQML: weight 72 kg \/ dose 370\.0 MBq decayed 3600 s/);
  });

  it('inspect on a CT file reports no SUV', () => {
    const [row] = inspectFiles([join(dir, manifest.files[0].file)]);
    expect(row?.ok && 'suv' in row).toBe(false);
  });

  it(`SUVmax in the region around the left sciatic nerve at mid-thigh is ${truth.suvMax} within 1 %`, () => {
    const r = suvOfFile(join(dir, truth.petFile), { region: points(truth.petRegion) });
    if (!r.ok) throw new Error(r.error);
    expect(relErr(r.value.region!.suvMax, truth.suvMax)).toBeLessThan(0.01);
    expect(r.value.region!.suvPeak).toBeLessThanOrEqual(r.value.region!.suvMax);
    expect(r.value.region!.suvMean).toBeLessThan(r.value.region!.suvPeak);
  });

  it('the line along the nerve peaks at the truth within 1 %, inside the mid-thigh plateau', () => {
    const r = suvOfFile(join(dir, truth.petFile), { line: points(truth.petLine) });
    if (!r.ok) throw new Error(r.error);
    const { max, lengthMm } = r.value.line!;
    expect(lengthMm).toBeCloseTo(300, 6);
    expect(relErr(max.suv, truth.suvMax)).toBeLessThan(0.01);
    expect(max.y).toBeGreaterThanOrEqual(truth.plateauRows[0]);
    expect(max.y).toBeLessThanOrEqual(truth.plateauRows[1]);
  });

  it('an edited weight scales SUV and is marked edited', () => {
    const r = suvOfFile(join(dir, truth.petFile), { region: points(truth.petRegion), overrides: { patientWeightKg: 144 } });
    if (!r.ok) throw new Error(r.error);
    expect(r.value.weightEdited).toBe(true);
    expect(relErr(r.value.region!.suvMax, 2 * truth.suvMax)).toBeLessThan(0.01);
    expect(r.value.source).toMatch(/144 kg \(edited\)/);
  });

  it('suv on a CT file is refused in one sentence (exit 1)', () => {
    const r = run('suv', join(dir, manifest.files[0].file));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/is not a PET image \(Modality CT\), so it has no SUV\.\n$/);
  });

  it('suv --json gives the unit g/ml{SUVbw}', () => {
    const r = run('suv', join(dir, truth.petFile), '--region', points(truth.petRegion), '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ unit: 'g/ml{SUVbw}', method: 'bqml-decay-to-scan' });
  });
});
