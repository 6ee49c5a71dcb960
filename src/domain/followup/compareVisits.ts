/**
 * Follow-up: per nerve, site and side, the CSA at each visit (mean of the included calibrated
 * repeats — the same numbers as each visit's profile), the change from the baseline to the latest
 * visit, and whether it exceeds the smallest detectable difference where one is given; otherwise
 * the change is put against a named percentage with "no published detectable difference".
 *
 * A visit whose value at a site is in px² only is never compared with mm²: that row says so.
 */
import type { Side } from '../types';
import { fail, ok, type Result } from '../types';
import type { NerveId, ReferenceSet, SiteId } from '../reference';
import { buildProfiles, nerveRank, orderSites, type PixelSummary, type ProfilePoint } from '../profile';
import type { RepeatSummary } from '../comparison/summarizeRepeats';
import { FOLLOW_UP_CHANGE_PERCENT, FOLLOW_UP_CHANGE_PERCENT_SOURCE, PUBLISHED_DETECTABLE_DIFFERENCES, type DetectableDifference } from './detectableDifferences';
import { orderVisits, type Visit } from './visits';

export interface VisitValue {
  readonly visitId: string;
  readonly summary: RepeatSummary | null;
  readonly uncalibrated: PixelSummary | null;
  readonly measurementIds: readonly string[];
}

export type ChangeAssessment = 'beyond-detectable' | 'within-detectable' | 'above-percent' | 'below-percent' | 'not-comparable';

export interface FollowUpRow {
  readonly key: string;
  readonly nerve: NerveId;
  readonly nerveLabel: string;
  readonly modality: string;
  readonly site: SiteId;
  readonly siteLabel: string;
  readonly side: Side;
  /** One per visit, in visit order. */
  readonly values: readonly VisitValue[];
  readonly baselineMm2: number | null;
  readonly latestMm2: number | null;
  /** Latest − baseline (negative = smaller). */
  readonly changeMm2: number | null;
  readonly changePercent: number | null;
  readonly detectable: DetectableDifference | null;
  readonly assessment: ChangeAssessment;
  /** The assessment in words, e.g. "change above 10 % — no published detectable difference". */
  readonly text: string;
}

export interface FollowUp {
  readonly visits: readonly Visit[];
  readonly baselineId: string;
  readonly latestId: string;
  readonly changePercent: number;
  readonly rows: readonly FollowUpRow[];
  readonly notes: readonly string[];
}

export interface FollowUpOptions {
  /** Visit ids; default: the earliest and the latest visit (other than the one chosen for the other role). */
  readonly baselineId?: string | null;
  readonly latestId?: string | null;
  readonly detectableDifferences?: readonly DetectableDifference[];
  /** Relative change named when no detectable difference applies (default FOLLOW_UP_CHANGE_PERCENT, a convention). */
  readonly changePercent?: number;
}

interface Cell {
  readonly nerve: NerveId;
  readonly nerveLabel: string;
  readonly modality: string;
  readonly site: SiteId;
  readonly siteLabel: string;
  readonly side: Side;
  readonly points: Map<string, ProfilePoint>;
}

function assess(
  base: VisitValue,
  last: VisitValue,
  baseVisit: Visit,
  lastVisit: Visit,
  sdd: DetectableDifference | null,
  percent: number,
): Pick<FollowUpRow, 'baselineMm2' | 'latestMm2' | 'changeMm2' | 'changePercent' | 'assessment' | 'text'> {
  const b = base.summary?.meanMm2 ?? null;
  const l = last.summary?.meanMm2 ?? null;
  if (b === null || l === null) {
    const why = (v: VisitValue, visit: Visit): string | null =>
      v.summary ? null : v.uncalibrated ? `${visit.label} is uncalibrated (px², not compared with mm²)` : `not measured at ${visit.label}`;
    const reasons = [why(base, baseVisit), why(last, lastVisit)].filter((r): r is string => r !== null);
    return { baselineMm2: b, latestMm2: l, changeMm2: null, changePercent: null, assessment: 'not-comparable', text: `not comparable: ${reasons.join('; ')}` };
  }
  const change = l - b;
  const changePercent = (change / b) * 100;
  if (sdd) {
    const beyond = Math.abs(change) > sdd.differenceMm2;
    return {
      baselineMm2: b,
      latestMm2: l,
      changeMm2: change,
      changePercent,
      assessment: beyond ? 'beyond-detectable' : 'within-detectable',
      text: `${beyond ? 'beyond' : 'within'} the smallest detectable difference ${sdd.differenceMm2.toFixed(1)} mm² (${sdd.source})`,
    };
  }
  const above = Math.abs(changePercent) > percent;
  return {
    baselineMm2: b,
    latestMm2: l,
    changeMm2: change,
    changePercent,
    assessment: above ? 'above-percent' : 'below-percent',
    text: `change ${above ? 'above' : 'below'} ${percent} % (${FOLLOW_UP_CHANGE_PERCENT_SOURCE}) — no published detectable difference`,
  };
}

