/**
 * Intranerve variability: the largest over the smallest CSA along one nerve on one side (definition:
 * Padua 2012, S10). A number only: NerveTrace ships no upper limit for it — the clinical reference
 * gives the definition but no normal value for the lower-limb nerves, so no verdict is given
 * (INTRANERVE_VARIABILITY_LIMITS is the place for one, with its source, once retrieved).
 */
import type { Side } from '../types';
import type { NerveId, SiteId } from '../reference';

/** Where the definition comes from. */
export const INTRANERVE_VARIABILITY_SOURCE = 'S10';

/** Published upper limits of intranerve variability per nerve — none retrieved yet (see above). */
export const INTRANERVE_VARIABILITY_LIMITS: ReadonlyArray<{ readonly nerve: NerveId; readonly upperLimit: number; readonly source: string }> = [];

export interface IntranerveVariability {
  readonly side: Side;
  /** Largest / smallest mean CSA (mm²) among the sites measured on this side. */
  readonly ratio: number;
  readonly largest: { readonly site: SiteId; readonly meanMm2: number };
  readonly smallest: { readonly site: SiteId; readonly meanMm2: number };
  readonly siteCount: number;
  /** The published limit it was held against, or null (then there is no verdict). */
  readonly limit: { readonly upperLimit: number; readonly source: string } | null;
  readonly aboveLimit: boolean | null;
}

interface SiteMeans {
  readonly site: SiteId;
  readonly left: { readonly summary: { readonly meanMm2: number } | null } | null;
  readonly right: { readonly summary: { readonly meanMm2: number } | null } | null;
}

/** Null unless at least two sites on this side have a mm² mean. */
export function intranerveVariability(side: Side, sites: readonly SiteMeans[], nerve?: NerveId): IntranerveVariability | null {
  const means = sites
    .map((s) => ({ site: s.site, meanMm2: (side === 'L' ? s.left : s.right)?.summary?.meanMm2 ?? null }))
    .filter((s): s is { site: SiteId; meanMm2: number } => s.meanMm2 !== null);
  if (means.length < 2) return null;
  const largest = means.reduce((a, b) => (b.meanMm2 > a.meanMm2 ? b : a));
  const smallest = means.reduce((a, b) => (b.meanMm2 < a.meanMm2 ? b : a));
  const ratio = largest.meanMm2 / smallest.meanMm2;
  const limit = INTRANERVE_VARIABILITY_LIMITS.find((l) => l.nerve === nerve) ?? null;
  return {
    side,
    ratio,
    largest,
    smallest,
    siteCount: means.length,
    limit: limit ? { upperLimit: limit.upperLimit, source: limit.source } : null,
    aboveLimit: limit ? ratio > limit.upperLimit : null,
  };
}
