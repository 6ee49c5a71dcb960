/**
 * A library of textbook electrodiagnostic patterns of the leg, each written from a published
 * description (the `source` field) — not tuned to any held-out case. Each pattern names what a
 * neurophysiologist would conclude (`expect`) and what they never would (`forbidden`).
 *
 * Sources cited (short form):
 * - Preston & Shapiro, Electromyography and Neuromuscular Disorders, 3rd ed. (2013): chapters on
 *   lumbosacral radiculopathy, lumbosacral plexopathy, sciatic, peroneal, femoral and tibial
 *   neuropathies, polyneuropathy, and the approach to "poor activation".
 * - Katirji & Wilbourn 1994 (S22): sciatic neuropathy, peroneal-division predominance; BFSH.
 * - S23/S24: peroneal neuropathy versus L5 radiculopathy (TP/FDL with TA → L5).
 * - S25 AANEM workshop on lumbosacral plexopathies; S26 SNAPs preserved in radiculopathy.
 * - S30/S31 myokymic discharges in radiation plexopathy.
 * - S33 Buschbacher, peroneal to EDB: normal amplitude drop across the fibular head ≤ 25 %, velocity drop ≤ 10 m/s.
 * - EFNS/PNS 2010 (Van den Bergh et al., Eur J Neurol 17:356): demyelinating-range latency and velocity, conduction block.
 * - Tavee 2014 (Muscle Nerve 49:564): sural SNAP lower limits in the healthy elderly.
 * - S27: fibrillations appear 10–18 days after injury (an acute lesion shows reduced recruitment only).
 */
import type { Side } from '../../../src/domain/types';
import type { NcsRow, NeedleEmgRow } from '../../../src/domain/emg';
import type { HypothesisKind, LocalizationConfidence, PolyneuropathyType } from '../../../src/domain/localization';
import { abnormal, ncs, normal } from './fixtures';

export interface Pattern {
  readonly name: string;
  readonly source: string;
  readonly emg: readonly NeedleEmgRow[];
  readonly ncs: readonly NcsRow[];
  readonly ageYears?: number;
  readonly expect: {
    /** "side|level" of every focal site of the best hypothesis, in any order. */
    readonly sites?: readonly string[];
    readonly kind?: HypothesisKind;
    readonly diffuseType?: PolyneuropathyType;
    readonly confidence?: readonly LocalizationConfidence[];
    /** A flag text that must be raised. */
    readonly flag?: RegExp;
    /** A limitation that must be stated. */
    readonly limitation?: RegExp;
  };
  /** Conclusions that must not appear in the best hypothesis' pattern or the summary. */
  readonly forbidden?: readonly RegExp[];
}

// ----- building blocks -----
const both = (f: (side: Side) => NcsRow | NeedleEmgRow): Array<NcsRow | NeedleEmgRow> => [f('L'), f('R')];
const onlyNcs = (rows: Array<NcsRow | NeedleEmgRow>): NcsRow[] => rows as NcsRow[];
const onlyEmg = (rows: Array<NcsRow | NeedleEmgRow>): NeedleEmgRow[] => rows as NeedleEmgRow[];

/** Mild/moderate denervation grades. */
const mild = { fibrillations: 1 as const, positiveSharpWaves: 1 as const, recruitment: 'reduced' as const };
const chronic = { insertionalActivity: 'normal' as const, fibrillations: 0 as const, positiveSharpWaves: 0 as const, muapAmplitude: 'increased' as const, muapDuration: 'increased' as const, recruitment: 'reduced' as const };
const recruitmentOnly = { insertionalActivity: 'normal' as const, fibrillations: 0 as const, positiveSharpWaves: 0 as const, recruitment: 'reduced' as const };

const sural = (side: Side, amplitude: number | null, latencyMs = 3.6): NcsRow =>
  amplitude === null ? ncs('sural-sensory', side, { kind: 'sensory', noResponse: true }) : ncs('sural-sensory', side, { kind: 'sensory', latencyMs, amplitude });
const spn = (side: Side, amplitude: number | null, latencyMs = 3.4): NcsRow =>
  amplitude === null
    ? ncs('superficial-peroneal-sensory', side, { kind: 'sensory', noResponse: true })
    : ncs('superficial-peroneal-sensory', side, { kind: 'sensory', latencyMs, amplitude });
const saphenous = (side: Side, amplitude: number | null): NcsRow =>
  amplitude === null ? ncs('saphenous-sensory', side, { kind: 'sensory', noResponse: true }) : ncs('saphenous-sensory', side, { kind: 'sensory', latencyMs: 3.5, amplitude });
const peronealMotor = (side: Side, amplitude: number, latencyMs = 4.6, velocityMs = 46, site?: string): NcsRow =>
  ncs('peroneal-motor-edb', side, { kind: 'motor', latencyMs, amplitude, velocityMs, ...(site ? { stimulationSite: site } : {}) });
const tibialMotor = (side: Side, amplitude: number, latencyMs = 4.4, velocityMs = 45): NcsRow =>
  ncs('tibial-motor-ah', side, { kind: 'motor', latencyMs, amplitude, velocityMs });

