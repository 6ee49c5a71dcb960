import { normalizeHeader } from './normalize';
import type { ParseWarning } from './types';

export interface TableLine {
  /** 1-based line number in the pasted text. */
  readonly line: number;
  readonly cells: readonly string[];
}

export type Delimiter = '\t' | '|' | 'spaces';

/** Tabs are expected (copied from a report); "|" and runs of 2+ spaces are accepted with a warning. */
export function detectDelimiter(headerLine: string): Delimiter {
  if (headerLine.includes('\t')) return '\t';
  if (headerLine.includes('|')) return '|';
  return 'spaces';
}

export function splitCells(line: string, delimiter: Delimiter): string[] {
  const raw = delimiter === 'spaces' ? line.trim().split(/\s{2,}/) : line.split(delimiter);
  const cells = raw.map((c) => c.trim());
  if (delimiter === '|') {
    // Markdown-style tables: drop the empty cells outside the outer bars.
    if (cells[0] === '') cells.shift();
    if (cells[cells.length - 1] === '') cells.pop();
  }
  return cells;
}

export interface ColumnMatch<F extends string> {
  readonly header: string;
  readonly field: F | null;
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
  const entries = (Object.keys(synonyms) as F[]).flatMap((field) =>
    synonyms[field].map((s) => ({ field, key: normalizeHeader(s) })),
  );
  const claimed = new Set<F>();
  return headerCells.map((header) => {
    const key = normalizeHeader(header);
    if (key.length === 0) return { header, field: null };
    let field: F | null = entries.find((e) => e.key === key)?.field ?? null;
    if (!field) {
      const prefixes = entries
        .filter((e) => e.key.length >= 2 && (key.startsWith(`${e.key} `) || key === e.key))
        .sort((a, b) => b.key.length - a.key.length);
      field = prefixes[0]?.field ?? null;
    }
    if (!field || claimed.has(field)) return { header, field: null };
    claimed.add(field);
    return { header, field };
  });
}

export interface LocatedTable<F extends string> {
  readonly headerLine: number;
  readonly delimiter: Delimiter;
  readonly columns: readonly ColumnMatch<F>[];
  readonly body: readonly TableLine[];
}

/**
 * Find the header row (the first line whose cells include the required field), split the body rows,
 * and warn about lines above the header, non-tab delimiters and unused columns.
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
    const columns = matchColumns(splitCells(rawLine, delimiter), synonyms);
    if (!columns.some((c) => c.field === required)) continue;

    for (let j = 0; j < i; j++) {
      if (lines[j]!.trim().length > 0) warnings.push({ line: j + 1, message: 'Line above the header row ignored.' });
    }
    if (delimiter !== '\t') {
      warnings.push({
        line: i + 1,
        message: `No tabs found: columns were split at ${delimiter === '|' ? '"|"' : 'runs of two or more spaces'}; check the preview.`,
      });
    }
    for (const c of columns) {
      if (c.field === null && c.header.length > 0) warnings.push({ line: i + 1, message: `Column "${c.header}" is not used.` });
    }
    const body: TableLine[] = [];
    for (let k = i + 1; k < lines.length; k++) {
      const line = lines[k]!;
      if (line.trim().length === 0) continue;
      body.push({ line: k + 1, cells: splitCells(line, delimiter) });
    }
    return { headerLine: i + 1, delimiter, columns, body };
  }
  warnings.push({ line: 1, message: `No header row with a "${requiredLabel}" column was found: nothing was read.` });
  return null;
}

/** The cell of a field in a row, trimmed; undefined when the column is absent or the cell empty. */
export function cellOf<F extends string>(table: LocatedTable<F>, row: TableLine, field: F): string | undefined {
  const index = table.columns.findIndex((c) => c.field === field);
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
