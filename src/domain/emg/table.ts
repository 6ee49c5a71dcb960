import type { Side } from '../types';
import { normalizeHeader, parseSide } from './normalize';
import type { ParseWarning } from './types';

export interface TableLine {
  /** 1-based line number in the pasted text. */
  readonly line: number;
  readonly cells: readonly string[];
  /** Side set by a side header line above ("Right", "LEFT LEG:"). */
  readonly side?: Side;
}

/**
 * How the columns of a pasted table are separated: tabs (copied from a report), "|" (Markdown),
 * fixed width (runs of 2+ spaces: a machine summary; cells are placed under the nearest header
 * column so that blank cells keep their place), or single spaces (a table copied out of a PDF:
 * blank cells are gone, so values are read left to right and every column left over is listed).
 */
export type Delimiter = '\t' | '|' | 'spaces' | 'single';

export function detectDelimiter(headerLine: string): Delimiter {
  if (headerLine.includes('\t')) return '\t';
  if (headerLine.includes('|')) return '|';
  return /\S\s{2,}\S/.test(headerLine.trim()) ? 'spaces' : 'single';
}

export function splitCells(line: string, delimiter: Delimiter): string[] {
  const raw = delimiter === 'spaces' ? line.trim().split(/\s{2,}/) : delimiter === 'single' ? line.trim().split(/\s+/) : line.split(delimiter);
  const cells = raw.map((c) => c.trim());
  if (delimiter === '|') {
    // Markdown-style tables: drop the empty cells outside the outer bars.
    if (cells[0] === '') cells.shift();
    if (cells[cells.length - 1] === '') cells.pop();
  }
  return cells;
}

/** Runs of non-space text separated by 2+ spaces, with their character positions (fixed-width rows). */
function tokensWithPositions(line: string): Array<{ text: string; start: number; end: number }> {
  const out: Array<{ text: string; start: number; end: number }> = [];
  const re = /\S+(?: \S+)*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line))) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/** Fixed width: each token goes to the column whose span (halfway to its neighbours' headers) holds its centre. */
function fixedWidthCells(line: string, header: ReadonlyArray<{ start: number; end: number }>): { cells: string[]; stray: string[] } {
  const cells = header.map(() => '');
  const bounds = header.map((h, i) => (i + 1 < header.length ? (h.end + header[i + 1]!.start) / 2 : Infinity));
  for (const t of tokensWithPositions(line)) {
    const centre = (t.start + t.end - 1) / 2;
    const i = bounds.findIndex((b) => centre < b);
    cells[i] = cells[i] ? `${cells[i]} ${t.text}` : t.text;
  }
  return { cells, stray: [] };
}

/** Value phrases that keep their inner spaces in a single-space (PDF) row. */
const VALUE_PHRASES = /\b(no mups?|no muaps?|no units|single units?|simple\s*\/\s*mixed(?: phase)?|simple mixed(?: phase)?|mixed phase|simple phase|full interference|complete interference|incr?\.? polys|no response|not recordable|f&p\s*\([^)]*\))\b/gi;
/** Words that can only be values (they end the name of a single-space row). */
const VALUE_WORDS = new Set([
  'nml', 'nl', 'n', 'wnl', 'normal', 'incr', 'inc', 'decr', 'dec', 'increased', 'decreased', 'reduced', 'red', 'nr', 'none', 'absent',
  'full', 'complete', 'discrete', 'crd', 'crds', 'myokymia', 'fasc', 'fascs', 'neg', 'mixed', 'simple', 'poor', 'mild', 'mod', 'severe',
]);

function isValueToken(token: string): boolean {
  const t = token.toLowerCase().replace(/[.,;:]$/, '');
  if (/^[<>]?-?\d+([.,]\d+)?$/.test(t)) return true;
  if (/^(\+{1,4}|-|\+\/-|[0-4]\+|\+[0-4]|-[0-4]|[0-4]-)$/.test(t)) return true;
  if (t.includes('\u00a0')) return true;
  return VALUE_WORDS.has(t);
}

