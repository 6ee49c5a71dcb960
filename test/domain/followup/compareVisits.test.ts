import { describe, expect, it } from 'vitest';
import { compareVisits, followUpCsv, followUpTable, isoFromDicomDate, orderVisits, visitFromSession, type Visit } from '../../../src/domain/followup';
import { CHEN_DUTCH_SET } from '../../../src/domain/reference';
import type { NerveMeasurement } from '../../../src/domain/measurement';
import { session, STUDY } from '../session/fixtures';
import { csa } from '../profile/fixtures';

function visit(id: string, date: string | null, measurements: NerveMeasurement[], patientId: string | null = 'NT-0001'): Visit {
  return { id, label: id, patientId, patientName: null, date, dateSource: 'test', measurements };
}

const baseline = (): NerveMeasurement[] => [csa('gluteal-fold', 'L', 50), csa('gluteal-fold', 'R', 100), csa('mid-thigh', 'R', 84)];
const after = (): NerveMeasurement[] => [csa('gluteal-fold', 'L', 51), csa('gluteal-fold', 'R', 70), csa('mid-thigh', 'R', 80)];

describe('visits', () => {
  it('a session is dated by the StudyDate of its measured studies', () => {
    const s = session([csa('gluteal-fold', 'R', 100)], {
      patient: { name: 'PHANTOM^SCIATIC', id: 'NT-0001', birthDate: '', accessionNumber: '' },
      studies: [{ studyInstanceUid: STUDY, description: 'US', studyDate: '20250715', series: [] }],
    });
    expect(visitFromSession(s, 'v2.json', 'v2.json')).toMatchObject({ date: '2025-07-15', patientId: 'NT-0001' });
  });

  it('reads only real DICOM dates', () => {
    expect(isoFromDicomDate('20250230')).toBeNull();
    expect(isoFromDicomDate('2025-01-01')).toBeNull();
    expect(isoFromDicomDate('20250115')).toBe('2025-01-15');
  });

  it('refuses to put two patients in one follow-up', () => {
    const r = orderVisits([visit('a.json', '2025-01-15', [], 'NT-0001'), visit('b.json', '2025-07-15', [], 'NT-0002')]);
    expect(r).toEqual({ ok: false, error: expect.stringContaining('different patients') });
  });

  it('orders visits by date, undated last, and says so', () => {
    const r = orderVisits([visit('late', '2025-07-15', []), visit('undated', null, []), visit('early', '2025-01-15', [])]);
    expect(r.ok && r.value.visits.map((v) => v.id)).toEqual(['early', 'late', 'undated']);
    expect(r.ok && r.value.notes.join(' ')).toContain('undated has no study date');
  });
});

