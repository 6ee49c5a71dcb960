/**
 * Every weight and margin that decides a ranking or a confidence in the localization — DATA, in one
 * place. A value is either read from a source (the key names it, see reference/sources.ts) or a
 * documented parameter of this app (`convention`: chosen so that the textbook patterns of
 * test/domain/localization/patterns.test.ts come out as their sources describe; editable through
 * LocalizationOptions.weights / .evidence, never hidden in the search code).
 *
 * How they combine: a hypothesis costs
 *   unexplainedFactor × Σ evidence weight of the abnormal findings it leaves unexplained
 *   + Σ contradiction weights of the normal findings it should have affected
 *   + extraLesion × (lesions − 1)
 *   + Σ rule weight × strength of each localizing rule that argues against it.
 * Lower is better; ties are broken by fewer lesions, then main roots (see tieBreak), then smaller
 * territory.
 */

export interface DocumentedParameter {
  readonly source: string;
  readonly note: string;
}

/** Strength (0–1) of one abnormal finding as evidence of a lesion in its territory. */
export interface EvidenceWeights {
  /** Fibrillation potentials / positive sharp waves by grade (1+ … 4+). */
  readonly activeDenervation: readonly [number, number, number, number];
  /** Neurogenic MUAP change (increased amplitude or duration): chronic reinnervation. */
  readonly chronicNeurogenic: number;
  /** Increased polyphasia without other MUAP change. */
  readonly polyphasiaOnly: number;
  /** Recruitment change alone by pattern: reduced, discrete, single unit, no MUAP. */
  readonly recruitmentOnly: readonly [number, number, number, number];
  /** Added when two of denervation, chronic MUAP change and recruitment loss are present (capped at 1). */
  readonly concordantBonus: number;
  readonly myokymic: number;
  readonly complexRepetitive: number;
  /** Small/short MUAPs (myopathic-looking; placed but weak as evidence of a nerve lesion). */
  readonly myopathic: number;
  /** NCS: an absent response. */
  readonly ncsAbsent: number;
  /** NCS: the weight of a value just beyond its limit … */
  readonly ncsBorderline: number;
  /** … up to this fractional deviation (0.2 = within 20 % of the limit: borderline) … */
  readonly ncsBorderlineBand: number;
  /** … rising to 1 at this fractional deviation from the limit (0.5 = half the lower limit). */
  readonly ncsFullDeviation: number;
  /** NCS abnormal only by the side-to-side rule (within the absolute limit). */
  readonly ncsSideToSideOnly: number;
  /** Conduction block or focal slowing across a segment. */
  readonly segmentFocal: number;
  /** Below this weight a finding is "weak": leaving it unexplained does not make the study conflicting. */
  readonly weakBelow: number;
}

export const EVIDENCE_WEIGHTS: EvidenceWeights = {
  activeDenervation: [0.8, 0.9, 1, 1],
  chronicNeurogenic: 0.8,
  polyphasiaOnly: 0.3,
  recruitmentOnly: [0.25, 0.35, 0.4, 0.5],
  concordantBonus: 0.1,
  myokymic: 0.8,
  complexRepetitive: 0.3,
  myopathic: 0.4,
  ncsAbsent: 1,
  ncsBorderline: 0.4,
  ncsBorderlineBand: 0.2,
  ncsFullDeviation: 0.5,
  ncsSideToSideOnly: 0.5,
  segmentFocal: 1,
  weakBelow: 0.5,
};

export const EVIDENCE_DOCS: Readonly<Record<keyof EvidenceWeights, DocumentedParameter>> = {
  activeDenervation: {
    source: 'S27',
    note: 'Fibrillations/PSW mark ongoing denervation (appear 10–18 days after injury, S27); the grade sets the weight (convention).',
  },
  chronicNeurogenic: { source: 'convention', note: 'Large/long MUAPs mean reinnervation: strong evidence of a past lesion.' },
  polyphasiaOnly: { source: 'S28', note: 'Up to 35 % polyphasic units is normal (S28): increased polyphasia alone is weak.' },
  recruitmentOnly: {
    source: 'convention',
    note: 'Reduced recruitment without other changes may be poor activation, an upper motor neuron cause or a lesion of a few days: weak.',
  },
  concordantBonus: { source: 'convention', note: 'Two independent kinds of neurogenic change in one muscle.' },
  myokymic: { source: 'S30, S31', note: 'Myokymic discharges: radiation plexopathy (S30, S31).' },
  complexRepetitive: { source: 'S32', note: 'CRDs are chronic and non-localizing (S32).' },
  myopathic: { source: 'convention', note: 'Small/short MUAPs are not the pattern of a nerve lesion.' },
  ncsAbsent: { source: 'convention', note: 'An absent response is the largest deviation.' },
  ncsBorderline: { source: 'convention', note: 'A value just beyond its limit (about the 2nd–5th percentile) is weak evidence.' },
  ncsBorderlineBand: { source: 'convention', note: 'Values within 20 % of the limit are borderline: weak evidence, never a lesion on their own.' },
  ncsFullDeviation: { source: 'convention', note: 'Deviation (fraction of the limit) at which an NCS value counts fully.' },
  ncsSideToSideOnly: { source: 'S33, S38', note: 'An asymmetry within the absolute limits (S33: up to 61 % side-to-side is normal).' },
  segmentFocal: { source: 'S33, EFNS/PNS 2010', note: 'Focal conduction block or slowing localizes to its segment.' },
  weakBelow: { source: 'convention', note: 'Findings weaker than this leave a hypothesis "possible", not "conflicting".' },
};

