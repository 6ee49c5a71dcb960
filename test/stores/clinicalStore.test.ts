import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { useClinicalStore, parseClinicalSnapshot, parsePastedTable } from '../../src/stores/clinicalStore';
import { useMeasurementStore } from '../../src/stores/measurementStore';
import { CHEN_DUTCH_SET } from '../../src/domain/reference';
import { rectangleMeasurement } from '../helpers/nerveMeasurements';
import { CASES } from '../domain/localization/fixtures';

beforeEach(() => setActivePinia(createPinia()));

describe('clinical store: rows', () => {
  it('a new EMG row starts "not recorded" (not normal) on the side of the row before; "All normal" fills what is unrecorded; typed names become vocabulary ids', () => {
    const store = useClinicalStore();
    const first = store.addEmgRow({ side: 'L' });
    store.setEmgMuscle(first, 'tib ant');
    const second = store.addEmgRow();
    store.setEmgMuscle(second, 'Vastus intermedius');
    expect(store.emgRows.map((r) => [r.muscle, r.side, r.fibrillations, r.recruitment])).toEqual([
      ['tibialis-anterior', 'L', undefined, undefined],
      ['Vastus intermedius', 'L', undefined, undefined],
    ]);
    expect(store.emgAssessments.get(first)!.assessment.assessed).toBe(false);
    store.updateEmgRow(first, { fibrillations: 2 });
    store.setEmgRowNormal(first);
    expect(store.emgRows[0]).toMatchObject({ fibrillations: 2, positiveSharpWaves: 0, recruitment: 'full', muapAmplitude: 'normal' });
    expect(store.emgAssessments.get(first)!.assessment.abnormal).toBe(true);
  });

  it('the entered patient age selects age-dependent limits and is refused unless whole years', () => {
    const store = useClinicalStore();
    const id = store.addNcsRow();
    store.setNcsNerve(id, 'sural-sensory');
    store.updateNcsRow(id, { amplitude: 2, latencyMs: 3.8 });
    expect(store.ncsFlags.get(id)!.flags.map((f) => f.kind)).toEqual(['low-amplitude']);
    expect(store.setPatientAge('72').ok).toBe(true);
    expect(store.ncsFlags.get(id)!.flags).toEqual([]);
    expect(store.setPatientAge('seventy').ok).toBe(false);
    expect(store.patientAgeYears).toBe(72);
    expect(store.snapshot().patientAgeYears).toBe(72);
    store.setPatientAge('');
    expect(store.patientAgeYears).toBeNull();
  });

  it('"not recorded" removes the field; abnormal findings are assessed with their reasons', () => {
    const store = useClinicalStore();
    const id = store.addEmgRow({ muscle: 'tibialis-anterior', side: 'R' });
    store.updateEmgRow(id, { fibrillations: 2, recruitment: 'discrete', muapDuration: undefined });
    const row = store.emgRows[0]!;
    expect('muapDuration' in row).toBe(false);
    expect(store.emgAssessments.get(id)!.assessment.reasons).toEqual(['fibrillation potentials 2+', 'discrete recruitment (simple phase)']);
    store.removeEmgRow(id);
    expect(store.emgRows).toEqual([]);
  });

  it('choosing a controlled study sets motor/sensory; "no response" clears the values', () => {
    const store = useClinicalStore();
    const id = store.addNcsRow();
    store.setNcsNerve(id, 'sural-sensory');
    store.updateNcsRow(id, { amplitude: 4, latencyMs: 3.8 });
    expect(store.ncsRows[0]).toMatchObject({ nerve: 'sural-sensory', kind: 'sensory', amplitude: 4 });
    expect(store.ncsFlags.get(id)!.flags.map((f) => f.kind)).toEqual(['low-amplitude']);
    store.updateNcsRow(id, { noResponse: true });
    expect(store.ncsRows[0]).not.toHaveProperty('amplitude');
    expect(store.ncsFlags.get(id)!.flags.map((f) => f.kind)).toEqual(['absent']);
  });

  it('pasted rows get fresh ids (never colliding with rows already entered) and keep their source line', () => {
    const store = useClinicalStore();
    store.addEmgRow({ muscle: 'soleus' });
    const preview = store.previewPaste('Muscle\tSide\tFib\nTA\tR\t++\nEDB\tR\t+', 'auto', null);
    expect(preview.kind).toBe('emg');
    store.applyPaste(preview, 'add');
    store.applyPaste(preview, 'add');
    const ids = store.emgRows.map((r) => r.id);
    expect(new Set(ids).size).toBe(5);
    expect(store.emgRows[1]).toMatchObject({ muscle: 'tibialis-anterior', fibrillations: 2, sourceLine: 2 });
    store.applyPaste(preview, 'replace');
    expect(store.emgRows.map((r) => r.muscle)).toEqual(['tibialis-anterior', 'extensor-digitorum-brevis']);
  });
});

