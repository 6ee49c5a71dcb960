/** `nervetrace inspect <file...> [--json]`: what NerveTrace sees in each file. */
import { readDicomMetadata } from '../dicom/index.ts';
import { parseArgs } from './args.ts';
import { imageCalibration, type CalibrationReport } from './calibration.ts';
import { EXIT_OK, EXIT_REFUSED, type CliIo } from './io.ts';
import { readFileBytes } from './readFile.ts';
import { sideFromTags } from './side.ts';
import { formatTable } from './table.ts';
import { toJsonText } from './terminalText.ts';
import { UNCALIBRATED_REASON } from '../domain/calibration/index.ts';
import { saneDisplayValues } from '../domain/display/index.ts';
import { UsageError } from './args.ts';
import type { Side, SideSource } from '../domain/types.ts';
import { computeSuvBwFactors, type PetSuvAttributes } from '../domain/suv/index.ts';
import { printable } from './table.ts';

/** PET only: the SUVbw factor of the file (SUV = rescaled pixel value × factor) and where it comes from, or why there is none. */
export type SuvReport =
  | { readonly ok: true; readonly factor: number; readonly unit: 'g/ml per rescaled pixel value'; readonly method: string; readonly source: string }
  | { readonly ok: false; readonly error: string };

export const INSPECT_HELP = `Usage: nervetrace inspect <file...> [--json]

Reads each DICOM file and reports what NerveTrace sees: modality, image size,
frames, transfer syntax, laterality and the image-level calibration (ultrasound
region, PixelSpacing, or none). For PET, the SUVbw factor (SUV = rescaled pixel
value × factor) and its source, or the one-sentence reason there is none.

Options:
  --json    print a JSON array, one object per file
  --help    show this help

A file that cannot be used is reported with ok: false and a one-sentence error;
the other files are still reported. A file that can be read and measured but
whose image the viewer cannot draw is reported with displayable: false and the
sentence the viewer shows under "Could not open". Exit code 1 if any file
failed, 2 on a command-line error.
`;

export type InspectRow =
  | {
      readonly file: string;
      readonly ok: true;
      readonly modality: string | null;
      readonly rows: number;
      readonly columns: number;
      readonly frames: number;
      readonly transferSyntaxUid: string;
      readonly transferSyntaxName: string | null;
      /** Side stated by the laterality attributes (ImageLaterality > Laterality > FrameLaterality). */
      readonly laterality: Side | null;
      readonly lateralitySource: SideSource;
      readonly calibration: CalibrationReport;
      /** False when the viewer's decoder cannot draw the image (the same check, displayable.ts). */
      readonly displayable: boolean;
      readonly notDisplayableReason?: string;
      readonly suv?: SuvReport;
      readonly warnings?: readonly string[];
    }
  | { readonly file: string; readonly ok: false; readonly error: string };

export function inspectFile(path: string): InspectRow {
  const bytes = readFileBytes(path);
  if (!bytes.ok) return { file: path, ok: false, error: bytes.error };
  const read = readDicomMetadata(bytes.value, path);
  if (!read.ok) return { file: path, ok: false, error: read.error };
  const meta = read.value;
  const side = sideFromTags(meta);
  // The viewer's rule for display values (a rescale or window it cannot show): said here too.
  const display = saneDisplayValues(meta).warning;
  const warnings = display === null ? meta.warnings : [...meta.warnings, display];
  return {
    file: path,
    ok: true,
    modality: meta.modality,
    rows: meta.rows,
    columns: meta.columns,
    frames: meta.numberOfFrames,
    transferSyntaxUid: meta.transferSyntaxUid,
    transferSyntaxName: meta.transferSyntaxName,
    laterality: side.side,
    lateralitySource: side.sideSource,
    calibration: imageCalibration(meta),
    displayable: !meta.displayProblem,
    ...(meta.displayProblem ? { notDisplayableReason: meta.displayProblem } : {}),
    ...(meta.pet ? { suv: suvReport(meta.pet) } : {}),
    ...(warnings.length > 0 ? { warnings } : {}),
  };
}

