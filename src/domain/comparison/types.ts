import type { Side } from '../types';
import type { CsaThreshold, Modality, NerveId, SiteId } from '../reference';
import type { RepeatSummary } from './summarizeRepeats';

/**
 * How an area was measured, for summaries: 'trace' = a contour method (freehand or spline),
 * 'ellipse' = two diameters (π·D1·D2/4). The two are never pooled unless the user pools them.
 */
export type MethodFamily = 'trace' | 'ellipse';

/** Repeated measurements of one nerve, site and side, as handed over by the measurement workflow. */
export interface MeasurementSummaryInput {
  readonly nerve: NerveId;
  readonly site: SiteId;
  readonly modality: Modality;
  readonly side: Side;
  readonly valuesMm2: readonly number[];
  /** False when the image had no millimetre scale: such values are pixels and are never compared. Default true. */
  readonly calibrated?: boolean;
  /**
   * Set when traced and ellipse areas of this nerve, site and modality are summarised apart (not
   * pooled): each family is compared on its own. Absent: one method only, or pooled by the user.
   */
  readonly method?: MethodFamily;
}

/** One side of a segment compared with the upper limit. */
export interface SideResult {
  readonly side: Side;
  readonly summary: RepeatSummary;
  /** 'no-reference' when the reference set has no threshold for this nerve/site/modality. */
  readonly vsLimit: 'above' | 'within' | 'no-reference';
}

/** One rule that was evaluated, whether or not it fired, with its source key. */
export interface RuleEvaluation {
  readonly id: string;
  readonly text: string;
  readonly source: string;
  readonly convention?: boolean;
  readonly fired: boolean;
}

export type VerdictKind = 'normal' | 'enlarged' | 'asymmetric' | 'insufficient-data';

export interface SegmentVerdict {
  /** Primary verdict: insufficient-data, else enlarged, else asymmetric, else normal. */
  readonly kind: VerdictKind;
  /** Sides above the upper limit (or with a focal fibular-head enlargement, S8). */
  readonly enlargedSides: readonly Side[];
  readonly asymmetry: 'asymmetric' | 'symmetric' | 'not-assessable';
  /** The larger side when asymmetric, else null. */
  readonly largerSide: Side | null;
  /** One or two plain sentences for the report. */
  readonly text: string;
}

export interface SegmentComparison {
  readonly nerve: NerveId;
  readonly site: SiteId;
  readonly modality: Modality;
  /** "Sciatic nerve, gluteal fold" ("…, gluteal fold (ellipse)" when the methods are summarised apart) */
  readonly label: string;
  /** The method family compared, when traced and ellipse areas are summarised apart (see MeasurementSummaryInput). */
  readonly method?: MethodFamily;
  readonly referenceSetId: string;
  readonly referenceSetName: string;
  readonly threshold: CsaThreshold | null;
  readonly left: SideResult | null;
  readonly right: SideResult | null;
  readonly leftMeanMm2: number | null;
  readonly rightMeanMm2: number | null;
  /** |left − right| of the means; null unless both sides were measured. */
  readonly differenceMm2: number | null;
  /** Larger / smaller mean; null unless both sides were measured. */
  readonly ratio: number | null;
  /** Fibular head / popliteal fossa ratio per side (common fibular nerve at the fibular head only). */
  readonly fibularHeadToPoplitealRatio: { readonly L: number | null; readonly R: number | null } | null;
  readonly verdict: SegmentVerdict;
  readonly rules: readonly RuleEvaluation[];
  /** What could not be assessed and why, in plain language. */
  readonly limitations: readonly string[];
}

export interface ComparisonOptions {
  /** Larger/smaller ratio called asymmetric; defaults to the reference set's defaultRatio (1.5, convention). */
  readonly ratioThreshold?: number;
}