describe('follow-up comparison', () => {
  it('baseline is the earliest and latest the last visit by default; the change is latest − baseline', () => {
    const r = compareVisits([visit('v2', '2025-07-15', after()), visit('v1', '2025-01-15', baseline())], CHEN_DUTCH_SET);
    if (!r.ok) throw new Error(r.error);
    expect([r.value.baselineId, r.value.latestId]).toEqual(['v1', 'v2']);
    const right = r.value.rows.find((row) => row.site === 'gluteal-fold' && row.side === 'R')!;
    expect(right.changeMm2).toBeCloseTo(-30, 9);
    expect(right.changePercent).toBeCloseTo(-30, 9);
  });

  it('without a published detectable difference the change is put against the named percentage and says so', () => {
    const r = compareVisits([visit('v1', '2025-01-15', baseline()), visit('v2', '2025-07-15', after())], CHEN_DUTCH_SET);
    if (!r.ok) throw new Error(r.error);
    const rows = r.value.rows;
    expect(rows.find((x) => x.site === 'gluteal-fold' && x.side === 'R')!.text).toBe('change above 10 % (convention) — no published detectable difference');
    expect(rows.find((x) => x.site === 'gluteal-fold' && x.side === 'L')!.text).toBe('change below 10 % (convention) — no published detectable difference');
  });

  it('with a detectable difference the change is judged against it, with its source', () => {
    const sdd = [{ nerve: 'sciatic' as const, site: 'gluteal-fold' as const, modality: 'US' as const, differenceMm2: 16.4, source: 'user' }];
    const r = compareVisits([visit('v1', '2025-01-15', baseline()), visit('v2', '2025-07-15', after())], CHEN_DUTCH_SET, { detectableDifferences: sdd });
    if (!r.ok) throw new Error(r.error);
    expect(r.value.rows.find((x) => x.site === 'gluteal-fold' && x.side === 'R')).toMatchObject({ assessment: 'beyond-detectable' });
    expect(r.value.rows.find((x) => x.site === 'gluteal-fold' && x.side === 'L')).toMatchObject({ assessment: 'within-detectable' });
  });

  it('baseline and latest can be changed', () => {
    const v3 = visit('v3', '2026-01-15', [csa('gluteal-fold', 'R', 60)]);
    const r = compareVisits([visit('v1', '2025-01-15', baseline()), visit('v2', '2025-07-15', after()), v3], CHEN_DUTCH_SET, { baselineId: 'v2' });
    if (!r.ok) throw new Error(r.error);
    expect(r.value.latestId).toBe('v3');
    expect(r.value.rows.find((x) => x.site === 'gluteal-fold' && x.side === 'R')!.changeMm2).toBeCloseTo(-10, 9);
    expect(compareVisits([visit('v1', null, []), visit('v2', null, [])], CHEN_DUTCH_SET, { baselineId: 'v1', latestId: 'v1' }).ok).toBe(false);
    // choosing the latest visit as baseline makes the automatic latest the one before it
    const swapped = compareVisits([visit('v1', '2025-01-15', baseline()), visit('v2', '2025-07-15', after())], CHEN_DUTCH_SET, { baselineId: 'v2' });
    expect(swapped.ok && [swapped.value.baselineId, swapped.value.latestId]).toEqual(['v2', 'v1']);
  });

  it('a visit measured uncalibrated at a site is not compared with mm² (no change, says why)', () => {
    const second = [csa('gluteal-fold', 'R', 70, { uncalibrated: true }), csa('gluteal-fold', 'L', 51)];
    const r = compareVisits([visit('v1', '2025-01-15', baseline()), visit('v2', '2025-07-15', second)], CHEN_DUTCH_SET);
    if (!r.ok) throw new Error(r.error);
    const right = r.value.rows.find((x) => x.site === 'gluteal-fold' && x.side === 'R')!;
    expect(right.changeMm2).toBeNull();
    expect(right.assessment).toBe('not-comparable');
    expect(right.text).toContain('v2 is uncalibrated');
    expect(followUpTable(r.value).rows.find((row) => row[2] === 'Gluteal fold' && row[3] === 'Right')![5]).toBe('7000 px2 (uncalibrated)');
  });

  it('a site missing at one visit is not comparable', () => {
    const r = compareVisits([visit('v1', '2025-01-15', baseline()), visit('v2', '2025-07-15', after().slice(0, 2))], CHEN_DUTCH_SET);
    if (!r.ok) throw new Error(r.error);
    expect(r.value.rows.find((x) => x.site === 'mid-thigh')!.text).toBe('not comparable: not measured at v2');
  });

  it('excluded repeats are left out of each visit value', () => {
    const second = [...after(), csa('gluteal-fold', 'R', 500, { excluded: true })];
    const r = compareVisits([visit('v1', '2025-01-15', baseline()), visit('v2', '2025-07-15', second)], CHEN_DUTCH_SET);
    if (!r.ok) throw new Error(r.error);
    expect(r.value.rows.find((x) => x.site === 'gluteal-fold' && x.side === 'R')!.latestMm2).toBeCloseTo(70, 9);
  });

  it('the CSV holds the same cells as the table', () => {
    const r = compareVisits([visit('v1', '2025-01-15', baseline()), visit('v2', '2025-07-15', after())], CHEN_DUTCH_SET);
    if (!r.ok) throw new Error(r.error);
    const csv = followUpCsv(r.value);
    expect(csv.split('\r\n')[0]).toBe(
      'Nerve,Modality,Site,Side,2025-01-15 (v1) baseline mean (mm2),2025-07-15 (v2) latest mean (mm2),Change (mm2),Change (%),Smallest detectable difference (mm2),Assessment',
    );
    expect(csv).toContain('Sciatic nerve,ultrasound,Gluteal fold,Right,100.0,70.0,-30.0,-30.0,,change above 10 % (convention) — no published detectable difference');
  });
});
