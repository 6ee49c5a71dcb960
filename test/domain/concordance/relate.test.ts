import { describe, expect, it } from 'vitest';
import { compareSides, type MeasurementSummaryInput } from '../../../src/domain/comparison';
import { musclesDownstreamOf, relateImagingToEmg, relationOf } from '../../../src/domain/concordance';
import { localizeLesions } from '../../../src/domain/localization';
import { CHEN_DUTCH_SET, type NerveId, type SiteId } from '../../../src/domain/reference';
import type { Side } from '../../../src/domain/types';
import { CASES, abnormal } from '../localization/fixtures';
import { PATTERNS } from '../localization/patterns';

const input = (nerve: NerveId, site: SiteId, side: Side, valuesMm2: number[]): MeasurementSummaryInput => ({
  nerve,
  site,
  modality: 'US',
  side,
  valuesMm2,
});

/** Twofold right sciatic enlargement at the gluteal fold (S1, S9). */
const RIGHT_SCIATIC_ENLARGED = compareSides(
  [input('sciatic', 'gluteal-fold', 'R', [110, 112, 114]), input('sciatic', 'gluteal-fold', 'L', [55, 56, 57])],
  CHEN_DUTCH_SET,
);

const entry = (entries: ReturnType<typeof relateImagingToEmg>, side: Side, site?: SiteId) =>
  entries.find((e) => e.side === side && (site === undefined || e.site === site))!;

