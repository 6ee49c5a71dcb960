import { describe, expect, it } from 'vitest';
import { ageLimitFor, flagNcs, patientAgeYears, type NcsRow } from '../../../src/domain/emg';

const sural = (amplitude: number | null): NcsRow =>
  amplitude === null
    ? { nerve: 'sural-sensory', kind: 'sensory', side: 'R', noResponse: true }
    : { nerve: 'sural-sensory', kind: 'sensory', side: 'R', noResponse: false, latencyMs: 3.8, amplitude };

describe('patient age for age-dependent limits', () => {
  it('an entered age wins; then PatientAge (nnnY/M/W/D); then birth date with the study date; otherwise unknown', () => {
    expect(patientAgeYears({ enteredYears: 64, patientAge: '070Y' })).toEqual({ years: 64, from: 'entered' });
    expect(patientAgeYears({ patientAge: '070Y' })).toEqual({ years: 70, from: 'PatientAge 070Y' });
    expect(patientAgeYears({ patientAge: '018M' })).toEqual({ years: 1, from: 'PatientAge 018M' });
    expect(patientAgeYears({ birthDate: '19600412', studyDate: '20240411' })!.years).toBe(63);
    expect(patientAgeYears({ birthDate: '19600412', studyDate: '20240412' })!.years).toBe(64);
    expect(patientAgeYears({ birthDate: '19601332', studyDate: '20240412' })).toBeNull();
    expect(patientAgeYears({ patientAge: 'old' })).toBeNull();
    expect(patientAgeYears({})).toBeNull();
  });

  it('sural lower limit falls with age (Tavee 2014): 3 µV at 60–69, 1 µV at 70–74, an absent response is normal from 75', () => {
    expect(ageLimitFor('sural-sensory', 59)).toBeNull();
    expect(ageLimitFor('sural-sensory', 65)!.minAmplitude).toBe(3);
    expect(ageLimitFor('sural-sensory', 72)!.minAmplitude).toBe(1);
    expect(ageLimitFor('sural-sensory', 80)!.minAmplitude).toBe(0);
    expect(ageLimitFor('superficial-peroneal-sensory', 80)).toBeNull();
  });

  it('flagNcs applies the age band with its source, and says which limit was used when the age is unknown', () => {
    expect(flagNcs([sural(4)], undefined, { ageYears: 65 })[0]!.flags).toEqual([]);
    expect(flagNcs([sural(2.5)], undefined, { ageYears: 65 })[0]!.flags.map((f) => f.text)).toEqual(['Amplitude 2.5 µV < 3.0 µV (Tavee 2014)']);
    expect(flagNcs([sural(null)], undefined, { ageYears: 78 })[0]!.flags).toEqual([]);
    expect(flagNcs([sural(null)], undefined, { ageYears: 78 })[0]!.notes).toContain('No response, within normal limits at age 78 [Tavee 2014].');
    expect(flagNcs([sural(4)])[0]!.notes).toContain('Age unknown: the age-independent amplitude limit 6.0 µV (convention) was used.');
  });
});
