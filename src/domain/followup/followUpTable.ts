/**
 * The follow-up as a table of text cells — the one rendering shown by the Profile tab, printed,
 * written to CSV and the session JSON, and printed by the CLI. mm² to one decimal, % to one.
 */
import { fixed, toCsv } from '../export/csv';
import { modalityLabel } from '../profile';
import type { FollowUp, VisitValue } from './compareVisits';
import type { Visit } from './visits';

export interface FollowUpTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** "2025-01-15 (visit-1.json)" — how a visit is named in column heads and choosers. */
export function visitName(v: Visit): string {
  return `${v.date ?? 'undated'} (${v.label})`;
}

/** "58.3" for a mean in mm², "1600 px2 (uncalibrated)" for pixels only, "" when not measured. */
export function visitValueText(v: VisitValue): string {
  if (v.summary) return fixed(v.summary.meanMm2, 1);
  if (v.uncalibrated) return `${fixed(v.uncalibrated.meanPx2, 0)} px2 (uncalibrated)`;
  return '';
}

/** "+5.0", "-30.0", "0.0": a sign only when the shown digits are not zero. */
function signed(value: number | null, decimals: number): string {
  if (value === null) return '';
  const text = fixed(value, decimals);
  return Number(text) > 0 ? `+${text}` : text;
}

export function followUpTable(f: FollowUp): FollowUpTable {
  const role = (v: Visit): string => (v.id === f.baselineId ? ' baseline' : v.id === f.latestId ? ' latest' : '');
  const columns = [
    'Nerve',
    'Modality',
    'Site',
    'Side',
    ...f.visits.map((v) => `${visitName(v)}${role(v)} mean (mm2)`),
    'Change (mm2)',
    'Change (%)',
    'Smallest detectable difference (mm2)',
    'Assessment',
  ];
  const rows = f.rows.map((r) => [
    r.nerveLabel,
    modalityLabel(r.modality),
    r.siteLabel,
    r.side === 'L' ? 'Left' : 'Right',
    ...r.values.map(visitValueText),
    signed(r.changeMm2, 1),
    signed(r.changePercent, 1),
    r.detectable ? `${fixed(r.detectable.differenceMm2, 1)} (${r.detectable.source})` : '',
    r.text,
  ]);
  return { columns, rows };
}

export function followUpCsv(f: FollowUp): string {
  const t = followUpTable(f);
  return toCsv(t.columns, t.rows);
}
