/**
 * Sonographers measure each nerve at each site several times (usually three) and report the
 * mean. This groups measurements of the same nerve, site, side and modality and summarises them.
 */
import type { Side } from '../types';
import type { Modality, NerveId, SiteId } from '../reference';
import { summarizeRepeats } from '../comparison/summarizeRepeats';
import type { MeasurementSummaryInput } from '../comparison/types';
import type { NerveMeasurement } from './nerveMeasurement';

/** Count, mean and sample SD (null for one value) of repeated values, in the group's unit. */
export interface RepeatStats {
  readonly count: number;
  readonly mean: number;
  readonly sd: number | null;
}

export interface RepeatedMeasurementGroup {
  readonly key: string;
  readonly nerve: NerveId;
  readonly site: SiteId;
  readonly side: Side | null;
  readonly modality: string;
  readonly measurements: readonly NerveMeasurement[];
  /** False when any member is uncalibrated: then the summaries are in px² / px. */
  readonly calibrated: boolean;
  readonly area: RepeatStats | null;
  readonly perimeter: RepeatStats | null;
}

export function groupKey(m: Pick<NerveMeasurement, 'nerve' | 'site' | 'side' | 'modality'>): string {
  return `${m.nerve}|${m.site}|${m.side ?? '?'}|${m.modality}`;
}

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

export function groupRepeatedMeasurements(measurements: readonly NerveMeasurement[]): RepeatedMeasurementGroup[] {
  const groups = new Map<string, NerveMeasurement[]>();
  for (const m of measurements) {
    const key = groupKey(m);
    const members = groups.get(key) ?? [];
    members.push(m);
    groups.set(key, members);
  }
  return [...groups.entries()].map(([key, members]) => {
    const first = members[0]!;
    const calibrated = members.every((m) => m.metrics.calibrated);
    // Mixing mm² with px² would be meaningless: an uncalibrated member makes the group px-only.
    const usable = calibrated ? members : members.filter((m) => !m.metrics.calibrated);
    return {
      key,
      nerve: first.nerve,
      site: first.site,
      side: first.side,
      modality: first.modality,
      measurements: members,
      calibrated,
      area: summary(usable.map(areaOf)),
      perimeter: summary(usable.map(perimeterOf)),
    };
  });
}

const isComparableModality = (modality: string): modality is Modality => modality === 'US' || modality === 'MR';

/** What the side-to-side comparison needs: calibrated areas per nerve, site, side and modality. */
export function comparisonInputs(measurements: readonly NerveMeasurement[]): MeasurementSummaryInput[] {
  return groupRepeatedMeasurements(measurements)
    .filter((g) => g.side !== null && isComparableModality(g.modality))
    .map((g) => ({
      nerve: g.nerve,
      site: g.site,
      modality: g.modality as Modality,
      side: g.side!,
      valuesMm2: g.calibrated ? g.measurements.map(areaOf) : [],
      calibrated: g.calibrated,
    }));
}
