/**
 * Issue 20 — structure-aware mutations: files built element by element (explicit VR little
 * endian) with one structural absurdity each, through the shared reader, `inspect` and `measure`.
 * Every file is either opened or refused with one plain sentence; nothing throws, hangs (2 s per
 * file), prints "Internal error", or reports a millimetre value from an unphysical calibration.
 * The viewer side of a subset is in test/e2e/implausible.spec.ts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.ts';
import type { InspectRow } from '../../src/cli/inspect.ts';
import { memoryIo } from '../../src/cli/io.ts';
import { readDicomMetadata } from '../../src/dicom/index.ts';
import { expectOneSentence } from './sentence.ts';
import { MUTANTS, SQUARE } from './structureMutants.ts';

// ---------------------------------------------------------------------------------------------

const dir = mkdtempSync(join(tmpdir(), 'nervetrace-structure-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(...argv: string[]) {
  const io = memoryIo();
  const code = runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe.each(MUTANTS.map((mutant, i) => [mutant.name, mutant, i] as const))('%s', (_name, mutant, i) => {
  const path = join(dir, `mutant-${i}.dcm`);
  writeFileSync(path, mutant.file);

  it('the reader, inspect and measure report it within 2 s: opened, or refused with one sentence', () => {
    const read = readDicomMetadata(mutant.file, path);
    if (!read.ok) expectOneSentence(read.error, mutant.name);
    const e = mutant.expect;
    if (e.opens) expect(read.ok, read.ok ? '' : read.error).toBe(true);
    else {
      expect(read.ok).toBe(false);
      if (!read.ok) expect(read.error).toMatch(e.error);
    }

    const inspect = cli('inspect', path, '--json');
    expect(inspect.err).toBe('');
    expect(inspect.code).toBe(read.ok ? 0 : 1);
    const [row] = JSON.parse(inspect.out) as InspectRow[];
    expect(row!.ok).toBe(read.ok);
    if (row!.ok && e.opens) {
      const display = (row!.warnings ?? []).filter((w) => w.startsWith('Display values'));
      if (e.display) expect(display).toEqual([expect.stringMatching(e.display)]);
      else expect(display).toEqual([]);
    }
    if (row!.ok && e.opens === true && e.reason) {
      expect(row!.calibration.source).toBe('none');
      expect(row!.calibration.description).toMatch(e.reason);
      expect(cli('inspect', path).out).toMatch(e.reason);
    }

    const measure = cli('measure', path, '--points', SQUARE, '--json');
    expect(measure.err + measure.out).not.toMatch(/Internal error|\bat \w+ \(/);
    if (measure.code !== 0) {
      expect(measure.code).toBe(1);
      expectOneSentence(measure.err.trimEnd(), mutant.name);
      if (e.opens && e.refusedTrace) expect(measure.err).toMatch(e.refusedTrace);
      else expect(e.opens, measure.err).toBe(false);
      return;
    }
    if (e.opens && e.refusedTrace) expect.fail('the trace should have been refused');
    const out = JSON.parse(measure.out) as Record<string, unknown>;
    for (const key of ['areaMm2', 'perimeterMm', 'areaPx2', 'perimeterPx']) {
      if (key in out) expect(Number.isFinite(out[key]), key).toBe(true);
    }
    if (e.opens === true && e.unit) expect(out.unit).toBe(e.unit);
    if (e.opens === true && e.reason) {
      expect(out).not.toHaveProperty('areaMm2');
      expect((out.calibration as { description: string }).description).toMatch(e.reason);
      expect(cli('measure', path, '--points', SQUARE).out).toMatch(/Calibration:\s+UNCALIBRATED \(/);
    }
  }, 2000);
});
