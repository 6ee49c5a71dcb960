import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MUSCLES, type NeedleEmgRow } from '../../../src/domain/emg';
import { localizeLesions, NORMAL_STUDY_SUMMARY, type LocalizationResult } from '../../../src/domain/localization';
import { CASES, abnormal, ncs, normal, normalSural, normalSuperficialPeroneal } from './fixtures';

const best = (r: LocalizationResult) => r.alternatives[0]!;
const bestLevels = (r: LocalizationResult) => best(r).sites.map((s) => `${s.side}:${s.level}`);
const fired = (r: LocalizationResult) => r.rulesFired.map((x) => x.id);

describe('textbook patterns', () => {
  it('L5 radiculopathy: TA, EHL, TP, FDL, TFL, glut med and L5 paraspinals abnormal, SNAPs normal → probable right L5 root', () => {
    const r = localizeLesions(CASES.l5Radiculopathy);
    expect(r.confidence).toBe('probable');
    expect(bestLevels(r)).toEqual(['R:root-L5']);
    expect(best(r).pattern).toBe('Right L5 radiculopathy (level probable)');
    expect(best(r).unexplained).toEqual([]);
    expect(best(r).contradicted).toEqual([]);
    expect(r.summary).toBe('Probable: Right L5 radiculopathy (level probable).');
    expect(fired(r)).toEqual(expect.arrayContaining(['tp-fdl-with-ta', 'gluteal-abnormal', 'paraspinals-abnormal', 'snap-preserved']));
  });

  it('S1 radiculopathy: gastrocnemius, soleus, gluteus maximus, BF long head, S1 paraspinals, absent H-reflex, SNAPs normal → S1 root', () => {
    const r = localizeLesions(CASES.s1Radiculopathy);
    expect(r.confidence).toBe('probable');
    expect(bestLevels(r)).toEqual(['R:root-S1']);
    const hReflex = r.findings.find((f) => f.vocabularyId === 'tibial-h-reflex')!;
    expect(best(r).explains).toContain(hReflex.id);
  });

  it('peroneal neuropathy at the fibular head: TA, EHL, EDB, PL abnormal, BFSH and TP normal, SP SNAP reduced → fibular head', () => {
    const r = localizeLesions(CASES.peronealAtFibularHead);
    expect(r.confidence).toBe('probable');
    expect(bestLevels(r)).toEqual(['R:common-peroneal-fibular-head']);
    expect(best(r).pattern).toBe('Right common peroneal neuropathy at the fibular head');
    expect(best(r).explains).toHaveLength(6);
    // The runner-up is the sciatic peroneal division, held back only by the normal short head.
    const second = r.alternatives[1]!;
    expect(second.sites.map((s) => s.level)).toEqual(['sciatic-peroneal-division']);
    const bfsh = r.findings.find((f) => f.vocabularyId === 'biceps-femoris-short-head')!;
    expect(second.spared).toContain(bfsh.id);
  });

  it('sciatic neuropathy with peroneal-division predominance (the case-report pattern): TA, EDB, PL, BFSH + mild gastrocnemius, glutei and paraspinals normal, sural reduced', () => {
    const r = localizeLesions(CASES.sciaticPeronealPredominant);
    expect(r.confidence).toBe('probable');
    expect(bestLevels(r)).toEqual(['R:sciatic-trunk']);
    expect(best(r).pattern).toBe('Right sciatic neuropathy with peroneal-division predominance');
    expect(best(r).reasoning.join('\n')).toMatch(/Peroneal-division muscles more affected than tibial-division muscles \(4 of 4 abnormal/);
    expect(best(r).reasoning.join('\n')).toMatch(/Supports — Right: normal: gluteus maximus, gluteus medius, tensor fasciae latae — Gluteal muscles normal while sciatic-innervated muscles are abnormal → sciatic nerve or more distal \(convention\)/);
    // Sparing of tibialis posterior and the long head within an affected sciatic nerve is weighed lightly, not as a contradiction.
    expect(best(r).contradicted).toEqual([]);
    expect(best(r).spared.length).toBeGreaterThan(0);
    // A plexus lesion is contradicted by the normal glutei.
    const plexus = r.alternatives.find((a) => a.sites.some((s) => s.level === 'sacral-plexus'));
    if (plexus) expect(plexus.contradicted.length).toBeGreaterThan(0);
  });

  it('lumbosacral plexopathy: several nerves L4–S1 and glutei abnormal, paraspinals normal, SNAPs reduced → plexus (sacral part)', () => {
    const r = localizeLesions(CASES.lumbosacralPlexopathy);
    expect(r.confidence).toBe('probable');
    expect(bestLevels(r)).toEqual(['R:sacral-plexus']);
    expect(best(r).pattern).toBe('Right lumbosacral plexopathy (sacral part)');
    expect(fired(r)).toEqual(expect.arrayContaining(['gluteal-abnormal', 'paraspinals-normal', 'snap-abnormal']));
    // Roots cannot explain the reduced sensory responses (preganglionic).
    const rootsOnly = r.alternatives.filter((a) => a.sites.every((s) => s.level.startsWith('root-')));
    for (const a of rootsOnly) expect(a.unexplained.length).toBeGreaterThan(0);
  });

  it('tibial neuropathy: gastrocnemius, soleus, TP, FDL, AH and tibial CMAP abnormal, hamstrings and peroneal muscles normal → tibial nerve', () => {
    const r = localizeLesions(CASES.tibialNeuropathy);
    expect(r.confidence).toBe('probable');
    expect(bestLevels(r)).toEqual(['R:tibial']);
    expect(best(r).pattern).toBe('Right tibial neuropathy');
  });

  it('a normal study → confidence "none": "No electrodiagnostic evidence of a lesion"', () => {
    const r = localizeLesions(CASES.normalStudy);
    expect(r.confidence).toBe('none');
    expect(r.summary).toBe(NORMAL_STUDY_SUMMARY);
    expect(r.summary).toBe('No electrodiagnostic evidence of a lesion.');
    expect(r.alternatives).toEqual([]);
    expect(localizeLesions({ emg: [] }).confidence).toBe('none');
  });

  it('conflicting data: isolated L5 paraspinal fibrillations with a normal EHL (L5 only) → "conflicting"', () => {
    const r = localizeLesions(CASES.conflicting);
    expect(r.confidence).toBe('conflicting');
    expect(bestLevels(r)).toEqual(['R:root-L5']);
    const ehl = r.findings.find((f) => f.vocabularyId === 'extensor-hallucis-longus')!;
    expect(best(r).contradicted).toEqual([ehl.id]);
    expect(r.summary).toMatch(/^Conflicting findings: the best explanation \(Right L5 radiculopathy \(level probable\)\) is contradicted by normal Right extensor hallucis longus\.$/);
  });

  it('multi-level pattern: L5 and S1 muscles with both paraspinal levels → left multi-level radiculopathy L5–S1', () => {
    const r = localizeLesions(CASES.multiLevelL5S1);
    expect(r.confidence).toBe('probable');
    expect(bestLevels(r)).toEqual(['L:root-L5', 'L:root-S1']);
    expect(best(r).pattern).toBe('Left multi-level radiculopathy L5–S1 (levels probable)');
  });
});

describe('localizing rules (clinical reference §2)', () => {
  it('biceps femoris short head abnormal places the lesion above the fibular head (S22, S23)', () => {
    const emg = CASES.peronealAtFibularHead.emg.map((row) =>
      row.muscle === 'biceps-femoris-short-head' ? abnormal('biceps-femoris-short-head', 'R') : row,
    );
    const r = localizeLesions({ emg, ncs: CASES.peronealAtFibularHead.ncs }, { maxAlternatives: 100 });
    expect(bestLevels(r)).toEqual(['R:sciatic-peroneal-division']);
    expect(r.alternatives.find((a) => a.sites.length === 1 && a.sites[0]!.level === 'common-peroneal-fibular-head')?.unexplained.length).toBe(1);
    expect(best(r).reasoning).toContain(
      'Supports — Right: Biceps femoris short head abnormal → lesion at or above the sciatic peroneal division, not at the fibular head [Katirji & Wilbourn 1994; ref. S23]',
    );
  });

  it('a normal biceps femoris short head places a peroneal lesion at the fibular head (S22, S23)', () => {
    const r = localizeLesions(CASES.peronealAtFibularHead);
    expect(fired(r)).toContain('bfsh-normal');
    expect(best(r).reasoning.some((line) => /^Supports — Right: abnormal: .* — Biceps femoris short head normal/.test(line))).toBe(true);
    // Without the short head examined, the fibular head and the peroneal division cannot be told apart: only "possible".
    const withoutBfsh = CASES.peronealAtFibularHead.emg.filter((row) => row.muscle !== 'biceps-femoris-short-head');
    const r2 = localizeLesions({ emg: withoutBfsh, ncs: CASES.peronealAtFibularHead.ncs });
    expect(r2.confidence).toBe('possible');
    expect(r2.alternatives.slice(0, 2).map((a) => a.sites[0]!.level).sort()).toEqual(['common-peroneal-fibular-head', 'sciatic-peroneal-division']);
  });

  it('tibialis posterior abnormal together with tibialis anterior points to the L5 root rather than the peroneal nerve (S23, S24)', () => {
    const emg = [
      abnormal('tibialis-anterior', 'L'),
      abnormal('extensor-hallucis-longus', 'L'),
      abnormal('tibialis-posterior', 'L'),
      normal('biceps-femoris-short-head', 'L'),
      normal('gastrocnemius-medial-head', 'L'),
    ];
    const r = localizeLesions({ emg, ncs: [normalSuperficialPeroneal('L'), normalSural('L')] });
    expect(bestLevels(r)).toEqual(['L:root-L5']);
    expect(r.rulesFired.find((x) => x.id === 'tp-fdl-with-ta')!.text).toMatch(/\[ref\. S23; ref\. S24\]$/);
    expect(r.alternatives.find((a) => a.sites.length === 1 && a.sites[0]!.level === 'deep-peroneal')?.unexplained.length ?? 1).toBeGreaterThan(0);
  });

  it('a root lesion does not reduce a SNAP: a reduced superficial peroneal SNAP moves an L5-like pattern off the root', () => {
    const emg = [abnormal('tibialis-anterior', 'R'), abnormal('extensor-hallucis-longus', 'R'), abnormal('extensor-digitorum-brevis', 'R')];
    const rootLike = localizeLesions({ emg, ncs: [normalSuperficialPeroneal('R')] });
    const withSnap = localizeLesions({ emg, ncs: [ncs('superficial-peroneal-sensory', 'R', { kind: 'sensory', amplitude: 2 })] });
    const snapId = withSnap.findings.find((f) => f.vocabularyId === 'superficial-peroneal-sensory')!.id;
    for (const a of withSnap.alternatives) {
      if (a.sites.every((s) => s.level.startsWith('root-'))) expect(a.unexplained).toContain(snapId);
    }
    expect(bestLevels(withSnap)).toEqual(['R:common-peroneal-fibular-head']);
    expect(rootLike.rulesFired.map((x) => x.id)).toContain('snap-preserved');
  });

  it('paraspinals abnormal → root level (S25): only a root explains them', () => {
    const r = localizeLesions({ emg: [abnormal('paraspinals-S1', 'L'), abnormal('gastrocnemius-medial-head', 'L'), abnormal('soleus', 'L')] });
    for (const a of r.alternatives) {
      if (a.unexplained.length === 0) expect(a.sites.some((s) => s.level.startsWith('root-'))).toBe(true);
    }
    expect(r.rulesFired.find((x) => x.id === 'paraspinals-abnormal')!.text).toMatch(/root level.*\[ref\. S25\]/);
  });

  it('gluteal muscles abnormal → proximal to the sciatic nerve (convention)', () => {
    const emg = [abnormal('gluteus-maximus', 'R'), abnormal('biceps-femoris-long-head', 'R'), abnormal('gastrocnemius-medial-head', 'R'), normal('paraspinals-S1', 'R')];
    const r = localizeLesions({ emg, ncs: [ncs('sural-sensory', 'R', { kind: 'sensory', amplitude: 2 })] });
    expect(r.rulesFired.map((x) => x.id)).toContain('gluteal-abnormal');
    expect(best(r).sites.some((s) => s.level === 'sacral-plexus' || s.level === 'lumbosacral-plexus' || s.level.startsWith('root-'))).toBe(true);
    expect(best(r).sites.some((s) => s.level === 'sciatic-trunk' && best(r).sites.length === 1)).toBe(false);
  });

  it('external anal sphincter abnormal → sacral roots S2–S4 / pudendal involvement', () => {
    const r = localizeLesions({ emg: [abnormal('external-anal-sphincter', 'R'), normal('gastrocnemius-medial-head', 'R')] });
    expect(r.rulesFired.map((x) => x.id)).toContain('eas-abnormal');
    const levels = best(r).sites.map((s) => s.level);
    expect(levels.every((l) => ['root-S2', 'root-S3', 'root-S4', 'pudendal', 'sacral-plexus'].includes(l))).toBe(true);
  });

  it('myokymic discharges raise radiation plexopathy (S30, S31)', () => {
    const emg = CASES.lumbosacralPlexopathy.emg.map((row, i) => (i === 0 ? { ...row, otherDischarges: ['myokymic' as const] } : row));
    const r = localizeLesions({ emg, ncs: CASES.lumbosacralPlexopathy.ncs });
    expect(r.flags).toHaveLength(1);
    expect(r.flags[0]).toMatch(/raises radiation plexopathy.*\[ref\. S30; ref\. S31\]/);
  });

  it('root levels are presented as probable: 27.9 % of legs are pre- or post-fixed (S19)', () => {
    const r = localizeLesions(CASES.l5Radiculopathy);
    expect(best(r).sites[0]!.label).toBe('Right L5 root (level probable)');
    expect(best(r).reasoning).toContain('Root levels are probable, not certain: 27.9 % of legs are pre- or post-fixed [Phillips & Park 1991]');
  });
});

describe('search behaviour', () => {
  it('a bilateral pattern needs one lesion per side and is named bilateral', () => {
    const emg = (['L', 'R'] as const).flatMap((side) => [
      abnormal('gastrocnemius-medial-head', side),
      abnormal('soleus', side),
      abnormal('paraspinals-S1', side, { recruitment: undefined }),
    ]);
    const r = localizeLesions({ emg });
    expect(bestLevels(r).sort()).toEqual(['L:root-S1', 'R:root-S1']);
    expect(best(r).pattern).toBe('Bilateral S1 radiculopathy (level probable)');
  });

  it('a left finding is never explained by a right lesion', () => {
    const r = localizeLesions({ emg: [abnormal('tibialis-anterior', 'L'), normal('tibialis-anterior', 'R')] });
    for (const a of r.alternatives) {
      if (a.unexplained.length === 0) expect(a.sites.every((s) => s.side === 'L')).toBe(true);
    }
  });

  it('free-text muscles are kept aside with a note; rows that disagree are counted abnormal with a note', () => {
    const r = localizeLesions({
      emg: [
        abnormal('Popliteus', 'R'),
        abnormal('tibialis-anterior', 'R'),
        normal('tibialis-anterior', 'R'),
        abnormal('extensor-hallucis-longus', 'R'),
      ],
    });
    expect(r.notes).toContain('Right popliteus is free text: not placed on the nerve graph.');
    expect(r.notes).toContain('Right tibialis anterior: rows disagree (normal and abnormal); counted as abnormal.');
    expect(r.findings.filter((f) => f.vocabularyId === 'tibialis-anterior')).toHaveLength(1);
    const onlyFree = localizeLesions({ emg: [abnormal('Popliteus', 'R')] });
    expect(onlyFree.confidence).toBe('possible');
    expect(onlyFree.alternatives).toEqual([]);
  });

  it('a single abnormal muscle is at most "possible" (fewer than two supporting findings)', () => {
    const r = localizeLesions({ emg: [abnormal('extensor-hallucis-longus', 'R')] });
    expect(r.confidence).toBe('possible');
  });

  it('property: never "definite"; the best hypothesis accounts for every placed abnormal finding (explained or unexplained); alternatives are ranked', () => {
    const limb = MUSCLES.filter((m) => m.branch !== 'dorsal-rami' || m.id === 'paraspinals-L5' || m.id === 'paraspinals-S1').map((m) => m.id);
    const rowArb: fc.Arbitrary<NeedleEmgRow> = fc
      .record({ muscle: fc.constantFrom(...limb), side: fc.constantFrom('L' as const, 'R' as const), bad: fc.boolean() })
      .map(({ muscle, side, bad }) => (bad ? abnormal(muscle, side) : normal(muscle, side)));
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 0, maxLength: 9 }), (emg) => {
        const r = localizeLesions({ emg }, { maxLesions: 2 });
        if (!['probable', 'possible', 'none', 'conflicting'].includes(r.confidence)) return false;
        const abnormalIds = r.findings.filter((f) => f.abnormal && f.placement).map((f) => f.id).sort();
        if (abnormalIds.length === 0) return r.confidence === 'none' && r.alternatives.length === 0;
        const top = r.alternatives[0]!;
        const accounted = [...top.explains, ...top.unexplained].sort();
        // One cost ranks the alternatives (unexplained evidence is part of it: parameters.ts).
        const ranked = r.alternatives.every((a, i) => i === 0 || r.alternatives[i - 1]!.cost <= a.cost + 1e-9);
        return JSON.stringify(accounted) === JSON.stringify(abnormalIds) && ranked;
      }),
      { numRuns: 60 },
    );
  });
});