/** A single-space row: the name runs up to the first value; the values fill the other columns left to right. */
function singleSpaceCells<F extends string>(
  line: string,
  columns: readonly ColumnMatch<F>[],
  nameIndex: number,
): { cells: string[]; stray: string[]; unread: string[] } {
  const protectedLine = line.trim().replace(VALUE_PHRASES, (m) => m.replace(/\s+/g, '\u00a0'));
  const tokens = protectedLine.split(/\s+/).filter(Boolean);
  let end = 0;
  while (end < tokens.length && !(end > 0 && isValueToken(tokens[end]!))) end++;
  // A leading side word belongs to the name ("R Tib Ant"); a lone value after it does not.
  const targets = columns.map((_, i) => i).filter((i) => i !== nameIndex);
  // "Tib ant R ++": a side word ending the name goes to a Side column that follows it.
  if (end > 1 && columns[targets[0] ?? -1]?.field === ('side' as F) && SIDE_ONLY.test(tokens[end - 1]!)) end--;
  const cells = columns.map(() => '');
  cells[nameIndex] = tokens.slice(0, end).join(' ');
  const values = tokens.slice(end).map((t) => t.replace(/\u00a0/g, ' '));
  const n = Math.min(values.length, targets.length);
  for (let v = 0; v < n; v++) cells[targets[v]!] = values[v]!;
  const unread = values.length < targets.length ? targets.slice(values.length).map((i) => columns[i]!.header) : [];
  const stray = values.slice(targets.length);
  return { cells, stray, unread };
}

export interface ColumnMatch<F extends string> {
  readonly header: string;
  readonly field: F | null;
  /** Side of an L/R sub-column under a measure ("Amplitude" over "L  R"). */
  readonly side?: Side;
}

function synonymEntries<F extends string>(synonyms: Readonly<Record<F, readonly string[]>>) {
  return (Object.keys(synonyms) as F[]).flatMap((field) => synonyms[field].map((s) => ({ field, key: normalizeHeader(s) })));
}

/**
 * Match header cells to fields, case-insensitively and by synonyms: exact match first, then the
 * longest synonym the header begins with ("Recruitment/Interference" → recruitment). The first
 * column claiming a field wins; later duplicates are ignored.
 */
export function matchColumns<F extends string>(
  headerCells: readonly string[],
  synonyms: Readonly<Record<F, readonly string[]>>,
): ColumnMatch<F>[] {
  const entries = synonymEntries(synonyms);
  const claimed = new Set<F>();
  return headerCells.map((header) => {
    const field = fieldOf(header, entries);
    if (!field || claimed.has(field)) return { header, field: null };
    claimed.add(field);
    return { header, field };
  });
}

function fieldOf<F extends string>(header: string, entries: ReadonlyArray<{ field: F; key: string }>): F | null {
  const key = normalizeHeader(header);
  if (key.length === 0) return null;
  const exact = entries.find((e) => e.key === key)?.field;
  if (exact) return exact;
  const prefixes = entries.filter((e) => e.key.length >= 2 && key.startsWith(`${e.key} `)).sort((a, b) => b.key.length - a.key.length);
  return prefixes[0]?.field ?? null;
}

/**
 * A header copied out of a PDF with single spaces: group the words into header cells by the longest
 * synonym they spell (up to four words: "Ins Act", "MUAP Amp", "Nerve / Sites"); other words stand alone.
 */
function singleSpaceHeader<F extends string>(line: string, synonyms: Readonly<Record<F, readonly string[]>>): string[] {
  const entries = synonymEntries(synonyms);
  const words = line.trim().split(/\s+/);
  const cells: string[] = [];
  let i = 0;
  while (i < words.length) {
    let taken = 1;
    const firstField = fieldOf(words[i]!, entries);
    for (let n = Math.min(4, words.length - i); n >= 2; n--) {
      const phraseKey = normalizeHeader(words.slice(i, i + n).join(' '));
      const phraseField = entries.find((e) => e.key === phraseKey && e.key.length > 0)?.field ?? null;
      // "Ins Act" → one cell; "Muscle Side" is two ("muscle" alone already names another field).
      if (phraseField && (firstField === null || firstField === phraseField)) {
        taken = n;
        break;
      }
    }
    cells.push(words.slice(i, i + taken).join(' '));
    i += taken;
  }
  return cells;
}

const SIDE_ONLY = /^(l|r|lt|rt|left|right)$/i;

export interface LocatedTable<F extends string> {
  readonly headerLine: number;
  readonly delimiter: Delimiter;
  readonly columns: readonly ColumnMatch<F>[];
  readonly body: readonly TableLine[];
  /** True when measures carry L and R sub-columns (each body row holds both sides). */
  readonly sideSubColumns: boolean;
}

/** A side header ("Right", "LEFT LEG:", "Left side") sets the side of the rows below it. */
const SIDE_HEADER = /^\s*(left|right|lt|rt)\b(\s+(leg|side|lower limb|lower extremity|limb))?\s*:?\s*$/i;
/** Page footers and print stamps of a PDF copy. */
const FOOTER = /^\s*(page\s+\d+(\s*(of|\/)\s*\d+)?|\d+\s*\/\s*\d+|printed\b.*|report generated\b.*|continued\b.*)\s*$/i;

