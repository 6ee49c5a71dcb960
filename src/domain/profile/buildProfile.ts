/**
 * A nerve's profile: CSA at each site along it, left and right, each the mean ± SD of the INCLUDED
 * repeats (a measurement marked `excluded` is listed but never averaged), against the site's upper
 * limit where the reference set has one, with the side-to-side difference and ratio per site and
 * the intranerve variability per side.
 *
 * Units are never mixed: the mean is taken over calibrated repeats (mm²) only; uncalibrated repeats
 * at a site are summarised apart, in px², and never plotted on the mm² axis.
 */
import type { Side } from '../types';
import { findThreshold, nerveLabel, siteLabel, MODALITY_LABELS, type CsaThreshold, type Modality, type NerveId, type ReferenceSet, type SiteId } from '../reference';
import { summarizeRepeats, type RepeatSummary } from '../comparison/summarizeRepeats';
import type { NerveMeasurement } from '../measurement';
import { nerveRank, orderSites, siteDefinition } from './sites';
import { intranerveVariability, type IntranerveVariability } from './variability';

/** Uncalibrated repeats at one site and side: pixels only, never compared with mm². */
export interface PixelSummary {
  readonly count: number;
  readonly meanPx2: number;
  readonly sdPx2: number | null;
  readonly measurementIds: readonly string[];
}

export interface ProfilePoint {
  readonly side: Side;
  /** Included calibrated repeats (mm²); null when there are none. */
  readonly summary: RepeatSummary | null;
  /** Ids of the included calibrated repeats (what the mean is of), in measurement order. */
  readonly measurementIds: readonly string[];
  /** Ids of the repeats the user left out. */
  readonly excludedIds: readonly string[];
  readonly uncalibrated: PixelSummary | null;
}

export interface ProfileSite {
  readonly site: SiteId;
  readonly label: string;
  /** Where along the nerve a protocol places the site, and its source; null when none does. */
  readonly position: string | null;
  readonly positionSource: string | null;
  readonly threshold: CsaThreshold | null;
  readonly left: ProfilePoint | null;
  readonly right: ProfilePoint | null;
  /** |left − right| of the mm² means; null unless both sides have one. */
  readonly differenceMm2: number | null;
  /** Larger / smaller mean; null unless both sides have one. */
  readonly ratio: number | null;
  readonly largerSide: Side | null;
}

export interface NerveProfile {
  readonly key: string;
  readonly nerve: NerveId;
  readonly modality: string;
  /** "Sciatic nerve — ultrasound" */
  readonly label: string;
  readonly referenceSetName: string;
  readonly sites: readonly ProfileSite[];
  readonly variability: { readonly L: IntranerveVariability | null; readonly R: IntranerveVariability | null };
}

export interface ProfileOptions {
  /** Order of user-named sites per nerve (known sites keep their anatomical order). */
  readonly userSiteOrder?: Readonly<Record<string, readonly SiteId[]>>;
}

const isModality = (m: string): m is Modality => m === 'US' || m === 'MR';

export function modalityLabel(modality: string): string {
  return isModality(modality) ? MODALITY_LABELS[modality] : modality;
}

function point(side: Side, members: readonly NerveMeasurement[]): ProfilePoint | null {
  if (members.length === 0) return null;
  const included = members.filter((m) => m.excluded !== true);
  const calibrated = included.filter((m) => m.metrics.calibrated);
  const pixels = included.filter((m) => !m.metrics.calibrated);
  const mm = summarizeRepeats(calibrated.map((m) => (m.metrics.calibrated ? m.metrics.areaMm2 : NaN)));
  const px = summarizeRepeats(pixels.map((m) => (m.metrics.calibrated ? NaN : m.metrics.areaPx2)));
  return {
    side,
    summary: mm.ok ? mm.value : null,
    measurementIds: calibrated.map((m) => m.id),
    excludedIds: members.filter((m) => m.excluded === true).map((m) => m.id),
    uncalibrated: px.ok ? { count: px.value.count, meanPx2: px.value.meanMm2, sdPx2: px.value.sdMm2, measurementIds: pixels.map((m) => m.id) } : null,
  };
}

function siteRow(nerve: NerveId, modality: string, site: SiteId, members: readonly NerveMeasurement[], set: ReferenceSet): ProfileSite {
  const left = point('L', members.filter((m) => m.side === 'L'));
  const right = point('R', members.filter((m) => m.side === 'R'));
  const l = left?.summary?.meanMm2 ?? null;
  const r = right?.summary?.meanMm2 ?? null;
  const both = l !== null && r !== null;
  const definition = siteDefinition(nerve, site);
  return {
    site,
    label: siteLabel(site),
    position: definition?.position ?? null,
    positionSource: definition?.positionSource ?? null,
    threshold: isModality(modality) ? findThreshold(set, nerve, site, modality) : null,
    left,
    right,
    differenceMm2: both ? Math.abs(l - r) : null,
    ratio: both ? Math.max(l, r) / Math.min(l, r) : null,
    largerSide: both && l !== r ? (l > r ? 'L' : 'R') : null,
  };
}

/**
 * One profile per nerve and modality (an MRI and an ultrasound value of one site are never on one
 * line), nerves in anatomical order. Measurements without a side cannot be placed and are left out.
 */
export function buildProfiles(measurements: readonly NerveMeasurement[], set: ReferenceSet, options: ProfileOptions = {}): NerveProfile[] {
  const byNerve = new Map<string, NerveMeasurement[]>();
  for (const m of measurements) {
    if (m.side === null) continue;
    const key = `${m.nerve}|${m.modality}`;
    byNerve.set(key, [...(byNerve.get(key) ?? []), m]);
  }
  const profiles = [...byNerve.entries()].map(([key, members]): NerveProfile => {
    const { nerve, modality } = members[0]!;
    const sites = orderSites(nerve, members.map((m) => m.site), options.userSiteOrder?.[nerve] ?? []).map((site) =>
      siteRow(nerve, modality, site, members.filter((m) => m.site === site), set),
    );
    return {
      key,
      nerve,
      modality,
      label: `${nerveLabel(nerve)} — ${modalityLabel(modality)}`,
      referenceSetName: set.name,
      sites,
      variability: { L: intranerveVariability('L', sites, nerve), R: intranerveVariability('R', sites, nerve) },
    };
  });
  return profiles.sort((a, b) => nerveRank(a.nerve) - nerveRank(b.nerve) || a.nerve.localeCompare(b.nerve) || modalityRank(a.modality) - modalityRank(b.modality));
}

const modalityRank = (m: string): number => (m === 'US' ? 0 : m === 'MR' ? 1 : 2);
