/**
 * `nervetrace report <session.json> [--json]`: the clinical report of a saved session — the same
 * report the workstation shows (buildClinicalReport over analyseClinicalCase) — as text, or the
 * structured results (comparisons, localization, concordance, report sections) as JSON.
 */
import { buildClinicalReport, clinicalReportToText } from '../domain/report/index.ts';
import { UsageError, parseArgs } from './args.ts';
import { EXIT_OK, EXIT_REFUSED, type CliIo } from './io.ts';
import { analyseSession } from './sessionAnalysis.ts';
import { readSessionFile } from './sessionFile.ts';
import { toJsonText } from './terminalText.ts';

export const REPORT_HELP = `Usage: nervetrace report <session.json> [--json]

Reads a NerveTrace session file and prints the clinical report the workstation
shows, built by the same domain functions:
  - nerve size: each nerve, site and modality, left and right (mean ± SD of the
    repeated measurements) against the session's reference set, the left–right
    difference and ratio, and the verdict;
  - the needle EMG and nerve-conduction findings and the EMG localization (the
    most probable lesion site, its reasoning and the alternatives);
  - concordance: whether the imaging findings and the EMG localization agree;
  - limitations and the sources of every threshold applied.
Areas are recomputed from the outlines on load; stored numbers that disagreed
are reported on stderr.

Options:
  --json    print one JSON object {file, referenceSet, comparisons, localization,
            concordance, report, warnings}
  --help    show this help

Exit codes: 0 ok, 1 the session file was refused (one sentence on stderr), 2
command-line error.
`;

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
  const { input, analysis } = analyseSession(loaded.value.session);
  const report = buildClinicalReport(input, analysis);
  if (args.flags.has('--json')) {
    const set = loaded.value.session.referenceSet;
    const json = {
      file: loaded.value.path,
      referenceSet: { id: set.id, name: set.name },
      comparisons: analysis.comparisons,
      localization: analysis.localization,
      concordance: analysis.concordance,
      report,
      warnings: loaded.value.warnings,
    };
    io.stdout(toJsonText(json));
  } else {
    io.stdout(clinicalReportToText(report));
  }
  return EXIT_OK;
}
