import type { ClinicalReport } from './types';

/** The report as plain text (for the CLI and for copying): sections with "- " entries and indented details. */
export function clinicalReportToText(report: ClinicalReport): string {
  const lines: string[] = [report.title, '='.repeat(report.title.length), report.referenceSetLine];
  for (const section of report.sections) {
    if (section.entries.length === 0) continue;
    lines.push('', section.title, '-'.repeat(section.title.length));
    for (const e of section.entries) {
      lines.push(`- ${e.text}`);
      for (const d of e.details ?? []) lines.push(`    · ${d}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
