/**
 * Nerves and measurement sites that NerveTrace knows by name. Both lists are data and both are
 * extensible: a user-defined nerve or site is written `custom:<label>` (e.g.
 * `custom:10 cm above the popliteal crease`) and carries its own label.
 */

export type Modality = 'US' | 'MR';
export const MODALITIES: readonly Modality[] = ['US', 'MR'];
export const MODALITY_LABELS: Readonly<Record<Modality, string>> = { US: 'ultrasound', MR: 'MRI' };

export interface SiteDefinition {
  readonly id: string;
  readonly label: string;
  readonly description: string;
}

export const SITES = [
  {
    id: 'gluteal-fold',
    label: 'Gluteal fold',
    description: 'Sciatic nerve at the gluteal sulcus (infragluteal), the S1 proximal site',
  },
  { id: 'mid-thigh', label: 'Mid-thigh', description: 'Sciatic nerve at mid-thigh' },
  {
    id: 'distal-thigh-above-bifurcation',
    label: 'Distal thigh, above the bifurcation',
    description: 'Sciatic nerve just above its division into tibial and common peroneal nerves; no published size norm',
  },
  { id: 'popliteal-fossa', label: 'Popliteal fossa', description: 'Tibial or common peroneal nerve in the popliteal fossa' },
  { id: 'fibular-head', label: 'Fibular head', description: 'Common peroneal (fibular) nerve at the fibular head' },
  { id: 'custom', label: 'Custom site', description: 'A site the user names; no threshold until the user supplies one' },
] as const satisfies readonly SiteDefinition[];

export type KnownSiteId = (typeof SITES)[number]['id'];
/** A known site, or a user-named one written `custom:<label>`. */
export type SiteId = KnownSiteId | `custom:${string}`;

export interface NerveDefinition {
  readonly id: string;
  readonly label: string;
  /** Sites at which this nerve is usually measured, proximal to distal. */
  readonly sites: readonly KnownSiteId[];
}

export const NERVES = [
  {
    id: 'sciatic',
    label: 'Sciatic nerve',
    sites: ['gluteal-fold', 'mid-thigh', 'distal-thigh-above-bifurcation', 'custom'],
  },
  { id: 'tibial', label: 'Tibial nerve', sites: ['popliteal-fossa', 'custom'] },
  { id: 'common-peroneal', label: 'Common peroneal (fibular) nerve', sites: ['popliteal-fossa', 'fibular-head', 'custom'] },
] as const satisfies readonly NerveDefinition[];

export type KnownNerveId = (typeof NERVES)[number]['id'];
/** A known nerve, or a user-named one written `custom:<label>`. */
export type NerveId = KnownNerveId | `custom:${string}`;

const CUSTOM_PREFIX = 'custom:';

function isCustom(value: string): value is `custom:${string}` {
  return value.startsWith(CUSTOM_PREFIX) && value.slice(CUSTOM_PREFIX.length).trim().length > 0;
}

export function isNerveId(value: unknown): value is NerveId {
  return typeof value === 'string' && (NERVES.some((n) => n.id === value) || isCustom(value));
}

export function isSiteId(value: unknown): value is SiteId {
  return typeof value === 'string' && (SITES.some((s) => s.id === value) || isCustom(value));
}

export function nerveLabel(nerve: NerveId): string {
  const known = NERVES.find((n) => n.id === nerve);
  return known ? known.label : nerve.slice(CUSTOM_PREFIX.length).trim();
}

export function siteLabel(site: SiteId): string {
  const known = SITES.find((s) => s.id === site);
  return known ? known.label : site.slice(CUSTOM_PREFIX.length).trim();
}

/** "Sciatic nerve, gluteal fold" */
export function segmentLabel(nerve: NerveId, site: SiteId): string {
  const known = SITES.some((s) => s.id === site);
  return `${nerveLabel(nerve)}, ${known ? siteLabel(site).toLowerCase() : siteLabel(site)}`;
}
