/** Command dispatch for the NerveTrace CLI. Pure apart from file reads; output goes through CliIo. */
import { UsageError } from './args.ts';
import { runImportTable } from './importTable.ts';
import { runInspect } from './inspect.ts';
import { EXIT_OK, EXIT_REFUSED, EXIT_USAGE, type CliIo } from './io.ts';
import { runMeasure } from './measure.ts';
import { runProfile } from './profileCommand.ts';
import { runReport } from './report.ts';
import { runSr } from './srCommand.ts';
import { runSuv } from './suvCommand.ts';
import { runTable } from './tableCommand.ts';
import { terminalSafe } from './terminalText.ts';

export const MAIN_HELP = `Usage: nervetrace <command> [options]

Commands:
  inspect <file...> [--json]
      what NerveTrace reads from each DICOM file (size, frames, side, calibration)
  measure <file> --points "x,y x,y ..." [--frame N] [--json]
      cross-sectional area and perimeter of an outline, in mm when calibrated
  report <session.json> [--json]
      nerve size left and right, EMG localization and their concordance
  table <session.json...> [--identified]
      CSV of all measurements of the sessions (de-identified by default)
  sr <session.json> -o <file.dcm> [--identified]
      DICOM SR measurement report (TID 1500), de-identified by default
  import-table <file.txt> [--side L|R] [--kind emg|ncs] [--json]
      the rows and warnings the paste preview reads from a report's EMG or NCS table
  profile <session.json...> [--json|--csv]
      CSA profile along each nerve per side; with several visits, the follow-up
  suv <pet.dcm> [--region "x,y ..."] [--line "x,y ..."] [--weight kg] [--dose MBq] [--json]
      SUVbw factor and source; SUVmax/mean/peak in a region, SUV along a line

Run "nervetrace <command> --help" for details.
Exit codes: 0 ok, 1 a file, session or measurement was refused, 2 command-line error.
`;

const COMMANDS = new Set(['inspect', 'measure', 'report', 'table', 'sr', 'import-table', 'profile', 'suv']);

/**
 * Runs one CLI invocation (argv without node and script) and returns the exit code. Every
 * command's output passes terminalSafe: no control character or ANSI escape from a file, a
 * session or an argument reaches the terminal.
 */
export function runCli(argv: readonly string[], rawIo: CliIo): number {
  const io: CliIo = { stdout: (t) => rawIo.stdout(terminalSafe(t)), stderr: (t) => rawIo.stderr(terminalSafe(t)) };
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
        io.stderr(MAIN_HELP);
        return EXIT_USAGE;
      case '--help':
      case '-h':
      case 'help':
        io.stdout(MAIN_HELP);
        return EXIT_OK;
      case 'inspect':
        return runInspect(rest, io);
      case 'measure':
        return runMeasure(rest, io);
      case 'report':
        return runReport(rest, io);
      case 'table':
        return runTable(rest, io);
      case 'sr':
        return runSr(rest, io);
      case 'import-table':
        return runImportTable(rest, io);
      case 'profile':
        return runProfile(rest, io);
      case 'suv':
        return runSuv(rest, io);
      default:
        throw new UsageError(`Unknown command "${command}".`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      const hint = command !== undefined && COMMANDS.has(command) ? `nervetrace ${command} --help` : 'nervetrace --help';
      io.stderr(`${e.message} Run "${hint}" for usage.\n`);
      return EXIT_USAGE;
    }
    // Last resort: never a stack trace for the user.
    io.stderr(`Internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT_REFUSED;
  }
}
