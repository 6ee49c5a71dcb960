import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.ts';
import { memoryIo } from '../../src/cli/io.ts';
import { readMeasurementReportSr } from '../../src/domain/export/index.ts';
import { serializeSession, type Session } from '../../src/domain/session/index.ts';
import { measurement, rect, session, SOP_R, UNCALIBRATED, usRegion } from '../domain/session/fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'nervetrace-session-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: Session | string): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : serializeSession(content));
  return path;
}

function run(...argv: string[]) {
  const io = memoryIo();
  const code = runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

const sides = (l: number[], r: number[]) => [
  ...l.map((w, i) => measurement({ id: `L${i}`, label: `L${i + 1}`, side: 'L', contour: rect(0, 0, w, 100), calibration: usRegion(0.1) })),
  ...r.map((w, i) => measurement({ id: `R${i}`, label: `R${i + 1}`, side: 'R', contour: rect(0, 0, w, 100), calibration: usRegion(0.1) })),
];
const good = write('good.json', session(sides([50, 52, 54], [100, 102, 104])));

describe('nervetrace report', () => {
  it('prints the clinical report the workstation shows (buildClinicalReport), as text', () => {
    const r = run('report', good);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out.startsWith('NerveTrace clinical report\n')).toBe(true);
    expect(r.out).toContain('Reference set: "Chen 2018 / Dutch table" (built-in)');
    expect(r.out).toContain(
      '- Left sciatic nerve, gluteal fold (US): 52.0 ± 2.0 mm² (mean ± SD of 3: 50.0, 52.0 and 54.0), within the upper limit of 58.3 mm² (S1).',
    );
    expect(r.out).toContain(
      '- Right sciatic nerve, gluteal fold (US): 102.0 ± 2.0 mm² (mean ± SD of 3: 100.0, 102.0 and 104.0), above the upper limit of 58.3 mm² (S1).',
    );
    expect(r.out).toContain('- Sciatic nerve, gluteal fold (US): asymmetric, right larger — difference 50.0 mm², ratio 1.96.');
    expect(r.out).toContain('- No EMG or nerve-conduction findings entered: nothing to localize.');
  });

  it('--json gives the structured results', () => {
    const r = run('report', good, '--json');
    const json = JSON.parse(r.out) as {
      referenceSet: { id: string };
      comparisons: Array<{ verdict: { kind: string; enlargedSides: string[] } }>;
      localization: { confidence: string };
      concordance: unknown[];
      report: { title: string; sections: Array<{ id: string }> };
    };
    expect(json.referenceSet.id).toBe('chen2018-dutch');
    expect(json.report.title).toBe('NerveTrace clinical report');
    expect(json.report.sections.map((s) => s.id)).toContain('concordance');
    expect(json.comparisons[0]!.verdict).toMatchObject({ kind: 'enlarged', enlargedSides: ['R'] });
    expect(json.localization.confidence).toBe('none');
    expect(json.concordance).toHaveLength(2);
  });

  it('reports stored numbers that disagreed with the outline on stderr, and uses the recomputed ones', () => {
    const base = session(sides([50], [100]));
    const m = base.measurements[1]!;
    const tampered = { ...base, measurements: [base.measurements[0]!, { ...m, metrics: { ...m.metrics, areaMm2: 10 } as typeof m.metrics }] };
    const r = run('report', write('tampered.json', tampered), '--json');
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^Warning: .*tampered\.json: Measurement "R1" \(measurements\[1\]\): stored areaMm2 10 mm² disagreed with its outline \(100 mm²\); the recomputed value is used\.\n$/);
    expect((JSON.parse(r.out) as { comparisons: Array<{ rightMeanMm2: number }> }).comparisons[0]!.rightMeanMm2).toBe(100);
  });

  it('refuses an invalid session in one sentence naming the file and the JSON path, exit 1', () => {
    const text = serializeSession(session(sides([50], [100]))).replace('"areaMm2": 50', '"areaMm2": "50"');
    const bad = write('bad.json', text);
    const r = run('report', bad);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toBe(`${bad}: The session is not valid: measurements[0].metrics.areaMm2: expected a finite number, got text "50".\n`);
  });

  it('refuses a missing file, non-JSON and an unknown schema version plainly', () => {
    expect(run('report', join(dir, 'none.json')).err).toBe(`File not found: ${join(dir, 'none.json')}.\n`);
    expect(run('report', write('notjson.json', 'hello')).err).toMatch(/notjson\.json: The session file is not valid JSON: /);
    const v2 = write('v3.json', serializeSession(session([])).replace('"schemaVersion": 2', '"schemaVersion": 3'));
    expect(run('report', v2).err).toBe(`${v2}: Unsupported session schema version 3 (this NerveTrace reads versions 1 and 2).\n`);
  });

  it('usage errors exit 2', () => {
    expect(run('report').code).toBe(2);
    expect(run('report', good, good).code).toBe(2);
    expect(run('report', good, '--bogus').err).toBe('Unknown option --bogus. Run "nervetrace report --help" for usage.\n');
  });
});

