import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  BUILT_IN_REFERENCE_SETS,
  CHEN_DUTCH_SET,
  DEFAULT_REFERENCE_SET,
  NERVES,
  SITES,
  SOURCES,
  WIDER_SPREAD_SET,
  describeSource,
  findThreshold,
  isNerveId,
  isSiteId,
  nerveLabel,
  referenceSetSchema,
  segmentLabel,
  siteLabel,
  validateReferenceSet,
  withAsymmetryOverride,
  withThresholdOverride,
  withoutThreshold,
  type ReferenceSet,
} from '../../../src/domain/reference';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value as object).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('nerves and sites vocabulary', () => {
  it('knows sciatic, tibial and common peroneal nerves and the six sites, each with a label', () => {
    expect(NERVES.map((n) => n.id)).toEqual(['sciatic', 'tibial', 'common-peroneal']);
    expect(SITES.map((s) => s.id)).toEqual([
      'gluteal-fold',
      'mid-thigh',
      'distal-thigh-above-bifurcation',
      'popliteal-fossa',
      'fibular-head',
      'custom',
    ]);
    for (const item of [...NERVES, ...SITES]) expect(item.label.length).toBeGreaterThan(0);
  });

  it('is extensible with custom:<label> nerves and sites', () => {
    expect(isNerveId('custom:Sural nerve')).toBe(true);
    expect(isSiteId('custom:10 cm above the popliteal crease')).toBe(true);
    expect(isNerveId('median')).toBe(false);
    expect(isSiteId('custom:   ')).toBe(false);
    expect(nerveLabel('custom:Sural nerve')).toBe('Sural nerve');
    expect(siteLabel('custom:10 cm above the popliteal crease')).toBe('10 cm above the popliteal crease');
    expect(segmentLabel('sciatic', 'gluteal-fold')).toBe('Sciatic nerve, gluteal fold');
    expect(segmentLabel('tibial', 'custom:Ankle')).toBe('Tibial nerve, Ankle');
  });
});