/**
 * Find the header row (the first line whose cells include the required field; in a single-space
 * line at least two fields), merge a second header line (two-level headers; L/R sub-columns), split
 * the body rows, and warn about lines above the header, non-tab delimiters, unused columns, side
 * headers, page footers and cells that could not be placed.
 */
export function locateTable<F extends string>(
  text: string,
  synonyms: Readonly<Record<F, readonly string[]>>,
  required: F,
  requiredLabel: string,
  warnings: ParseWarning[],
): LocatedTable<F> | null {
  const lines = text.split(/\r\n|\n|\r/);
  for (let i = 0; i < lines.length; i++) {
    const rawLine = lines[i]!;
    if (rawLine.trim().length === 0) continue;
    const delimiter = detectDelimiter(rawLine);
    let headerCells = delimiter === 'single' ? singleSpaceHeader(rawLine, synonyms) : splitCells(rawLine, delimiter);
    let columns = matchColumns(headerCells, synonyms);
    const matched = columns.filter((c) => c.field !== null).length;
    if (!columns.some((c) => c.field === required) || (delimiter === 'single' && matched < 2)) continue;

    let side: Side | undefined;
    for (let j = 0; j < i; j++) {
      if (lines[j]!.trim().length === 0) continue;
      if (SIDE_HEADER.test(lines[j]!)) {
        side = parseSide(lines[j]!.trim().split(/\s+/)[0]!.replace(/:$/, '')) ?? undefined;
        warnings.push({ line: j + 1, message: `Side header "${lines[j]!.trim()}": the rows below are read as ${side === 'L' ? 'left' : 'right'}.` });
      } else warnings.push({ line: j + 1, message: 'Line above the header row ignored.' });
    }
    if (delimiter !== '\t') {
      const how =
        delimiter === '|'
          ? '"|"'
          : delimiter === 'spaces'
            ? 'fixed-width columns (each value placed under the nearest header)'
            : 'single spaces (a PDF copy: blank cells are lost, values are read left to right)';
      warnings.push({ line: i + 1, message: `No tabs found: columns were split at ${how}; check the preview.` });
    }

    // Fixed width: the header's own cell positions.
    const headerSpans = delimiter === 'spaces' ? tokensWithPositions(rawLine) : [];
    const cellsOf = (line: string): { cells: string[]; stray: string[]; unread?: string[] } =>
      delimiter === 'spaces'
        ? fixedWidthCells(line, headerSpans)
        : delimiter === 'single'
          ? singleSpaceCells(line, columns, Math.max(0, columns.findIndex((c) => c.field === required)))
          : { cells: splitCells(line, delimiter), stray: [] };

    // A second header line: two-level headers or L/R sub-columns.
    let k = i + 1;
    while (k < lines.length && lines[k]!.trim().length === 0) k++;
    let sideSubColumns = false;
    if (k < lines.length) {
      const nextRaw = lines[k]!;
      const next = delimiter === 'single' ? nextRaw.trim().split(/\s+/) : cellsOf(nextRaw).cells;
      const nonEmpty = next.filter((c) => c.length > 0);
      if (nonEmpty.length >= 2 && nonEmpty.every((c) => SIDE_ONLY.test(c))) {
        columns = sideColumns(columns, next, delimiter);
        sideSubColumns = true;
        warnings.push({ line: k + 1, message: 'L/R sub-columns under each measure: each row is read as a left and a right study.' });
        k++;
      } else if (delimiter !== 'single') {
        const lower = matchColumns(next, synonyms);
        const lowerFields = lower.filter((c) => c.field !== null).length;
        const requiredIndex = columns.findIndex((c) => c.field === required);
        if (lowerFields >= 2 && !(next[requiredIndex] ?? '').trim()) {
          headerCells = headerCells.map((h, idx) => ((next[idx] ?? '').trim() ? next[idx]!.trim() : h));
          for (let idx = headerCells.length; idx < next.length; idx++) headerCells.push(next[idx]!);
          columns = matchColumns(headerCells, synonyms);
          warnings.push({ line: k + 1, message: 'Two-level header: the second header line names the columns under the groups above.' });
          k++;
        } else k = i + 1;
      } else k = i + 1;
    }

    for (const c of columns) {
      if (c.field === null && c.header.length > 0) warnings.push({ line: i + 1, message: `Column "${c.header}" is not used.` });
    }
    const body: TableLine[] = [];
    for (let b = k; b < lines.length; b++) {
      const line = lines[b]!;
      if (line.trim().length === 0) continue;
      if (SIDE_HEADER.test(line)) {
        side = parseSide(line.trim().split(/\s+/)[0]!.replace(/:$/, '')) ?? undefined;
        warnings.push({ line: b + 1, message: `Side header "${line.trim()}": the rows below are read as ${side === 'L' ? 'left' : 'right'}.` });
        continue;
      }
      if (FOOTER.test(line)) {
        warnings.push({ line: b + 1, message: `Page footer "${line.trim()}" ignored.` });
        continue;
      }
      const { cells, stray: strayCells, unread } = cellsOf(line);
      // Cells right of the last header column (tabs, "|") are listed, never dropped silently.
      const stray = [...strayCells, ...(delimiter === '\t' || delimiter === '|' ? cells.slice(columns.length).filter((c) => c.length > 0) : [])];
      for (const t of stray) warnings.push({ line: b + 1, message: `"${t}" lies under no column: not read.` });
      if (unread && unread.length > 0 && cells.some((c, idx) => c && idx !== columns.findIndex((x) => x.field === required))) {
        warnings.push({
          line: b + 1,
          message: `Fewer values than columns (blank cells are lost in a PDF copy): values read left to right; not read: ${unread.map((h) => `"${h}"`).join(', ')}.`,
        });
      }
      body.push({ line: b + 1, cells, ...(side ? { side } : {}) });
    }
    return { headerLine: i + 1, delimiter, columns, body, sideSubColumns };
  }
  warnings.push({ line: 1, message: `No header row with a "${requiredLabel}" column was found: nothing was read.` });
  return null;
}

