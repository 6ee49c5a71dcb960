import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.ts';
import { memoryIo } from '../../src/cli/io.ts';
import type { Session } from '../../src/domain/session/index.ts';

const root = resolve(__dirname, '../..');
const VISIT_1 = join(root, 'sample-dicom/followup/visit-1-session.json');
const VISIT_2 = join(root, 'sample-dicom/followup/visit-2-session.json');
const dir = mkdtempSync(join(tmpdir(), 'nervetrace-profile-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(...argv: string[]) {
  const io = memoryIo();
  const code = runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

/** Mean of the stored areas of the included repeats, computed here from the file, not by the domain. */
function storedMean(path: string, site: string, side: 'L' | 'R'): number {
  const s = JSON.parse(readFileSync(path, 'utf8')) as Session;
  const areas = s.measurements
    .filter((m) => m.site === site && m.side === side && m.excluded !== true && m.metrics.calibrated)
    .map((m) => (m.metrics.calibrated ? m.metrics.areaMm2 : 0));
  return areas.reduce((a, b) => a + b, 0) / areas.length;
}

const csvRows = (text: string) => text.trimEnd().split('\r\n').map((line) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '')).slice(0, -1));

describe('nervetrace profile', () => {
  it('prints each visit profile site by site in anatomical order with the upper limit where one exists', () => {
    const r = run('profile', VISIT_1);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    const sites = lines.filter((l) => /^(Gluteal fold|Mid-thigh|Distal thigh)/.test(l));
    expect(sites.map((l) => l.split('  ')[0])).toEqual(['Gluteal fold', 'Mid-thigh', 'Distal thigh, above the bifurcation']);
    expect(sites[0]).toContain('58.3 (S1)');
    expect(sites[2]).toContain('no reference');
    expect(r.out).toContain('Intranerve variability: left 1.39');
  });

  it('the profile CSV holds the mean of the included stored repeats (the excluded one left out)', () => {
    const r = run('profile', VISIT_1, '--csv');
    expect(r.code).toBe(0);
    const [header, ...rows] = csvRows(r.out);
    const col = (name: string) => header!.indexOf(name);
    const gluteal = rows.find((row) => row[col('Site')] === 'Gluteal fold')!;
    expect(gluteal[col('Right mean (mm2)')]).toBe(storedMean(VISIT_1, 'gluteal-fold', 'R').toFixed(1));
    expect(gluteal[col('Right n')]).toBe('3');
    expect(gluteal[col('Notes')]).toContain('Right: 1 repeat excluded');
  });

  it('compares two visits: the right nerve is smaller after treatment, each change against 10 % (no published detectable difference)', () => {
    const r = run('profile', VISIT_2, VISIT_1, '--csv', '--follow-up');
    expect(r.code).toBe(0);
    const [header, ...rows] = csvRows(r.out);
    expect(header!.slice(4, 6)).toEqual(['2025-03-14 (visit-1-session.json) baseline mean (mm2)', '2025-09-12 (visit-2-session.json) latest mean (mm2)']);
    for (const site of ['gluteal-fold', 'mid-thigh', 'distal-thigh-above-bifurcation'] as const) {
      const label = { 'gluteal-fold': 'Gluteal fold', 'mid-thigh': 'Mid-thigh', 'distal-thigh-above-bifurcation': 'Distal thigh, above the bifurcation' }[site];
      const right = rows.find((row) => row[2] === label && row[3] === 'Right')!;
      const before = storedMean(VISIT_1, site, 'R');
      const after = storedMean(VISIT_2, site, 'R');
      expect(right[4]).toBe(before.toFixed(1));
      expect(right[5]).toBe(after.toFixed(1));
      expect(Number(right[6])).toBeCloseTo(after - before, 1);
      expect(Number(right[6])).toBeLessThan(-10);
      expect(right[9]).toBe('change above 10 % (convention) — no published detectable difference');
    }
  });

  it('--json gives the same table cells as --csv', () => {
    const json = JSON.parse(run('profile', VISIT_1, VISIT_2, '--json').out) as { followUp: { table: { rows: string[][] } } };
    const csv = csvRows(run('profile', VISIT_1, VISIT_2, '--csv', '--follow-up').out).slice(1);
    expect(json.followUp.table.rows).toEqual(csv);
  });

  it('--baseline chooses the visit compared from', () => {
    const r = run('profile', VISIT_1, VISIT_2, '--baseline', VISIT_2, '--latest', VISIT_1, '--csv', '--follow-up');
    expect(r.code).toBe(0);
    expect(csvRows(r.out)[0]![4]).toContain('latest');
    expect(csvRows(r.out)[0]![5]).toContain('baseline');
  });

  it('refuses sessions of different patients, in one sentence', () => {
    const other = JSON.parse(readFileSync(VISIT_2, 'utf8')) as Session & { patient: { id: string } };
    other.patient.id = 'NT-0002';
    const path = join(dir, 'other-patient.json');
    writeFileSync(path, JSON.stringify(other));
    const r = run('profile', VISIT_1, path);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^The sessions belong to different patients \(NT-0001 in visit-1-session\.json, NT-0002 in other-patient\.json\); a follow-up compares one patient\.\n$/);
  });

  it('command-line errors exit 2', () => {
    expect(run('profile').code).toBe(2);
    expect(run('profile', VISIT_1, '--baseline', 'nope.json').code).toBe(2);
    expect(run('profile', VISIT_1, '--json', '--csv').code).toBe(2);
  });
});
