import { fail, ok, type Result } from '../types';

/** Repeated measurements of one nerve at one site and side (sonographers usually measure up to three times). */
export interface RepeatSummary {
  readonly count: number;
  readonly meanMm2: number;
  /** Sample standard deviation (n − 1); null for a single measurement. */
  readonly sdMm2: number | null;
  readonly minMm2: number;
  readonly maxMm2: number;
}

/** Count, mean and sample SD of repeated cross-sectional areas. Refuses an empty list and non-positive or non-finite values. */
export function summarizeRepeats(valuesMm2: readonly number[]): Result<RepeatSummary> {
  if (valuesMm2.length === 0) return fail('No measurements to summarise.');
  const bad = valuesMm2.find((v) => !Number.isFinite(v) || v <= 0);
  if (bad !== undefined) return fail(`A cross-sectional area must be a positive number of mm², not ${String(bad)}.`);
  const count = valuesMm2.length;
  const meanMm2 = valuesMm2.reduce((sum, v) => sum + v, 0) / count;
  const sdMm2 =
    count < 2 ? null : Math.sqrt(valuesMm2.reduce((sum, v) => sum + (v - meanMm2) ** 2, 0) / (count - 1));
  return ok({ count, meanMm2, sdMm2, minMm2: Math.min(...valuesMm2), maxMm2: Math.max(...valuesMm2) });
}
