import type { Side } from '../types';
import { matchMuscle, suggestMuscle } from './muscleLookup';
import { normalizeCell, normalizeName, parseSide, splitSide } from './normalize';
import { cellOf, hasColumn, locateTable, stripSideWord } from './table';
import { parseGrade, parseLevel, parseOtherDischarges, parsePolyphasia, parseRecruitment } from './terms';
import type { Grade, MuscleSuggestion, NeedleEmgRow, OtherDischarge, ParseResult, ParseWarning } from './types';
import { EMG_HEADERS, EQUIVOCAL_TERMS, NEGATION_WORDS, OTHER_DISCHARGE_TERMS, type EmgField } from './vocabulary';

/** "L4/5, L5/S1 PVMs" → ["L4/5 PVMs", "L5/S1 PVMs"]: one row per paraspinal level. */
const LEVEL = String.raw`[LS]\d(?:\s*[/-]\s*[LS]?\d)?`;
const COMBINED_LEVELS = new RegExp(String.raw`^\s*(${LEVEL}(?:\s*(?:,|&|\band\b)\s*${LEVEL})+)\s+(.+)$`, 'i');

function splitCombinedParaspinals(text: string): string[] {
  const m = COMBINED_LEVELS.exec(text);
  if (!m) return [text];
  const levels = m[1]!.split(/\s*(?:,|&|\band\b)\s*/i).filter(Boolean);
  const names = levels.map((level) => `${level} ${m[2]!.trim()}`);
  return names.every((n) => matchMuscle(n).kind === 'known') ? names : [text];
}

/** The side a muscle column header states ("Muscle(L)", "Left muscles", "Muscle - Right"). */
function headerSide(header: string | undefined): Side | null {
  if (!header) return null;
  const m = /\b(left|right|lt|rt|l|r)\b/i.exec(header.replace(/muscles?/i, ' '));
  return m ? parseSide(m[1]!) : null;
}

/** "F&P(++)" → "++"; other cells unchanged. */
function unwrapGrade(cell: string): string {
  const m = /^\s*f\s*&\s*p\s*\(?\s*([^)]*?)\s*\)?\s*$/i.exec(cell);
  return m ? m[1]! : cell;
}