describe('built-in reference sets (clinical reference §1)', () => {
  it('default set is "Chen 2018 / Dutch table" with the published limits and their source keys', () => {
    expect(DEFAULT_REFERENCE_SET).toBe(CHEN_DUTCH_SET);
    expect(CHEN_DUTCH_SET.name).toBe('Chen 2018 / Dutch table');
    const expected: Array<[string, string, 'US' | 'MR', number, string]> = [
      ['sciatic', 'gluteal-fold', 'US', 58.3, 'S1'],
      ['sciatic', 'mid-thigh', 'US', 49.6, 'S1'],
      ['sciatic', 'mid-thigh', 'MR', 64.4, 'S3'],
      ['tibial', 'popliteal-fossa', 'US', 22, 'S4, S5'],
      ['common-peroneal', 'popliteal-fossa', 'US', 9, 'S4, S5'],
      ['common-peroneal', 'fibular-head', 'US', 11, 'S4, S5'],
    ];
    for (const [nerve, site, modality, limit, source] of expected) {
      const t = findThreshold(CHEN_DUTCH_SET, nerve as never, site as never, modality);
      expect(t, `${nerve} ${site} ${modality}`).not.toBeNull();
      expect(t!.upperLimitMm2).toBe(limit);
      expect(t!.source).toBe(source);
    }
    expect(CHEN_DUTCH_SET.thresholds).toHaveLength(expected.length);
  });

  it('S1 limits are mean + 2 SD of the published means', () => {
    const gluteal = findThreshold(CHEN_DUTCH_SET, 'sciatic', 'gluteal-fold', 'US')!;
    expect(gluteal.meanMm2! + 2 * gluteal.sdMm2!).toBeCloseTo(58.3, 5);
    const mid = findThreshold(CHEN_DUTCH_SET, 'sciatic', 'mid-thigh', 'US')!;
    expect(mid.meanMm2! + 2 * mid.sdMm2!).toBeCloseTo(49.6, 5);
  });

  it('the sciatic nerve just above the bifurcation has no threshold in any built-in set ("no reference")', () => {
    for (const set of BUILT_IN_REFERENCE_SETS) {
      for (const modality of ['US', 'MR'] as const) {
        expect(findThreshold(set, 'sciatic', 'distal-thigh-above-bifurcation', modality)).toBeNull();
      }
    }
  });

  it('does not invent numbers: no MR limit at the gluteal fold, none for the tibial or peroneal nerves on MR', () => {
    expect(findThreshold(CHEN_DUTCH_SET, 'sciatic', 'gluteal-fold', 'MR')).toBeNull();
    expect(findThreshold(CHEN_DUTCH_SET, 'tibial', 'popliteal-fossa', 'MR')).toBeNull();
    expect(findThreshold(CHEN_DUTCH_SET, 'common-peroneal', 'fibular-head', 'MR')).toBeNull();
  });

  it('second set uses the wider-spread S2 cohort at the gluteal fold: 32.9 + 2 × 11.2 = 55.3 mm² (S2)', () => {
    const t = findThreshold(WIDER_SPREAD_SET, 'sciatic', 'gluteal-fold', 'US')!;
    expect(t.upperLimitMm2).toBe(55.3);
    expect(t.meanMm2).toBe(32.9);
    expect(t.sdMm2).toBe(11.2);
    expect(t.source).toBe('S2');
    // Every other entry is the default table's entry, with its own source key.
    const others = WIDER_SPREAD_SET.thresholds.filter((x) => !(x.nerve === 'sciatic' && x.site === 'gluteal-fold'));
    expect(others).toEqual(CHEN_DUTCH_SET.thresholds.filter((x) => !(x.nerve === 'sciatic' && x.site === 'gluteal-fold')));
  });

  it('left–right criteria: sciatic 16.4 mm² (S9), ratio 1.5 (convention), fibular head 1.7 mm² / 1.24 / 1.11 (S8)', () => {
    const a = CHEN_DUTCH_SET.asymmetry;
    expect(a.sciaticMinDifferenceMm2).toBe(16.4);
    expect(a.provenance.sciaticMinDifferenceMm2.source).toBe('S9');
    expect(a.defaultRatio).toBe(1.5);
    expect(a.provenance.defaultRatio).toEqual({ source: 'convention', convention: true });
    expect(a.fibularHead).toEqual({ differenceMm2: 1.7, ratio: 1.24, fhPfRatio: 1.11 });
    expect(a.provenance.fibularHead.source).toBe('S8');
  });

  it('every threshold of every built-in set cites a known source key and the sets pass the schema', () => {
    for (const set of BUILT_IN_REFERENCE_SETS) {
      expect(validateReferenceSet(set).ok).toBe(true);
      for (const t of set.thresholds) {
        for (const key of t.source.split(', ')) expect(Object.keys(SOURCES)).toContain(key);
      }
    }
    expect(describeSource('S4, S5')).toContain('Dutch reference table');
  });
});

describe('validateReferenceSet / referenceSetSchema', () => {
  it('accepts a JSON round trip of the default set', () => {
    const result = validateReferenceSet(JSON.parse(JSON.stringify(CHEN_DUTCH_SET)));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value).toEqual(CHEN_DUTCH_SET);
  });

  it('refuses two thresholds for the same nerve, site and modality', () => {
    const dup = { ...CHEN_DUTCH_SET, thresholds: [...CHEN_DUTCH_SET.thresholds, CHEN_DUTCH_SET.thresholds[0]] };
    const result = validateReferenceSet(dup);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/two thresholds for Sciatic nerve, gluteal fold/);
  });

  it('refuses a threshold without a source, with a non-positive limit, an unknown nerve or a ratio ≤ 1', () => {
    const t0 = CHEN_DUTCH_SET.thresholds[0]!;
    const cases: unknown[] = [
      { ...CHEN_DUTCH_SET, thresholds: [{ ...t0, source: '' }] },
      { ...CHEN_DUTCH_SET, thresholds: [{ ...t0, upperLimitMm2: 0 }] },
      { ...CHEN_DUTCH_SET, thresholds: [{ ...t0, nerve: 'median' }] },
      { ...CHEN_DUTCH_SET, asymmetry: { ...CHEN_DUTCH_SET.asymmetry, defaultRatio: 1 } },
      { name: 'x' },
    ];
    for (const input of cases) {
      const result = validateReferenceSet(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(/^The reference set is not valid: .+\.$/);
    }
    expect(referenceSetSchema.safeParse(CHEN_DUTCH_SET).success).toBe(true);
  });
});

