/**
 * `nervetrace table <session.json...> [--identified]`: one CSV of all measurements of all the
 * sessions, one header, a first column naming the session file. De-identified by default, with one
 * salt for the whole table so an image measured in two sessions keeps one UID.
 */
import { MEASUREMENT_CSV_HEADER, measurementRow, toCsv } from '../domain/export/index.ts';
import { deidentifySession, randomSalt } from '../domain/session/index.ts';
import { UsageError, parseArgs } from './args.ts';
import { EXIT_OK, EXIT_REFUSED, type CliIo } from './io.ts';
import { readSessionFile, type LoadedSession } from './sessionFile.ts';

export const TABLE_HELP = `Usage: nervetrace table <session.json...> [--identified]

Prints one CSV table (RFC 4180, CRLF line ends) of every measurement in the
given session files: session file, label, nerve, site, side, side source,
modality, method, area (mm2), circumference (mm), area (px2), perimeter (px),
calibration source and pixel size, echogenicity mean and SD, study / series /
SOP instance UID, frame, file name, created. Millimetre cells are empty for
uncalibrated measurements. Areas are recomputed from the outlines.

De-identified by default: UIDs are replaced (consistently across all the given
sessions) and file names neutralised.

Options:
  --identified   keep the original UIDs and file names
  --help         show this help

Exit codes: 0 ok, 1 a session file was refused (nothing is printed), 2
command-line error.
`;

export function sessionsTable(loaded: readonly LoadedSession[], identified: boolean): string {
  const salt = randomSalt();
  const rows = loaded.flatMap(({ path, session }) => {
    const shared = identified ? session : deidentifySession(session, salt);
    return shared.measurements.map((m) => [path, ...measurementRow(m)]);
  });
  return toCsv(['Session file', ...MEASUREMENT_CSV_HEADER], rows);
}

export function runTable(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, { valued: [], flags: ['--identified', '--help'] });
  if (args.flags.has('--help')) {
    io.stdout(TABLE_HELP);
    return EXIT_OK;
  }
  if (args.positionals.length === 0) throw new UsageError('table needs at least one session file.');
  const loaded: LoadedSession[] = [];
  for (const path of args.positionals) {
    const result = readSessionFile(path);
    if (!result.ok) {
      io.stderr(`${result.error}\n`);
      return EXIT_REFUSED;
    }
    loaded.push(result.value);
  }
  for (const w of loaded.flatMap((l) => l.warnings)) io.stderr(`Warning: ${w}\n`);
  io.stdout(sessionsTable(loaded, args.flags.has('--identified')));
  return EXIT_OK;
}