const normalLegNcs = (side: Side): NcsRow[] => [sural(side, 14), spn(side, 11), peronealMotor(side, 5.5), tibialMotor(side, 11)];
const normalLimb = (side: Side, muscles: readonly string[]): NeedleEmgRow[] => muscles.map((m) => normal(m, side));

/** A symmetric length-dependent axonal polyneuropathy of the given severity on one side. */
function lengthDependentSide(side: Side, severity: 'mild' | 'moderate'): { emg: NeedleEmgRow[]; ncs: NcsRow[] } {
  const moderate = severity === 'moderate';
  return {
    emg: [
      abnormal('extensor-digitorum-brevis', side, moderate ? { fibrillations: 2, positiveSharpWaves: 2, muapAmplitude: 'increased', muapDuration: 'increased' } : chronic),
      abnormal('abductor-hallucis', side, moderate ? { fibrillations: 2, positiveSharpWaves: 2, muapAmplitude: 'increased' } : chronic),
      ...(moderate ? [abnormal('tibialis-anterior', side, { ...mild, muapDuration: 'increased' as const }), abnormal('gastrocnemius-medial-head', side, mild)] : [normal('tibialis-anterior', side), normal('gastrocnemius-medial-head', side)]),
      normal('vastus-lateralis', side),
      normal('biceps-femoris-short-head', side),
      normal('gluteus-medius', side),
      normal('paraspinals-L5', side),
    ],
    ncs: [sural(side, moderate ? null : 3, 4.6), spn(side, moderate ? null : 2.5, 4.5), peronealMotor(side, moderate ? 1.2 : 2.2, 5.6, 39), tibialMotor(side, moderate ? 1.8 : 3.5, 5.5, 39)],
  };
}
const lengthDependent = (severity: 'mild' | 'moderate') => {
  const l = lengthDependentSide('L', severity);
  const r = lengthDependentSide('R', severity);
  return { emg: [...l.emg, ...r.emg], ncs: [...l.ncs, ...r.ncs] };
};

const FORBID_BILATERAL_FOCAL = [/bilateral sciatic/i, /bilateral .*peroneal/i, /bilateral .*plexopathy/i, /bilateral .*tibial/i];

