import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareSides, summarizeRepeats, type MeasurementSummaryInput } from '../../../src/domain/comparison';
import { CHEN_DUTCH_SET, WIDER_SPREAD_SET, withAsymmetryOverride } from '../../../src/domain/reference';
import type { Side } from '../../../src/domain/types';

const m = (
  side: Side,
  valuesMm2: number[],
  over: Partial<MeasurementSummaryInput> = {},
): MeasurementSummaryInput => ({ nerve: 'sciatic', site: 'gluteal-fold', modality: 'US', side, valuesMm2, ...over });

const only = (inputs: MeasurementSummaryInput[], set = CHEN_DUTCH_SET, options = {}) => {
  const result = compareSides(inputs, set, options);
  expect(result).toHaveLength(1);
  return result[0]!;
};

const fired = (c: ReturnType<typeof only>) => c.rules.filter((r) => r.fired).map((r) => r.id);

describe('summarizeRepeats', () => {
  it('gives count, mean and sample SD of repeated measurements', () => {
    const r = summarizeRepeats([50, 52, 54]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.count).toBe(3);
    expect(r.value.meanMm2).toBe(52);
    expect(r.value.sdMm2).toBeCloseTo(2, 10);
    expect(r.value.minMm2).toBe(50);
    expect(r.value.maxMm2).toBe(54);
  });

  it('has no SD for a single measurement and refuses empty, zero, negative or non-finite values', () => {
    const single = summarizeRepeats([40]);
    expect(single.ok && single.value.sdMm2).toBeNull();
    expect(summarizeRepeats([]).ok).toBe(false);
    expect(summarizeRepeats([40, 0]).ok).toBe(false);
    expect(summarizeRepeats([40, -1]).ok).toBe(false);
    expect(summarizeRepeats([40, Number.NaN]).ok).toBe(false);
  });

  it('property: the mean lies between min and max, the SD is ≥ 0 and 0 for identical values', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 1, max: 300, noNaN: true }), { minLength: 1, maxLength: 10 }), (values) => {
        const r = summarizeRepeats(values);
        if (!r.ok) return false;
        const { meanMm2, sdMm2, minMm2, maxMm2 } = r.value;
        return meanMm2 >= minMm2 - 1e-9 && meanMm2 <= maxMm2 + 1e-9 && (sdMm2 === null || sdMm2 >= 0);
      }),
    );
    const same = summarizeRepeats([33.3, 33.3, 33.3]);
    expect(same.ok && same.value.sdMm2).toBeCloseTo(0, 10);
  });
});

