import type { Modality, NerveId, SiteId } from './anatomy';

/** Where a rule or number came from: a source key (or several, "S4, S5") and whether it is a convention. */
export interface Provenance {
  readonly source: string;
  /** True where the clinical reference marks the value as a convention / unverified. */
  readonly convention?: boolean;
}

/** Upper limit of normal cross-sectional area for one nerve, site and modality. */
export interface CsaThreshold extends Provenance {
  readonly nerve: NerveId;
  readonly site: SiteId;
  readonly modality: Modality;
  /** Values strictly above this are called enlarged. */
  readonly upperLimitMm2: number;
  readonly meanMm2?: number;
  readonly sdMm2?: number;
  /** How the limit was obtained or what to keep in mind ("mean + 2 SD", "pooled mean 25.9"). */
  readonly note?: string;
}

/** Left–right comparison criteria (S8, S9 and the sciatic ratio convention). */
export interface AsymmetryCriteria {
  /** Sciatic: smallest reliably detectable left–right difference (S9). */
  readonly sciaticMinDifferenceMm2: number;
  /** Larger/smaller ratio called asymmetric where no published ratio exists (convention). */
  readonly defaultRatio: number;
  /** Common fibular nerve at the fibular head (S8). */
  readonly fibularHead: {
    /** Affected − unaffected ≥ this (mm²). */
    readonly differenceMm2: number;
    /** Affected / unaffected ≥ this. */
    readonly ratio: number;
    /** Fibular head / popliteal fossa on the same side ≥ this. */
    readonly fhPfRatio: number;
  };
  readonly provenance: {
    readonly sciaticMinDifferenceMm2: Provenance;
    readonly defaultRatio: Provenance;
    readonly fibularHead: Provenance;
  };
}

export interface ReferenceSet {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** Shipped with NerveTrace (read-only); user edits produce a new set with builtIn false. */
  readonly builtIn?: boolean;
  /** Id of the set a user set was derived from. */
  readonly basedOn?: string;
  readonly thresholds: readonly CsaThreshold[];
  readonly asymmetry: AsymmetryCriteria;
}
