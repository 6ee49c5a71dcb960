/**
 * Nerve-conduction normal limits — DATA from the clinical reference (§3, "NCS normal limits").
 * The default flag limits are the conventional cut-offs (marked convention). Published figures
 * (S33, S34, S36) are kept next to them; where the reference gives a ready limit (S36 sural) it
 * also forms an alternative set. No limit is derived from a mean and SD here.
 */
import type { NcsNerveId } from './ncsNerves';

export interface NcsLimit {
  readonly nerve: NcsNerveId;
  /** Abnormal when the distal amplitude is below this (mV motor, µV sensory). */
  readonly minAmplitude?: number;
  /** Abnormal when the distal latency is above this (ms). */
  readonly maxLatencyMs?: number;
  /** Abnormal when the conduction velocity is below this (m/s). */
  readonly minVelocityMs?: number;
  readonly source: string;
  readonly convention?: boolean;
  /** Per-measure source where one entry mixes sources (e.g. S36 amplitude with a conventional latency). */
  readonly measureSources?: Partial<Record<'amplitude' | 'latency' | 'velocity', string>>;
  readonly note?: string;
}

/** A published figure shown next to the defaults (not applied as a flag limit). */
export interface NcsPublishedFigure {
  readonly nerve: NcsNerveId;
  readonly text: string;
  readonly source: string;
}

export interface SideToSideRule {
  /** Abnormal when the lower amplitude is below this fraction of the other side's. */
  readonly minAmplitudeFractionOfOther: number;
  readonly source: string;
  readonly convention?: boolean;
  readonly note?: string;
}

export interface NcsLimitSet {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly limits: readonly NcsLimit[];
  readonly sideToSide: SideToSideRule;
  readonly publishedFigures: readonly NcsPublishedFigure[];
}

const SIDE_TO_SIDE: SideToSideRule = {
  minAmplitudeFractionOfOther: 0.5,
  source: 'convention',
  convention: true,
  note: 'Consistent with the 58–61 % side-to-side limits of S33 and S35.',
};

const PUBLISHED: readonly NcsPublishedFigure[] = [
  { nerve: 'peroneal-motor-edb', text: 'Amplitude 6.8 ± 2.5 mV (< 40 y), 5.1 ± 2.5 mV (≥ 40 y)', source: 'S33' },
  { nerve: 'peroneal-motor-edb', text: 'Latency 4.8 ± 0.8 ms; velocity 44–49 m/s', source: 'S33' },
  { nerve: 'peroneal-motor-edb', text: 'Side-to-side amplitude difference up to 61 % is normal', source: 'S33' },
  { nerve: 'tibial-motor-ah', text: 'Latency 4.5 ± 0.8 ms; amplitude 15.3 / 12.9 / 9.8 mV by age group', source: 'S34' },
  { nerve: 'sural-sensory', text: 'Amplitude lower limit 7.7 µV (5th percentile); velocity ≥ 43 m/s', source: 'S36' },
];

const CONVENTIONAL_LIMITS: readonly NcsLimit[] = [
  { nerve: 'sural-sensory', minAmplitude: 6, maxLatencyMs: 4.4, source: 'convention', convention: true },
  { nerve: 'superficial-peroneal-sensory', minAmplitude: 6, maxLatencyMs: 4.4, source: 'convention', convention: true },
  { nerve: 'peroneal-motor-edb', minAmplitude: 2.5, maxLatencyMs: 6.5, minVelocityMs: 38, source: 'convention', convention: true },
  { nerve: 'tibial-motor-ah', minAmplitude: 4, maxLatencyMs: 5.8, source: 'convention', convention: true },
];

export const CONVENTIONAL_NCS_LIMITS: NcsLimitSet = {
  id: 'conventional',
  name: 'Conventional cut-offs',
  description:
    'Textbook cut-offs (convention): sural and superficial peroneal ≥ 6 µV, ≤ 4.4 ms; peroneal–EDB ≥ 2.5 mV, ≤ 6.5 ms, ' +
    '≥ 38 m/s; tibial–AH ≥ 4 mV, ≤ 5.8 ms. Side-to-side amplitude below 50 % of the other side is abnormal.',
  limits: CONVENTIONAL_LIMITS,
  sideToSide: SIDE_TO_SIDE,
  publishedFigures: PUBLISHED,
};

export const S36_SURAL_NCS_LIMITS: NcsLimitSet = {
  id: 's36-sural',
  name: 'Conventional cut-offs with S36 sural limits',
  description: 'As the conventional set, but the sural response uses the S36 limits (amplitude ≥ 7.7 µV, velocity ≥ 43 m/s).',
  limits: CONVENTIONAL_LIMITS.map((limit) =>
    limit.nerve === 'sural-sensory'
      ? {
          nerve: 'sural-sensory' as const,
          minAmplitude: 7.7,
          minVelocityMs: 43,
          maxLatencyMs: 4.4,
          source: 'S36',
          measureSources: { latency: 'convention' },
          note: 'Amplitude and velocity from S36; the 4.4 ms latency is the conventional cut-off.',
        }
      : limit,
  ),
  sideToSide: SIDE_TO_SIDE,
  publishedFigures: PUBLISHED,
};

/**
 * Age-dependent lower limits where the literature gives them. Only the sural SNAP has a sourced
 * age table here (Tavee 2014, healthy subjects ≥ 60 years, quantile regression): 3 µV at 60–69,
 * 1 µV at 70–74, and an absent response is within normal limits from 75. No sourced age table was
 * found for the superficial peroneal SNAP or the motor studies: their limits do not change with age.
 */
export interface AgeDependentLimit {
  readonly nerve: NcsNerveId;
  /** Inclusive lower and exclusive upper bound of the age band (years). */
  readonly fromAge: number;
  readonly toAge: number;
  /** Lower limit of the amplitude in this band; 0 = an absent response is within normal limits. */
  readonly minAmplitude: number;
  readonly source: string;
}

export const AGE_DEPENDENT_LIMITS: readonly AgeDependentLimit[] = [
  { nerve: 'sural-sensory', fromAge: 60, toAge: 70, minAmplitude: 3, source: 'Tavee 2014' },
  { nerve: 'sural-sensory', fromAge: 70, toAge: 75, minAmplitude: 1, source: 'Tavee 2014' },
  { nerve: 'sural-sensory', fromAge: 75, toAge: 200, minAmplitude: 0, source: 'Tavee 2014' },
];

/** The age band for a nerve and age, or null (then the set's own limit applies). */
export function ageLimitFor(nerve: string, ageYears: number | undefined): AgeDependentLimit | null {
  if (ageYears === undefined || !Number.isFinite(ageYears)) return null;
  return AGE_DEPENDENT_LIMITS.find((a) => a.nerve === nerve && ageYears >= a.fromAge && ageYears < a.toAge) ?? null;
}

/** Nerves that have an age table (for the "age unknown" note). */
export function hasAgeDependentLimit(nerve: string): boolean {
  return AGE_DEPENDENT_LIMITS.some((a) => a.nerve === nerve);
}

export const NCS_LIMIT_SETS: readonly NcsLimitSet[] = [CONVENTIONAL_NCS_LIMITS, S36_SURAL_NCS_LIMITS];
export const DEFAULT_NCS_LIMITS: NcsLimitSet = CONVENTIONAL_NCS_LIMITS;