describe('sciatic nerve: upper limit (S1) and left–right rules (S9, ratio convention)', () => {
  it('twofold right sciatic enlargement at the gluteal fold → enlarged right + asymmetric, citing S1 and S9', () => {
    const c = only([m('R', [110, 112, 114]), m('L', [55, 56, 57])]);
    expect(c.rightMeanMm2).toBe(112);
    expect(c.leftMeanMm2).toBe(56);
    expect(c.right!.summary.count).toBe(3);
    expect(c.right!.summary.sdMm2).toBeCloseTo(2, 10);
    expect(c.differenceMm2).toBe(56);
    expect(c.ratio).toBe(2);
    expect(c.verdict.kind).toBe('enlarged');
    expect(c.verdict.enlargedSides).toEqual(['R']);
    expect(c.verdict.asymmetry).toBe('asymmetric');
    expect(c.verdict.largerSide).toBe('R');
    expect(c.right!.vsLimit).toBe('above');
    expect(c.left!.vsLimit).toBe('within');
    const upper = c.rules.find((r) => r.id === 'upper-limit-R')!;
    expect(upper).toMatchObject({ fired: true, source: 'S1', text: 'Right 112.0 mm² > upper limit 58.3 mm² (S1)' });
    expect(c.rules.find((r) => r.id === 'upper-limit-L')).toMatchObject({ fired: false, text: 'Left 56.0 mm² ≤ upper limit 58.3 mm² (S1)' });
    const s9 = c.rules.find((r) => r.id === 'sciatic-difference')!;
    expect(s9).toMatchObject({ fired: true, source: 'S9' });
    expect(s9.text).toContain('56.0 mm² ≥ 16.4 mm² (S9)');
    expect(c.rules.find((r) => r.id === 'side-ratio')).toMatchObject({ fired: true, source: 'convention', convention: true });
    expect(c.verdict.text).toContain('Right enlarged: 112.0 mm² > upper limit 58.3 mm² (S1).');
    expect(c.verdict.text).toContain('right larger by 56.0 mm² (ratio 2.00)');
    expect(c.referenceSetName).toBe('Chen 2018 / Dutch table');
  });

  it('difference ≥ 16.4 mm² alone makes the sciatic asymmetric (S9) even with both sides within the limit and ratio < 1.5', () => {
    const c = only([m('L', [40]), m('R', [57])]);
    expect(c.verdict.kind).toBe('asymmetric');
    expect(c.verdict.largerSide).toBe('R');
    expect(fired(c)).toEqual(['sciatic-difference']);
  });

  it('ratio ≥ 1.5 alone makes the sciatic asymmetric (convention) when the difference is < 16.4 mm²', () => {
    const c = only([m('L', [20]), m('R', [32])]);
    expect(c.verdict.kind).toBe('asymmetric');
    expect(fired(c)).toEqual(['side-ratio']);
    expect(c.rules.find((r) => r.id === 'side-ratio')!.text).toBe('Right larger; ratio larger/smaller 1.60 ≥ 1.50 (convention)');
  });

  it('the user ratio replaces 1.5 (from the options or an edited reference set) and is cited as "user"', () => {
    const inputs = [m('L', [40]), m('R', [50])];
    expect(only(inputs).verdict.kind).toBe('normal');
    const viaOption = only(inputs, CHEN_DUTCH_SET, { ratioThreshold: 1.2 });
    expect(viaOption.verdict.kind).toBe('asymmetric');
    expect(viaOption.rules.find((r) => r.id === 'side-ratio')).toMatchObject({ fired: true, source: 'user' });
    const edited = withAsymmetryOverride(CHEN_DUTCH_SET, { defaultRatio: 1.2 });
    if (!edited.ok) throw new Error(edited.error);
    expect(only(inputs, edited.value).verdict.kind).toBe('asymmetric');
  });

  it('equal to the upper limit is within it (enlarged means strictly above)', () => {
    const c = only([m('L', [58.3]), m('R', [58.3])]);
    expect(c.verdict.kind).toBe('normal');
    expect(c.verdict.asymmetry).toBe('symmetric');
    expect(c.verdict.text).toContain('Within the upper limit 58.3 mm² (S1)');
  });

  it('bilateral enlargement without asymmetry → enlarged on both sides, symmetric', () => {
    const c = only([m('L', [80]), m('R', [84])]);
    expect(c.verdict.kind).toBe('enlarged');
    expect(c.verdict.enlargedSides).toEqual(['L', 'R']);
    expect(c.verdict.asymmetry).toBe('symmetric');
    expect(c.verdict.largerSide).toBeNull();
  });

  it('MR at mid-thigh uses the MR limit 64.4 mm² (S3), not the ultrasound one', () => {
    const c = only([m('R', [60], { site: 'mid-thigh', modality: 'MR' }), m('L', [58], { site: 'mid-thigh', modality: 'MR' })]);
    expect(c.threshold!.upperLimitMm2).toBe(64.4);
    expect(c.verdict.kind).toBe('normal');
    const us = only([m('R', [60], { site: 'mid-thigh' })]);
    expect(us.verdict.kind).toBe('enlarged');
    expect(us.rules[0]!.text).toBe('Right 60.0 mm² > upper limit 49.6 mm² (S1)');
  });

  it('the chosen reference set changes the verdict and is named: 56 mm² is enlarged under S2 (55.3) but not under S1 (58.3)', () => {
    const inputs = [m('R', [56])];
    expect(only(inputs, CHEN_DUTCH_SET).verdict.kind).toBe('normal');
    const s2 = only(inputs, WIDER_SPREAD_SET);
    expect(s2.verdict.kind).toBe('enlarged');
    expect(s2.rules[0]!.text).toBe('Right 56.0 mm² > upper limit 55.3 mm² (S2)');
    expect(s2.referenceSetName).toContain('S2');
  });
});