export const PATTERNS: readonly Pattern[] = [
  // ----- roots -----
  {
    name: 'L3 radiculopathy: vasti, adductor longus and iliopsoas denervated with L3 paraspinals; saphenous SNAP preserved → L3 root',
    source: 'Preston & Shapiro, lumbosacral radiculopathy (L3: quadriceps, adductors, iliopsoas; SNAPs spared, S26)',
    emg: [abnormal('vastus-lateralis', 'R'), abnormal('vastus-medialis', 'R'), abnormal('adductor-longus', 'R'), abnormal('iliopsoas', 'R'), abnormal('paraspinals-L3', 'R', { recruitment: undefined }), ...normalLimb('R', ['tibialis-anterior', 'gastrocnemius-medial-head', 'gluteus-medius', 'extensor-hallucis-longus'])],
    ncs: [saphenous('R', 8), ...normalLegNcs('R')],
    expect: { sites: ['R|root-L3'], kind: 'focal', confidence: ['probable', 'possible'] },
    forbidden: [/femoral neuropathy/i, /plexopathy/i],
  },
  {
    name: 'L4 radiculopathy: vasti, tibialis anterior and L4 paraspinals abnormal, EHL and gastrocnemius normal, SNAPs preserved → L4 root',
    source: 'Preston & Shapiro, lumbosacral radiculopathy (L4: quadriceps and tibialis anterior; S26)',
    emg: [abnormal('vastus-lateralis', 'R'), abnormal('vastus-medialis', 'R'), abnormal('tibialis-anterior', 'R', mild), abnormal('paraspinals-L4', 'R', { recruitment: undefined }), ...normalLimb('R', ['extensor-hallucis-longus', 'gastrocnemius-medial-head', 'peroneus-longus', 'flexor-digitorum-longus'])],
    ncs: [saphenous('R', 9), ...normalLegNcs('R')],
    expect: { sites: ['R|root-L4'], kind: 'focal', confidence: ['probable', 'possible'] },
    forbidden: [/femoral/i, /peroneal neuropathy/i],
  },
  {
    name: 'L5 radiculopathy: TA, EHL, TP, FDL, TFL, gluteus medius and L5 paraspinals abnormal, SNAPs normal → L5 root',
    source: 'S23, S24 (TP/FDL with TA → L5); S21 (TFL sensitive for L5); S26',
    emg: [...['tibialis-anterior', 'extensor-hallucis-longus', 'tibialis-posterior', 'flexor-digitorum-longus', 'tensor-fasciae-latae', 'gluteus-medius'].map((m) => abnormal(m, 'R')), abnormal('paraspinals-L5', 'R', { recruitment: undefined }), ...normalLimb('R', ['gastrocnemius-medial-head', 'soleus', 'vastus-lateralis', 'gluteus-maximus'])],
    ncs: normalLegNcs('R'),
    expect: { sites: ['R|root-L5'], kind: 'focal', confidence: ['probable'] },
    forbidden: [/peroneal neuropathy/i, /sciatic/i],
  },
  {
    name: 'S1 radiculopathy: gastrocnemius, soleus, gluteus maximus, BF long head, S1 paraspinals, absent H-reflex, SNAPs normal → S1 root',
    source: 'Preston & Shapiro, S1 radiculopathy; S26',
    emg: [...['gastrocnemius-medial-head', 'soleus', 'gluteus-maximus', 'biceps-femoris-long-head'].map((m) => abnormal(m, 'L')), abnormal('paraspinals-S1', 'L', { recruitment: undefined }), ...normalLimb('L', ['tibialis-anterior', 'extensor-hallucis-longus', 'tibialis-posterior', 'vastus-lateralis'])],
    ncs: [...normalLegNcs('L'), ncs('tibial-h-reflex', 'L', { kind: 'h-reflex', noResponse: true })],
    expect: { sites: ['L|root-S1'], kind: 'focal', confidence: ['probable'] },
    forbidden: [/S2 radiculopathy/],
  },
  {
    name: 'main root: gastrocnemius, soleus, abductor hallucis, gluteus maximus and BF long head abnormal without paraspinals → S1, not S2 (mainly S1 muscles)',
    source: 'Innervation table (gastrocnemius/soleus mainly S1); Preston & Shapiro: isolated S2 radiculopathy is rare',
    emg: [...['gastrocnemius-medial-head', 'soleus', 'abductor-hallucis', 'gluteus-maximus', 'biceps-femoris-long-head'].map((m) => abnormal(m, 'R', mild)), ...normalLimb('R', ['tibialis-anterior', 'extensor-hallucis-longus', 'flexor-digitorum-longus', 'extensor-digitorum-brevis', 'peroneus-longus'])],
    ncs: normalLegNcs('R'),
    expect: { sites: ['R|root-S1'], kind: 'focal' },
    forbidden: [/S2 radiculopathy/],
  },
  {
    name: 'multi-level radiculopathy L5–S1 with both paraspinal levels abnormal → two roots on one side',
    source: 'Preston & Shapiro, lumbar canal stenosis / multi-level radiculopathy; S26',
    emg: [...['tibialis-anterior', 'extensor-hallucis-longus', 'tibialis-posterior', 'gastrocnemius-medial-head', 'soleus'].map((m) => abnormal(m, 'L')), abnormal('paraspinals-L5', 'L', { recruitment: undefined }), abnormal('paraspinals-S1', 'L', { recruitment: undefined }), normal('vastus-lateralis', 'L')],
    ncs: [sural('L', 13), spn('L', 10)],
    expect: { sites: ['L|root-L5', 'L|root-S1'], kind: 'focal' },
  },
  {
    name: 'bilateral L5 radiculopathy (central disc): L5 muscles and L5 paraspinals abnormal on both sides, SNAPs normal → L5 root on each side, not a polyneuropathy',
    source: 'Preston & Shapiro, bilateral radiculopathy; S26 (SNAPs preserved argue against polyneuropathy)',
    emg: onlyEmg([...both((s) => abnormal('tibialis-anterior', s)), ...both((s) => abnormal('extensor-hallucis-longus', s)), ...both((s) => abnormal('tibialis-posterior', s)), ...both((s) => abnormal('paraspinals-L5', s, { recruitment: undefined })), ...both((s) => normal('gastrocnemius-medial-head', s)), ...both((s) => normal('vastus-lateralis', s))]),
    ncs: [...normalLegNcs('L'), ...normalLegNcs('R')],
    expect: { sites: ['L|root-L5', 'R|root-L5'], kind: 'focal' },
    forbidden: [/polyneuropathy/i],
  },
  {
    name: 'bilateral S1 radiculopathy: S1 muscles and S1 paraspinals abnormal both sides, sural SNAPs normal → S1 root on each side',
    source: 'Preston & Shapiro, bilateral S1 radiculopathy (cauda equina / stenosis); S26',
    emg: onlyEmg([...both((s) => abnormal('gastrocnemius-medial-head', s)), ...both((s) => abnormal('soleus', s)), ...both((s) => abnormal('paraspinals-S1', s, { recruitment: undefined })), ...both((s) => normal('tibialis-anterior', s)), ...both((s) => normal('extensor-hallucis-longus', s))]),
    ncs: [...normalLegNcs('L'), ...normalLegNcs('R')],
    expect: { sites: ['L|root-S1', 'R|root-S1'], kind: 'focal' },
    forbidden: [/polyneuropathy/i],
  },
  // ----- plexus -----
  {
    name: 'lumbar plexopathy: vasti, adductor longus and iliopsoas abnormal, paraspinals normal, saphenous SNAP absent → lumbar plexus',
    source: 'S25 (plexopathy: SNAPs reduced, paraspinals normal); Preston & Shapiro, lumbar plexopathy',
    emg: [...['vastus-lateralis', 'vastus-medialis', 'adductor-longus', 'iliopsoas'].map((m) => abnormal(m, 'R')), ...normalLimb('R', ['paraspinals-L3', 'paraspinals-L4', 'tibialis-anterior', 'gluteus-medius'])],
    ncs: [saphenous('R', null), saphenous('L', 9), ...normalLegNcs('R')],
    expect: { sites: ['R|lumbar-plexus'], kind: 'focal', confidence: ['probable', 'possible'] },
    forbidden: [/radiculopathy/i],
  },
  {
    name: 'sacral plexopathy: glutei, hamstrings, peroneal and tibial muscles abnormal, paraspinals normal, sural and superficial peroneal SNAPs reduced → sacral plexus',
    source: 'S25; Preston & Shapiro, sacral plexopathy',
    emg: [...['gluteus-medius', 'gluteus-maximus', 'biceps-femoris-long-head', 'biceps-femoris-short-head', 'tibialis-anterior', 'peroneus-longus', 'gastrocnemius-medial-head', 'tibialis-posterior'].map((m) => abnormal(m, 'R')), ...normalLimb('R', ['vastus-lateralis', 'adductor-longus', 'paraspinals-L4', 'paraspinals-L5', 'paraspinals-S1'])],
    ncs: [sural('R', 3, 3.9), sural('L', 12), spn('R', 2.5, 3.9), spn('L', 11), peronealMotor('R', 1.5, 5.0), tibialMotor('R', 3, 5.0)],
    expect: { sites: ['R|sacral-plexus'], kind: 'focal', confidence: ['probable'] },
    forbidden: [/radiculopathy/i, /polyneuropathy/i],
  },
  {
    name: 'whole lumbosacral plexopathy: femoral, obturator, gluteal and sciatic muscles abnormal, paraspinals normal, saphenous and sural reduced → lumbosacral plexus',
    source: 'S25; Preston & Shapiro, lumbosacral plexopathy (diabetic amyotrophy and retroperitoneal haematoma patterns)',
    emg: [...['vastus-lateralis', 'adductor-longus', 'iliopsoas', 'gluteus-medius', 'gluteus-maximus', 'biceps-femoris-long-head', 'tibialis-anterior', 'gastrocnemius-medial-head'].map((m) => abnormal(m, 'L')), ...normalLimb('L', ['paraspinals-L3', 'paraspinals-L4', 'paraspinals-L5', 'paraspinals-S1'])],
    ncs: [saphenous('L', null), saphenous('R', 8), sural('L', 3, 4.0), sural('R', 13), spn('L', 4), spn('R', 11)],
    expect: { sites: ['L|lumbosacral-plexus'], kind: 'focal' },
    forbidden: [/radiculopathy/i, /polyneuropathy/i],
  },
  {
    name: 'radiation plexopathy: sacral plexus pattern with myokymic discharges → plexus and the myokymia alert (S30, S31)',
    source: 'S30, S31',
    emg: [...['gluteus-medius', 'gluteus-maximus', 'biceps-femoris-long-head', 'tibialis-anterior', 'gastrocnemius-medial-head'].map((m) => abnormal(m, 'R', { otherDischarges: ['myokymic'] })), ...normalLimb('R', ['paraspinals-L5', 'paraspinals-S1', 'vastus-lateralis'])],
    ncs: [sural('R', 3, 4.0), sural('L', 12), spn('R', 3), spn('L', 11)],
    expect: { sites: ['R|sacral-plexus'], flag: /Myokymic discharges → raises radiation plexopathy/ },
    forbidden: [/radiculopathy/i],
  },
  {
    name: 'plexopathy without myokymia (tumour infiltration in a radiated patient): same pattern, "myokymia absent" recorded → plexus, no myokymia alert',
    source: 'S30, S31 (absence favours tumour)',
    emg: [...['gluteus-medius', 'gluteus-maximus', 'biceps-femoris-long-head', 'tibialis-anterior', 'gastrocnemius-medial-head'].map((m) => abnormal(m, 'R', { otherDischarges: [] })), ...normalLimb('R', ['paraspinals-L5', 'paraspinals-S1', 'vastus-lateralis'])],
    ncs: [sural('R', 3, 4.0), sural('L', 12), spn('R', 3), spn('L', 11)],
    expect: { sites: ['R|sacral-plexus'] },
    forbidden: [/radiculopathy/i],
  },
  // ----- sciatic -----
  {
    name: 'sciatic neuropathy at the notch with peroneal-division predominance: BFSH, TA, EDB, PL severe, gastrocnemius mild, glutei and paraspinals normal, sural reduced → sciatic nerve',
    source: 'Katirji & Wilbourn 1994 (S22): the peroneal division is more affected in most sciatic neuropathies',
    emg: [abnormal('tibialis-anterior', 'R', { fibrillations: 3, positiveSharpWaves: 3, recruitment: 'discrete' }), abnormal('extensor-digitorum-brevis', 'R', { fibrillations: 3, positiveSharpWaves: 3, recruitment: 'single-unit' }), abnormal('peroneus-longus', 'R'), abnormal('biceps-femoris-short-head', 'R'), abnormal('gastrocnemius-medial-head', 'R', { insertionalActivity: 'normal', fibrillations: 1, positiveSharpWaves: 0, recruitment: 'full' }), ...normalLimb('R', ['tibialis-posterior', 'biceps-femoris-long-head', 'gluteus-maximus', 'gluteus-medius', 'tensor-fasciae-latae', 'paraspinals-L5', 'paraspinals-S1'])],
    ncs: [sural('R', 4, 3.8), sural('L', 13), spn('R', null), peronealMotor('R', 0.8, 5.0, 41), tibialMotor('R', 11)],
    expect: { sites: ['R|sciatic-trunk'], kind: 'focal', confidence: ['probable'] },
    forbidden: [/fibular head/i, /plexopathy/i, /radiculopathy/i],
  },
  {
    name: 'sciatic neuropathy at mid-thigh with tibial-division predominance: hamstrings, gastrocnemius, soleus, abductor hallucis severe, TA mild, glutei normal → sciatic with tibial-division predominance',
    source: 'Katirji & Wilbourn 1994 (S22); Preston & Shapiro, sciatic neuropathy',
    emg: [...['biceps-femoris-long-head', 'semitendinosus', 'gastrocnemius-medial-head', 'soleus', 'abductor-hallucis'].map((m) => abnormal(m, 'L', { fibrillations: 3, positiveSharpWaves: 3, recruitment: 'discrete' })), abnormal('tibialis-anterior', 'L', { fibrillations: 1, positiveSharpWaves: 0, recruitment: 'full', insertionalActivity: 'normal' }), abnormal('biceps-femoris-short-head', 'L', { fibrillations: 1, positiveSharpWaves: 0, recruitment: 'full', insertionalActivity: 'normal' }), ...normalLimb('L', ['gluteus-maximus', 'gluteus-medius', 'tensor-fasciae-latae', 'paraspinals-S1', 'extensor-digitorum-brevis'])],
    ncs: [sural('L', null), sural('R', 12), tibialMotor('L', 1.2, 5.6), tibialMotor('R', 10), spn('L', 9), spn('R', 11)],
    expect: { sites: ['L|sciatic-trunk'], kind: 'focal' },
    forbidden: [/plexopathy/i, /radiculopathy/i, /polyneuropathy/i],
  },
  {
    name: 'a single borderline proximal muscle (gluteus medius, reduced recruitment only) does not pull a clear sciatic lesion up to the plexus',
    source: 'Preston & Shapiro (recruitment alone is weak: poor activation); Katirji & Wilbourn 1994 (S22)',
    emg: [abnormal('tibialis-anterior', 'R', { fibrillations: 3, positiveSharpWaves: 3, recruitment: 'discrete' }), abnormal('extensor-digitorum-brevis', 'R', { fibrillations: 3, positiveSharpWaves: 3 }), abnormal('peroneus-longus', 'R'), abnormal('biceps-femoris-short-head', 'R'), abnormal('gastrocnemius-medial-head', 'R', mild), abnormal('biceps-femoris-long-head', 'R', mild), abnormal('gluteus-medius', 'R', recruitmentOnly), ...normalLimb('R', ['gluteus-maximus', 'tensor-fasciae-latae', 'paraspinals-L5', 'paraspinals-S1'])],
    ncs: [sural('R', 3, 3.9), sural('L', 13), spn('R', null), spn('L', 11), peronealMotor('R', 0.8, 5.0, 41)],
    expect: { sites: ['R|sciatic-trunk'], kind: 'focal' },
    forbidden: [/plexopathy/i],
  },
  // ----- peroneal -----
  {
    name: 'common peroneal neuropathy at the fibular head, axonal: TA, EHL, EDB, PL denervated, BFSH and TP normal, SP SNAP reduced → fibular head',
    source: 'S22, S23 (BFSH normal places the lesion at the fibular head); Preston & Shapiro, peroneal neuropathy',
    emg: [...['tibialis-anterior', 'extensor-hallucis-longus', 'extensor-digitorum-brevis', 'peroneus-longus'].map((m) => abnormal(m, 'R')), ...normalLimb('R', ['biceps-femoris-short-head', 'tibialis-posterior', 'gastrocnemius-medial-head', 'paraspinals-L5'])],
    ncs: [spn('R', 3, 3.9), spn('L', 12), peronealMotor('R', 1.1, 5.2), peronealMotor('L', 5.5), sural('R', 14), tibialMotor('R', 11)],
    expect: { sites: ['R|common-peroneal-fibular-head'], kind: 'focal', confidence: ['probable'] },
    forbidden: [/sciatic/i, /radiculopathy/i, /polyneuropathy/i],
  },
  {
    name: 'common peroneal neuropathy at the fibular head, demyelinating: conduction block and focal slowing across the fibular head, SP SNAP preserved, recruitment reduced only → fibular head, not conflicting',
    source: 'S33 (normal drop ≤ 25 %, ≤ 10 m/s across the fibular head); EFNS/PNS 2010 (block ≥ 50 %); Preston & Shapiro (SNAP preserved in demyelinating peroneal palsy)',
    emg: [abnormal('tibialis-anterior', 'L', recruitmentOnly), abnormal('extensor-hallucis-longus', 'L', recruitmentOnly), ...normalLimb('L', ['biceps-femoris-short-head', 'tibialis-posterior', 'gastrocnemius-medial-head', 'peroneus-longus'])],
    ncs: [peronealMotor('L', 4.8, 4.6, 0, 'Ankle'), ncs('peroneal-motor-edb', 'L', { kind: 'motor', stimulationSite: 'Below fibular head', latencyMs: 10.9, amplitude: 4.5, velocityMs: 46 }), ncs('peroneal-motor-edb', 'L', { kind: 'motor', stimulationSite: 'Above fibular head', latencyMs: 14.6, amplitude: 1.6, velocityMs: 27 }), spn('L', 11), sural('L', 13), tibialMotor('L', 11), peronealMotor('R', 5.2), spn('R', 12)].map((r) => (r.velocityMs === 0 ? { ...r, velocityMs: undefined } as NcsRow : r)),
    expect: { sites: ['L|common-peroneal-fibular-head'], kind: 'focal', confidence: ['probable', 'possible'] },
    forbidden: [/Conflicting/i, /sciatic/i, /radiculopathy/i],
  },
  {
    name: 'deep peroneal neuropathy: TA, EHL and EDB abnormal, peroneus longus and SP SNAP normal → deep peroneal nerve',
    source: 'Preston & Shapiro, deep peroneal neuropathy (superficial branch spared)',
    emg: [...['tibialis-anterior', 'extensor-hallucis-longus', 'extensor-digitorum-brevis'].map((m) => abnormal(m, 'R')), ...normalLimb('R', ['peroneus-longus', 'biceps-femoris-short-head', 'tibialis-posterior', 'gastrocnemius-medial-head'])],
    ncs: [spn('R', 12), sural('R', 13), peronealMotor('R', 1.0, 5.9), peronealMotor('L', 5.6)],
    expect: { sites: ['R|deep-peroneal'], kind: 'focal', confidence: ['probable'] },
    forbidden: [/sciatic/i, /radiculopathy/i],
  },
  {
    name: 'superficial peroneal neuropathy: peroneus longus abnormal and SP SNAP absent, TA/EHL/EDB normal → superficial peroneal nerve',
    source: 'Preston & Shapiro, superficial peroneal neuropathy',
    emg: [abnormal('peroneus-longus', 'L'), ...normalLimb('L', ['tibialis-anterior', 'extensor-hallucis-longus', 'extensor-digitorum-brevis', 'biceps-femoris-short-head'])],
    ncs: [spn('L', null), spn('R', 11), sural('L', 12), peronealMotor('L', 5.5)],
    expect: { sites: ['L|superficial-peroneal'], kind: 'focal' },
    forbidden: [/sciatic/i, /radiculopathy/i, /polyneuropathy/i],
  },
  // ----- tibial, femoral, obturator -----
  {
    name: 'tibial neuropathy: gastrocnemius, soleus, TP, FDL, AH and tibial CMAP abnormal, hamstrings and peroneal muscles normal → tibial nerve',
    source: 'Preston & Shapiro, tibial neuropathy',
    emg: [...['gastrocnemius-medial-head', 'soleus', 'tibialis-posterior', 'flexor-digitorum-longus', 'abductor-hallucis'].map((m) => abnormal(m, 'R')), ...normalLimb('R', ['tibialis-anterior', 'peroneus-longus', 'biceps-femoris-short-head', 'biceps-femoris-long-head', 'semitendinosus', 'gluteus-medius', 'paraspinals-S1'])],
    ncs: [tibialMotor('R', 1.8, 6.4), tibialMotor('L', 10), sural('R', 14), peronealMotor('R', 5.5)],
    expect: { sites: ['R|tibial'], kind: 'focal', confidence: ['probable'] },
    forbidden: [/sciatic/i, /radiculopathy/i],
  },
  {
    name: 'femoral neuropathy: vasti abnormal, iliopsoas and adductor longus normal, saphenous SNAP absent → femoral nerve',
    source: 'Preston & Shapiro, femoral neuropathy (adductors spared: obturator; iliopsoas spared: below the inguinal ligament)',
    emg: [abnormal('vastus-lateralis', 'R'), abnormal('vastus-medialis', 'R'), ...normalLimb('R', ['iliopsoas', 'adductor-longus', 'paraspinals-L3', 'paraspinals-L4', 'tibialis-anterior'])],
    ncs: [saphenous('R', null), saphenous('L', 8)],
    expect: { sites: ['R|femoral'], kind: 'focal' },
    forbidden: [/radiculopathy/i, /plexopathy/i],
  },
  {
    name: 'obturator neuropathy: adductor longus abnormal, vasti and iliopsoas normal → obturator nerve',
    source: 'Preston & Shapiro, obturator neuropathy',
    emg: [abnormal('adductor-longus', 'L'), ...normalLimb('L', ['vastus-lateralis', 'vastus-medialis', 'iliopsoas', 'paraspinals-L3'])],
    ncs: [],
    expect: { sites: ['L|obturator'], kind: 'focal', confidence: ['possible'] },
    forbidden: [/radiculopathy/i],
  },
  // ----- polyneuropathy -----
  {
    name: 'length-dependent axonal polyneuropathy: absent sural and SP SNAPs, low distal CMAPs and distal denervation on both sides → generalized polyneuropathy, not bilateral sciatic',
    source: 'Preston & Shapiro, polyneuropathy (symmetric, distal, length-dependent); EFNS/PNS 2010 (axonal: velocities short of the demyelinating range)',
    ...lengthDependent('moderate'),
    expect: { sites: [], kind: 'polyneuropathy', diffuseType: 'axonal', confidence: ['probable'] },
    forbidden: FORBID_BILATERAL_FOCAL,
  },
  {
    name: 'mild length-dependent polyneuropathy: low sural and SP SNAPs, chronic change in foot muscles only, both sides → polyneuropathy; leg muscles normal is no contradiction',
    source: 'Preston & Shapiro, polyneuropathy (foot muscles before leg muscles)',
    ...lengthDependent('mild'),
    expect: { sites: [], kind: 'polyneuropathy', diffuseType: 'axonal' },
    forbidden: FORBID_BILATERAL_FOCAL,
  },
  {
    name: 'demyelinating polyneuropathy: motor velocities ≥ 30 % below and latencies ≥ 50 % above the limits in peroneal and tibial nerves on both sides → demyelinating polyneuropathy',
    source: 'EFNS/PNS 2010 (Van den Bergh et al.)',
    emg: onlyEmg([...both((s) => abnormal('extensor-digitorum-brevis', s, recruitmentOnly)), ...both((s) => normal('tibialis-anterior', s)), ...both((s) => normal('vastus-lateralis', s))]),
    ncs: onlyNcs([...both((s) => peronealMotor(s, 2.0, 10.5, 24)), ...both((s) => tibialMotor(s, 3.0, 9.8, 25)), ...both((s) => sural(s, null)), ...both((s) => spn(s, 3.0, 5.5))]),
    expect: { kind: 'polyneuropathy', diffuseType: 'demyelinating' },
    forbidden: FORBID_BILATERAL_FOCAL,
  },
  {
    name: 'sensory polyneuropathy: sural and SP SNAPs absent on both sides with normal motor studies and EMG → sensory polyneuropathy',
    source: 'Preston & Shapiro, sensory neuronopathy/neuropathy patterns',
    emg: onlyEmg([...both((s) => normal('extensor-digitorum-brevis', s)), ...both((s) => normal('tibialis-anterior', s)), ...both((s) => normal('gastrocnemius-medial-head', s))]),
    ncs: onlyNcs([...both((s) => sural(s, null)), ...both((s) => spn(s, null)), ...both((s) => peronealMotor(s, 5.5)), ...both((s) => tibialMotor(s, 11))]),
    expect: { sites: [], kind: 'polyneuropathy' },
    forbidden: FORBID_BILATERAL_FOCAL,
  },
  {
    name: 'focal lesion on a polyneuropathy: mild length-dependent polyneuropathy plus a right peroneal neuropathy at the fibular head with conduction block → focal + polyneuropathy',
    source: 'Preston & Shapiro (superimposed entrapment in polyneuropathy); S33; EFNS/PNS 2010',
    emg: [
      ...lengthDependentSide('L', 'mild').emg,
      ...lengthDependentSide('R', 'mild').emg.filter((r) => !['tibialis-anterior'].includes(r.muscle)),
      abnormal('tibialis-anterior', 'R', { fibrillations: 3, positiveSharpWaves: 3, recruitment: 'discrete' }),
      abnormal('extensor-hallucis-longus', 'R', { fibrillations: 3, positiveSharpWaves: 3, recruitment: 'discrete' }),
      abnormal('peroneus-longus', 'R', { fibrillations: 2, positiveSharpWaves: 2 }),
      normal('peroneus-longus', 'L'),
      normal('tibialis-posterior', 'R'),
    ],
    ncs: [
      ...lengthDependentSide('L', 'mild').ncs,
      ...lengthDependentSide('R', 'mild').ncs.filter((r) => r.nerve !== 'peroneal-motor-edb'),
      ncs('peroneal-motor-edb', 'R', { kind: 'motor', stimulationSite: 'Ankle', latencyMs: 5.6, amplitude: 2.0 }),
      ncs('peroneal-motor-edb', 'R', { kind: 'motor', stimulationSite: 'Below fibular head', latencyMs: 12.0, amplitude: 1.9, velocityMs: 40 }),
      ncs('peroneal-motor-edb', 'R', { kind: 'motor', stimulationSite: 'Above fibular head', latencyMs: 15.9, amplitude: 0.7, velocityMs: 26 }),
    ],
    // The slowing across the fibular head is focal: EFNS/PNS 2010 judge velocities away from entrapment sites, so the neuropathy stays axonal.
    expect: { sites: ['R|common-peroneal-fibular-head'], kind: 'focal+polyneuropathy', diffuseType: 'axonal' },
    forbidden: [/bilateral/i, /sciatic/i],
  },
  {
    name: 'L5 radiculopathy on a polyneuropathy: bilateral low SNAPs and foot-muscle change plus right L5 paraspinals, TFL, gluteus medius, TP → L5 root + polyneuropathy',
    source: 'Preston & Shapiro (radiculopathy with coexisting polyneuropathy); S26',
    emg: [...lengthDependent('mild').emg, ...['tensor-fasciae-latae', 'tibialis-posterior'].map((m) => abnormal(m, 'R')), abnormal('paraspinals-L5', 'R', { recruitment: undefined })].filter((r) => !(r.side === 'R' && (r.muscle === 'gluteus-medius' || (r.muscle === 'paraspinals-L5' && r.fibrillations === 0)))).concat([abnormal('gluteus-medius', 'R')]),
    ncs: lengthDependent('mild').ncs,
    expect: { sites: ['R|root-L5'], kind: 'focal+polyneuropathy' },
    forbidden: [/plexopathy/i, /bilateral/i],
  },
  {
    name: 'the other limb as control: a borderline low sural SNAP on the asymptomatic side with normal motor studies there does not become a lesion on that side',
    source: 'Preston & Shapiro (compare with the asymptomatic side; borderline values); S33/S38 side-to-side',
    emg: [...['tibialis-anterior', 'extensor-hallucis-longus', 'tibialis-posterior', 'gluteus-medius'].map((m) => abnormal(m, 'R')), abnormal('paraspinals-L5', 'R', { recruitment: undefined }), ...normalLimb('R', ['gastrocnemius-medial-head', 'vastus-lateralis']), ...normalLimb('L', ['tibialis-anterior', 'gastrocnemius-medial-head'])],
    ncs: [sural('R', 12), spn('R', 10), sural('L', 5.2), spn('L', 9), peronealMotor('L', 5.4), tibialMotor('L', 10.5)],
    expect: { sites: ['R|root-L5'], kind: 'focal' },
    forbidden: [/left/i, /bilateral/i],
  },
  // ----- normal, effort, acute -----
  {
    name: 'normal study → no lesion',
    source: 'Preston & Shapiro',
    emg: normalLimb('R', ['tibialis-anterior', 'gastrocnemius-medial-head', 'biceps-femoris-short-head', 'gluteus-medius', 'paraspinals-L5']),
    ncs: normalLegNcs('R'),
    expect: { confidence: ['none'] },
  },
  {
    name: 'poor effort: reduced recruitment alone (normal MUAPs, no spontaneous activity) in many muscles of both legs with normal conduction → at most possible, and the report says why',
    source: 'Preston & Shapiro (poor activation: reduced recruitment with normal firing rates; no denervation)',
    emg: onlyEmg(['gluteus-medius', 'vastus-lateralis', 'tibialis-anterior', 'gastrocnemius-medial-head', 'biceps-femoris-long-head'].flatMap((m) => both((s) => abnormal(m, s, recruitmentOnly)))),
    ncs: [...normalLegNcs('L'), ...normalLegNcs('R')],
    expect: { confidence: ['possible'], flag: /Reduced recruitment without other changes: consider poor activation, an upper motor neuron cause or a lesion of a few days/ },
    forbidden: [/^Probable/, /^Possible/],
  },
  {
    name: 'acute lesion of a few days: reduced recruitment only in TA and EHL, no fibrillations yet (S27: they appear after 10–18 days) → at most possible, with the recruitment-only sentence',
    source: 'S27',
    emg: [abnormal('tibialis-anterior', 'R', recruitmentOnly), abnormal('extensor-hallucis-longus', 'R', recruitmentOnly), ...normalLimb('R', ['gastrocnemius-medial-head', 'biceps-femoris-short-head', 'gluteus-medius', 'paraspinals-L5'])],
    ncs: normalLegNcs('R'),
    expect: { confidence: ['possible'], flag: /Reduced recruitment without other changes/ },
    forbidden: [/^Probable/],
  },
  {
    name: 'age-dependent limits: a sural SNAP of 2 µV at 72 years is within the limit for age (Tavee 2014) → normal study',
    source: 'Tavee 2014 (lower limit 1 µV at 70–74 years)',
    ageYears: 72,
    emg: onlyEmg([...both((s) => normal('tibialis-anterior', s)), ...both((s) => normal('extensor-digitorum-brevis', s))]),
    ncs: onlyNcs([...both((s) => sural(s, 2)), ...both((s) => peronealMotor(s, 4.5))]),
    expect: { confidence: ['none'] },
  },
  {
    name: 'one limb only with distal abnormalities: the missing control limb is stated as a limitation',
    source: 'Preston & Shapiro (study the other side when a diffuse process is possible)',
    emg: [abnormal('extensor-digitorum-brevis', 'R'), abnormal('abductor-hallucis', 'R'), ...normalLimb('R', ['tibialis-anterior', 'gastrocnemius-medial-head', 'vastus-lateralis', 'paraspinals-L5'])],
    ncs: [sural('R', null), spn('R', null), peronealMotor('R', 1.5, 5.8, 40), tibialMotor('R', 2.5, 5.6, 40)],
    expect: { limitation: /Only one limb examined/ },
  },
];
