/**
 * Measurement sites along each nerve, in anatomical order (proximal → distal) — DATA, with where
 * along the nerve a protocol places the site when one does (and its source key). A site without a
 * published position has `position: null`: none is invented.
 *
 * User-named sites (`custom:<label>`) are placed after the known sites unless the caller gives an
 * order (see orderSites).
 */
import type { KnownNerveId, KnownSiteId, NerveId, SiteId } from '../reference';

export interface ProfileSiteDefinition {
  readonly site: KnownSiteId;
  /** Where along the nerve, as the protocol words it; null when no protocol defines it. */
  readonly position: string | null;
  /** Source key of the position (see reference/sources.ts); null with position null. */
  readonly positionSource: string | null;
}

export const PROFILE_SITES: Readonly<Record<KnownNerveId, readonly ProfileSiteDefinition[]>> = {
  sciatic: [
    // Chen 2018 (S1), fig. 1a: "at the gluteal sulcus".
    { site: 'gluteal-fold', position: 'at the gluteal sulcus', positionSource: 'S1' },
    // Chen 2018 (S1), fig. 1b: "at the midpoint between the gluteal sulcus and the popliteal fossa".
    { site: 'mid-thigh', position: 'midway between the gluteal sulcus and the popliteal fossa', positionSource: 'S1' },
    { site: 'distal-thigh-above-bifurcation', position: null, positionSource: null },
  ],
  // Below the bifurcation.
  tibial: [{ site: 'popliteal-fossa', position: null, positionSource: null }],
  'common-peroneal': [
    { site: 'popliteal-fossa', position: null, positionSource: null },
    { site: 'fibular-head', position: null, positionSource: null },
  ],
};

/** Nerves in anatomical order: the sciatic trunk, then its branches below the bifurcation. */
export const PROFILE_NERVE_ORDER: readonly KnownNerveId[] = ['sciatic', 'tibial', 'common-peroneal'];

export function siteDefinition(nerve: NerveId, site: SiteId): ProfileSiteDefinition | null {
  const list = (PROFILE_SITES as Record<string, readonly ProfileSiteDefinition[] | undefined>)[nerve];
  return list?.find((d) => d.site === site) ?? null;
}

/**
 * The given sites in anatomical order: the nerve's known sites first in protocol order, then the
 * others (user sites) in the order `userOrder` lists them, then in order of first appearance.
 */
export function orderSites(nerve: NerveId, sites: readonly SiteId[], userOrder: readonly SiteId[] = []): SiteId[] {
  const known = ((PROFILE_SITES as Record<string, readonly ProfileSiteDefinition[] | undefined>)[nerve] ?? []).map((d) => d.site as SiteId);
  const unique = [...new Set(sites)];
  const rank = (site: SiteId): number => {
    const k = known.indexOf(site);
    if (k >= 0) return k;
    const u = userOrder.indexOf(site);
    return known.length + (u >= 0 ? u : userOrder.length + unique.indexOf(site));
  };
  return unique.sort((a, b) => rank(a) - rank(b));
}

export function nerveRank(nerve: NerveId): number {
  const i = PROFILE_NERVE_ORDER.indexOf(nerve as KnownNerveId);
  return i >= 0 ? i : PROFILE_NERVE_ORDER.length;
}
