import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isMuscleAbnormal, type NeedleEmgRow } from '../../../src/domain/emg';

const base: NeedleEmgRow = {
  muscle: 'tibialis-anterior',
  side: 'R',
  insertionalActivity: 'normal',
  fibrillations: 0,
  positiveSharpWaves: 0,
  otherDischarges: [],
  muapAmplitude: 'normal',
  muapDuration: 'normal',
  polyphasia: 'normal',
  recruitment: 'full',
};

describe('isMuscleAbnormal', () => {
  it('a fully normal row is assessed and normal', () => {
    const a = isMuscleAbnormal(base);
    expect(a).toMatchObject({ abnormal: false, assessed: true, reasons: [], severity: 0 });
  });

  it('fibrillations ≥ 1+ or positive sharp waves ≥ 1+ are abnormal (active denervation)', () => {
    expect(isMuscleAbnormal({ ...base, fibrillations: 1 })).toMatchObject({ abnormal: true, activeDenervation: true, reasons: ['fibrillation potentials 1+'] });
    expect(isMuscleAbnormal({ ...base, positiveSharpWaves: 3 })).toMatchObject({ abnormal: true, reasons: ['positive sharp waves 3+'] });
  });

  it('increased insertional activity counts only together with another abnormality', () => {
    const alone = isMuscleAbnormal({ ...base, insertionalActivity: 'increased' });
    expect(alone.abnormal).toBe(false);
    expect(alone.notes[0]).toMatch(/alone is not counted/);
    const withFibs = isMuscleAbnormal({ ...base, insertionalActivity: 'increased', fibrillations: 2 });
    expect(withFibs.reasons).toEqual(['fibrillation potentials 2+', 'increased insertional activity']);
  });

  it('complex repetitive discharges (S32) and myokymic discharges are abnormal; fasciculations alone are not', () => {
    expect(isMuscleAbnormal({ ...base, otherDischarges: ['complex-repetitive'] }).reasons).toEqual(['complex repetitive discharges (S32)']);
    expect(isMuscleAbnormal({ ...base, otherDischarges: ['myokymic'] }).abnormal).toBe(true);
    const fasc = isMuscleAbnormal({ ...base, otherDischarges: ['fasciculations'] });
    expect(fasc.abnormal).toBe(false);
    expect(fasc.notes.join()).toMatch(/fasciculations alone/);
  });

  it('neurogenic MUAP changes (large, long, polyphasic) are abnormal', () => {
    const a = isMuscleAbnormal({ ...base, muapAmplitude: 'increased', muapDuration: 'increased', polyphasia: 'increased' });
    expect(a.reasons).toEqual(['increased MUAP amplitude', 'long-duration MUAPs', 'increased polyphasia']);
    expect(a.neurogenic).toBe(true);
    expect(a.activeDenervation).toBe(false);
  });

  it('small, short MUAPs are abnormal but flagged myopathic, not neurogenic', () => {
    const a = isMuscleAbnormal({ ...base, muapAmplitude: 'decreased', muapDuration: 'decreased' });
    expect(a).toMatchObject({ abnormal: true, myopathic: true, neurogenic: false });
  });

  it.each([
    ['reduced', 'reduced recruitment'],
    ['discrete', 'discrete recruitment (simple phase)'],
    ['single-unit', 'single-unit recruitment'],
    ['none', 'no motor units recruited'],
  ] as const)('%s recruitment is abnormal', (recruitment, reason) => {
    expect(isMuscleAbnormal({ ...base, recruitment })).toMatchObject({ abnormal: true, neurogenic: true, reasons: [reason] });
  });

  it('a row that records nothing is neither normal nor abnormal (not assessed)', () => {
    expect(isMuscleAbnormal({ muscle: 'soleus', side: 'L' })).toMatchObject({ abnormal: false, assessed: false });
  });

  it('property: abnormal exactly when some reason is given; severity grows with fibrillations and recruitment loss', () => {
    const grade = fc.constantFrom(0, 1, 2, 3, 4) as fc.Arbitrary<0 | 1 | 2 | 3 | 4>;
    const level = fc.constantFrom('normal', 'increased', 'decreased') as fc.Arbitrary<'normal' | 'increased' | 'decreased'>;
    const recruitment = fc.constantFrom('full', 'reduced', 'discrete', 'single-unit', 'none') as fc.Arbitrary<NonNullable<NeedleEmgRow['recruitment']>>;
    fc.assert(
      fc.property(grade, grade, level, level, level, recruitment, (fib, psw, ins, amp, dur, rec) => {
        const row: NeedleEmgRow = { ...base, fibrillations: fib, positiveSharpWaves: psw, insertionalActivity: ins, muapAmplitude: amp, muapDuration: dur, recruitment: rec };
        const a = isMuscleAbnormal(row);
        const expectAbnormal = fib > 0 || psw > 0 || amp !== 'normal' || dur !== 'normal' || rec !== 'full';
        return a.abnormal === (a.reasons.length > 0) && a.abnormal === expectAbnormal && a.severity >= Math.max(fib, psw);
      }),
    );
  });
});
