import type { Side } from '../types';
import { resolveNcsNerve } from './ncsLookup';
import { DEFAULT_NCS_LIMITS, ageLimitFor, hasAgeDependentLimit, type NcsLimit, type NcsLimitSet } from './ncsLimits';
import { normalizeName } from './normalize';
import type { NcsRow } from './types';

export type NcsFlagKind = 'absent' | 'low-amplitude' | 'prolonged-latency' | 'slow-velocity' | 'side-to-side-amplitude';

export interface NcsFlag {
  readonly kind: NcsFlagKind;
  /** "Amplitude 1.2 mV < 2.5 mV (convention)" */
  readonly text: string;
  /** Source key of the limit; absent for "no response", which needs no limit. */
  readonly source?: string;
  readonly convention?: boolean;
  /** How far beyond the limit, as a fraction of the limit (0.5 = half the lower limit); absent responses 1. */
  readonly deviation: number;
}

export interface NcsFlagOptions {
  /** Patient age in years: selects the age-dependent limits where they are sourced (AGE_DEPENDENT_LIMITS). */
  readonly ageYears?: number;
}

export interface FlaggedNcsRow {
  readonly row: NcsRow;
  /** Index in the input array. */
  readonly index: number;
  /** Controlled study id, or null for a free-text study. */
  readonly nerveId: string | null;
  readonly label: string;
  /** The first row of a study and side is taken as the distal stimulation site. */
  readonly distal: boolean;
  readonly flags: readonly NcsFlag[];
  readonly abnormal: boolean;
  readonly limit: NcsLimit | null;
  readonly notes: readonly string[];
}

const EPSILON = 1e-9;

function unitOf(row: NcsRow): string {
  return row.kind === 'sensory' ? 'µV' : 'mV';
}

function fmt(value: number, digits = 1): string {
  return value.toFixed(digits);
}

function cite(source: string): string {
  return ` (${source})`;
}

/**
 * Flag each conduction row against a limit set: absent response; low amplitude, prolonged latency
 * (both at the distal — first — stimulation site of a study and side); slow velocity (any segment);
 * and the side-to-side rule: an amplitude below 50 % of the other side's (convention) flags the lower side.
 */
