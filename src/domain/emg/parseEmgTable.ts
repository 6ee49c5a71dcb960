import type { Side } from '../types';
import { matchMuscle } from './muscleLookup';
import { parseSide, splitSide } from './normalize';
import { cellOf, hasColumn, locateTable, stripSideWord } from './table';
import { parseGrade, parseLevel, parseOtherDischarges, parsePolyphasia, parseRecruitment } from './terms';
import type { Grade, NeedleEmgRow, OtherDischarge, ParseResult, ParseWarning } from './types';
import { EMG_HEADERS, type EmgField } from './vocabulary';

export interface EmgParseOptions {
  /** Side used for rows that state none (neither a side column nor "R"/"L" in the muscle cell). */
  readonly defaultSide?: Side;
}

const FIELD_LABEL: Readonly<Record<EmgField, string>> = {
  muscle: 'Muscle',
  side: 'Side',
  insertionalActivity: 'Insertional activity',
  fibrillations: 'Fibrillations',
  positiveSharpWaves: 'Positive sharp waves',
  fibsAndPsw: 'Fibs/PSW',
  fasciculations: 'Fasciculations',
  otherDischarges: 'Other discharges',
  muapAmplitude: 'MUAP amplitude',
  muapDuration: 'MUAP duration',
  polyphasia: 'Polyphasia',
  recruitment: 'Recruitment',
};

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Read a needle EMG table pasted from a report (tab-separated, one header row matched flexibly).
 * Grades "0", "1+", "+", "++", "4+", "none", "-" become numbers; "mixed phase" → reduced,
 * "simple phase" → discrete, "no MUAP" → none. A muscle outside the vocabulary is kept as free
 * text with a warning; a row without a side is skipped with a warning. Nothing is guessed silently.
 */
export function parseEmgTable(tsvText: string, options: EmgParseOptions = {}): ParseResult<NeedleEmgRow> {
  const warnings: ParseWarning[] = [];
  const table = locateTable(tsvText, EMG_HEADERS, 'muscle', 'Muscle', warnings);
  if (!table) return { rows: [], warnings, columns: [] };

  const rows: NeedleEmgRow[] = [];
  for (const line of table.body) {
    const warn = (message: string): void => void warnings.push({ line: line.line, message });
    const muscleCell = cellOf(table, line, 'muscle');
    if (!muscleCell) {
      if (line.cells.some((c) => c.length > 0)) warn('Row without a muscle name skipped.');
      continue;
    }

    let side: Side | null = null;
    let muscleText = muscleCell;
    const sideCell = cellOf(table, line, 'side');
    const fromName = splitSide(muscleCell);
    if (fromName.side) muscleText = stripSideWord(muscleCell);
    if (sideCell) {
      side = parseSide(sideCell);
      if (!side) warn(`Side "${sideCell}" not recognised (write L or R).`);
    } else {
      side = fromName.side ?? options.defaultSide ?? null;
    }
    if (!side) {
      warn(`No side for "${muscleCell}": row skipped (add a Side column or choose a default side).`);
      continue;
    }

    const match = matchMuscle(muscleText);
    let muscle: string;
    if (match.kind === 'known') {
      muscle = match.muscle.id;
    } else if (match.kind === 'ambiguous') {
      muscle = muscleText;
      warn(
        `"${muscleText}" could mean ${match.candidates.map((m) => m.label.toLowerCase()).join(' or ')}: kept as free text; choose the muscle so it can be localised.`,
      );
    } else {
      muscle = muscleText;
      warn(`Muscle "${muscleText}" is not in the vocabulary: kept as free text (it cannot be placed on the nerve graph).`);
    }

    const row: Mutable<NeedleEmgRow> = { id: `emg-${line.line}`, muscle, side, sourceLine: line.line };

    const read = <T>(field: EmgField, parse: (text: string) => { ok: true; value: T } | { ok: false; error: string }): T | undefined => {
      const cell = cellOf(table, line, field);
      if (cell === undefined) return undefined;
      const parsed = parse(cell);
      if (parsed.ok) return parsed.value;
      warn(`${FIELD_LABEL[field]}: ${parsed.error}`);
      return undefined;
    };

    const insertional = read('insertionalActivity', parseLevel);
    if (insertional !== undefined) row.insertionalActivity = insertional;
    const combined = read<Grade>('fibsAndPsw', parseGrade);
    const fib = read<Grade>('fibrillations', parseGrade) ?? (hasColumn(table, 'fibrillations') ? undefined : combined);
    const psw = read<Grade>('positiveSharpWaves', parseGrade) ?? (hasColumn(table, 'positiveSharpWaves') ? undefined : combined);
    if (fib !== undefined) row.fibrillations = fib;
    if (psw !== undefined) row.positiveSharpWaves = psw;

    const discharges: OtherDischarge[] = [];
    const fasc = cellOf(table, line, 'fasciculations');
    if (fasc !== undefined) {
      const grade = parseGrade(fasc);
      if (grade.ok) {
        if (grade.value > 0) discharges.push('fasciculations');
      } else if (/^(yes|y|present)$/i.test(fasc)) {
        discharges.push('fasciculations');
      } else {
        warn(`Fasciculations: "${fasc}" not recognised.`);
      }
    }
    const otherCell = cellOf(table, line, 'otherDischarges');
    if (otherCell !== undefined) {
      const other = parseOtherDischarges(otherCell);
      for (const d of other.discharges) if (!discharges.includes(d)) discharges.push(d);
      for (const u of other.unknown) warn(`Other discharges: "${u}" not recognised (CRD, myokymic, fasciculations).`);
    }
    if (discharges.length > 0) row.otherDischarges = discharges;

    const amplitude = read('muapAmplitude', parseLevel);
    if (amplitude !== undefined) row.muapAmplitude = amplitude;
    const duration = read('muapDuration', parseLevel);
    if (duration !== undefined) row.muapDuration = duration;
    const poly = read('polyphasia', parsePolyphasia);
    if (poly !== undefined) row.polyphasia = poly;
    const recruitment = read('recruitment', parseRecruitment);
    if (recruitment !== undefined) row.recruitment = recruitment;

    rows.push(row);
  }
  return { rows, warnings, columns: table.columns.map((c) => ({ header: c.header, field: c.field })) };
}