describe('relateImagingToEmg', () => {
  it('enlarged right sciatic + EMG sciatic neuropathy on the right → agrees, same side and nerve, downstream muscles listed', () => {
    const loc = localizeLesions(CASES.sciaticPeronealPredominant);
    const entries = relateImagingToEmg(RIGHT_SCIATIC_ENLARGED, loc);
    expect(entries).toHaveLength(2);
    const right = entry(entries, 'R');
    expect(right).toMatchObject({
      segmentNode: 'sciatic-trunk',
      imaging: 'abnormal',
      relation: 'at-segment',
      status: 'agrees',
      sameSide: true,
      sameNerve: true,
      proximalExtension: null,
    });
    expect(right.downstreamAbnormalMuscles.map((m) => m.label)).toEqual([
      'tibialis anterior',
      'extensor digitorum brevis',
      'peroneus (fibularis) longus',
      'biceps femoris (short head)',
      'gastrocnemius (medial head)',
    ]);
    expect(right.downstreamAbnormalStudies.map((m) => m.label)).toEqual(
      expect.arrayContaining(['sural sensory', 'superficial peroneal sensory', 'peroneal motor to extensor digitorum brevis']),
    );
    expect(right.statement).toMatch(/^Right sciatic nerve, gluteal fold \(US\): abnormal size/);
    expect(right.statement).toMatch(/Agrees: same side and nerve/);
    // The normal left side agrees with a right-sided lesion.
    expect(entry(entries, 'L')).toMatchObject({ imaging: 'normal', relation: 'other-side', status: 'agrees', sameSide: false });
  });

  it('EMG localization proximal to the measured site (plexus) → partially; says where to image next', () => {
    const loc = localizeLesions(CASES.lumbosacralPlexopathy);
    const right = entry(relateImagingToEmg(RIGHT_SCIATIC_ENLARGED, loc), 'R');
    expect(right).toMatchObject({ relation: 'proximal', status: 'partially', sameSide: true, sameNerve: false });
    expect(right.proximalExtension).toMatchObject({ level: 'sacral-plexus', advice: 'lumbosacral plexus — image the pelvis (MR neurography)' });
    expect(right.statement).toContain('Image next: lumbosacral plexus — image the pelvis (MR neurography).');
  });

  it('L5 radiculopathy with an enlarged sciatic → partially; image the lumbar spine', () => {
    const loc = localizeLesions(CASES.l5Radiculopathy);
    const right = entry(relateImagingToEmg(RIGHT_SCIATIC_ENLARGED, loc), 'R');
    expect(right.status).toBe('partially');
    expect(right.proximalExtension!.advice).toBe('lumbosacral roots — image the lumbar spine (MRI)');
  });

  it('EMG lesion at the fibular head, sciatic enlarged above it → partially, with the distal site to image', () => {
    const loc = localizeLesions(CASES.peronealAtFibularHead);
    const right = entry(relateImagingToEmg(RIGHT_SCIATIC_ENLARGED, loc), 'R');
    expect(right).toMatchObject({ relation: 'distal', status: 'partially', sameNerve: true });
    expect(right.distalSite!.level).toBe('common-peroneal-fibular-head');
  });

  it('fibular head lesion: enlarged fibular head agrees; a normal popliteal fossa above it agrees too', () => {
    const loc = localizeLesions(CASES.peronealAtFibularHead);
    const comparisons = compareSides(
      [
        input('common-peroneal', 'fibular-head', 'R', [13]),
        input('common-peroneal', 'fibular-head', 'L', [9]),
        input('common-peroneal', 'popliteal-fossa', 'R', [8]),
        input('common-peroneal', 'popliteal-fossa', 'L', [8]),
      ],
      CHEN_DUTCH_SET,
    );
    const entries = relateImagingToEmg(comparisons, loc);
    expect(entry(entries, 'R', 'fibular-head')).toMatchObject({ relation: 'at-segment', status: 'agrees' });
    expect(entry(entries, 'R', 'popliteal-fossa')).toMatchObject({ imaging: 'normal', relation: 'distal', status: 'agrees' });
  });

  it('enlarged on the left while the EMG lesion is on the right → disagrees (side mismatch)', () => {
    const leftEnlarged = compareSides(
      [input('sciatic', 'gluteal-fold', 'L', [112]), input('sciatic', 'gluteal-fold', 'R', [56])],
      CHEN_DUTCH_SET,
    );
    const left = entry(relateImagingToEmg(leftEnlarged, localizeLesions(CASES.sciaticPeronealPredominant)), 'L');
    expect(left).toMatchObject({ imaging: 'abnormal', relation: 'other-side', status: 'disagrees', sameSide: false });
    expect(left.statement).toMatch(/side mismatch/);
  });

  it('enlarged tibial nerve while EMG places the lesion on the common peroneal nerve → disagrees (different nerve)', () => {
    const tibialEnlarged = compareSides([input('tibial', 'popliteal-fossa', 'R', [30]), input('tibial', 'popliteal-fossa', 'L', [15])], CHEN_DUTCH_SET);
    const right = entry(relateImagingToEmg(tibialEnlarged, localizeLesions(CASES.peronealAtFibularHead)), 'R');
    expect(right).toMatchObject({ relation: 'elsewhere', status: 'disagrees', sameSide: true, sameNerve: false });
  });

  it('a normal EMG study: enlarged nerve disagrees, normal nerve agrees', () => {
    const entries = relateImagingToEmg(RIGHT_SCIATIC_ENLARGED, localizeLesions(CASES.normalStudy));
    expect(entry(entries, 'R')).toMatchObject({ relation: 'no-lesion', status: 'disagrees', sameSide: null, sameNerve: null });
    expect(entry(entries, 'L')).toMatchObject({ status: 'agrees' });
  });

  it('EMG lesion at the segment but normal size → disagrees, and says a normal size does not exclude a lesion', () => {
    const normalSciatic = compareSides([input('sciatic', 'gluteal-fold', 'R', [50]), input('sciatic', 'gluteal-fold', 'L', [51])], CHEN_DUTCH_SET);
    const right = entry(relateImagingToEmg(normalSciatic, localizeLesions(CASES.sciaticPeronealPredominant)), 'R');
    expect(right.status).toBe('disagrees');
    expect(right.statement).toMatch(/a normal size does not exclude a lesion/);
  });

  it('cannot assess: no reference and one side only, no EMG findings, or a custom nerve', () => {
    const noRef = compareSides([input('sciatic', 'distal-thigh-above-bifurcation', 'R', [70])], CHEN_DUTCH_SET);
    expect(entry(relateImagingToEmg(noRef, localizeLesions(CASES.sciaticPeronealPredominant)), 'R').status).toBe('cannot-assess');
    expect(entry(relateImagingToEmg(RIGHT_SCIATIC_ENLARGED, localizeLesions({ emg: [] })), 'R').status).toBe('cannot-assess');
    const custom = compareSides([input('custom:Sural nerve', 'custom:calf', 'R', [4])], CHEN_DUTCH_SET);
    const e = entry(relateImagingToEmg(custom, localizeLesions(CASES.sciaticPeronealPredominant)), 'R');
    expect(e).toMatchObject({ segmentNode: null, status: 'cannot-assess' });
  });

  it('conflicting EMG findings make the concordance "undetermined" (no judgement against one lesion)', () => {
    const e = entry(relateImagingToEmg(RIGHT_SCIATIC_ENLARGED, localizeLesions(CASES.conflicting)), 'R');
    expect(e.status).toBe('undetermined');
    expect(e.statement).toMatch(/Undetermined: the EMG findings conflict, so this segment cannot be judged against one lesion\./);
  });

  it('relationOf: divisions lie within the measured sciatic trunk; roots feeding the segment lie proximal', () => {
    expect(relationOf('sciatic-peroneal-division', 'sciatic-trunk')).toBe('at-segment');
    expect(relationOf('root-L5', 'sciatic-trunk')).toBe('proximal');
    expect(relationOf('root-L2', 'sciatic-trunk')).toBe('elsewhere');
    expect(relationOf('sciatic-trunk', 'tibial')).toBe('proximal');
    expect(relationOf('deep-peroneal', 'common-peroneal-fibular-head')).toBe('distal');
    expect(relationOf('femoral', 'sciatic-trunk')).toBe('elsewhere');
    expect(relationOf('common-peroneal-fibular-head', 'common-peroneal-fibular-head', true)).toBe('distal');
  });

  it('musclesDownstreamOf is re-exported for the concordance view', () => {
    expect(musclesDownstreamOf('sciatic', 'mid-thigh').map((m) => m.id)).toContain('biceps-femoris-short-head');
  });
});