/** Weights of the lesion-set search. */
export interface SearchWeights {
  /** A normal finding that a lesion at the site would certainly have affected (a wholly spared branch, a single-root muscle, a preserved SNAP). */
  readonly strongContradiction: number;
  /** A normal finding downstream that a partial lesion could spare (sparing within an affected nerve, or a branch that may leave above the lesion). */
  readonly partialSparing: number;
  /** A normal muscle that shares the root with other roots (the other roots can keep it normal). */
  readonly multiRootSparing: number;
  /** A normal muscle whose MAIN root is the candidate root (innervation table): stronger than multiRootSparing. */
  readonly mainRootSparing: number;
  /** A normal muscle for which the candidate is a minor root only. */
  readonly minorRootSparing: number;
  /** An abnormal muscle explained by a root that is not its main root (S2 for gastrocnemius). */
  readonly nonMainRootExplains: number;
  /** Cost of each lesion beyond the first (parsimony). */
  readonly extraLesion: number;
  /** Cost of an unexplained finding = this × its evidence weight (a strong finding outweighs an extra lesion; a weak one does not). */
  readonly unexplainedFactor: number;
  /** The best hypothesis is "clearly best" when the runner-up costs at least this much more; closer is a tie. */
  readonly clearMargin: number;
  /** Polyneuropathy: a normal sural SNAP (the most sensitive length-dependent marker). */
  readonly pnpNormalSural: number;
  /** Polyneuropathy: a normal superficial peroneal SNAP. */
  readonly pnpNormalSensory: number;
  /** Polyneuropathy: a normal distal CMAP (a sensory-predominant neuropathy spares it; weak). */
  readonly pnpNormalMotor: number;
  /** Polyneuropathy: a normal foot muscle while a leg muscle on that side is abnormal (gradient reversed). */
  readonly pnpGradientReversed: number;
  /** Polyneuropathy: an abnormal finding whose counterpart on the other side is normal (asymmetry). */
  readonly pnpAsymmetry: number;
  /** Polyneuropathy with only one limb examined: no control (the diffuse reading cannot be checked). */
  readonly pnpNoControl: number;
}

export const SEARCH_WEIGHTS: SearchWeights = {
  strongContradiction: 1,
  partialSparing: 0.2,
  multiRootSparing: 0.25,
  mainRootSparing: 0.5,
  minorRootSparing: 0.1,
  nonMainRootExplains: 0.15,
  extraLesion: 1,
  unexplainedFactor: 2,
  clearMargin: 0.15,
  pnpNormalSural: 1,
  pnpNormalSensory: 0.5,
  pnpNormalMotor: 0.2,
  pnpGradientReversed: 1,
  pnpAsymmetry: 0.5,
  pnpNoControl: 0.5,
};

export const SEARCH_DOCS: Readonly<Record<keyof SearchWeights, DocumentedParameter>> = {
  strongContradiction: { source: 'convention', note: 'HINT-style minimal sets: a normal finding in the lesion territory counts against it.' },
  partialSparing: { source: 'convention', note: 'Partial (fascicular) lesions spare some muscles of an affected nerve.' },
  multiRootSparing: { source: 'S19', note: 'Multi-root muscles: the other roots can keep them normal; root supply varies (S19).' },
  mainRootSparing: { source: 'innervation-table', note: 'A muscle normal although the candidate is its main root.' },
  minorRootSparing: { source: 'innervation-table', note: 'A muscle normal where the candidate is only a minor root: little against it.' },
  nonMainRootExplains: {
    source: 'innervation-table',
    note: 'Main-root preference: gastrocnemius/soleus are mainly S1, an isolated S2 radiculopathy is rare.',
  },
  extraLesion: { source: 'convention', note: 'Parsimony: one lesion is preferred to two explaining the same.' },
  unexplainedFactor: { source: 'convention', note: 'A strong unexplained finding costs more than an extra lesion; a weak one (< 0.5) less.' },
  clearMargin: { source: 'convention', note: 'Cost gap between best and runner-up for "probable"; smaller is reported as a tie.' },
  pnpNormalSural: { source: 'S36, Tavee 2014', note: 'The sural SNAP is reduced early in length-dependent polyneuropathy.' },
  pnpNormalSensory: { source: 'convention', note: 'Superficial peroneal SNAP, less sensitive than the sural.' },
  pnpNormalMotor: { source: 'convention', note: 'Distal CMAPs fall late in a length-dependent (sensory-predominant) neuropathy.' },
  pnpGradientReversed: { source: 'convention', note: 'Length dependence: foot muscles are affected before leg muscles.' },
  pnpAsymmetry: { source: 'S33, S38', note: 'A diffuse process is symmetric: the other limb is the control.' },
  pnpNoControl: { source: 'convention', note: 'Without the other limb a diffuse process cannot be told from a focal one.' },
};

