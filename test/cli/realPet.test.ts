/**
 * Issue 19 — `nervetrace inspect` and `nervetrace suv` on real public PET slices (test/fixtures/pet/SOURCES.md):
 * inspect prints each file's SUV factor and its source; suv measures the brightest pixel's SUV.
 * Expected values: the QIBA formula by hand from dcmdump's numbers (test/fixtures/pet/realPet.ts).
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.ts';
import { memoryIo } from '../../src/cli/io.ts';
import { inspectFiles } from '../../src/cli/inspect.ts';
import { suvOfFile } from '../../src/cli/suvCommand.ts';
import { readRealPet, realPetFiles } from '../fixtures/pet/realPet.ts';

/** Always the QIN file (inside the npm dependency dicomweb-client), plus the ACRIN files when placed here. */
const { present } = realPetFiles();
const relErr = (a: number, b: number): number => Math.abs(a / b - 1);

function run(...argv: string[]): { code: number; out: string; err: string } {
  const io = memoryIo();
  const code = runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe('CLI on real PET files', () => {
  it('inspect prints the factor (6 significant digits) and its one-sentence source for each file', () => {
    for (const { f, path } of present) readRealPet(path, f);
    const r = run('inspect', ...present.map(({ path }) => path));
    expect(r.code).toBe(0);
    for (const { f, path } of present) {
      expect(r.out).toContain(`SUV ${path}: factor ${f.factor.toPrecision(6)} — ${f.source}`);
    }
    expect(r.out).toMatch(/sample\.dcm\s+ok\s+PT\s+128x128/);
  });

  it('inspect --json gives the factor to 1e-6 of the hand value, with its method and source', () => {
    const rows = inspectFiles(present.map(({ path }) => path));
    present.forEach(({ f }, k) => {
      const row = rows[k]!;
      if (!row.ok || !row.suv?.ok) throw new Error(`no SUV for ${f.file}`);
      expect(relErr(row.suv.factor, f.factor)).toBeLessThan(1e-6);
      expect(row.suv.source).toBe(f.source);
    });
  });

  it('suv: a one-pixel-wide region around the brightest pixel reads its hand SUV as SUVmax, at that pixel', () => {
    for (const { f, path } of present) {
      const { column: x, row: y } = f.brightest;
      const r = suvOfFile(path, { region: `${x - 0.5},${y - 0.5} ${x + 0.5},${y - 0.5} ${x + 0.5},${y + 0.5} ${x - 0.5},${y + 0.5}` });
      if (!r.ok) throw new Error(r.error);
      expect(relErr(r.value.region!.suvMax, f.brightest.suv)).toBeLessThan(1e-6);
      expect(r.value.region!.maxAt).toEqual({ x, y });
      expect(r.value.source).toBe(f.source);
    }
  });
});