describe('parsePastedTable', () => {
  it('detects an EMG table by its Muscle column and a conduction table by its Nerve column', () => {
    expect(parsePastedTable('Muscle\tSide\tFib\nTA\tR\t+', 'auto', null)).toMatchObject({ kind: 'emg', detected: true });
    expect(parsePastedTable('Nerve\tSide\tAmp\nSural\tR\t4', 'auto', null)).toMatchObject({ kind: 'ncs', detected: true });
    const neither = parsePastedTable('hello\tworld', 'auto', null);
    expect(neither.detected).toBe(false);
    expect(neither.result.rows).toEqual([]);
  });

  it('a default side is used for rows that state none', () => {
    const p = parsePastedTable('Muscle\tFib\nTA\t+', 'emg', 'L');
    expect(p.result.rows[0]).toMatchObject({ side: 'L' });
    expect(parsePastedTable('Muscle\tFib\nTA\t+', 'emg', null).result.rows).toEqual([]);
  });
});

describe('clinical store: reference sets', () => {
  it('editing a built-in set makes a user set and chooses it; the built-in set is unchanged', () => {
    const store = useClinicalStore();
    const r = store.editThreshold({ nerve: 'sciatic', site: 'distal-thigh-above-bifurcation', modality: 'US', upperLimitMm2: 60 });
    expect(r.ok).toBe(true);
    expect(store.referenceSet).toMatchObject({ id: 'chen2018-dutch+user', name: 'Chen 2018 / Dutch table (user-edited)', builtIn: false });
    expect(CHEN_DUTCH_SET.thresholds.some((t) => t.site === 'distal-thigh-above-bifurcation')).toBe(false);
    // Editing the user set again keeps it; editing the built-in again makes a second user set.
    store.editAsymmetry({ defaultRatio: 1.3 });
    expect(store.userReferenceSets).toHaveLength(1);
    store.chooseReferenceSet('chen2018-dutch');
    store.removeThreshold('tibial', 'popliteal-fossa', 'US');
    expect(store.referenceSet).toMatchObject({ id: 'chen2018-dutch+user-2', name: 'Chen 2018 / Dutch table (user-edited 2)' });
    expect(store.userReferenceSets).toHaveLength(2);
  });

  it('refuses invalid edits with a sentence and changes nothing', () => {
    const store = useClinicalStore();
    const r = store.editAsymmetry({ defaultRatio: 0.8 });
    expect(r.ok).toBe(false);
    expect(store.referenceSet.id).toBe('chen2018-dutch');
    expect(store.setRatioThreshold(1).ok).toBe(false);
    expect(store.chooseReferenceSet('nope').ok).toBe(false);
  });

  it('comparisons follow the chosen set and the measurement store', () => {
    const store = useClinicalStore();
    const measurements = useMeasurementStore();
    measurements.replaceAll([
      rectangleMeasurement('sciatic', 'gluteal-fold', 'R', 57),
      rectangleMeasurement('sciatic', 'gluteal-fold', 'L', 50),
    ]);
    expect(store.comparisons[0]!.right!.vsLimit).toBe('within');
    store.chooseReferenceSet('s2-wider-spread');
    expect(store.comparisons[0]!.right!.vsLimit).toBe('above');
    expect(store.report.referenceSetLine).toBe('Reference set: "Wider-spread cohort (S2) at the gluteal fold" (built-in)');
  });
});