/** Compare the visits of one patient. Refused with one sentence when fewer than two visits or different patients. */
export function compareVisits(input: readonly Visit[], set: ReferenceSet, options: FollowUpOptions = {}): Result<FollowUp> {
  if (input.length < 2) return fail('A follow-up needs at least two visits of the patient.');
  const ordered = orderVisits(input);
  if (!ordered.ok) return ordered;
  const visits = ordered.value.visits;
  // An automatic choice never falls on the visit the user chose for the other role.
  const latestId = options.latestId ?? [...visits].reverse().find((v) => v.id !== options.baselineId)!.id;
  const baselineId = options.baselineId ?? visits.find((v) => v.id !== latestId)!.id;
  const baseVisit = visits.find((v) => v.id === baselineId);
  const lastVisit = visits.find((v) => v.id === latestId);
  if (!baseVisit || !lastVisit) return fail('The chosen baseline or latest visit is not among the visits.');
  if (baseVisit === lastVisit) return fail('Baseline and latest visit are the same visit; choose two different visits.');
  const percent = options.changePercent ?? FOLLOW_UP_CHANGE_PERCENT;
  const sdds = options.detectableDifferences ?? PUBLISHED_DETECTABLE_DIFFERENCES;

  const cells = new Map<string, Cell>();
  for (const visit of visits) {
    for (const profile of buildProfiles(visit.measurements, set)) {
      for (const site of profile.sites) {
        for (const point of [site.left, site.right]) {
          if (!point) continue;
          const key = `${profile.nerve}|${profile.modality}|${site.site}|${point.side}`;
          const cell = cells.get(key) ?? {
            nerve: profile.nerve,
            nerveLabel: profile.label.split(' — ')[0]!,
            modality: profile.modality,
            site: site.site,
            siteLabel: site.label,
            side: point.side,
            points: new Map<string, ProfilePoint>(),
          };
          cell.points.set(visit.id, point);
          cells.set(key, cell);
        }
      }
    }
  }

  const rows = [...cells.entries()].map(([key, cell]): FollowUpRow => {
    const values = visits.map((v): VisitValue => {
      const p = cell.points.get(v.id);
      return { visitId: v.id, summary: p?.summary ?? null, uncalibrated: p?.uncalibrated ?? null, measurementIds: p?.measurementIds ?? [] };
    });
    const detectable = sdds.find((d) => d.nerve === cell.nerve && d.site === cell.site && d.modality === cell.modality) ?? null;
    const at = (id: string): VisitValue => values.find((v) => v.visitId === id)!;
    return { key, ...cell, values, detectable, ...assess(at(baselineId), at(latestId), baseVisit, lastVisit, detectable, percent) };
  });

  const siteRank = new Map<string, number>();
  for (const nerve of new Set(rows.map((r) => r.nerve))) {
    orderSites(nerve, rows.filter((r) => r.nerve === nerve).map((r) => r.site)).forEach((s, i) => siteRank.set(`${nerve}|${s}`, i));
  }
  rows.sort(
    (a, b) =>
      nerveRank(a.nerve) - nerveRank(b.nerve) ||
      a.nerve.localeCompare(b.nerve) ||
      a.modality.localeCompare(b.modality) ||
      siteRank.get(`${a.nerve}|${a.site}`)! - siteRank.get(`${b.nerve}|${b.site}`)! ||
      a.side.localeCompare(b.side),
  );

  return ok({ visits, baselineId, latestId, changePercent: percent, rows, notes: ordered.value.notes });
}
