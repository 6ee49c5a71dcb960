/**
 * CSV writing (RFC 4180): comma-separated, CRLF line ends, fields quoted when they hold a comma,
 * a quote or a line break (quotes doubled). Cells that a spreadsheet would run as a formula
 * (starting with =, +, -, @, their full-width forms ＝ ＋ － ＠ (which some spreadsheets read as the
 * ASCII ones), or any whitespace — space, tab, carriage return, line feed, ideographic space —
 * that a spreadsheet may skip before a formula; and not a plain number) get a leading apostrophe,
 * so a label like "=HYPERLINK(...)" is shown as text, never executed.
 */

const FORMULA_TRIGGER = /^(?:[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|\s)/u;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const NEEDS_QUOTES = /[",\r\n]/;

/** Neutralise spreadsheet formulas: "=1+2" → "'=1+2"; "-12.5" stays a number. */
export function formulaSafe(text: string): string {
  return FORMULA_TRIGGER.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** One field, formula-safe and quoted as RFC 4180 requires. */
export function csvField(text: string): string {
  const safe = formulaSafe(text);
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A whole table: header row then data rows, each line ended by CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}

/** A number with a fixed number of decimals; empty for a missing value. */
export function fixed(value: number | null | undefined, decimals: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  const text = value.toFixed(decimals);
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text;
}

/** A number to 6 significant digits without trailing zeros (pixel sizes). */
export function significant(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return String(Number(value.toPrecision(6)));
}
