/**
 * The profile as a table of text cells: the ONE rendering of its numbers, shown by the Profile tab,
 * printed by the report, written to CSV and to the session JSON, and printed by the CLI — so every
 * place shows the same digits. mm² to one decimal, ratios to two.
 */
import { fixed, toCsv } from '../export/csv';
import { siteLabel } from '../reference';
import type { NerveProfile, ProfilePoint, ProfileSite } from './buildProfile';
import { modalityLabel } from './buildProfile';
import { INTRANERVE_VARIABILITY_SOURCE, type IntranerveVariability } from './variability';

export const PROFILE_TABLE_COLUMNS = [
  'Nerve',
  'Modality',
  'Site',
  'Position along the nerve',
  'Left mean (mm2)',
  'Left SD (mm2)',
  'Left n',
  'Right mean (mm2)',
  'Right SD (mm2)',
  'Right n',
  'Upper limit (mm2)',
  'Limit source',
  'Difference |L-R| (mm2)',
  'Ratio larger/smaller',
  'Larger side',
  'Left intranerve variability (max/min)',
  'Right intranerve variability (max/min)',
  'Notes',
] as const;

export type ProfileTableRow = readonly string[];

export const mm2Text = (v: number | null | undefined): string => fixed(v, 1);
export const ratioText = (v: number | null | undefined): string => fixed(v, 2);

/** "58.3 ± 2.1 (n=3)", "50.0 (n=1)" or "" — the cell of the Profile tab and the print report. */
export function meanSdText(point: ProfilePoint | null): string {
  const s = point?.summary;
  if (!s) return '';
  return `${mm2Text(s.meanMm2)}${s.sdMm2 !== null ? ` ± ${mm2Text(s.sdMm2)}` : ''} (n=${s.count})`;
}

/** "1.98 (gluteal fold / mid-thigh; no published limit)" — never a verdict without a published limit. */
export function variabilityText(v: IntranerveVariability | null): string {
  if (!v) return '';
  const where = `${siteLabel(v.largest.site).toLowerCase()} / ${siteLabel(v.smallest.site).toLowerCase()}`;
  if (!v.limit) return `${ratioText(v.ratio)} (${where}; no published limit)`;
  return `${ratioText(v.ratio)} (${where}; ${v.aboveLimit ? 'above' : 'within'} ${ratioText(v.limit.upperLimit)}, ${v.limit.source})`;
}

function notes(site: ProfileSite): string {
  const out: string[] = [];
  for (const p of [site.left, site.right]) {
    if (!p) continue;
    const side = p.side === 'L' ? 'Left' : 'Right';
    if (p.excludedIds.length > 0) out.push(`${side}: ${p.excludedIds.length} repeat${p.excludedIds.length === 1 ? '' : 's'} excluded`);
    if (p.uncalibrated) out.push(`${side}: ${p.uncalibrated.count} uncalibrated (${fixed(p.uncalibrated.meanPx2, 0)} px2, not compared)`);
  }
  if (!site.left) out.push('Left not measured');
  if (!site.right) out.push('Right not measured');
  if (!site.threshold) out.push('no reference limit');
  return out.join('; ');
}

function pointCells(p: ProfilePoint | null): string[] {
  const s = p?.summary;
  return [mm2Text(s?.meanMm2), s && s.sdMm2 !== null ? mm2Text(s.sdMm2) : '', s ? String(s.count) : ''];
}

export function profileTableRows(profiles: readonly NerveProfile[]): ProfileTableRow[] {
  return profiles.flatMap((profile) =>
    profile.sites.map((site): ProfileTableRow => [
      profile.label.split(' — ')[0]!,
      modalityLabel(profile.modality),
      site.label,
      site.position ? `${site.position} (${site.positionSource})` : '',
      ...pointCells(site.left),
      ...pointCells(site.right),
      mm2Text(site.threshold?.upperLimitMm2),
      site.threshold?.source ?? '',
      mm2Text(site.differenceMm2),
      ratioText(site.ratio),
      site.largerSide === 'L' ? 'Left' : site.largerSide === 'R' ? 'Right' : '',
      variabilityText(profile.variability.L),
      variabilityText(profile.variability.R),
      notes(site),
    ]),
  );
}

export function profileCsv(profiles: readonly NerveProfile[]): string {
  return toCsv(PROFILE_TABLE_COLUMNS, profileTableRows(profiles));
}

/** One sentence for the table's foot: what the variability is and why it has no verdict. */
export const VARIABILITY_NOTE = `Intranerve variability = largest / smallest mean CSA along the nerve on one side (${INTRANERVE_VARIABILITY_SOURCE}); no published limit for these nerves, so no verdict.`;
