/**
 * `nervetrace profile <session.json...> [--json|--csv] [--follow-up] [--baseline F] [--latest F]`:
 * each session's CSA profile (per nerve and side, site by site) and, given two or more sessions of
 * one patient, the follow-up comparison — the same domain functions and the same table cells as
 * the Profile tab.
 */
import {
  compareVisits,
  followUpCsv,
  followUpTable,
  visitFromSession,
  visitName,
  type FollowUp,
  type Visit,
} from '../domain/followup/index.ts';
import { buildProfiles, profileTableRows, PROFILE_TABLE_COLUMNS, VARIABILITY_NOTE, meanSdText, variabilityText, type NerveProfile } from '../domain/profile/index.ts';
import { toCsv } from '../domain/export/index.ts';
import { fixed } from '../domain/export/csv.ts';
import { basename } from 'node:path';
import { UsageError, parseArgs } from './args.ts';
import { EXIT_OK, EXIT_REFUSED, type CliIo } from './io.ts';
import { readSessionFile, type LoadedSession } from './sessionFile.ts';
import { formatTable, printable } from './table.ts';

export const PROFILE_HELP = `Usage: nervetrace profile <session.json...> [--json | --csv] [--follow-up]
                         [--baseline <file>] [--latest <file>]

For each session: the cross-sectional area profile of every measured nerve —
per site in anatomical order, left and right as mean ± SD of the included
repeats (repeats marked excluded are left out), the site's upper limit where
the reference set has one, the side-to-side difference and ratio, and the
intranerve variability per side (largest / smallest CSA, S10; no verdict
without a published limit). Uncalibrated (px2) repeats are never mixed with
mm2.

With two or more sessions of one patient (visits, dated by the studies'
StudyDate): the follow-up — per nerve, site and side the CSA at each visit, the
change from the baseline (earliest) to the latest visit, and whether it
exceeds a published smallest detectable difference; where none is published
the change is put against 10 % (a convention) and says so.

Options:
  --csv              CSV (RFC 4180): the profile table of every session with a
                     first column naming the session file; with --follow-up,
                     the follow-up table instead
  --follow-up        with --csv: print the follow-up table
  --json             one JSON object: visits, profiles and follow-up (numbers
                     and the table cells as shown)
  --baseline <file>  the session to compare from (default: the earliest visit)
  --latest <file>    the session to compare to (default: the latest visit)
  --help             show this help

Exit codes: 0 ok, 1 a session file was refused or the sessions are of
different patients, 2 command-line error.
`;

interface Loaded {
  readonly file: string;
  readonly visit: Visit;
  readonly profiles: NerveProfile[];
}

