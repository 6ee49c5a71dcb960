/**
 * `nervetrace sr <session.json> -o <file.dcm> [--identified]`: the session's measurements as a
 * DICOM SR measurement report (TID 1500), de-identified unless --identified is given.
 */
import { writeFileSync } from 'node:fs';
import { buildMeasurementReportSr } from '../domain/export/index.ts';
import { UsageError, parseArgs } from './args.ts';
import { EXIT_OK, EXIT_REFUSED, type CliIo } from './io.ts';
import { readSessionFile } from './sessionFile.ts';

export const SR_HELP = `Usage: nervetrace sr <session.json> -o <file.dcm> [--identified]

Writes the session's nerve measurements as a DICOM Structured Report (TID 1500
Imaging Measurement Report, Comprehensive 3D SR): per measurement its label,
nerve, site and side, the outline on the referenced image, the pixel size, and
the area (mm2) and perimeter (mm) recomputed from the outline. Uncalibrated
measurements carry no millimetre values and a comment saying so.

De-identified by default: no patient name, ID, birth date or accession number,
and new UIDs for studies, series and images.

Options:
  -o, --output <file.dcm>  where to write the report (required)
  --identified             keep the patient identifiers and the original UIDs
  --help                   show this help

Exit codes: 0 written, 1 the session was refused or the report cannot be
written (one sentence on stderr), 2 command-line error.
`;

export function runSr(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, { valued: ['--output'], flags: ['--identified', '--help'], aliases: { '-o': '--output' } });
  if (args.flags.has('--help')) {
    io.stdout(SR_HELP);
    return EXIT_OK;
  }
  if (args.positionals.length !== 1) throw new UsageError('sr takes exactly one session file.');
  const output = args.values.get('--output');
  if (output === undefined || output.length === 0) throw new UsageError('sr needs -o <file.dcm>.');
  const loaded = readSessionFile(args.positionals[0]!);
  if (!loaded.ok) {
    io.stderr(`${loaded.error}\n`);
    return EXIT_REFUSED;
  }
  for (const w of loaded.value.warnings) io.stderr(`Warning: ${w}\n`);
  const identified = args.flags.has('--identified');
  const sr = buildMeasurementReportSr(loaded.value.session, { identified });
  if (!sr.ok) {
    io.stderr(`${sr.error}\n`);
    return EXIT_REFUSED;
  }
  try {
    writeFileSync(output, sr.value);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException | undefined)?.code;
    io.stderr(`Cannot write ${output}${code ? ` (${code})` : ''}.\n`);
    return EXIT_REFUSED;
  }
  const n = loaded.value.session.measurements.length;
  io.stdout(`Wrote ${output}: ${n} measurement${n === 1 ? '' : 's'}, ${identified ? 'identified' : 'de-identified'}.\n`);
  return EXIT_OK;
}
