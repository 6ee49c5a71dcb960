/**
 * Issue 19 — `nervetrace inspect` and `nervetrace suv` on real public PET slices (test/fixtures/pet/):
 * inspect prints each file's SUV factor and its source; suv measures the brightest pixel's SUV.
 * Expected values: the QIBA formula by hand from dcmdump's numbers (test/fixtures/pet/realPet.ts).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.ts';
import { memoryIo } from '../../src/cli/io.ts';
import { inspectFiles } from '../../src/cli/inspect.ts';
import { suvOfFile } from '../../src/cli/suvCommand.ts';
import { REAL_PET_FILES, readRealPet, realPetDir } from '../fixtures/pet/realPet.ts';

const found = realPetDir();
const relErr = (a: number, b: number): number => Math.abs(a / b - 1);

function run(...argv: string[]): { code: number; out: string; err: string } {
  const io = memoryIo();
  const code = runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe.skipIf(found.dir === null)('CLI on real PET files', () => {
  const dir = found.dir!;
  const path = (file: string) => join(dir, file);

  it('inspect prints the factor (6 significant digits) and its one-sentence source for each file', () => {
    for (const f of REAL_PET_FILES) readRealPet(dir, f);
    const r = run('inspect', ...REAL_PET_FILES.map((f) => path(f.file)));
    expect(r.code).toBe(0);
    for (const f of REAL_PET_FILES) {
      expect(r.out).toContain(`SUV ${path(f.file)}: factor ${f.factor.toPrecision(6)} — ${f.source}`);
    }
    expect(r.out).toMatch(/acrin-flt-breast-029-pet\.dcm\s+ok\s+PT\s+168x168/);
  });

  it('inspect --json gives the factor to 1e-6 of the hand value, with its method and source', () => {
    const rows = inspectFiles(REAL_PET_FILES.map((f) => path(f.file)));
    REAL_PET_FILES.forEach((f, k) => {
      const row = rows[k]!;
      if (!row.ok || !row.suv?.ok) throw new Error(`no SUV for ${f.file}`);
      expect(relErr(row.suv.factor, f.factor)).toBeLessThan(1e-6);
      expect(row.suv.source).toBe(f.source);
    });
  });

  it('suv: a one-pixel-wide region around the brightest pixel reads its hand SUV as SUVmax, at that pixel', () => {
    for (const f of REAL_PET_FILES) {
      const { column: x, row: y } = f.brightest;
      const r = suvOfFile(path(f.file), { region: `${x - 0.5},${y - 0.5} ${x + 0.5},${y - 0.5} ${x + 0.5},${y + 0.5} ${x - 0.5},${y + 0.5}` });
      if (!r.ok) throw new Error(r.error);
      expect(relErr(r.value.region!.suvMax, f.brightest.suv)).toBeLessThan(1e-6);
      expect(r.value.region!.maxAt).toEqual({ x, y });
      expect(r.value.source).toBe(f.source);
    }
  });
});