describe('never more certain than the data', () => {
  it('one side only with a threshold: compared with the limit; asymmetry cannot be assessed', () => {
    const c = only([m('R', [70])]);
    expect(c.left).toBeNull();
    expect(c.verdict.kind).toBe('enlarged');
    expect(c.verdict.asymmetry).toBe('not-assessable');
    expect(c.differenceMm2).toBeNull();
    expect(c.rules.map((r) => r.id)).toEqual(['upper-limit-R']);
    expect(c.limitations.join(' ')).toMatch(/asymmetry cannot be assessed/);
    expect(c.verdict.text).toMatch(/asymmetry cannot be assessed/);
  });

  it('one side only within the limit is "normal" but still says asymmetry cannot be assessed', () => {
    const c = only([m('L', [45])]);
    expect(c.verdict.kind).toBe('normal');
    expect(c.verdict.asymmetry).toBe('not-assessable');
    expect(c.verdict.text).toMatch(/only one side was measured/);
  });

  it('no reference site (distal thigh above the bifurcation): each side "no reference"; asymmetry still judged', () => {
    const site = 'distal-thigh-above-bifurcation' as const;
    const sym = only([m('L', [60], { site }), m('R', [62], { site })]);
    expect(sym.threshold).toBeNull();
    expect(sym.left!.vsLimit).toBe('no-reference');
    expect(sym.right!.vsLimit).toBe('no-reference');
    expect(sym.verdict.kind).toBe('normal');
    expect(sym.verdict.text).toMatch(/No reference upper limit for this site: size itself is not judged/);
    expect(sym.limitations.join(' ')).toMatch(/No reference upper limit for the sciatic nerve, distal thigh, above the bifurcation/);
    expect(sym.rules.some((r) => r.id.startsWith('upper-limit'))).toBe(false);

    const asym = only([m('L', [50], { site }), m('R', [80], { site })]);
    expect(asym.verdict.kind).toBe('asymmetric');
    expect(asym.verdict.largerSide).toBe('R');
    expect(asym.verdict.enlargedSides).toEqual([]);
  });

  it('one side only and no threshold → insufficient-data', () => {
    const c = only([m('R', [70], { site: 'distal-thigh-above-bifurcation' })]);
    expect(c.verdict.kind).toBe('insufficient-data');
    expect(c.verdict.text).toMatch(/neither size nor asymmetry can be judged/);
  });

  it('uncalibrated (pixel) values are never compared: all uncalibrated → insufficient-data', () => {
    const c = only([m('R', [900], { calibrated: false }), m('L', [850], { calibrated: false })]);
    expect(c.verdict.kind).toBe('insufficient-data');
    expect(c.left).toBeNull();
    expect(c.limitations.filter((l) => /without a millimetre calibration/.test(l))).toHaveLength(2);
  });

  it('an uncalibrated side is left out and the other side is judged alone', () => {
    const c = only([m('R', [112]), m('L', [800], { calibrated: false })]);
    expect(c.left).toBeNull();
    expect(c.verdict.kind).toBe('enlarged');
    expect(c.verdict.asymmetry).toBe('not-assessable');
  });

  it('an invalid value makes that side missing, with the reason', () => {
    const c = only([m('R', [50, -2]), m('L', [50])]);
    expect(c.right).toBeNull();
    expect(c.limitations.join(' ')).toMatch(/Right: A cross-sectional area must be a positive number/);
  });
});

describe('common fibular nerve at the fibular head (S8)', () => {
  const fh = (side: Side, v: number[]) => m(side, v, { nerve: 'common-peroneal', site: 'fibular-head' });
  const pf = (side: Side, v: number[]) => m(side, v, { nerve: 'common-peroneal', site: 'popliteal-fossa' });

  it('affected − unaffected ≥ 1.7 mm² is asymmetric (S8), with floating-point tolerance at exactly 1.7', () => {
    const c = compareSides([fh('R', [11.7]), fh('L', [10.0])], CHEN_DUTCH_SET)[0]!;
    expect(c.rules.find((r) => r.id === 'fibular-head-difference')).toMatchObject({ fired: true, source: 'S8' });
    expect(c.verdict.asymmetry).toBe('asymmetric');
    expect(c.verdict.kind).toBe('enlarged'); // 11.7 > 11 (S4, S5)
  });

  it('ratio ≥ 1.24 is asymmetric (S8) even when the difference is below 1.7 mm²', () => {
    const c = compareSides([fh('L', [7.5]), fh('R', [6])], CHEN_DUTCH_SET)[0]!;
    expect(fired(c)).toEqual(['fibular-head-ratio']);
    expect(c.verdict).toMatchObject({ kind: 'asymmetric', largerSide: 'L' });
  });

  it('fibular head / popliteal fossa ratio ≥ 1.11 on one side marks a focal enlargement of that side (S8)', () => {
    const result = compareSides([fh('R', [10]), pf('R', [8]), fh('L', [9.6]), pf('L', [9.5])], CHEN_DUTCH_SET);
    const head = result.find((c) => c.site === 'fibular-head')!;
    expect(head.fibularHeadToPoplitealRatio!.R).toBeCloseTo(1.25, 10);
    expect(head.rules.find((r) => r.id === 'fibular-head-to-popliteal-ratio-R')).toMatchObject({ fired: true, source: 'S8' });
    expect(head.rules.find((r) => r.id === 'fibular-head-to-popliteal-ratio-L')).toMatchObject({ fired: false });
    expect(head.verdict.kind).toBe('enlarged');
    expect(head.verdict.enlargedSides).toEqual(['R']);
    expect(head.verdict.text).toContain('Right focally enlarged at the fibular head');
    // Popliteal fossa comparison is reported on its own, proximal first.
    expect(result.map((c) => c.site)).toEqual(['popliteal-fossa', 'fibular-head']);
  });

  it('without a popliteal fossa measurement the FH/PF ratio is not computed and says so', () => {
    const c = compareSides([fh('R', [9])], CHEN_DUTCH_SET)[0]!;
    expect(c.fibularHeadToPoplitealRatio).toEqual({ L: null, R: null });
    expect(c.limitations.join(' ')).toMatch(/popliteal fossa not measured/);
  });
});