export function flagNcs(rows: readonly NcsRow[], limits: NcsLimitSet = DEFAULT_NCS_LIMITS, options: NcsFlagOptions = {}): FlaggedNcsRow[] {
  const seen = new Set<string>();
  const prepared = rows.map((row, index) => {
    const nerve = resolveNcsNerve(row.nerve);
    const key = nerve ? nerve.id : `free:${normalizeName(row.nerve)}`;
    const groupKey = `${key}|${row.side}`;
    const distal = !seen.has(groupKey);
    seen.add(groupKey);
    return { row, index, nerve, key, distal };
  });

  const distalAmplitude = new Map<string, number>();
  for (const p of prepared) {
    if (p.distal && !p.row.noResponse && p.row.amplitude !== undefined) distalAmplitude.set(`${p.key}|${p.row.side}`, p.row.amplitude);
  }

  return prepared.map(({ row, index, nerve, key, distal }) => {
    const flags: NcsFlag[] = [];
    const notes: string[] = [];
    const setLimit = nerve ? (limits.limits.find((l) => l.nerve === nerve.id) ?? null) : null;
    const ageLimit = nerve ? ageLimitFor(nerve.id, options.ageYears) : null;
    // An age band replaces the amplitude limit only where it is lower (the older the lower, Tavee 2014).
    const limit: NcsLimit | null =
      setLimit && ageLimit && setLimit.minAmplitude !== undefined && ageLimit.minAmplitude < setLimit.minAmplitude
        ? { ...setLimit, minAmplitude: ageLimit.minAmplitude, measureSources: { ...setLimit.measureSources, amplitude: ageLimit.source } }
        : setLimit;
    const label = nerve ? nerve.label : row.nerve.trim();
    const unit = unitOf(row);
    const sourceOf = (measure: 'amplitude' | 'latency' | 'velocity'): string =>
      limit?.measureSources?.[measure] ?? limit?.source ?? '';
    const conventionOf = (measure: 'amplitude' | 'latency' | 'velocity'): boolean =>
      sourceOf(measure) === 'convention' || (!limit?.measureSources?.[measure] && !!limit?.convention);
    const withSource = (measure: 'amplitude' | 'latency' | 'velocity') => ({
      source: sourceOf(measure),
      ...(conventionOf(measure) ? { convention: true } : {}),
    });

    if (!nerve) notes.push(`"${label}" is not in the controlled list: only an absent response and side-to-side differences are flagged.`);
    else if (!limit) notes.push(`No default limit for the ${label.toLowerCase()} in "${limits.name}": only an absent response and side-to-side differences are flagged.`);
    if (nerve && nerve.kind !== row.kind) notes.push(`The row says ${row.kind} but the ${nerve.label.toLowerCase()} is a ${nerve.kind} study.`);
    if (!distal) notes.push('Proximal stimulation site: latency and amplitude limits are applied to the distal site only.');
    if (nerve && distal && limit !== setLimit && ageLimit) {
      notes.push(
        `Age ${Math.floor(options.ageYears!)}: amplitude limit ${ageLimit.minAmplitude > 0 ? `${fmt(ageLimit.minAmplitude)} ${unit}` : 'none (an absent response is within normal limits)'} [${ageLimit.source}].`,
      );
    } else if (nerve && distal && options.ageYears === undefined && hasAgeDependentLimit(nerve.id) && setLimit?.minAmplitude !== undefined) {
      notes.push(`Age unknown: the age-independent amplitude limit ${fmt(setLimit.minAmplitude)} ${unit} (${setLimit.source}) was used.`);
    }
    const absentIsNormal = distal && ageLimit?.minAmplitude === 0;

    if (row.noResponse && absentIsNormal) {
      notes.push(`No response, within normal limits at age ${Math.floor(options.ageYears!)} [${ageLimit!.source}].`);
    } else if (row.noResponse) {
      flags.push({ kind: 'absent', text: `No response: ${label.toLowerCase()} absent`, deviation: 1 });
    } else {
      if (distal && limit?.minAmplitude !== undefined && row.amplitude !== undefined && row.amplitude < limit.minAmplitude - EPSILON) {
        flags.push({
          kind: 'low-amplitude',
          text: `Amplitude ${fmt(row.amplitude)} ${unit} < ${fmt(limit.minAmplitude)} ${unit}${cite(sourceOf('amplitude'))}`,
          deviation: limit.minAmplitude > 0 ? 1 - row.amplitude / limit.minAmplitude : 0,
          ...withSource('amplitude'),
        });
      }
      if (distal && limit?.maxLatencyMs !== undefined && row.latencyMs !== undefined && row.latencyMs > limit.maxLatencyMs + EPSILON) {
        flags.push({
          kind: 'prolonged-latency',
          text: `Latency ${fmt(row.latencyMs)} ms > ${fmt(limit.maxLatencyMs)} ms${cite(sourceOf('latency'))}`,
          deviation: row.latencyMs / limit.maxLatencyMs - 1,
          ...withSource('latency'),
        });
      }
      if (limit?.minVelocityMs !== undefined && row.velocityMs !== undefined && row.velocityMs < limit.minVelocityMs - EPSILON) {
        flags.push({
          kind: 'slow-velocity',
          text: `Velocity ${fmt(row.velocityMs, 0)} m/s < ${fmt(limit.minVelocityMs, 0)} m/s${cite(sourceOf('velocity'))}`,
          deviation: 1 - row.velocityMs / limit.minVelocityMs,
          ...withSource('velocity'),
        });
      }
      if (distal && row.amplitude !== undefined && row.kind !== 'h-reflex') {
        const other: Side = row.side === 'L' ? 'R' : 'L';
        const otherAmplitude = distalAmplitude.get(`${key}|${other}`);
        const rule = limits.sideToSide;
        if (otherAmplitude !== undefined && otherAmplitude > 0 && row.amplitude < rule.minAmplitudeFractionOfOther * otherAmplitude - EPSILON) {
          const percent = Math.round((row.amplitude / otherAmplitude) * 100);
          flags.push({
            kind: 'side-to-side-amplitude',
            text: `Amplitude ${fmt(row.amplitude)} ${unit} is ${percent} % of the other side (${fmt(otherAmplitude)} ${unit}), below ${Math.round(rule.minAmplitudeFractionOfOther * 100)} %${cite(rule.source)}`,
            source: rule.source,
            deviation: 1 - row.amplitude / otherAmplitude,
            ...(rule.convention ? { convention: true } : {}),
          });
        }
      }
    }

    return { row, index, nerveId: nerve?.id ?? null, label, distal, flags, abnormal: flags.length > 0, limit, notes };
  });
}
