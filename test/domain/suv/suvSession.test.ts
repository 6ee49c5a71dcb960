/**
 * FDG SUV measurements joining the session (optional field), the report, the FDG concordance
 * with the EMG, the CSV and the DICOM SR (unit g/ml{SUVbw}, read by dsrdump).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildMeasurementReportSr, readMeasurementReportSr, suvCsv } from '../../../src/domain/export';
import { buildClinicalReport } from '../../../src/domain/report';
import { deidentifySession, parseSession, type Session } from '../../../src/domain/session';
import { serializeSession } from '../../../src/domain/session/serializeSession';
import { FDG_AVID_SUVMAX, relateFdgToEmg, suvSentence, type SuvMeasurement } from '../../../src/domain/suv';
import { localizeLesions } from '../../../src/domain/localization';
import { NCS_LIMIT_SETS, type NeedleEmgRow } from '../../../src/domain/emg';
import { BUILT_IN_REFERENCE_SETS } from '../../../src/domain/reference';
import { measurement, NOW, session, STUDY } from '../session/fixtures';

const PET_SERIES = '1.2.826.0.1.3680043.8.498.1.9';
const PET_SOP = '1.2.826.0.1.3680043.8.498.1.9.3';

function suvLine(over: Partial<SuvMeasurement> = {}): SuvMeasurement {
  return {
    id: 'suv-line-1',
    label: 'P1',
    kind: 'line',
    nerve: 'sciatic',
    site: 'mid-thigh',
    side: 'L',
    sideSource: 'user',
    image: { studyInstanceUid: STUDY, seriesInstanceUid: PET_SERIES, sopInstanceUid: PET_SOP, frameIndex: 0, fileName: 'Smith_pet.dcm' },
    points: [{ x: 94.5, y: 6.2 }, { x: 94.5, y: 56.2 }, { x: 94.5, y: 106.2 }],
    values: { suvMax: 4.6, maxAt: { x: 94.5, y: 50.2 }, suvMean: null, suvPeak: null, pixelCount: null, lengthMm: 300, maxDistanceMm: 132 },
    factor: 0.000284232,
    factorSource: 'Units BQML: weight 72 kg / dose 370.0 MBq decayed 3600 s (half-life 6586.2 s) from injection 09:30:00 to the series time 10:30:00.',
    weightEdited: false,
    doseEdited: false,
    createdAt: NOW,
    ...over,
  };
}

function suvRegion(over: Partial<SuvMeasurement> = {}): SuvMeasurement {
  return suvLine({
    id: 'suv-region-1',
    label: 'S1',
    kind: 'region',
    points: [{ x: 90.5, y: 44.5 }, { x: 98.5, y: 44.5 }, { x: 98.5, y: 71.2 }, { x: 90.5, y: 71.2 }],
    values: { suvMax: 4.6, maxAt: { x: 93, y: 50 }, suvMean: 2.53, suvPeak: 4.27, pixelCount: 216, lengthMm: null, maxDistanceMm: null },
    ...over,
  });
}

function petSession(suv: SuvMeasurement[], extra: Partial<Session> = {}): Session {
  const base = session([measurement({ id: 'a', label: 'A1' })], extra);
  return {
    ...base,
    studies: base.studies.map((s) => ({
      ...s,
      series: [...s.series, { seriesInstanceUid: PET_SERIES, modality: 'PT', description: 'PET FDG', laterality: null, instances: [{ sopInstanceUid: PET_SOP, sopClassUid: '1.2.840.10008.5.1.4.1.1.128', fileName: 'Smith_pet.dcm', frames: 1 }] }],
    })),
    suv: { edits: [{ seriesInstanceUid: PET_SERIES, patientWeightKg: 72 }], measurements: suv },
  };
}

describe('SUV measurements in the report', () => {
  it('a line reads "SUVmax 4.6 along the left sciatic nerve at mid-thigh"', () => {
    expect(suvSentence(suvLine())).toBe('SUVmax 4.6 along the left sciatic nerve at mid-thigh, 132 mm along a 300 mm line');
  });

  it('a region gives SUVmax, SUVmean and the 2-D SUVpeak', () => {
    expect(suvSentence(suvRegion())).toBe('SUVmax 4.6, SUVmean 2.5, SUVpeak 4.3 (2-D) in a region on the left sciatic nerve at mid-thigh');
  });

  it('an edited weight or dose is marked in the sentence', () => {
    expect(suvSentence(suvLine({ weightEdited: true, doseEdited: true }))).toMatch(/\(weight edited, dose edited\)$/);
  });

  it('the clinical report has an FDG PET section with the sentence and the SUV source', () => {
    const report = buildClinicalReport({ measurements: [], emg: [], ncs: [], referenceSet: BUILT_IN_REFERENCE_SETS[0]!, ncsLimits: NCS_LIMIT_SETS[0]!, fdg: [suvLine()] });
    const fdg = report.sections.find((s) => s.id === 'fdg');
    expect(fdg?.entries[0]?.text).toBe('SUVmax 4.6 along the left sciatic nerve at mid-thigh, 132 mm along a 300 mm line.');
    expect(fdg?.entries[0]?.tone).toBe('abnormal');
    expect(fdg?.entries[0]?.details?.[0]).toMatch(/^SUV body weight, Units BQML/);
  });

  it('no FDG section without SUV measurements (reports of older sessions unchanged)', () => {
    const report = buildClinicalReport({ measurements: [], emg: [], ncs: [], referenceSet: BUILT_IN_REFERENCE_SETS[0]!, ncsLimits: NCS_LIMIT_SETS[0]! });
    expect(report.sections.some((s) => s.id === 'fdg')).toBe(false);
  });
});

const abnormal = (id: string, muscle: string): NeedleEmgRow => ({ id, muscle, side: 'L', insertionalActivity: 'increased', fibrillations: 2, positiveSharpWaves: 2, recruitment: 'reduced' });

describe('FDG-avid segment as imaging evidence for the EMG localization', () => {
  const sciaticEmg = localizeLesions({
    emg: [
      abnormal('e1', 'biceps-femoris-short-head'),
      abnormal('e2', 'tibialis-anterior'),
      abnormal('e3', 'gastrocnemius-medial-head'),
      abnormal('e5', 'semitendinosus'),
      { id: 'e4', muscle: 'gluteus-medius', side: 'L', insertionalActivity: 'normal', fibrillations: 0, positiveSharpWaves: 0, recruitment: 'full' },
    ],
    ncs: [],
    ncsLimits: NCS_LIMIT_SETS[0]!,
  });

  it(`SUVmax 4.6 ≥ ${FDG_AVID_SUVMAX} on the left sciatic at mid-thigh agrees with a left sciatic EMG localization`, () => {
    const [e] = relateFdgToEmg([suvLine()], sciaticEmg);
    expect(e?.avid).toBe(true);
    expect(e?.status).toBe('agrees');
  });

  it('an FDG-avid right sciatic disagrees (the EMG lesion is on the other side)', () => {
    const [e] = relateFdgToEmg([suvLine({ side: 'R' })], sciaticEmg);
    expect(e?.status).toBe('disagrees');
    expect(e?.statement).toMatch(/other side/);
  });

  it('a non-avid segment (SUVmax 1.1) is not FDG-avid', () => {
    const [e] = relateFdgToEmg([suvLine({ values: { ...suvLine().values, suvMax: 1.1 } })], sciaticEmg);
    expect(e?.avid).toBe(false);
  });
});

describe('SUV measurements in the session file', () => {
  it('round-trip through JSON keeps them (optional field)', () => {
    const s = petSession([suvLine(), suvRegion()]);
    const back = parseSession(serializeSession(s));
    if (!back.ok) throw new Error(JSON.stringify(back));
    expect(back.value.suv).toEqual(s.suv);
  });

  it('a session without the suv field still loads', () => {
    const s = session([measurement({ id: 'a' })]);
    const back = parseSession(serializeSession(s));
    expect(back.ok).toBe(true);
  });

  it('a malformed SUV value is refused with its path', () => {
    const s = petSession([suvLine()]);
    const json = JSON.parse(serializeSession(s));
    json.suv.measurements[0].values.suvMax = 'high';
    const back = parseSession(JSON.stringify(json));
    expect(back.ok).toBe(false);
    expect(JSON.stringify(back)).toMatch(/suv.measurements\[0\].values.suvMax/);
  });

  it('de-identification replaces the UIDs and file names of SUV measurements and edits', () => {
    const d = deidentifySession(petSession([suvLine()]), 'salt');
    expect(d.suv!.measurements[0]!.image.sopInstanceUid).not.toBe(PET_SOP);
    expect(d.suv!.measurements[0]!.image.fileName).toMatch(/^image-\d{4}\.dcm$/);
    expect(d.suv!.edits[0]!.seriesInstanceUid).not.toBe(PET_SERIES);
    const instance = d.studies[0]!.series.at(-1)!.instances[0]!;
    expect(d.suv!.measurements[0]!.image.sopInstanceUid).toBe(instance.sopInstanceUid);
  });
});

describe('SUV in the CSV and the DICOM SR', () => {
  it('CSV: one row per SUV measurement, SUV in g/ml, edits marked', () => {
    const csv = suvCsv(petSession([suvLine({ weightEdited: true }), suvRegion()]));
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toMatch(/^Label,Kind,Nerve,Site,Side,SUVmax \(g\/ml SUVbw\)/);
    expect(lines[1]).toMatch(/^P1,line,Sciatic nerve,Mid-thigh,L,4\.60,,,,300\.0,132\.0/);
    expect(lines[1]).toMatch(/,yes,no,/);
    expect(lines[2]).toMatch(/^S1,region,Sciatic nerve,Mid-thigh,L,4\.60,2\.53,4\.27,216,/);
  });

  it('SR: the nerve reader imports the cross-sections and leaves the SUV groups alone', () => {
    const sr = buildMeasurementReportSr(petSession([suvLine(), suvRegion()]), { identified: true });
    if (!sr.ok) throw new Error(sr.error);
    const back = readMeasurementReportSr(sr.value);
    if (!back.ok) throw new Error(back.error);
    expect(back.value.measurements.map((m) => m.label)).toEqual(['A1']);
  });

  it('SR: a session with only SUV measurements can be exported', () => {
    const s = petSession([suvLine()]);
    expect(buildMeasurementReportSr({ ...s, measurements: [] }, { identified: true }).ok).toBe(true);
  });
});

const dsrdump = spawnSync('dsrdump', ['--version'], { encoding: 'utf8' }).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'nervetrace-suv-sr-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!dsrdump)('dsrdump reads the SUV groups', () => {
  it('shows SUVbw NUMs in g/ml{SUVbw} with Maximum / Mean / Peak derivations, the path and no error', () => {
    const sr = buildMeasurementReportSr(petSession([suvLine(), suvRegion()]), { salt: 'fixed' });
    if (!sr.ok) throw new Error(sr.error);
    const file = join(dir, 'suv.dcm');
    writeFileSync(file, sr.value);
    const run = spawnSync('dsrdump', ['-Ee', '+Pc', file], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(`${run.stdout}\n${run.stderr}`.split('\n').filter((l) => /^[EWF]:/.test(l))).toEqual([]);
    expect(run.stdout).toMatch(/NUM:\(126401,DCM,"SUVbw"\)="4.6" \(g\/ml\{SUVbw\},UCUM,"Standardized Uptake Value body weight"\)/);
    expect(run.stdout).toMatch(/CODE:\(121401,DCM,"Derivation"\)=\(56851009,SCT,"Maximum"\)/);
    expect(run.stdout).toMatch(/CODE:\(121401,DCM,"Derivation"\)=\(126031,DCM,"Peak Value Within ROI"\)/);
    expect(run.stdout).toMatch(/SCOORD:\(111042,DCM,"Path"\)=\(POLYLINE,/);
  });

  it('an edited weight and dose are marked edited in every report: sentence, clinical report, CSV and SR', () => {
    const edited = suvLine({
      weightEdited: true,
      doseEdited: true,
      factorSource: 'Units BQML: weight 80 kg (edited) / dose 400.0 MBq (edited) decayed 3600 s (half-life 6586.2 s) from injection 09:30:00 to the series time 10:30:00.',
    });
    expect(suvSentence(edited)).toMatch(/\(weight edited, dose edited\)$/);
    const report = buildClinicalReport({ measurements: [], emg: [], ncs: [], referenceSet: BUILT_IN_REFERENCE_SETS[0]!, ncsLimits: NCS_LIMIT_SETS[0]!, fdg: [edited] });
    const entry = report.sections.find((s) => s.id === 'fdg')!.entries[0]!;
    expect(entry.text).toMatch(/\(weight edited, dose edited\)\.$/);
    expect(entry.details?.[0]).toContain('weight 80 kg (edited) / dose 400.0 MBq (edited)');
    const csv = suvCsv(petSession([edited])).trim().split('\r\n');
    const header = csv[0]!.split(',');
    const row = csv[1]!.split(',');
    expect([row[header.indexOf('Weight edited')], row[header.indexOf('Dose edited')]]).toEqual(['yes', 'yes']);
    const sr = buildMeasurementReportSr(petSession([edited]), { salt: 'fixed' });
    if (!sr.ok) throw new Error(sr.error);
    const file = join(dir, 'suv-edited.dcm');
    writeFileSync(file, sr.value);
    // +Pl: print long text values whole (dsrdump shortens them by default).
    const run = spawnSync('dsrdump', ['-Ee', '+Pc', '+Pl', file], { encoding: 'utf8' });
    expect(run.stdout).toContain('patient weight edited by the user; injected dose edited by the user.');
    expect(run.stdout).toContain('weight 80 kg (edited) / dose 400.0 MBq (edited)');
  });
});
