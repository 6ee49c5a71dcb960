/**
 * Sonographers measure each nerve at each site several times (usually three) and report the
 * mean. This groups measurements of the same nerve, site, side and modality and summarises them,
 * by the rules a sonographer expects:
 * - a repeat the user excluded stays in its group (shown, exported) but not in the mean;
 * - traced (freehand, spline) and ellipse areas are summarised apart unless the user pools them
 *   (an ellipse from two diameters runs systematically differently from a trace, S14);
 * - mm² and px² are never mixed: the mean is of the calibrated members, with how many
 *   uncalibrated ones were left out; only a group with no calibrated member is summarised in px².
 */
import type { Side } from '../types';
import type { Modality, NerveId, SiteId } from '../reference';
import { summarizeRepeats } from '../comparison/summarizeRepeats';
import type { MeasurementSummaryInput, MethodFamily } from '../comparison/types';
import type { MeasurementMethod, NerveMeasurement } from './nerveMeasurement';

export type { MethodFamily };

/** Count, mean and sample SD (null for one value) of repeated values, in the group's unit. */
export interface RepeatStats {
  readonly count: number;
  readonly mean: number;
  readonly sd: number | null;
}

export interface GroupingOptions {
  /** Pool traced and ellipse areas in one summary (the user's choice; default false). */
  readonly poolMethods?: boolean;
}

export interface RepeatedMeasurementGroup {
  readonly key: string;
  readonly nerve: NerveId;
  readonly site: SiteId;
  readonly side: Side | null;
  readonly modality: string;
  /** The method family summarised, or 'pooled' when the user pooled traced and ellipse areas of this group. */
  readonly methods: MethodFamily | 'pooled';
  /** Every member, excluded ones included (in the order they were measured). */
  readonly measurements: readonly NerveMeasurement[];
  /** True when the summaries are in mm² / mm (at least one calibrated member counts), false for px² / px. */
  readonly calibrated: boolean;
  readonly area: RepeatStats | null;
  readonly perimeter: RepeatStats | null;
  /** Members the user excluded from the mean. */
  readonly excludedCount: number;
  /** Included members left out of an mm² mean because their image had no millimetre scale. */
  readonly uncalibratedLeftOut: number;
}

/** Freehand and spline are contour methods ('trace'); the ellipse is its own family. */
export function methodFamily(method: MeasurementMethod): MethodFamily {
  return method === 'ellipse' ? 'ellipse' : 'trace';
}

export function groupKey(m: Pick<NerveMeasurement, 'nerve' | 'site' | 'side' | 'modality'>): string {
  return `${m.nerve}|${m.site}|${m.side ?? '?'}|${m.modality}`;
}

const isIncluded = (m: NerveMeasurement): boolean => m.excluded !== true;

function areaOf(m: NerveMeasurement): number {
  return m.metrics.calibrated ? m.metrics.areaMm2 : m.metrics.areaPx2;
}

function perimeterOf(m: NerveMeasurement): number {
  return m.metrics.calibrated ? m.metrics.perimeterMm : m.metrics.perimeterPx;
}

function summary(values: number[]): RepeatStats | null {
  const result = summarizeRepeats(values);
  return result.ok ? { count: result.value.count, mean: result.value.meanMm2, sd: result.value.sdMm2 } : null;
}

function summarise(key: string, members: NerveMeasurement[], pooled: boolean): RepeatedMeasurementGroup {
  const first = members[0]!;
  const included = members.filter(isIncluded);
  const calibratedMembers = included.filter((m) => m.metrics.calibrated);
  // Mixing mm² with px² would be meaningless: the mean is in mm² whenever any member is calibrated.
  const calibrated = calibratedMembers.length > 0 || (included.length === 0 && members.some((m) => m.metrics.calibrated));
  const usable = calibrated ? calibratedMembers : included;
  const families = new Set(members.map((m) => methodFamily(m.method)));
  return {
    key,
    nerve: first.nerve,
    site: first.site,
    side: first.side,
    modality: first.modality,
    methods: pooled && families.size > 1 ? 'pooled' : methodFamily(first.method),
    measurements: members,
    calibrated,
    area: summary(usable.map(areaOf)),
    perimeter: summary(usable.map(perimeterOf)),
    excludedCount: members.length - included.length,
    uncalibratedLeftOut: calibrated ? included.length - calibratedMembers.length : 0,
  };
}

export function groupRepeatedMeasurements(
  measurements: readonly NerveMeasurement[],
  options: GroupingOptions = {},
): RepeatedMeasurementGroup[] {
  const pooled = options.poolMethods === true;
  const groups = new Map<string, NerveMeasurement[]>();
  for (const m of measurements) {
    const key = pooled ? groupKey(m) : `${groupKey(m)}|${methodFamily(m.method)}`;
    const members = groups.get(key) ?? [];
    members.push(m);
    groups.set(key, members);
  }
  return [...groups.entries()].map(([key, members]) => summarise(key, members, pooled));
}

const isComparableModality = (modality: string): modality is Modality => modality === 'US' || modality === 'MR';

/**
 * What the side-to-side comparison needs, by the same rules as the panel: per nerve, site, side
 * and modality the calibrated areas of the included repeats (mm²), and the uncalibrated ones
 * apart (counted, never compared). When a nerve, site and modality has both traced and ellipse
 * areas and the user did not pool them, each family is handed over on its own (`method`).
 */
export function comparisonInputs(measurements: readonly NerveMeasurement[], options: GroupingOptions = {}): MeasurementSummaryInput[] {
  const pooled = options.poolMethods === true;
  const usable = measurements.filter((m) => isIncluded(m) && m.side !== null && isComparableModality(m.modality));
  const segment = (m: NerveMeasurement) => `${m.nerve}|${m.site}|${m.modality}`;
  const familiesBySegment = new Map<string, Set<MethodFamily>>();
  for (const m of usable) {
    const families = familiesBySegment.get(segment(m)) ?? new Set<MethodFamily>();
    families.add(methodFamily(m.method));
    familiesBySegment.set(segment(m), families);
  }
  const inputs = new Map<string, { input: MeasurementSummaryInput; values: number[] }>();
  for (const m of usable) {
    const apart = !pooled && familiesBySegment.get(segment(m))!.size > 1;
    const method = apart ? methodFamily(m.method) : undefined;
    const key = `${groupKey(m)}|${method ?? ''}|${m.metrics.calibrated}`;
    let entry = inputs.get(key);
    if (!entry) {
      const values: number[] = [];
      entry = {
        values,
        input: {
          nerve: m.nerve,
          site: m.site,
          modality: m.modality as Modality,
          side: m.side!,
          // Pixels for an uncalibrated input: counted by the comparison, never compared.
          valuesMm2: values,
          calibrated: m.metrics.calibrated,
          ...(method ? { method } : {}),
        },
      };
      inputs.set(key, entry);
    }
    entry.values.push(areaOf(m));
  }
  return [...inputs.values()].map((e) => e.input);
}
