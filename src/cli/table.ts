/**
 * Left-aligned text table with two-space gutters. A row's last cell is never padded and
 * does not widen its column, so a short row (e.g. file, FAILED, error sentence) can carry
 * a long message without stretching the table.
 */
import { printable } from './terminalText.ts';

/** DICOM strings come from untrusted files: each cell is printable() (see terminalText.ts). */
export { printable };

export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [header, ...rows].map((row) => row.map(printable));
  const len = (s: string) => [...s].length;
  const widths = header.map((_, c) =>
    Math.max(0, ...all.filter((r) => c < r.length - 1).map((r) => len(r[c]!))),
  );
  return all
    .map((r) =>
      r
        .map((cell, c) => (c === r.length - 1 ? cell : cell + ' '.repeat(Math.max(0, widths[c]! - len(cell)))))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