describe('clinical store: snapshot and restore', () => {
  it('round-trips rows, the chosen user set, the ratio and the NCS limits as plain JSON', () => {
    const store = useClinicalStore();
    store.appendEmgRows(CASES.sciaticPeronealPredominant.emg);
    store.appendNcsRows(CASES.sciaticPeronealPredominant.ncs);
    store.editThreshold({ nerve: 'sciatic', site: 'distal-thigh-above-bifurcation', modality: 'US', upperLimitMm2: 60 });
    store.setRatioThreshold(1.4);
    store.chooseNcsLimits('s36-sural');
    const snapshot = store.snapshot();
    const json = JSON.parse(JSON.stringify(snapshot));
    expect(json).toEqual(snapshot);
    const summary = store.localization.summary;

    setActivePinia(createPinia());
    const fresh = useClinicalStore();
    const restored = fresh.restore(json);
    expect(restored.ok).toBe(true);
    expect(fresh.emgRows).toEqual(store.emgRows);
    expect(fresh.ncsRows).toEqual(store.ncsRows);
    expect(fresh.referenceSet.name).toBe('Chen 2018 / Dutch table (user-edited)');
    expect(fresh.ratioThreshold).toBe(1.4);
    expect(fresh.ncsLimits.id).toBe('s36-sural');
    expect(fresh.localization.summary).toBe(summary);
    expect(fresh.snapshot()).toEqual(snapshot);
  });

  it('a built-in set is matched back by id', () => {
    const store = useClinicalStore();
    store.chooseReferenceSet('s2-wider-spread');
    setActivePinia(createPinia());
    const fresh = useClinicalStore();
    expect(fresh.restore(store.snapshot()).ok).toBe(true);
    expect(fresh.referenceSet.builtIn).toBe(true);
    expect(fresh.referenceSet.id).toBe('s2-wider-spread');
    expect(fresh.userReferenceSets).toEqual([]);
  });

  it('refuses a broken snapshot with one sentence and keeps the current state', () => {
    const store = useClinicalStore();
    store.addEmgRow({ muscle: 'soleus' });
    const bad = { ...store.snapshot(), emg: [{ muscle: 'soleus', side: 'X' }] };
    const r = store.restore(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^The EMG, conduction and reference data could not be restored: .*\(at emg\.0\.side\)\.$/);
    expect(store.emgRows).toHaveLength(1);
    expect(parseClinicalSnapshot(null).ok).toBe(false);
    expect(parseClinicalSnapshot({ ...store.snapshot(), fibrillations: 9 }).ok).toBe(true);
    expect(parseClinicalSnapshot({ ...store.snapshot(), emg: [{ muscle: 'soleus', side: 'R', fibrillations: 9 }] }).ok).toBe(false);
  });
});

describe('clinical store: age from the DICOM', () => {
  it('without an entered age the opened study\'s PatientAge selects the limits; an entered age wins', async () => {
    const { useStudyStore } = await import('../../src/stores/studyStore');
    const studies = useStudyStore();
    studies.instances = [{ meta: { patientAge: '072Y', patientBirthDate: null, studyDate: null } } as never];
    const store = useClinicalStore();
    expect(store.patientAge).toEqual({ years: 72, from: 'PatientAge 072Y' });
    const id = store.addNcsRow();
    store.setNcsNerve(id, 'sural-sensory');
    store.updateNcsRow(id, { amplitude: 2, latencyMs: 3.8 });
    expect(store.ncsFlags.get(id)!.flags).toEqual([]);
    store.setPatientAge('45');
    expect(store.patientAge).toEqual({ years: 45, from: 'entered' });
    expect(store.ncsFlags.get(id)!.flags.map((f) => f.kind)).toEqual(['low-amplitude']);
  });
});