/** "myokymia absent", "no CRD" → the discharge stated absent; null when the cell is not such a negation. */
function negatedDischarge(cell: string): OtherDischarge | null {
  const words = normalizeCell(cell).split(' ');
  const negation = words.filter((w) => NEGATION_WORDS.has(w));
  if (negation.length === 0) return null;
  const rest = words.filter((w) => !NEGATION_WORDS.has(w)).join(' ');
  return OTHER_DISCHARGE_TERMS[rest] ?? null;
}

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
  const table = locateTable<EmgField>(tsvText, EMG_HEADERS, 'muscle', 'Muscle', warnings);
  if (!table) return { rows: [], warnings, columns: [] };

  const rows: NeedleEmgRow[] = [];
  const suggestions: MuscleSuggestion[] = [];
  const muscleHeader = table.columns.find((c) => c.field === 'muscle')?.header;
  const sideOfHeader = headerSide(muscleHeader);
  if (sideOfHeader) warnings.push({ line: table.headerLine, message: `Header "${muscleHeader}": rows without a side are read as ${sideOfHeader === 'L' ? 'left' : 'right'}.` });
  const dashNoted = new Set<EmgField>();

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
      side = fromName.side ?? line.side ?? sideOfHeader ?? options.defaultSide ?? null;
    }
    if (!side) {
      warn(`No side for "${muscleCell}": row skipped (add a Side column or choose a default side).`);
      continue;
    }

    const names = splitCombinedParaspinals(muscleText);
    if (names.length > 1) warn(`"${muscleText}" names ${names.length} paraspinal levels: read as ${names.length} rows (${names.join('; ')}).`);

    const read = <T>(field: EmgField, parse: (text: string) => { ok: true; value: T } | { ok: false; error: string }): T | undefined => {
      const cell = cellOf(table, line, field);
      if (cell === undefined) return undefined;
      const parsed = parse(cell);
      if (parsed.ok) return parsed.value;
      warn(`${FIELD_LABEL[field]}: ${parsed.error}`);
      return undefined;
    };
    /** A level column where this table writes "-" for no change: read as normal, said once per column. */
    const readLevel = <T>(field: EmgField, parse: (text: string) => { ok: true; value: T } | { ok: false; error: string }, normalValue: T): T | undefined => {
      const cell = cellOf(table, line, field);
      if (cell !== undefined && normalizeCell(cell) === '-') {
        if (!dashNoted.has(field)) {
          dashNoted.add(field);
          warnings.push({ line: line.line, message: `${FIELD_LABEL[field]}: this table writes "-" for no change; read as normal in this column.` });
        }
        return normalValue;
      }
      return read(field, parse);
    };
    const readGrade = (field: EmgField): Grade | undefined => {
      const cell = cellOf(table, line, field);
      if (cell === undefined) return undefined;
      const unwrapped = unwrapGrade(cell);
      const equivocal = EQUIVOCAL_TERMS[normalizeCell(unwrapped)];
      if (equivocal?.grade !== undefined) {
        warn(`${FIELD_LABEL[field]}: ${equivocal.message}.`);
        return equivocal.grade;
      }
      const parsed = parseGrade(unwrapped);
      if (parsed.ok) return parsed.value;
      warn(`${FIELD_LABEL[field]}: ${parsed.error}`);
      return undefined;
    };

    const values: Mutable<Omit<NeedleEmgRow, 'muscle' | 'side'>> = {};
    const insertional = readLevel('insertionalActivity', parseLevel, 'normal' as const);
    if (insertional !== undefined) values.insertionalActivity = insertional;
    const combined = readGrade('fibsAndPsw');
    const fib = readGrade('fibrillations') ?? (hasColumn(table, 'fibrillations') ? undefined : combined);
    let psw = readGrade('positiveSharpWaves') ?? (hasColumn(table, 'positiveSharpWaves') ? undefined : combined);
    // "F&P(++)" in the fibrillation column names both kinds of potential.
    const fibCell = cellOf(table, line, 'fibrillations');
    if (psw === undefined && fib !== undefined && fibCell && unwrapGrade(fibCell) !== fibCell) {
      psw = fib;
      warn(`"${fibCell}" (fibrillations and positive waves) sets both grades.`);
    }
    if (fib !== undefined) values.fibrillations = fib;
    if (psw !== undefined) values.positiveSharpWaves = psw;

    const discharges: OtherDischarge[] = [];
    const absent: OtherDischarge[] = [];
    const fasc = cellOf(table, line, 'fasciculations');
    if (fasc !== undefined) {
      const grade = parseGrade(fasc);
      if (grade.ok) {
        if (grade.value > 0) discharges.push('fasciculations');
        else absent.push('fasciculations');
      } else if (/^(yes|y|present)$/i.test(fasc)) {
        discharges.push('fasciculations');
      } else {
        warn(`Fasciculations: "${fasc}" not recognised.`);
      }
    }
    const otherCell = cellOf(table, line, 'otherDischarges');
    if (otherCell !== undefined) {
      for (const part of otherCell.split(/[,;]/)) {
        const negated = negatedDischarge(part);
        if (negated) {
          if (!absent.includes(negated)) absent.push(negated);
          continue;
        }
        const other = parseOtherDischarges(part);
        for (const d of other.discharges) if (!discharges.includes(d)) discharges.push(d);
        for (const u of other.unknown) warn(`Other discharges: "${u}" not recognised (CRD, myokymic, fasciculations).`);
      }
    }
    if (discharges.length > 0) values.otherDischarges = discharges;
    const stillAbsent = absent.filter((d) => !discharges.includes(d));
    if (stillAbsent.length > 0) values.absentDischarges = stillAbsent;

    const amplitude = readLevel('muapAmplitude', parseLevel, 'normal' as const);
    if (amplitude !== undefined) values.muapAmplitude = amplitude;
    const duration = readLevel('muapDuration', parseLevel, 'normal' as const);
    if (duration !== undefined) values.muapDuration = duration;
    const poly = readLevel('polyphasia', parsePolyphasia, 'normal' as const);
    if (poly !== undefined) values.polyphasia = poly;
    const recruitmentCell = cellOf(table, line, 'recruitment');
    const equivocalRecruitment = recruitmentCell ? EQUIVOCAL_TERMS[normalizeCell(recruitmentCell)] : undefined;
    if (equivocalRecruitment?.recruitment) {
      warn(`${FIELD_LABEL.recruitment}: ${equivocalRecruitment.message}.`);
      values.recruitment = equivocalRecruitment.recruitment;
    } else {
      const recruitment = read('recruitment', parseRecruitment);
      if (recruitment !== undefined) values.recruitment = recruitment;
    }

    names.forEach((name, k) => {
      const match = matchMuscle(name);
      const id = names.length > 1 ? `emg-${line.line}-${k + 1}` : `emg-${line.line}`;
      let muscle: string;
      if (match.kind === 'known') {
        muscle = match.muscle.id;
      } else if (match.kind === 'ambiguous') {
        muscle = name;
        warn(
          `"${name}" could mean ${match.candidates.map((m) => m.label.toLowerCase()).join(' or ')}: kept as free text; choose the muscle so it can be localised.`,
        );
      } else {
        muscle = name;
        const suggestion = suggestMuscle(name);
        if (suggestion) {
          suggestions.push({ line: line.line, rowId: id, written: name, muscleId: suggestion.id, label: suggestion.label });
          warn(`Muscle "${name}" is not in the vocabulary: did you mean ${suggestion.label.toLowerCase()}? Kept as written until confirmed.`);
        } else {
          warn(`Muscle "${name}" is not in the vocabulary: kept as free text (it cannot be placed on the nerve graph).`);
        }
      }
      rows.push({ id, muscle, side: side!, sourceLine: line.line, ...values });
    });
  }
  // In line order, as the preview lists them (stable: a line's warnings keep their order).
  warnings.sort((a, b) => a.line - b.line);
  return { rows, warnings, suggestions, columns: table.columns.map((c) => ({ header: c.header, field: c.field })) };
}