function textReport(loaded: readonly Loaded[], followUp: FollowUp | null): string {
  const out: string[] = [];
  for (const { file, visit, profiles } of loaded) {
    out.push(`${printable(file)} — visit ${visit.date ?? 'undated'} (${visit.dateSource})`);
    if (profiles.length === 0) out.push('  No measurement with a side.');
    for (const p of profiles) {
      out.push('', `${p.label} (reference set: ${printable(p.referenceSetName)})`);
      out.push(
        formatTable(
          ['SITE', 'LEFT (mm²)', 'RIGHT (mm²)', 'UPPER LIMIT', '|L−R| (mm²)', 'RATIO', 'NOTES'],
          profileTableRows([p]).map((row, i) => {
            const s = p.sites[i]!;
            const cell = (name: (typeof PROFILE_TABLE_COLUMNS)[number]): string => row[PROFILE_TABLE_COLUMNS.indexOf(name)]!;
            return [
              s.label,
              meanSdText(s.left) || '—',
              meanSdText(s.right) || '—',
              s.threshold ? `${fixed(s.threshold.upperLimitMm2, 1)} (${s.threshold.source})` : 'no reference',
              cell('Difference |L-R| (mm2)') || '—',
              cell('Ratio larger/smaller') || '—',
              cell('Notes'),
            ];
          }),
        ),
      );
      out.push(`Intranerve variability: left ${variabilityText(p.variability.L) || '— (fewer than two sites)'}; right ${variabilityText(p.variability.R) || '— (fewer than two sites)'}`);
    }
    out.push('');
  }
  if (loaded.some((l) => l.profiles.some((p) => p.variability.L || p.variability.R))) out.push(VARIABILITY_NOTE, '');
  if (followUp) {
    const t = followUpTable(followUp);
    const base = followUp.visits.find((v) => v.id === followUp.baselineId)!;
    const last = followUp.visits.find((v) => v.id === followUp.latestId)!;
    out.push(`Follow-up: baseline ${printable(visitName(base))}, latest ${printable(visitName(last))}`);
    out.push(formatTable(t.columns, t.rows));
    for (const note of followUp.notes) out.push(`Note: ${printable(note)}`);
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

export function runProfile(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, { valued: ['--baseline', '--latest'], flags: ['--json', '--csv', '--follow-up', '--help'] });
  if (args.flags.has('--help')) {
    io.stdout(PROFILE_HELP);
    return EXIT_OK;
  }
  if (args.positionals.length === 0) throw new UsageError('profile needs at least one session file.');
  if (args.flags.has('--json') && args.flags.has('--csv')) throw new UsageError('Choose one of --json and --csv.');
  if (args.flags.has('--follow-up') && !args.flags.has('--csv')) throw new UsageError('--follow-up goes with --csv.');
  for (const option of ['--baseline', '--latest']) {
    const file = args.values.get(option);
    if (file !== undefined && !args.positionals.includes(file)) throw new UsageError(`${option} ${file} is not one of the session files given.`);
  }

  const sessions: LoadedSession[] = [];
  for (const path of args.positionals) {
    const result = readSessionFile(path);
    if (!result.ok) {
      io.stderr(`${result.error}\n`);
      return EXIT_REFUSED;
    }
    sessions.push(result.value);
  }
  for (const w of sessions.flatMap((l) => l.warnings)) io.stderr(`Warning: ${w}\n`);

  const loaded: Loaded[] = sessions.map(({ path, session }) => ({
    file: path,
    visit: visitFromSession(session, path, basename(path)),
    profiles: buildProfiles(session.measurements, session.referenceSet),
  }));

  let followUp: FollowUp | null = null;
  if (loaded.length > 1) {
    // The reference set of the latest file is the one the profiles at that visit used.
    const compared = compareVisits(
      loaded.map((l) => l.visit),
      sessions[sessions.length - 1]!.session.referenceSet,
      { baselineId: args.values.get('--baseline') ?? null, latestId: args.values.get('--latest') ?? null },
    );
    if (!compared.ok) {
      io.stderr(`${compared.error}\n`);
      return EXIT_REFUSED;
    }
    followUp = compared.value;
  }

  if (args.flags.has('--csv')) {
    if (args.flags.has('--follow-up')) {
      if (!followUp) {
        io.stderr('A follow-up needs at least two visits of the patient.\n');
        return EXIT_REFUSED;
      }
      io.stdout(followUpCsv(followUp));
    } else {
      io.stdout(toCsv(['Session file', ...PROFILE_TABLE_COLUMNS], loaded.flatMap((l) => profileTableRows(l.profiles).map((row) => [l.file, ...row]))));
    }
    return EXIT_OK;
  }
  if (args.flags.has('--json')) {
    const json = {
      visits: loaded.map((l) => ({ file: l.file, date: l.visit.date, dateSource: l.visit.dateSource })),
      profiles: loaded.map((l) => ({ file: l.file, table: { columns: PROFILE_TABLE_COLUMNS, rows: profileTableRows(l.profiles) }, profiles: l.profiles })),
      followUp: followUp
        ? {
            baseline: followUp.baselineId,
            latest: followUp.latestId,
            changePercent: followUp.changePercent,
            notes: followUp.notes,
            table: followUpTable(followUp),
            rows: followUp.rows,
          }
        : null,
    };
    io.stdout(`${JSON.stringify(json, null, 2)}\n`);
    return EXIT_OK;
  }
  io.stdout(textReport(loaded, followUp));
  return EXIT_OK;
}