describe('other nerves and grouping', () => {
  it('tibial nerve: upper limit 22 mm² (S4, S5) and ratio only (convention) for asymmetry', () => {
    const c = compareSides(
      [m('R', [30], { nerve: 'tibial', site: 'popliteal-fossa' }), m('L', [18], { nerve: 'tibial', site: 'popliteal-fossa' })],
      CHEN_DUTCH_SET,
    )[0]!;
    expect(c.rules.map((r) => r.id)).toEqual(['upper-limit-L', 'upper-limit-R', 'side-ratio']);
    expect(c.verdict).toMatchObject({ kind: 'enlarged', enlargedSides: ['R'], asymmetry: 'asymmetric', largerSide: 'R' });
  });

  it('groups repeated inputs per nerve, site and modality and orders them proximal to distal', () => {
    const result = compareSides(
      [
        m('R', [30], { nerve: 'tibial', site: 'popliteal-fossa' }),
        m('R', [50]),
        m('R', [52]),
        m('L', [44], { site: 'mid-thigh' }),
        m('L', [44], { site: 'mid-thigh', modality: 'MR' }),
      ],
      CHEN_DUTCH_SET,
    );
    expect(result.map((c) => `${c.nerve}/${c.site}/${c.modality}`)).toEqual([
      'sciatic/gluteal-fold/US',
      'sciatic/mid-thigh/US',
      'sciatic/mid-thigh/MR',
      'tibial/popliteal-fossa/US',
    ]);
    expect(result[0]!.right!.summary.count).toBe(2);
    expect(result[0]!.rightMeanMm2).toBe(51);
  });

  it('property: swapping left and right mirrors the verdict', () => {
    const mirror = (s: Side): Side => (s === 'L' ? 'R' : 'L');
    fc.assert(
      fc.property(
        fc.double({ min: 5, max: 150, noNaN: true }),
        fc.double({ min: 5, max: 150, noNaN: true }),
        (left, right) => {
          const a = only([m('L', [left]), m('R', [right])]).verdict;
          const b = only([m('L', [right]), m('R', [left])]).verdict;
          return (
            a.kind === b.kind &&
            a.asymmetry === b.asymmetry &&
            (a.largerSide === null ? b.largerSide === null : b.largerSide === mirror(a.largerSide)) &&
            [...a.enlargedSides].map(mirror).sort().join() === [...b.enlargedSides].sort().join()
          );
        },
      ),
    );
  });

  it('property: a side above the limit is never called normal, and an asymmetric verdict always names the larger side', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 5, max: 150, noNaN: true }),
        fc.double({ min: 5, max: 150, noNaN: true }),
        (left, right) => {
          const c = only([m('L', [left]), m('R', [right])]);
          const anyAbove = left > 58.3 + 1e-9 || right > 58.3 + 1e-9;
          return (
            (!anyAbove || c.verdict.kind === 'enlarged') &&
            (c.verdict.asymmetry !== 'asymmetric' || c.verdict.largerSide === (left > right ? 'L' : 'R'))
          );
        },
      ),
    );
  });
});
