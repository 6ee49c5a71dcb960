/**
 * `nervetrace import-table <file.txt> [--side L|R] [--kind emg|ncs] [--json]`: reads a needle EMG or
 * nerve-conduction table as pasted or exported from a report — with the same parser as the UI's
 * paste preview — and prints the rows read (in session field names) and every warning.
 */
import { describeRowFields, parsePastedTable, type TableKind } from '../domain/emg/index.ts';
import type { Side } from '../domain/types.ts';
import { UsageError, parseArgs } from './args.ts';
import { EXIT_OK, EXIT_REFUSED, type CliIo } from './io.ts';
import { readFileBytes } from './readFile.ts';

export const IMPORT_TABLE_HELP = `Usage: nervetrace import-table <file.txt> [--side L|R] [--kind emg|ncs] [--json]

Reads a needle EMG or nerve-conduction table as copied from a report (tabs,
"|", fixed-width columns or a PDF copy with single spaces; two-level headers,
L/R sub-columns, one row per stimulation site, side headers) with the same
parser as the paste preview of the workstation, and prints every row read in
session field names, then every warning (cells not read, values read with a
note, misspelt muscles offered for confirmation).

Options:
  --side L|R     side for rows that state none
  --kind emg|ncs the kind of table (default: detected from the header — a
                 "Muscle" column for EMG, a "Nerve" column for conduction)
  --json         print {kind, rows, warnings, suggestions, columns} as JSON
  --help         show this help

Exit codes: 0 rows were read (warnings may remain), 1 the file could not be
read or no row was read, 2 command-line error.
`;

export function runImportTable(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, { valued: ['--side', '--kind'], flags: ['--json', '--help'] });
  if (args.flags.has('--help')) {
    io.stdout(IMPORT_TABLE_HELP);
    return EXIT_OK;
  }
  if (args.positionals.length !== 1) throw new UsageError('Give exactly one table file.');
  const sideText = args.values.get('--side');
  if (sideText !== undefined && sideText !== 'L' && sideText !== 'R') throw new UsageError('--side must be L or R.');
  const kindText = args.values.get('--kind');
  if (kindText !== undefined && kindText !== 'emg' && kindText !== 'ncs') throw new UsageError('--kind must be emg or ncs.');

  const path = args.positionals[0]!;
  const bytes = readFileBytes(path);
  if (!bytes.ok) {
    io.stderr(`${bytes.error}\n`);
    return EXIT_REFUSED;
  }
  const text = new TextDecoder('utf-8').decode(bytes.value);
  const table = parsePastedTable(text, {
    ...(kindText ? { kind: kindText as TableKind } : {}),
    ...(sideText ? { defaultSide: sideText as Side } : {}),
  });
  const { rows, warnings, columns } = table.result;
  const suggestions = table.kind === 'emg' ? (table.result.suggestions ?? []) : [];

  if (args.flags.has('--json')) {
    io.stdout(`${JSON.stringify({ kind: table.kind, rows, warnings, suggestions, columns }, null, 2)}\n`);
  } else {
    const lines: string[] = [`${table.kind === 'emg' ? 'Needle EMG' : 'Nerve conduction'} table: ${rows.length} row${rows.length === 1 ? '' : 's'} read from ${path}`];
    lines.push(`Columns: ${columns.map((c) => `${c.header || '(blank)'} → ${c.field ?? 'not used'}`).join('; ')}`);
    for (const row of rows) {
      const name = 'muscle' in row ? row.muscle : row.nerve;
      lines.push(`line ${row.sourceLine ?? '?'}\t${row.side}\t${name}\t${describeRowFields(row)}`);
    }
    if (warnings.length > 0) {
      lines.push(`Warnings (${warnings.length}):`);
      for (const w of warnings) lines.push(`  line ${w.line}: ${w.message}`);
    }
    for (const s of suggestions) lines.push(`Confirm: line ${s.line} "${s.written}" → ${s.label} (${s.muscleId})?`);
    io.stdout(`${lines.join('\n')}\n`);
  }
  if (rows.length === 0) {
    io.stderr('No row was read from the table.\n');
    return EXIT_REFUSED;
  }
  return EXIT_OK;
}
