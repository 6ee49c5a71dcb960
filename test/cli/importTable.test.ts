import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.ts';
import { memoryIo } from '../../src/cli/io.ts';

const DIR = 'test/fixtures/emg-tables';
const expected = JSON.parse(readFileSync(`${DIR}/expected.json`, 'utf8')) as Record<string, { kind: string; rows: unknown[]; warnings: unknown[]; suggestions?: unknown[] }>;
const tmp = mkdtempSync(join(tmpdir(), 'nt-import-table-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function run(...argv: string[]) {
  const io = memoryIo();
  const code = runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe('nervetrace import-table (same parser as the paste preview)', () => {
  for (const name of Object.keys(expected)) {
    it(`${name}: --json prints every row field for field and every warning`, () => {
      const r = run('import-table', `${DIR}/${name}.txt`, '--json');
      expect(r.code).toBe(0);
      const out = JSON.parse(r.out) as { kind: string; rows: unknown[]; warnings: unknown[]; suggestions: unknown[] };
      expect(out.kind).toBe(expected[name]!.kind);
      expect(out.rows).toEqual(expected[name]!.rows);
      expect(out.warnings).toEqual(expected[name]!.warnings);
      expect(out.suggestions).toEqual(expected[name]!.suggestions ?? []);
    });
  }

  it('prints rows in session field names, the warnings and the muscles to confirm', () => {
    const r = run('import-table', `${DIR}/pdf-emg-single-space.txt`);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Needle EMG table: 7 rows read from test/fixtures/emg-tables/pdf-emg-single-space.txt');
    expect(r.out).toContain(
      'line 3\tR\ttibialis-anterior\tinsertionalActivity=increased fibrillations=2 positiveSharpWaves=2 absentDischarges=fasciculations muapAmplitude=normal muapDuration=normal polyphasia=normal recruitment=reduced',
    );
    expect(r.out).toContain('  line 10: Page footer "Page 1 of 2" ignored.');
    expect(r.out).toContain('Confirm: line 8 "Tibials anterior" → Tibialis anterior (tibialis-anterior)?');
  });

  it('--side gives rows without a side their side; --kind forces the table kind', () => {
    const file = join(tmp, 'noside.txt');
    writeFileSync(file, 'Muscle\tFib\tPSW\nSoleus\t2+\t1+\n');
    const r = run('import-table', file, '--side', 'L', '--json');
    expect(JSON.parse(r.out).rows).toEqual([{ id: 'emg-2', muscle: 'soleus', side: 'L', sourceLine: 2, fibrillations: 2, positiveSharpWaves: 1 }]);
    const asNcs = run('import-table', file, '--kind', 'ncs', '--json');
    expect(asNcs.code).toBe(1);
    expect(JSON.parse(asNcs.out).kind).toBe('ncs');
    expect(asNcs.err).toBe('No row was read from the table.\n');
  });

  it('refuses a missing file (exit 1) and a bad option (exit 2)', () => {
    expect(run('import-table', join(tmp, 'missing.txt')).code).toBe(1);
    const bad = run('import-table', `${DIR}/natus-per-site.txt`, '--side', 'X');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--side must be L or R\. Run "nervetrace import-table --help"/);
  });
});
