import { describe, expect, it } from 'vitest';
import { calculateSUVScalingFactors } from '@cornerstonejs/calculate-suv';
import { computeSuvBwFactors, suvOfStored } from '../../../src/domain/suv';
import { bqmlStart } from './petFixture';

const HALF_LIFE = 6586.2;
const decayedDose = (dose: number, seconds: number): number => dose * 2 ** (-seconds / HALF_LIFE);

function factor(attrs = bqmlStart(), overrides = {}): number {
  const r = computeSuvBwFactors([attrs], overrides);
  if (!r.ok) throw new Error(r.error);
  return r.value.factors[0]!;
}

function refusal(attrs = bqmlStart(), overrides = {}): string {
  const r = computeSuvBwFactors([attrs], overrides);
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
}

describe('SUVbw: BQML decay-corrected to the scan start (START)', () => {
  it('decays the dose from injection (10:00) to the series time (11:00): factor = weight g / decayed dose', () => {
    expect(factor()).toBeCloseTo(75000 / decayedDose(370e6, 3600), 15);
  });

  it('names the source in one sentence: dose, decay time, from injection to series time', () => {
    const r = computeSuvBwFactors([bqmlStart()]);
    expect(r.ok && r.value.source).toBe('Units BQML: weight 75 kg / dose 370.0 MBq decayed 3600 s (half-life 6586.2 s) from injection 10:00:00 to the series time 11:00:00.');
  });

  it('prints clock times of de-identified dates before 1970 as they are (found on a real TCIA file: "-10:-43:00" before)', () => {
    const attrs = bqmlStart({ seriesDate: '19600614', acquisitionDate: '19600614', radiopharmaceuticalStartDateTime: '19600614100000' });
    const r = computeSuvBwFactors([attrs]);
    expect(r.ok && r.value.source).toBe('Units BQML: weight 75 kg / dose 370.0 MBq decayed 3600 s (half-life 6586.2 s) from injection 10:00:00 to the series time 11:00:00.');
  });

  it("uses GE's private scan time (0009,xx0D) when the series time is after the acquisition time", () => {
    const attrs = bqmlStart({ seriesTime: '113000', acquisitionTime: '110500', gePrivateScanDateTime: '20250401110000' });
    const r = computeSuvBwFactors([attrs]);
    expect(r.ok && r.value.scanTimeSource).toBe('ge-private');
    expect(factor(attrs)).toBeCloseTo(75000 / decayedDose(370e6, 3600), 15);
  });

  it('uses the injection time with the series date when only Radiopharmaceutical Start Time is given', () => {
    expect(factor(bqmlStart({ radiopharmaceuticalStartDateTime: null }))).toBeCloseTo(75000 / decayedDose(370e6, 3600), 15);
  });

  it('applies the rescale slope and intercept of each slice before the factor', () => {
    expect(suvOfStored(1000, 0.5, 10, 0.002)).toBeCloseTo((1000 * 0.5 + 10) * 0.002, 12);
    expect(suvOfStored(1000, null, null, 0.002)).toBeCloseTo(2, 12);
  });
});

describe('SUVbw: Decay Correction ADMIN gets no decay correction of the dose', () => {
  const admin = bqmlStart({ decayCorrection: 'ADMIN' });

  it('factor = weight g / injected dose, not decayed (the image is already corrected to the injection time)', () => {
    expect(factor(admin)).toBeCloseTo(75000 / 370e6, 15);
    const r = computeSuvBwFactors([admin]);
    expect(r.ok && r.value.decayTimeS).toBe(0);
    expect(r.ok && r.value.source).toMatch(/not decayed: Decay Correction ADMIN/);
  });

  it('calculate-suv 1.1.0 treats ADMIN like START (decays the dose by the 3600 s to the scan): the reason it is wrapped', () => {
    const warn = console.warn;
    console.warn = () => undefined;
    const pkg = calculateSUVScalingFactors([
      { CorrectedImage: ['ATTN', 'DECY'], Units: 'BQML', RadionuclideHalfLife: HALF_LIFE, RadionuclideTotalDose: 370e6, DecayCorrection: 'ADMIN', PatientWeight: 75, SeriesDate: '20250401', SeriesTime: '110000', AcquisitionDate: '20250401', AcquisitionTime: '110000', RadiopharmaceuticalStartDateTime: '20250401100000' },
    ])[0]!.suvbw;
    console.warn = warn;
    expect(pkg).toBeCloseTo(75000 / decayedDose(370e6, 3600), 12); // what the package gives
    expect(pkg / factor(admin)).toBeCloseTo(2 ** (3600 / HALF_LIFE), 9); // 46 % too high for ADMIN images
  });
});

