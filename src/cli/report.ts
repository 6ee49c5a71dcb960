/**
 * `nervetrace report <session.json> [--json]`: the left–right comparison, the EMG localization
 * and their concordance for a saved session, as text or JSON.
 */
import { formatMm2, formatRatio, type SegmentComparison, type SideResult } from '../domain/comparison/index.ts';
import type { ConcordanceEntry } from '../domain/concordance/index.ts';
import type { LocalizationResult } from '../domain/localization/index.ts';
import { UsageError, parseArgs } from './args.ts';
import { EXIT_OK, EXIT_REFUSED, type CliIo } from './io.ts';
import { analyseSession, type SessionAnalysis } from './sessionAnalysis.ts';
import { readSessionFile, type LoadedSession } from './sessionFile.ts';

export const REPORT_HELP = `Usage: nervetrace report <session.json> [--json]

Reads a NerveTrace session file and reports, with the same domain functions as
the workstation:
  - nerve size: each nerve, site and modality, left and right (mean ± SD of the
    repeated measurements) against the session's reference set, with the
    left–right difference and ratio and the verdict;
  - EMG localization: the most probable lesion site(s) from the needle EMG and
    nerve-conduction rows, with the reasoning and alternatives;
  - concordance: whether the imaging findings and the EMG localization agree.
Areas are recomputed from the outlines on load; stored numbers that disagreed
are reported on stderr.

Options:
  --json    print one JSON object {file, referenceSet, comparisons, localization,
            concordance, warnings}
  --help    show this help

Exit codes: 0 ok, 1 the session file was refused (one sentence on stderr), 2
command-line error.
`;

function side(label: 'Left' | 'Right', result: SideResult | null): string {
  if (!result) return `${label} not measured`;
  const s = result.summary;
  const spread = s.sdMm2 === null ? '' : ` ± ${s.sdMm2.toFixed(1)}`;
  return `${label} ${s.meanMm2.toFixed(1)}${spread} mm² (n = ${s.count})`;
}

function comparisonLines(c: SegmentComparison): string[] {
  const lines = [`  ${c.label} (${c.modality})`, `    ${side('Left', c.left)}; ${side('Right', c.right)}`];
  const facts: string[] = [];
  if (c.differenceMm2 !== null && c.ratio !== null) facts.push(`difference ${formatMm2(c.differenceMm2)}, ratio ${formatRatio(c.ratio)}`);
  facts.push(c.threshold ? `upper limit ${formatMm2(c.threshold.upperLimitMm2)} (${c.threshold.source})` : 'no reference upper limit');
  lines.push(`    ${facts.join('; ')}`);
  lines.push(`    Verdict (${c.verdict.kind}): ${c.verdict.text}`);
  for (const limitation of c.limitations) lines.push(`    Note: ${limitation}`);
  return lines;
}

function localizationLines(l: LocalizationResult): string[] {
  const lines = [`  ${l.summary}`];
  const best = l.alternatives[0];
  for (const reason of best?.reasoning ?? []) lines.push(`    · ${reason}`);
  const others = l.alternatives.slice(1, 3);
  if (others.length > 0) lines.push(`  Alternatives: ${others.map((a) => `${a.pattern} (cost ${a.cost.toFixed(1)})`).join('; ')}`);
  for (const flag of l.flags) lines.push(`  Flag: ${flag}`);
  for (const note of l.notes) lines.push(`  Note: ${note}`);
  return lines;
}

const STATUS: Readonly<Record<ConcordanceEntry['status'], string>> = {
  agrees: 'AGREES',
  partially: 'PARTIALLY',
  disagrees: 'DISAGREES',
  'cannot-assess': 'CANNOT ASSESS',
};

export function formatReportText(loaded: LoadedSession, analysis: SessionAnalysis): string {
  const set = loaded.session.referenceSet;
  const lines = [`NerveTrace report: ${loaded.path}`, `Reference set: "${set.name}" (${set.id})`, '', 'Nerve size, left and right'];
  if (analysis.comparisons.length === 0) lines.push('  No measurement with a side to compare.');
  for (const c of analysis.comparisons) lines.push(...comparisonLines(c));
  lines.push('', 'EMG localization', ...localizationLines(analysis.localization));
  lines.push('', 'Imaging and EMG');
  if (analysis.concordance.length === 0) lines.push('  Nothing to relate: no measured segment.');
  for (const e of analysis.concordance) lines.push(`  [${STATUS[e.status]}] ${e.statement}`);
  return `${lines.join('\n')}\n`;
}

export function runReport(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, { valued: [], flags: ['--json', '--help'] });
  if (args.flags.has('--help')) {
    io.stdout(REPORT_HELP);
    return EXIT_OK;
  }
  if (args.positionals.length !== 1) throw new UsageError('report takes exactly one session file.');
  const loaded = readSessionFile(args.positionals[0]!);
  if (!loaded.ok) {
    io.stderr(`${loaded.error}\n`);
    return EXIT_REFUSED;
  }
  for (const w of loaded.value.warnings) io.stderr(`Warning: ${w}\n`);
  const analysis = analyseSession(loaded.value.session);
  if (args.flags.has('--json')) {
    const set = loaded.value.session.referenceSet;
    const json = { file: loaded.value.path, referenceSet: { id: set.id, name: set.name }, ...analysis, warnings: loaded.value.warnings };
    io.stdout(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    io.stdout(formatReportText(loaded.value, analysis));
  }
  return EXIT_OK;
}