describe('concordance with the new hypotheses', () => {
  it('a tied localization whose alternatives place the segment differently → "undetermined", never "disagrees"', () => {
    // Tibialis anterior and flexor digitorum longus alone: L5 root and sciatic nerve explain them equally.
    const loc = localizeLesions({ emg: [abnormal('tibialis-anterior', 'R'), abnormal('flexor-digitorum-longus', 'R')] });
    expect(loc.alternatives.slice(0, 2).map((a) => a.sites[0]!.level)).toEqual(['root-L5', 'sciatic-trunk']);
    expect(loc.tied).toBe(true);
    const sciatic = compareSides([input('sciatic', 'gluteal-fold', 'R', [54]), input('sciatic', 'gluteal-fold', 'L', [53])], CHEN_DUTCH_SET);
    const e = entry(relateImagingToEmg(sciatic, loc), 'R');
    expect(e.status).toBe('undetermined');
    expect(e.statement).toMatch(/the EMG localization is tied/);
  });

  it('sciatic trunk levels: with the mid-thigh enlarged at an EMG sciatic lesion, a normal gluteal fold of the same nerve agrees (a focal lesion leaves other levels normal)', () => {
    const loc = localizeLesions(CASES.sciaticPeronealPredominant);
    const levels = compareSides(
      [
        input('sciatic', 'gluteal-fold', 'R', [54]),
        input('sciatic', 'gluteal-fold', 'L', [53]),
        input('sciatic', 'mid-thigh', 'R', [90]),
        input('sciatic', 'mid-thigh', 'L', [44]),
      ],
      CHEN_DUTCH_SET,
    );
    const entries = relateImagingToEmg(levels, loc);
    expect(entry(entries, 'R', 'mid-thigh').status).toBe('agrees');
    const fold = entry(entries, 'R', 'gluteal-fold');
    expect(fold.status).toBe('agrees');
    expect(fold.statement).toMatch(/another level of it is enlarged \(sciatic nerve, mid-thigh\)/i);
  });

  it('a polyneuropathy relates to every leg segment as "diffuse": normal size agrees (usual in axonal neuropathy)', () => {
    const p = PATTERNS.find((x) => x.name.startsWith('length-dependent axonal polyneuropathy'))!;
    const loc = localizeLesions({ emg: p.emg, ncs: p.ncs });
    const normalSciatic = compareSides([input('sciatic', 'gluteal-fold', 'R', [54]), input('sciatic', 'gluteal-fold', 'L', [53])], CHEN_DUTCH_SET);
    const e = entry(relateImagingToEmg(normalSciatic, loc), 'R');
    expect(e.relation).toBe('diffuse');
    expect(e.status).toBe('agrees');
    expect(e.statement).toMatch(/polyneuropathy; a normal size is usual in an axonal polyneuropathy/);
  });
});
