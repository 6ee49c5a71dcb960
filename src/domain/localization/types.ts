import type { Side } from '../types';
import type { NcsLimitSet, NcsRow, NeedleEmgRow, RootLevel } from '../emg';
import type { LesionLevel, NodeId } from './graph';
import type { EvidenceKind } from './evidence';
import type { EvidenceWeights, SearchWeights } from './parameters';

export interface LocalizationInput {
  readonly emg: readonly NeedleEmgRow[];
  readonly ncs?: readonly NcsRow[];
  /** Limits used to flag the conduction rows (default: conventional cut-offs). */
  readonly ncsLimits?: NcsLimitSet;
  /** Patient age in years (selects age-dependent limits where sourced); undefined = unknown, said so. */
  readonly ageYears?: number;
}

/** Weights of the search: all documented in parameters.ts (SEARCH_WEIGHTS, SEARCH_DOCS). */
export type LocalizationWeights = SearchWeights;

export interface LocalizationOptions {
  /** Largest lesion set searched (1–3; default 3). */
  readonly maxLesions?: number;
  /** How many alternatives to return (default 5). */
  readonly maxAlternatives?: number;
  readonly weights?: Partial<LocalizationWeights>;
  /** Evidence weights of the findings (parameters.ts EVIDENCE_WEIGHTS). */
  readonly evidence?: Partial<EvidenceWeights>;
  /** Rule weights by rule id (parameters.ts RULE_WEIGHTS). */
  readonly ruleWeights?: Readonly<Record<string, number>>;
  /** Consider a generalized polyneuropathy as a hypothesis (default true). */
  readonly polyneuropathy?: boolean;
}

/** A muscle or conduction study as placed on the graph. */
export interface LocalizedFinding {
  readonly id: string;
  readonly kind: 'muscle' | 'ncs';
  readonly side: Side;
  /** "Right tibialis anterior" */
  readonly label: string;
  readonly abnormal: boolean;
  readonly reasons: readonly string[];
  /** Rough severity for the display (see assessMuscle); ranking uses `weight`. */
  readonly severity: number;
  /** Strength (0–1) of the finding as evidence of a lesion (0 when normal); parameters.ts. */
  readonly weight: number;
  /** What kind of evidence gave the weight (the strongest part). */
  readonly evidence: EvidenceKind;
  /** A muscle whose only abnormality is a recruitment change. */
  readonly recruitmentOnly: boolean;
  /** A conduction study abnormal only against the other side. */
  readonly sideToSideOnly: boolean;
  /** A conduction block or focal slowing across a segment: only a lesion at that very node explains it. */
  readonly segmentFocal: boolean;
  /** Vocabulary id (muscle or study), or null for free text. */
  readonly vocabularyId: string | null;
  /** Where it hangs on the graph; null when it cannot be placed (free text). */
  readonly placement: {
    readonly branch: NodeId;
    readonly roots: readonly RootLevel[];
    /** Sensory nerve action potential (spared by root lesions, S26). */
    readonly postganglionicSensory: boolean;
    /** Main root of a muscle where the innervation table gives one. */
    readonly mainRoot?: RootLevel;
  } | null;
  readonly myokymic: boolean;
}

export interface LesionSite {
  readonly level: LesionLevel;
  readonly side: Side;
  /** "Right common peroneal nerve at the fibular head", "Left L5 root (level probable)" */
  readonly label: string;
}

export type PolyneuropathyType = 'axonal' | 'demyelinating' | 'mixed' | 'undetermined';

/** A generalized, length-dependent polyneuropathy (both limbs, distal first). */
export interface DiffuseProcess {
  readonly kind: 'polyneuropathy';
  readonly type: PolyneuropathyType;
  /** "length-dependent sensorimotor axonal polyneuropathy" */
  readonly name: string;
  /** Why that type: which values are in the demyelinating range, which amplitudes are low. */
  readonly typeReasons: readonly string[];
}

export type HypothesisKind = 'focal' | 'polyneuropathy' | 'focal+polyneuropathy';

export interface LesionHypothesis {
  readonly kind: HypothesisKind;
  /** Focal lesion sites (empty for a polyneuropathy alone). */
  readonly sites: readonly LesionSite[];
  readonly diffuse: DiffuseProcess | null;
  /** Pattern name, e.g. "Right L5 radiculopathy", "Left multi-level radiculopathy L5–S1". */
  readonly pattern: string;
  /** Abnormal finding ids explained by the set. */
  readonly explains: readonly string[];
  /** Abnormal finding ids left unexplained. */
  readonly unexplained: readonly string[];
  /** Normal finding ids the set strongly contradicts (a lesion there should have affected them). */
  readonly contradicted: readonly string[];
  /** Normal finding ids downstream that a partial lesion could spare (not counted as contradictions). */
  readonly spared: readonly string[];
  /** Ranking cost (parameters.ts): unexplained evidence + contradictions + extra lesions + rules against (lower is better). */
  readonly cost: number;
  readonly reasoning: readonly string[];
}

export type LocalizationConfidence = 'definite' | 'probable' | 'possible' | 'none' | 'conflicting';

export interface FiredRule {
  readonly id: string;
  readonly side: Side;
  readonly text: string;
  readonly sources: readonly string[];
  readonly convention?: boolean;
}

export interface LocalizationResult {
  /** Never 'definite': an EMG localization is an inference. */
  readonly confidence: LocalizationConfidence;
  /** One sentence for the report. */
  readonly summary: string;
  /** Ranked best first. Empty for a normal study. */
  readonly alternatives: readonly LesionHypothesis[];
  readonly findings: readonly LocalizedFinding[];
  /** Localizing rules that fired on these findings, with sources. */
  readonly rulesFired: readonly FiredRule[];
  /** Alerts beyond localization (e.g. myokymic discharges → radiation plexopathy). */
  readonly flags: readonly string[];
  /** Findings that could not be placed on the graph (free text) and rows that conflicted. */
  readonly notes: readonly string[];
  /** Best and runner-up are within the clear margin (or explain different things equally well). */
  readonly tied: boolean;
  /** What was not examined or cannot be concluded (for the report's limitations). */
  readonly limitations: readonly string[];
}
