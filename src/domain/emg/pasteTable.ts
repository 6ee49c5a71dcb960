/**
 * One entry point for a pasted or exported table, shared by the UI paste preview and the CLI
 * (`nervetrace import-table`): needle EMG or nerve conduction, chosen by the caller or by which
 * header the text has (a "Muscle" column → EMG, a "Nerve" column → NCS; both found → the one reading more rows).
 */
import type { Side } from '../types';
import { parseEmgTable } from './parseEmgTable';
import { parseNcsTable } from './parseNcsTable';
import type { NcsRow, NeedleEmgRow, ParseResult } from './types';

export type TableKind = 'emg' | 'ncs';

export type PastedTable =
  | { readonly kind: 'emg'; readonly result: ParseResult<NeedleEmgRow> }
  | { readonly kind: 'ncs'; readonly result: ParseResult<NcsRow> };

export interface PasteOptions {
  readonly kind?: TableKind;
  readonly defaultSide?: Side;
}

export function parsePastedTable(text: string, options: PasteOptions = {}): PastedTable {
  const side = options.defaultSide ? { defaultSide: options.defaultSide } : {};
  if (options.kind === 'emg') return { kind: 'emg', result: parseEmgTable(text, side) };
  if (options.kind === 'ncs') return { kind: 'ncs', result: parseNcsTable(text, side) };
  // Both are tried: a conduction table wins when only its header was found or it reads more rows.
  const emg = parseEmgTable(text, side);
  const ncs = parseNcsTable(text, side);
  const emgFound = emg.columns.length > 0;
  if (ncs.columns.length > 0 && (!emgFound || ncs.rows.length > emg.rows.length)) return { kind: 'ncs', result: ncs };
  return { kind: 'emg', result: emg };
}

/** "insertionalActivity=increased fibrillations=2 …": a row's recorded fields in session field names. */
export function describeRowFields(row: NeedleEmgRow | NcsRow): string {
  const skip = new Set(['id', 'sourceLine', 'side', 'muscle', 'nerve']);
  return Object.entries(row)
    .filter(([key, value]) => !skip.has(key) && value !== undefined)
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join(',') || '(none)' : String(value)}`)
    .join(' ');
}
