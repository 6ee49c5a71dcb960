/**
 * Tables as real reports look when pasted (fixtures in test/fixtures/emg-tables/, written to the
 * layouts of PDF copies, two-level headers, L/R sub-columns, Natus/Nicolet-like per-site exports,
 * Cadwell-like fixed-width summaries and side headers). Every row is compared field for field with
 * expected.json (reviewed by hand), and every warning line with it: nothing is dropped silently.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseEmgTable, parseNcsTable } from '../../../src/domain/emg';

const DIR = 'test/fixtures/emg-tables';
const expected = JSON.parse(readFileSync(`${DIR}/expected.json`, 'utf8')) as Record<
  string,
  { kind: 'emg' | 'ncs'; rows: unknown[]; warnings: Array<{ line: number; message: string }>; suggestions?: unknown[] }
>;
const read = (name: string) => readFileSync(`${DIR}/${name}.txt`, 'utf8');
const parse = (name: string) => (expected[name]!.kind === 'emg' ? parseEmgTable(read(name)) : parseNcsTable(read(name)));

describe('tables pasted from real report styles', () => {
  for (const name of Object.keys(expected)) {
    it(`${name}: every row and field as expected, every warning listed`, () => {
      const r = parse(name);
      expect(r.rows).toEqual(expected[name]!.rows);
      expect(r.warnings).toEqual(expected[name]!.warnings);
      if (expected[name]!.kind === 'emg') expect(r.suggestions).toEqual(expected[name]!.suggestions);
    });
  }

  it('a PDF copy (single spaces, blank cells gone, title and page footer): values read left to right, the columns left over named', () => {
    const r = parseEmgTable(read('pdf-emg-single-space'));
    expect(r.rows[0]).toEqual({
      id: 'emg-3',
      muscle: 'tibialis-anterior',
      side: 'R',
      sourceLine: 3,
      insertionalActivity: 'increased',
      fibrillations: 2,
      positiveSharpWaves: 2,
      absentDischarges: ['fasciculations'],
      muapAmplitude: 'normal',
      muapDuration: 'normal',
      polyphasia: 'normal',
      recruitment: 'reduced',
    });
    expect(r.warnings).toContainEqual({ line: 10, message: 'Page footer "Page 1 of 2" ignored.' });
    expect(r.warnings).toContainEqual({
      line: 9,
      message: 'Fewer values than columns (blank cells are lost in a PDF copy): values read left to right; not read: "Fasc", "Amp", "Dur", "Poly", "Recrt".',
    });
  });

  it('a misspelt muscle ("Tibials anterior") is offered for confirmation, never applied silently', () => {
    const r = parseEmgTable(read('pdf-emg-single-space'));
    expect(r.rows.find((x) => x.sourceLine === 8)!.muscle).toBe('Tibials anterior');
    expect(r.suggestions).toEqual([{ line: 8, rowId: 'emg-8', written: 'Tibials anterior', muscleId: 'tibialis-anterior', label: 'Tibialis anterior' }]);
  });

  it('two-level header; "L4/5, L5/S1 PVMs" becomes two rows; "myokymia absent" is recorded; "Gastrocnemius" kept without a head', () => {
    const r = parseEmgTable(read('two-level-emg'));
    expect(r.rows.map((x) => x.muscle)).toEqual(['tibialis-anterior', 'gastrocnemius', 'paraspinals-L4-L5', 'paraspinals-L5-S1', 'vastus-lateralis', 'gluteus-maximus']);
    expect(r.rows[1]!.absentDischarges).toEqual(['myokymic']);
  });

  it('NCS with L and R sub-columns: one study per side, absent responses kept', () => {
    const r = parseNcsTable(read('ncs-lr-subcolumns'));
    expect(r.rows.map((x) => [x.nerve, x.side, x.amplitude ?? (x.noResponse ? 'NR' : undefined)])).toEqual([
      ['sural-sensory', 'L', 4.1],
      ['sural-sensory', 'R', 11.5],
      ['superficial-peroneal-sensory', 'L', 'NR'],
      ['superficial-peroneal-sensory', 'R', 9.2],
      ['peroneal-motor-edb', 'L', 1.9],
      ['peroneal-motor-edb', 'R', 5.6],
    ]);
  });

  it('a Natus-like per-site export: sites under the study heading, distances converted from the stated cm', () => {
    const r = parseNcsTable(read('natus-per-site'));
    expect(r.rows.map((x) => [x.stimulationSite, x.distanceMm])).toEqual([
      ['Ankle', 80],
      ['B Fib', 300],
      ['A Fib', 100],
      ['Ankle', 80],
      ['Knee', 385],
    ]);
  });

  it('a distance column without a unit is not read (never a guessed unit)', () => {
    const r = parseNcsTable('Nerve\tSide\tLat\tAmp\tDist\nSural\tR\t3.5\t12\t14');
    expect(r.rows[0]!.distanceMm).toBeUndefined();
    expect(r.warnings).toContainEqual({ line: 1, message: 'Column "Dist" gives no unit (cm or mm): distances not read.' });
  });
});

describe('cells that are not read are listed', () => {
  it('a cell right of the last header column is named in a warning', () => {
    const r = parseEmgTable('Muscle\tSide\tFib\nTA\tR\t2+\tsee comment');
    expect(r.rows[0]).toMatchObject({ muscle: 'tibialis-anterior', fibrillations: 2 });
    expect(r.warnings).toContainEqual({ line: 2, message: '"see comment" lies under no column: not read.' });
  });
});