/** Expand measure columns over their L/R sub-columns. */
function sideColumns<F extends string>(columns: readonly ColumnMatch<F>[], sub: readonly string[], delimiter: Delimiter): ColumnMatch<F>[] {
  if (delimiter === 'single') {
    // "Nerve Lat Amp CV" over "L R L R L R": each measure takes the next two sides in order.
    const measures = columns.filter((c) => c.field !== null);
    const [first, ...rest] = measures;
    const out: ColumnMatch<F>[] = first ? [first] : [];
    let s = 0;
    for (const m of rest) {
      const perMeasure = Math.max(1, Math.round(sub.length / Math.max(1, rest.length)));
      for (let n = 0; n < perMeasure && s < sub.length; n++, s++) out.push({ header: `${m.header} ${sub[s]}`, field: m.field, side: parseSide(sub[s]!) ?? 'L' });
    }
    return out;
  }
  // Tabs / fixed width: the measure of a sub-column is the nearest header cell at or left of it.
  const out: ColumnMatch<F>[] = [];
  const width = Math.max(columns.length, sub.length);
  let current: ColumnMatch<F> | null = null;
  for (let idx = 0; idx < width; idx++) {
    const c = columns[idx];
    if (c && c.header.trim()) current = c;
    const side = parseSide(sub[idx] ?? '');
    if (side && current && current.field) out.push({ header: `${current.header} ${side}`, field: current.field, side });
    else out.push(c ?? { header: '', field: null });
  }
  return out;
}

/** The cell of a field in a row, trimmed; undefined when the column is absent or the cell empty. */
export function cellOf<F extends string>(table: LocatedTable<F>, row: TableLine, field: F, side?: Side): string | undefined {
  const index = table.columns.findIndex((c) => c.field === field && (side === undefined || c.side === undefined || c.side === side));
  if (index < 0) return undefined;
  const value = row.cells[index]?.trim();
  return value && value.length > 0 ? value : undefined;
}

export function hasColumn<F extends string>(table: LocatedTable<F>, field: F): boolean {
  return table.columns.some((c) => c.field === field);
}

const SIDE_PREFIX = /^\s*(?:l|r|lt|rt|left|right)\b[\s.:)-]*/i;
const SIDE_SUFFIX = /[\s,(-]*\b(?:l|r|lt|rt|left|right)\b\)?\s*$/i;

/** Remove a side word written in a name cell, keeping the rest as written ("R Tib Ant" → "Tib Ant"). */
export function stripSideWord(text: string): string {
  const withoutPrefix = text.replace(SIDE_PREFIX, '');
  if (withoutPrefix !== text && withoutPrefix.trim().length > 0) return withoutPrefix.trim();
  const withoutSuffix = text.replace(SIDE_SUFFIX, '');
  return withoutSuffix.trim().length > 0 ? withoutSuffix.trim() : text.trim();
}