describe('nervetrace table', () => {
  const other = write('other.json', session([measurement({ id: 'x', label: 'uncal', calibration: UNCALIBRATED })]));

  it('prints one CSV for several sessions with one header and the session file first', () => {
    const r = run('table', good, other);
    expect(r.code).toBe(0);
    const lines = r.out.split('\r\n').filter((l) => l.length > 0);
    expect(lines).toHaveLength(1 + 6 + 1);
    expect(lines[0]!.startsWith('Session file,Label,Nerve,Site,Side,')).toBe(true);
    // The stored numbers at full precision (the UI rounds the same values to one decimal).
    expect(lines[1]).toMatch(new RegExp(`^${good.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')},L1,Sciatic nerve,Gluteal fold,L,ImageLaterality,US,freehand,(50|49\.9999+\d*|50\.0000+\d*),(30|29\.9999+\d*|30\.0000+\d*),5000,300,us-region,0.1,0.1,`));
    expect(lines[7]!.startsWith(`${other},uncal,Sciatic nerve,Gluteal fold,R,ImageLaterality,US,freehand,,,8000,360,none,,,`)).toBe(true);
  });

  it('is de-identified by default, consistently across sessions; --identified keeps UIDs and file names', () => {
    const plain = run('table', good, other).out;
    expect(plain).not.toContain(SOP_R);
    expect(plain).not.toContain('Smith_John');
    const rightUid = (line: string) => line.split(',')[19];
    const lines = plain.split('\r\n');
    expect(rightUid(lines[4]!)).toBe(rightUid(lines[7]!)); // the same right image in both sessions
    const identified = run('table', good, other, '--identified').out;
    expect(identified).toContain(SOP_R);
    expect(identified).toContain('Smith_John_right.dcm');
  });

  it('refuses the whole table when one session is invalid', () => {
    const r = run('table', good, write('broken.json', '{"schemaVersion": 1}'));
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/broken\.json: The session is not valid: app: required field is missing \(and \d+ more problems\)\.\n$/);
  });
});

describe('nervetrace sr', () => {
  it('writes a de-identified SR that reads back to the same measurements', () => {
    const out = join(dir, 'report.dcm');
    const r = run('sr', good, '-o', out);
    expect(r).toEqual({ code: 0, out: `Wrote ${out}: 6 measurements, de-identified.\n`, err: '' });
    const back = readMeasurementReportSr(new Uint8Array(readFileSync(out)));
    expect(back.ok && back.value.measurements.map((m) => [m.label, m.side, m.metrics.calibrated && Math.round(m.metrics.areaMm2)])).toEqual([
      ['L1', 'L', 50],
      ['L2', 'L', 52],
      ['L3', 'L', 54],
      ['R1', 'R', 100],
      ['R2', 'R', 102],
      ['R3', 'R', 104],
    ]);
    expect(new TextDecoder('latin1').decode(readFileSync(out))).not.toContain('Smith');
  });

  it('--identified and --output= keep the patient', () => {
    const out = join(dir, 'identified.dcm');
    expect(run('sr', good, `--output=${out}`, '--identified').code).toBe(0);
    expect(new TextDecoder('latin1').decode(readFileSync(out))).toContain('Smith^John');
  });

  it('needs -o, refuses a session without measurements, exit 1', () => {
    expect(run('sr', good).err).toBe('sr needs -o <file.dcm>. Run "nervetrace sr --help" for usage.\n');
    const empty = write('empty.json', session([]));
    expect(run('sr', empty, '-o', join(dir, 'x.dcm'))).toEqual({ code: 1, out: '', err: 'The session has no measurements to report.\n' });
  });

  it('runs as a child process through the launcher', () => {
    const out = join(dir, 'child.dcm');
    const launcher = join(process.cwd(), 'scripts/nervetrace.mjs');
    const r = spawnSync(process.execPath, [launcher, 'sr', good, '-o', out], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0);
    expect(readMeasurementReportSr(new Uint8Array(readFileSync(out))).ok).toBe(true);
  });
});
