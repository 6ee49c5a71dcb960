/**
 * Issue 8 — the broken-file corpus (test/fixtures/broken/, made by scripts/make-broken-fixtures.ts).
 * Every file goes through the shared reader and the CLI commands in-process. Each check has a
 * 2 s budget enforced by vitest's per-test timeout (a slow or hanging parse fails the test).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.ts';
import type { InspectRow } from '../../src/cli/inspect.ts';
import { memoryIo } from '../../src/cli/io.ts';
import { readDicomMetadata } from '../../src/dicom/index.ts';
import { expectOneSentence } from './sentence.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DIR = join(ROOT, 'test/fixtures/broken');
const PER_FILE_MS = 2000;

interface Expectation {
  defect: string;
  category: string;
  opens: boolean;
  cli: {
    error?: string;
    calibrationSource?: string;
    calibrationReason?: string;
    measure?: { points: string; refused?: string; unit?: 'px' | 'mm' };
  };
  ui: { reason?: string; calibration?: string; seriesDescription?: string };
}

const expectations = (JSON.parse(readFileSync(join(DIR, 'expectations.json'), 'utf8')) as { files: Record<string, Expectation> }).files;
const names = Object.keys(expectations).sort();
const re = (pattern: string) => new RegExp(pattern, 'i');

function cli(...argv: string[]) {
  const io = memoryIo();
  const code = runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe('the corpus', () => {
  it('has an expectation for every file and a file for every expectation', () => {
    const files = readdirSync(DIR).filter((f) => f !== 'expectations.json').sort();
    expect(files).toEqual(names);
    expect(names.length).toBeGreaterThanOrEqual(50);
  });

  it('stays under 2 MB', () => {
    const total = readdirSync(DIR).reduce((n, f) => n + statSync(join(DIR, f)).size, 0);
    expect(total).toBeLessThan(2 * 1024 * 1024);
  });

  it('covers every kind of damage issue 8 lists', () => {
    const categories = new Set(names.map((n) => expectations[n]!.category));
    for (const c of ['not-dicom', 'empty', 'truncated', 'wrong-length', 'huge-length', 'pixel-data', 'calibration', 'transfer-syntax', 'nesting']) {
      expect(categories, c).toContain(c);
    }
  });

  it('is exactly what scripts/make-broken-fixtures.ts generates', () => {
    const out = mkdtempSync(join(tmpdir(), 'nervetrace-fixtures-'));
    try {
      const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/make-broken-fixtures.ts')], {
        cwd: ROOT,
        env: { ...process.env, NERVETRACE_FIXTURE_OUT: out },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(run.status, run.stderr).toBe(0);
      const regenerated = readdirSync(out).sort();
      expect(regenerated).toEqual(readdirSync(DIR).sort());
      for (const f of regenerated) {
        expect(Buffer.compare(readFileSync(join(out, f)), readFileSync(join(DIR, f))), `${f} is stale: run npx tsx scripts/make-broken-fixtures.ts`).toBe(0);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);
});

describe.each(names)('%s', (name) => {
  const e = expectations[name]!;
  const path = join(DIR, name);

  it(
    `readDicomMetadata ${e.opens ? 'opens it' : 'refuses it with one sentence'}`,
    () => {
      const r = readDicomMetadata(new Uint8Array(readFileSync(path)), name);
      if (e.opens) {
        expect(r.ok, r.ok ? '' : r.error).toBe(true);
      } else {
        expect(r.ok).toBe(false);
        if (r.ok) return;
        expect(r.error).toMatch(re(e.cli.error!));
        expectOneSentence(r.error, name);
      }
    },
    PER_FILE_MS,
  );

  it(
    'nervetrace inspect reports it',
    () => {
      const r = cli('inspect', path, '--json');
      expect(r.err).toBe('');
      expect(r.code).toBe(e.opens ? 0 : 1);
      const [row] = JSON.parse(r.out) as InspectRow[];
      expect(row!.file).toBe(path);
      if (!row!.ok) {
        expect(e.opens, row!.error).toBe(false);
        expect(row!.error).toMatch(re(e.cli.error!));
        expectOneSentence(row!.error, name);
        // The text table names the file and gives the same sentence.
        const table = cli('inspect', path);
        expect(table.out).toContain('FAILED');
        expect(table.out).toContain(row!.error);
        return;
      }
      expect(e.opens).toBe(true);
      if (e.cli.calibrationSource) expect(row!.calibration.source).toBe(e.cli.calibrationSource);
      if (e.cli.calibrationSource === 'none') {
        // Refused or uncalibrated: no millimetre scale at all, and a reason.
        expect(row!.calibration.rowSpacingMm).toBeNull();
        expect(row!.calibration.columnSpacingMm).toBeNull();
        expect(row!.calibration.description ?? '').toMatch(re(e.cli.calibrationReason!));
        // The text table only says "none" (the reason is in --json).
        expect(cli('inspect', path).out.split('\n')[1]).toMatch(/ ok .* none /);
      }
    },
    PER_FILE_MS,
  );

  if (e.cli.measure) {
    const m = e.cli.measure;
    it(
      `nervetrace measure ${m.refused ? 'refuses millimetres' : `reports ${m.unit}`}`,
      () => {
        const r = cli('measure', path, '--points', m.points, '--json');
        if (m.refused) {
          expect(r.code).toBe(1);
          expect(r.out).toBe('');
          expect(r.err.trimEnd()).toMatch(re(m.refused));
          expectOneSentence(r.err.trimEnd(), name);
          return;
        }
        expect(r.code, r.err).toBe(0);
        const out = JSON.parse(r.out) as Record<string, unknown>;
        expect(out.unit).toBe(m.unit);
        if (m.unit === 'px') {
          expect(out.calibrated).toBe(false);
          expect(out).not.toHaveProperty('areaMm2');
          expect(out).not.toHaveProperty('perimeterMm');
          expect(out.areaPx2).toBeGreaterThan(0);
          // The text form says UNCALIBRATED and gives the reason.
          expect(cli('measure', path, '--points', m.points).out).toMatch(/Calibration:\s+UNCALIBRATED \(.*PixelSpacing/);
        } else {
          expect(out.calibrated).toBe(true);
          expect(out.areaMm2).toBeGreaterThan(0);
        }
      },
      PER_FILE_MS,
    );
  }
});

describe('several files at once', () => {
  it('inspect reports every fixture, in order, and only the broken ones fail', () => {
    const paths = names.map((n) => join(DIR, n));
    const r = cli('inspect', ...paths, '--json');
    expect(r.code).toBe(1);
    const rows = JSON.parse(r.out) as InspectRow[];
    expect(rows.map((row) => row.file)).toEqual(paths);
    expect(rows.map((row) => row.ok)).toEqual(names.map((n) => expectations[n]!.opens));
  }, 10_000);
});