/**
 * How much each localizing rule costs a hypothesis it argues against (multiplied by the strength,
 * 0–1, of the findings that fired it): the rules enter the score, not only the narrative.
 */
export const RULE_WEIGHTS: Readonly<Record<string, number>> = {
  'bfsh-abnormal': 0.5,
  'bfsh-normal': 0.5,
  'tp-fdl-with-ta': 0.5,
  'gluteal-abnormal': 0.5,
  'gluteal-spared': 0.3,
  'paraspinals-abnormal': 0.5,
  'paraspinals-normal': 0.1,
  'snap-abnormal': 0.5,
  'snap-preserved': 0.3,
  'eas-abnormal': 0.3,
  myokymia: 0.2,
  'symmetric-distal': 0.5,
  'focal-conduction': 0.5,
};

export const RULE_WEIGHT_DOCS: DocumentedParameter = {
  source: 'convention',
  note:
    'Half an extra lesion for a rule with a published source (S22–S26), less for conventions; "paraspinals normal" only 0.1 ' +
    'because normal paraspinals do not exclude a root lesion (S25).',
};

/** Thresholds of the polyneuropathy type and the segmental conduction analysis. */
export interface ConductionThresholds {
  /** Demyelinating range: distal motor latency ≥ this × the upper limit (EFNS/PNS 2010: ≥ 50 % above). */
  readonly demyelinatingLatencyFactor: number;
  /** Demyelinating range: velocity ≤ this × the lower limit (EFNS/PNS 2010: ≥ 30 % below). */
  readonly demyelinatingVelocityFactor: number;
  /** Conduction block: proximal/distal amplitude drop beyond this fraction (S33: upper limit of normal drop across the fibular head 25 %). */
  readonly blockDropFraction: number;
  /** Definite conduction block (EFNS/PNS 2010: ≥ 50 % drop when the distal CMAP is ≥ 20 % of the lower limit). */
  readonly definiteBlockDropFraction: number;
  readonly blockMinDistalFractionOfLimit: number;
  /** Focal slowing: the segment is slower than the distal segment by more than this (S33: 10 m/s). */
  readonly focalSlowingMs: number;
}

export const CONDUCTION_THRESHOLDS: ConductionThresholds = {
  demyelinatingLatencyFactor: 1.5,
  demyelinatingVelocityFactor: 0.7,
  blockDropFraction: 0.25,
  definiteBlockDropFraction: 0.5,
  blockMinDistalFractionOfLimit: 0.2,
  focalSlowingMs: 10,
};

export const CONDUCTION_DOCS: Readonly<Record<keyof ConductionThresholds, DocumentedParameter>> = {
  demyelinatingLatencyFactor: { source: 'EFNS/PNS 2010', note: 'Motor distal latency prolongation ≥ 50 % above the upper limit.' },
  demyelinatingVelocityFactor: { source: 'EFNS/PNS 2010', note: 'Motor conduction velocity ≥ 30 % below the lower limit.' },
  blockDropFraction: { source: 'S33', note: 'Upper limit of normal amplitude drop from below to above the fibular head: 25 % (97th percentile).' },
  definiteBlockDropFraction: { source: 'EFNS/PNS 2010', note: 'Partial motor conduction block: ≥ 50 % amplitude reduction proximal vs distal.' },
  blockMinDistalFractionOfLimit: { source: 'EFNS/PNS 2010', note: 'Block is judged only when the distal CMAP is ≥ 20 % of the lower limit.' },
  focalSlowingMs: { source: 'S33', note: 'Upper limit of normal velocity drop from the leg to the across-knee segment: 10 m/s.' },
};

/**
 * Tie-break order after the cost (documented, not weighted): fewer lesions; then, between roots,
 * the one that is the main root of more of the abnormal muscles it explains (gastrocnemius and
 * soleus are mainly S1, innervation table; an isolated S2 radiculopathy is rare); then the smaller
 * territory (the more specific site).
 */
export const TIE_BREAK = ['cost', 'lesion count', 'main root', 'territory'] as const;
