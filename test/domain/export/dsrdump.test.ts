/**
 * The SR must be readable by an independent implementation: DCMTK's dsrdump (Debian package dcmtk).
 * Skipped, with a visible message, where dsrdump is not installed (CI installs dcmtk).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildMeasurementReportSr } from '../../../src/domain/export';
import { parseSession, type Session } from '../../../src/domain/session';
import { measurement, session, UNCALIBRATED } from '../session/fixtures';

const dsrdumpAvailable = spawnSync('dsrdump', ['--version'], { encoding: 'utf8' }).status === 0;
if (!dsrdumpAvailable) {
  console.warn('SKIPPED: DICOM SR validation with dsrdump — dsrdump (dcmtk) is not installed; install the dcmtk package to run it.');
}

const dir = mkdtempSync(join(tmpdir(), 'nervetrace-sr-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function dump(s: Session, name: string) {
  const sr = buildMeasurementReportSr(s, { salt: 'fixed' });
  if (!sr.ok) throw new Error(sr.error);
  const file = join(dir, name);
  writeFileSync(file, sr.value);
  const run = spawnSync('dsrdump', ['-Ee', '+Pc', file], { encoding: 'utf8' });
  const problems = `${run.stdout}\n${run.stderr}`.split('\n').filter((l) => /^[EWF]:/.test(l));
  return { status: run.status, stdout: run.stdout, problems };
}

describe.skipIf(!dsrdumpAvailable)('dsrdump (dcmtk) reads the measurement report', () => {
  it('prints no error or warning and shows Area in mm2 and Perimeter in mm', () => {
    const r = dump(session([measurement({ id: 'a', label: 'A1' }), measurement({ id: 'b', label: 'A2', side: 'L' })]), 'ascii.dcm');
    expect(r.status).toBe(0);
    expect(r.problems).toEqual([]);
    expect(r.stdout).toContain('Comprehensive 3D SR Document');
    expect(r.stdout).toMatch(/NUM:\(42798000,SCT,"Area"\)="80" \(mm2,UCUM,"square millimeter"\)/);
    expect(r.stdout).toMatch(/NUM:\(131191004,SCT,"Perimeter"\)="36" \(mm,UCUM,"millimeter"\)/);
    expect(r.stdout).toMatch(/SCOORD:\(111030,DCM,"Image Region"\)=\(POLYLINE,/);
    expect(r.stdout).toMatch(/Laterality"\)=\(7771000,SCT,"Left"\)/);
  });

  it('reads unicode labels and uncalibrated measurements (only the VR checker note about UTF-8)', () => {
    const r = dump(session([measurement({ id: 'a', label: 'Zwölf – ü ✓' }), measurement({ id: 'b', label: 'raw', calibration: UNCALIBRATED })]), 'utf8.dcm');
    expect(r.status).toBe(0);
    expect(r.problems).toEqual(['W: The VR checker does not support this Specific Character Set: ISO_IR 192']);
    expect(r.stdout).toContain('"Zwölf – ü ✓"');
    expect(r.stdout).toContain('Uncalibrated: the image has');
  });

  it('reads the report of the sample session (ultrasound and MR)', () => {
    const sample = parseSession(readFileSync('sample-dicom/sample-session.json', 'utf8'));
    if (!sample.ok) throw new Error(sample.error);
    const r = dump(sample.value, 'sample.dcm');
    expect(r.status).toBe(0);
    // The pixel-spacing description "0.700 × 0.700 mm" makes the file UTF-8: only dcmtk's note about that.
    expect(r.problems).toEqual(['W: The VR checker does not support this Specific Character Set: ISO_IR 192']);
    expect(r.stdout.match(/\(mm2,UCUM,"square millimeter"\)/g)).toHaveLength(10);
    expect(r.stdout).toContain('=(MR image,)');
  });
});
