import type { Side } from '../types';
import { formatAreaMm2 } from '../measurement/format';

/** "58.3 mm²" — THE rounding rule of the measurement module (one decimal), not a copy of it. */
export function formatMm2(valueMm2: number): string {
  return formatAreaMm2(valueMm2);
}

/** "1.50" */
export function formatRatio(ratio: number): string {
  return Number.isFinite(ratio) ? ratio.toFixed(2) : '—';
}

export function sideName(side: Side): 'Left' | 'Right' {
  return side === 'L' ? 'Left' : 'Right';
}

/** " (S1)" or " (convention)" — how a source key is cited after a rule. */
export function cite(source: string): string {
  return ` (${source})`;
}

/** Compare with a tolerance so that 11.7 − 10.0 counts as ≥ 1.7 (floating point gives 1.6999…). */
const EPSILON = 1e-9;
export const atLeast = (value: number, limit: number): boolean => value >= limit - EPSILON;
export const above = (value: number, limit: number): boolean => value > limit + EPSILON;
