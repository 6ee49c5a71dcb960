import { describe, expect, it } from 'vitest';
import { analyseSegments, suggestMuscle, type NcsRow } from '../../../src/domain/emg';
import {
  CONDUCTION_DOCS,
  CONDUCTION_THRESHOLDS,
  EVIDENCE_DOCS,
  EVIDENCE_WEIGHTS,
  RULE_WEIGHTS,
  LOCALIZING_RULES,
  SEARCH_DOCS,
  SEARCH_WEIGHTS,
  localizeLesions,
} from '../../../src/domain/localization';
import { isRecruitmentOnly, muscleEvidence } from '../../../src/domain/localization/evidence';
import { SOURCES } from '../../../src/domain/reference';
import { abnormal, normal } from './fixtures';

describe('weights and margins are data with sources (parameters.ts)', () => {
  it('every evidence weight, search weight and conduction threshold is documented with a known source or "convention"', () => {
    const known = (source: string) => source.split(/\s*,\s*/).every((k) => Object.prototype.hasOwnProperty.call(SOURCES, k));
    for (const key of Object.keys(EVIDENCE_WEIGHTS)) expect(known(EVIDENCE_DOCS[key as keyof typeof EVIDENCE_DOCS].source), key).toBe(true);
    for (const key of Object.keys(SEARCH_WEIGHTS)) expect(known(SEARCH_DOCS[key as keyof typeof SEARCH_DOCS].source), key).toBe(true);
    for (const key of Object.keys(CONDUCTION_THRESHOLDS)) expect(known(CONDUCTION_DOCS[key as keyof typeof CONDUCTION_DOCS].source), key).toBe(true);
  });

  it('every localizing rule that discriminates has a weight', () => {
    const ids = Object.values(LOCALIZING_RULES).map((r) => r.id).filter((id) => id !== 'root-variation');
    for (const id of ids) expect(RULE_WEIGHTS[id], id).toBeGreaterThan(0);
  });
});

describe('graded evidence', () => {
  it('active denervation weighs by grade; chronic MUAP change is strong; recruitment change alone is weak', () => {
    const w = EVIDENCE_WEIGHTS;
    expect(muscleEvidence({ muscle: 'soleus', side: 'R', fibrillations: 1 }, w)).toEqual({ weight: 0.8, kind: 'active-denervation' });
    expect(muscleEvidence({ muscle: 'soleus', side: 'R', fibrillations: 3, positiveSharpWaves: 2 }, w).weight).toBe(1);
    expect(muscleEvidence({ muscle: 'soleus', side: 'R', muapDuration: 'increased' }, w)).toEqual({ weight: 0.8, kind: 'chronic-neurogenic' });
    expect(muscleEvidence({ muscle: 'soleus', side: 'R', recruitment: 'reduced' }, w)).toEqual({ weight: 0.25, kind: 'recruitment-only' });
    expect(isRecruitmentOnly({ muscle: 'soleus', side: 'R', recruitment: 'reduced', fibrillations: 0, muapAmplitude: 'normal' })).toBe(true);
    expect(isRecruitmentOnly({ muscle: 'soleus', side: 'R', recruitment: 'reduced', fibrillations: 1 })).toBe(false);
  });

  it('a recruitment-only muscle left unexplained does not make a clear lesion conflicting', () => {
    const r = localizeLesions({
      emg: [
        abnormal('tibialis-anterior', 'R'),
        abnormal('extensor-hallucis-longus', 'R'),
        abnormal('extensor-digitorum-brevis', 'R'),
        normal('biceps-femoris-short-head', 'R'),
        normal('tibialis-posterior', 'R'),
        normal('peroneus-longus', 'R'),
        abnormal('vastus-lateralis', 'R', { fibrillations: 0, positiveSharpWaves: 0, insertionalActivity: 'normal', recruitment: 'reduced' }),
      ],
    });
    expect(r.confidence).toBe('probable');
    expect(r.alternatives[0]!.sites.map((s) => s.level)).toEqual(['deep-peroneal']);
    expect(r.alternatives[0]!.reasoning).toContain('Leaves unexplained weak evidence only (weighed lightly): Right vastus lateralis.');
    expect(r.notes).toContain('Recruitment change only (weak evidence): Right vastus lateralis.');
  });
});

describe('segmental conduction (S33, EFNS/PNS 2010)', () => {
  const row = (site: string, latencyMs: number, amplitude: number, velocityMs?: number): NcsRow => ({
    nerve: 'peroneal-motor-edb',
    kind: 'motor',
    side: 'R',
    noResponse: false,
    stimulationSite: site,
    latencyMs,
    amplitude,
    ...(velocityMs !== undefined ? { velocityMs } : {}),
  });
  const t = { ...CONDUCTION_THRESHOLDS, blockSource: '[S33]', definiteBlockSource: '[EFNS/PNS 2010]', slowingSource: '[S33]' };

  it('an amplitude drop above 25 % across the fibular head is a probable block, ≥ 50 % definite; slowing > 10 m/s is focal', () => {
    const probable = analyseSegments([row('Ankle', 4, 5), row('Below fibular head', 10, 4.8, 46), row('Above fibular head', 12, 3.4, 44)], t);
    expect(probable.map((s) => [s.from, s.to, s.branch, s.conductionBlock, s.focalSlowing])).toEqual([
      ['ankle', 'below-fibular-head', 'deep-peroneal', null, false],
      ['below-fibular-head', 'above-fibular-head', 'common-peroneal-fibular-head', 'probable', false],
    ]);
    const definite = analyseSegments([row('Ankle', 4, 5), row('B Fib', 10, 4.8, 46), row('Pop fossa', 14, 2, 30)], t);
    expect(definite[1]).toMatchObject({ conductionBlock: 'definite', focalSlowing: true, slowingMs: 16 });
    expect(definite[1]!.texts[0]).toBe('Conduction block below the fibular head → popliteal fossa: amplitude 4.8 → 2.0 mV (58 % drop ≥ 50 %) [EFNS/PNS 2010]');
  });

  it('a drop within 25 % (the normal limit) is no block; a distal CMAP below 20 % of the limit is not judged', () => {
    expect(analyseSegments([row('Ankle', 4, 5), row('Below fibular head', 10, 4.0, 46)], t)[0]!.conductionBlock).toBeNull();
    const tiny = analyseSegments([row('Ankle', 4, 0.4), row('Below fibular head', 10, 0.1, 46)], t, () => 2.5);
    expect(tiny[0]).toMatchObject({ conductionBlock: null, blockNotJudged: true });
  });
});

describe('fuzzy muscle names', () => {
  it('a misspelling within two edits of one muscle is suggested; a far or known name is not', () => {
    expect(suggestMuscle('Tibials anterior')!.id).toBe('tibialis-anterior');
    expect(suggestMuscle('Gastrocnemus')!.id).toBe('gastrocnemius');
    expect(suggestMuscle('Tibialis anterior')).toBeNull();
    expect(suggestMuscle('Deltoid')).toBeNull();
  });
});