describe('SUVbw: vendor private factors and GML', () => {
  it("Philips CNTS: the private SUV Scale Factor (7053,1000) is used as is", () => {
    expect(factor(bqmlStart({ units: 'CNTS', philipsSuvScaleFactor: 0.000551, philipsActivityConcentrationScaleFactor: 1.602563 }))).toBe(0.000551);
  });

  it('Philips CNTS without the SUV factor: activity concentration factor (7053,1009) × the BQML factor', () => {
    expect(factor(bqmlStart({ units: 'CNTS', philipsActivityConcentrationScaleFactor: 1.602563 }))).toBeCloseTo((1.602563 * 75000) / decayedDose(370e6, 3600), 12);
  });

  it('Philips CNTS with an edited weight uses the activity factor (the SUV factor embeds the file weight)', () => {
    const attrs = bqmlStart({ units: 'CNTS', philipsSuvScaleFactor: 0.000551, philipsActivityConcentrationScaleFactor: 1.602563 });
    expect(factor(attrs, { patientWeightKg: 80 })).toBeCloseTo((1.602563 * 80000) / decayedDose(370e6, 3600), 12);
  });

  it('GML: the pixel values are SUV already (factor 1)', () => {
    expect(factor(bqmlStart({ units: 'GML' }))).toBe(1);
  });
});

describe('SUVbw: edited weight and dose', () => {
  it('an edited weight and dose replace the file values and are marked edited in the source', () => {
    const r = computeSuvBwFactors([bqmlStart({ patientWeightKg: null })], { patientWeightKg: 60, injectedDoseBq: 300e6 });
    if (!r.ok) throw new Error(r.error);
    expect(r.value.factors[0]).toBeCloseTo(60000 / decayedDose(300e6, 3600), 15);
    expect(r.value.weightEdited && r.value.doseEdited).toBe(true);
    expect(r.value.source).toMatch(/60 kg \(edited\) \/ dose 300\.0 MBq \(edited\)/);
  });
});

describe('SUVbw refusals: one sentence, never a non-SUV value labelled SUV', () => {
  const cases: Array<[string, ReturnType<typeof bqmlStart>, RegExp]> = [
    ['not attenuation-corrected', bqmlStart({ correctedImage: ['DECY', 'NORM'] }), /not attenuation- and decay-corrected/],
    ['not decay-corrected', bqmlStart({ correctedImage: ['ATTN'] }), /not attenuation- and decay-corrected/],
    ['Decay Correction NONE', bqmlStart({ decayCorrection: 'NONE' }), /Decay Correction \(0054,1102\) is "NONE"/],
    ['no weight', bqmlStart({ patientWeightKg: null }), /weight \(0010,1030\) is missing or zero; enter it/],
    ['zero weight', bqmlStart({ patientWeightKg: 0 }), /weight/],
    ['no dose', bqmlStart({ radionuclideTotalDoseBq: null }), /injected dose .* is missing or zero/],
    ['no half-life', bqmlStart({ radionuclideHalfLifeS: null }), /Half Life/],
    ['no injection time', bqmlStart({ radiopharmaceuticalStartDateTime: null, radiopharmaceuticalStartTime: null }), /injection time/],
    ['injection after the scan', bqmlStart({ radiopharmaceuticalStartDateTime: '20250401120000' }), /injection time 12:00:00 is after the scan time 11:00:00/],
    ['unknown units', bqmlStart({ units: 'PROPCPS' }), /"PROPCPS" are not BQML, CNTS or GML/],
    ['CNTS without Philips factors', bqmlStart({ units: 'CNTS' }), /CNTS and the Philips/],
  ];
  for (const [name, attrs, message] of cases) {
    it(name, () => {
      const why = refusal(attrs);
      expect(why).toMatch(message);
      expect(why).toMatch(/^SUV cannot be computed: [^\n]+\.$/);
    });
  }
});