describe('user edits create a new set and never modify the original', () => {
  it('withThresholdOverride replaces a limit, names the new user set and cites "user"', () => {
    const original = deepFreeze(structuredClone(CHEN_DUTCH_SET) as ReferenceSet);
    const result = withThresholdOverride(original, { nerve: 'sciatic', site: 'gluteal-fold', modality: 'US', upperLimitMm2: 60 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const user = result.value;
    expect(user).not.toBe(original);
    expect(user.id).toBe('chen2018-dutch+user');
    expect(user.name).toBe('Chen 2018 / Dutch table (user-edited)');
    expect(user.builtIn).toBe(false);
    expect(user.basedOn).toBe('chen2018-dutch');
    expect(findThreshold(user, 'sciatic', 'gluteal-fold', 'US')).toMatchObject({ upperLimitMm2: 60, source: 'user' });
    expect(findThreshold(original, 'sciatic', 'gluteal-fold', 'US')!.upperLimitMm2).toBe(58.3);
    expect(user.thresholds).toHaveLength(original.thresholds.length);
  });

  it('adds a threshold for a custom site or the no-reference site, and a later edit keeps the user set id', () => {
    const first = withThresholdOverride(CHEN_DUTCH_SET, {
      nerve: 'sciatic',
      site: 'distal-thigh-above-bifurcation',
      modality: 'US',
      upperLimitMm2: 50,
      source: 'own lab norms',
    });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const second = withThresholdOverride(first.value, { nerve: 'tibial', site: 'custom:Ankle', modality: 'US', upperLimitMm2: 16 });
    expect(second.ok).toBe(true);
    if (!second.ok) return;
    expect(second.value.id).toBe(first.value.id);
    expect(findThreshold(second.value, 'sciatic', 'distal-thigh-above-bifurcation', 'US')!.source).toBe('own lab norms');
    expect(findThreshold(second.value, 'tibial', 'custom:Ankle', 'US')!.upperLimitMm2).toBe(16);
    expect(findThreshold(CHEN_DUTCH_SET, 'sciatic', 'distal-thigh-above-bifurcation', 'US')).toBeNull();
  });

  it('refuses an impossible limit with one plain sentence', () => {
    const result = withThresholdOverride(CHEN_DUTCH_SET, { nerve: 'sciatic', site: 'mid-thigh', modality: 'US', upperLimitMm2: -3 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^The threshold for Sciatic nerve, mid-thigh \(US\) is not valid: .+\.$/);
  });

  it('withoutThreshold turns a site into "no reference"; withAsymmetryOverride edits the ratio and cites "user"', () => {
    const none = withoutThreshold(CHEN_DUTCH_SET, 'tibial', 'popliteal-fossa', 'US');
    expect(findThreshold(none, 'tibial', 'popliteal-fossa', 'US')).toBeNull();
    expect(findThreshold(CHEN_DUTCH_SET, 'tibial', 'popliteal-fossa', 'US')).not.toBeNull();

    const edited = withAsymmetryOverride(CHEN_DUTCH_SET, { defaultRatio: 1.3 });
    expect(edited.ok).toBe(true);
    if (edited.ok) {
      expect(edited.value.asymmetry.defaultRatio).toBe(1.3);
      expect(edited.value.asymmetry.provenance.defaultRatio).toEqual({ source: 'user' });
      expect(edited.value.asymmetry.provenance.sciaticMinDifferenceMm2.source).toBe('S9');
    }
    expect(CHEN_DUTCH_SET.asymmetry.defaultRatio).toBe(1.5);
    expect(withAsymmetryOverride(CHEN_DUTCH_SET, { defaultRatio: 0.9 }).ok).toBe(false);
  });

  it('property: an override is found by findThreshold and leaves every other threshold untouched', () => {
    const keys = CHEN_DUTCH_SET.thresholds.map((t) => ({ nerve: t.nerve, site: t.site, modality: t.modality }));
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.double({ min: 0.1, max: 500, noNaN: true }), (key, limit) => {
        const result = withThresholdOverride(CHEN_DUTCH_SET, { ...key, upperLimitMm2: limit });
        if (!result.ok) return false;
        const found = findThreshold(result.value, key.nerve, key.site, key.modality);
        const others = result.value.thresholds.filter((t) => t !== found);
        return (
          found?.upperLimitMm2 === limit &&
          others.every((t) => CHEN_DUTCH_SET.thresholds.includes(t)) &&
          validateReferenceSet(result.value).ok
        );
      }),
    );
  });
});
