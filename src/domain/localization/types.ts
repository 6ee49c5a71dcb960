import type { Side } from '../types';
import type { NcsLimitSet, NcsRow, NeedleEmgRow, RootLevel } from '../emg';
import type { LesionLevel, NodeId } from './graph';

export interface LocalizationInput {
  readonly emg: readonly NeedleEmgRow[];
  readonly ncs?: readonly NcsRow[];
  /** Limits used to flag the conduction rows (default: conventional cut-offs). */
  readonly ncsLimits?: NcsLimitSet;
}

/** Weights of the HINT-like search (documented defaults; exported so tests and the UI can show them). */
export interface LocalizationWeights {
  /** A normal finding that a lesion at the site would certainly have affected (a wholly spared branch, a single-root muscle, a preserved SNAP). */
  readonly strongContradiction: number;
  /** A normal finding downstream that a partial lesion could spare (sparing within an affected nerve, or a branch that may leave above the lesion). */
  readonly partialSparing: number;
  /** A normal muscle that shares the root with other roots (the other roots can keep it normal). */
  readonly multiRootSparing: number;
  /** Cost of each lesion beyond the first (parsimony). */
  readonly extraLesion: number;
  /** The best hypothesis is "clearly best" when the runner-up costs at least this much more. */
  readonly clearMargin: number;
}

export interface LocalizationOptions {
  /** Largest lesion set searched (1–3; default 3). */
  readonly maxLesions?: number;
  /** How many alternatives to return (default 5). */
  readonly maxAlternatives?: number;
  readonly weights?: Partial<LocalizationWeights>;
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
  readonly severity: number;
  /** Vocabulary id (muscle or study), or null for free text. */
  readonly vocabularyId: string | null;
  /** Where it hangs on the graph; null when it cannot be placed (free text). */
  readonly placement: {
    readonly branch: NodeId;
    readonly roots: readonly RootLevel[];
    /** Sensory nerve action potential (spared by root lesions, S26). */
    readonly postganglionicSensory: boolean;
  } | null;
  readonly myokymic: boolean;
}

export interface LesionSite {
  readonly level: LesionLevel;
  readonly side: Side;
  /** "Right common peroneal nerve at the fibular head", "Left L5 root (level probable)" */
  readonly label: string;
}

export interface LesionHypothesis {
  readonly sites: readonly LesionSite[];
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
  /** Ranking cost: contradictions + partial sparing + extra lesions (lower is better). */
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
}