function suvReport(pet: PetSuvAttributes): SuvReport {
  const r = computeSuvBwFactors([pet]);
  return r.ok
    ? { ok: true, factor: r.value.factors[0]!, unit: 'g/ml per rescaled pixel value', method: r.value.method, source: r.value.source }
    : { ok: false, error: r.error };
}

/** One line per PET file under the table: its SUV factor and source, or why SUV cannot be computed. */
function suvLines(rows: readonly InspectRow[]): string {
  const lines = rows.flatMap((r) => {
    if (!r.ok || !r.suv) return [];
    return [r.suv.ok ? `SUV ${r.file}: factor ${r.suv.factor.toPrecision(6)} — ${printable(r.suv.source)}` : `SUV ${r.file}: none — ${printable(r.suv.error)}`];
  });
  return lines.length > 0 ? `\n${lines.join('\n')}` : '';
}

export function inspectFiles(paths: readonly string[]): InspectRow[] {
  return paths.map(inspectFile);
}

function calibrationCell(c: CalibrationReport): string {
  if (c.source === 'none' || c.rowSpacingMm === null || c.columnSpacingMm === null) return 'none';
  const spacing =
    c.rowSpacingMm === c.columnSpacingMm
      ? `${fmt(c.rowSpacingMm)} mm`
      : `${fmt(c.rowSpacingMm)} x ${fmt(c.columnSpacingMm)} mm (row x col)`;
  return `${c.source}${c.regionIndex !== undefined ? ` #${c.regionIndex}` : ''} ${spacing}`;
}

function fmt(mm: number): string {
  return mm >= 0.01 ? mm.toFixed(4).replace(/0+$/, '').replace(/\.$/, '') : mm.toPrecision(3);
}

export function formatInspectTable(rows: readonly InspectRow[]): string {
  const body = rows.map((r) =>
    r.ok
      ? [
          r.file,
          r.displayable ? 'ok' : 'NO IMAGE',
          r.modality ?? '-',
          `${r.columns}x${r.rows}`,
          String(r.frames),
          r.laterality ? `${r.laterality} (${r.lateralitySource})` : '-',
          calibrationCell(r.calibration),
          r.transferSyntaxName ?? r.transferSyntaxUid,
        ]
      : [r.file, 'FAILED', r.error],
  );
  const table = formatTable(['FILE', 'STATUS', 'MODALITY', 'SIZE (WxH)', 'FRAMES', 'SIDE', 'CALIBRATION', 'TRANSFER SYNTAX'], body);
  // NO IMAGE: readable and measurable, but the viewer cannot draw it; say why, once per file.
  const notes = rows.flatMap((r) => (r.ok && !r.displayable ? [`${r.file}: not displayable: ${r.notDisplayableReason}`] : []));
  return notes.length ? `${table}\n${notes.join('\n')}` : table;
}

/**
 * Under the table, why each uncalibrated file is uncalibrated when a value was refused (e.g.
 * "PixelSpacing ignored: PixelSpacing 1e+150 mm is not a physical pixel size (...)").
 */
export function calibrationNotes(rows: readonly InspectRow[]): string {
  const notes = rows.flatMap((r) =>
    r.ok && r.calibration.source === 'none' && r.calibration.description && r.calibration.description !== UNCALIBRATED_REASON
      ? [`${r.file}: UNCALIBRATED: ${r.calibration.description}`]
      : [],
  );
  return notes.length ? `\n${notes.map((n) => `${n}\n`).join('')}` : '';
}

/** Runs the command; returns the exit code. */
export function runInspect(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, { valued: [], flags: ['--json', '--help'] });
  if (args.flags.has('--help')) {
    io.stdout(INSPECT_HELP);
    return EXIT_OK;
  }
  if (args.positionals.length === 0) throw new UsageError('inspect needs at least one file.');
  const rows = inspectFiles(args.positionals);
  io.stdout(args.flags.has('--json') ? toJsonText(rows) : `${formatInspectTable(rows)}${suvLines(rows)}\n${calibrationNotes(rows)}`);
  return rows.every((r) => r.ok) ? EXIT_OK : EXIT_REFUSED;
}
