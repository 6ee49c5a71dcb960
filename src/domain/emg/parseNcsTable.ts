import type { Side } from '../types';
import { resolveNcsNerve } from './ncsLookup';
import { normalizeCell, normalizeName, parseSide, splitSide } from './normalize';
import { resolveStimulationSite } from './segments';
import { cellOf, locateTable, stripSideWord } from './table';
import { parseNumber } from './terms';
import type { NcsKind, NcsRow, ParseResult, ParseWarning } from './types';
import { KIND_TERMS, NCS_HEADERS, NO_RESPONSE_TERMS, type NcsField } from './vocabulary';

export interface NcsParseOptions {
  readonly defaultSide?: Side;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function kindFromWords(text: string): NcsKind | null {
  const normalized = normalizeName(text);
  if (/\bh reflex\b|\bhreflex\b/.test(normalized)) return 'h-reflex';
  for (const word of normalized.split(' ')) {
    if (word.length > 1 && KIND_TERMS[word]) return KIND_TERMS[word]!;
  }
  return null;
}

/**
 * Read a nerve-conduction table pasted from a report (tab-separated, header matched flexibly).
 * Supports one row per study, or a study name on its own row followed by its stimulation sites
 * (rows with an empty nerve cell inherit the study above). "NR" / "no response" / "absent" in a
 * value cell marks no response. Decimal commas are accepted.
 */
export function parseNcsTable(tsvText: string, options: NcsParseOptions = {}): ParseResult<NcsRow> {
  const warnings: ParseWarning[] = [];
  const table = locateTable<NcsField>(tsvText, NCS_HEADERS, 'nerve', 'Nerve', warnings);
  if (!table) return { rows: [], warnings, columns: [] };

  const rows: NcsRow[] = [];
  let current: { nerveText: string; side: Side | null } | null = null;
  // Distances: the unit must be written in the header ("Dist (cm)"); never assumed.
  const distHeader = table.columns.find((c) => c.field === 'distance')?.header ?? '';
  const distUnit = /\bmm\b/i.test(distHeader) ? 1 : /\bcm\b/i.test(distHeader) ? 10 : null;
  if (distHeader && distUnit === null) {
    warnings.push({ line: table.headerLine, message: `Column "${distHeader}" gives no unit (cm or mm): distances not read.` });
  }
  const sides: ReadonlyArray<Side | undefined> = table.sideSubColumns ? ['L', 'R'] : [undefined];

  for (const line of table.body) {
    const warn = (message: string): void => void warnings.push({ line: line.line, message });
    let nerveCell = cellOf(table, line, 'nerve');
    let siteCell = cellOf(table, line, 'site');
    // Machine exports put the stimulation sites in the nerve column under a study heading ("Ankle", "B Fib", "Poplt").
    if (nerveCell && current && !siteCell && !resolveNcsNerve(nerveCell) && resolveStimulationSite(nerveCell)) {
      siteCell = nerveCell;
      nerveCell = undefined;
    }
    for (const subSide of sides) {
    const values = (['latencyMs', 'amplitude', 'velocityMs'] as const).map((field) => ({ field, cell: cellOf(table, line, field, subSide) }));
    const distanceCell = cellOf(table, line, 'distance', subSide);
    const anyValue = values.some((v) => v.cell !== undefined);

    if (nerveCell) {
      const split = splitSide(nerveCell);
      current = { nerveText: split.side ? stripSideWord(nerveCell) : nerveCell, side: split.side };
      if (!anyValue && !siteCell) continue; // a study heading; its sites follow
    } else if (!current) {
      if (line.cells.some((c) => c.length > 0)) warn('Row without a nerve skipped.');
      continue;
    }
    if (!anyValue) {
      if (!subSide || subSide === 'L') warn(`No latency, amplitude or velocity in this row of "${current.nerveText}"${subSide ? ` (${subSide === 'L' ? 'left' : 'right'})` : ''}: skipped.`);
      else warn(`No latency, amplitude or velocity in this row of "${current.nerveText}" (right): skipped.`);
      continue;
    }

    const sideCell = cellOf(table, line, 'side');
    let side: Side | null = null;
    if (sideCell) {
      side = parseSide(sideCell);
      if (!side) warn(`Side "${sideCell}" not recognised (write L or R).`);
    } else {
      side = subSide ?? current.side ?? line.side ?? options.defaultSide ?? null;
    }
    if (!side) {
      warn(`No side for "${current.nerveText}": row skipped (add a Side column or choose a default side).`);
      continue;
    }

    const definition = resolveNcsNerve(current.nerveText);
    const kindCell = cellOf(table, line, 'kind');
    let kind: NcsKind | null = kindCell ? (KIND_TERMS[normalizeName(kindCell)] ?? null) : null;
    if (kindCell && !kind) warn(`Type "${kindCell}" not recognised (motor or sensory).`);
    if (definition && kind && kind !== definition.kind) {
      warn(`"${current.nerveText}" is listed as ${kind} but is a ${definition.kind} study: kept as ${definition.kind}.`);
    }
    kind = definition?.kind ?? kind ?? kindFromWords(current.nerveText);
    if (!kind) {
      kind = 'motor';
      warn(`Could not tell whether "${current.nerveText}" is motor or sensory: taken as motor; check the preview.`);
    }
    if (!definition) {
      warn(`Study "${current.nerveText}" is not in the controlled list: kept as free text (no normal limits, not placed on the nerve graph).`);
    }

    const row: Mutable<NcsRow> = {
      id: subSide ? `ncs-${line.line}-${subSide}` : `ncs-${line.line}`,
      nerve: definition?.id ?? current.nerveText,
      kind,
      side,
      noResponse: false,
      sourceLine: line.line,
    };
    if (siteCell) row.stimulationSite = siteCell;
    for (const { field, cell } of values) {
      if (cell === undefined) continue;
      const normalized = normalizeCell(cell);
      if (NO_RESPONSE_TERMS.has(normalized)) {
        row.noResponse = true;
        continue;
      }
      if (normalized === '-' || normalized === '') continue;
      const value = parseNumber(cell);
      if (value === null || value < 0) {
        warn(`"${cell}" is not a number.`);
        continue;
      }
      row[field] = value;
    }
    if (row.noResponse) {
      delete row.latencyMs;
      delete row.amplitude;
      delete row.velocityMs;
    }
    if (distanceCell !== undefined && distUnit !== null && normalizeCell(distanceCell) !== '-') {
      const d = parseNumber(distanceCell);
      if (d === null || d < 0) warn(`Distance "${distanceCell}" is not a number.`);
      else row.distanceMm = Math.round(d * distUnit * 1000) / 1000;
    }
    rows.push(row);
    }
  }
  warnings.sort((a, b) => a.line - b.line);
  return { rows, warnings, columns: table.columns.map((c) => ({ header: c.header, field: c.field })) };
}
