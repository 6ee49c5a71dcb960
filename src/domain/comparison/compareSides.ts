import type { Side } from '../types';
import {
  findThreshold,
  NERVES,
  SITES,
  segmentLabel,
  type CsaThreshold,
  type Modality,
  type NerveId,
  type ReferenceSet,
  type SiteId,
} from '../reference';
import { above, atLeast, cite, formatMm2, formatRatio, sideName } from './format';
import { summarizeRepeats, type RepeatSummary } from './summarizeRepeats';
import type {
  ComparisonOptions,
  MeasurementSummaryInput,
  MethodFamily,
  RuleEvaluation,
  SegmentComparison,
  SegmentVerdict,
  SideResult,
} from './types';

const SIDES: readonly Side[] = ['L', 'R'];

interface Group {
  readonly nerve: NerveId;
  readonly site: SiteId;
  readonly modality: Modality;
  readonly method: MethodFamily | undefined;
  readonly calibrated: Record<Side, number[]>;
  readonly uncalibrated: Record<Side, number>;
}

function groupKey(nerve: NerveId, site: SiteId, modality: Modality, method?: MethodFamily): string {
  return `${nerve}|${site}|${modality}${method ? `|${method}` : ''}`;
}

const METHOD_WORD: Record<MethodFamily, string> = { trace: 'traced', ellipse: 'ellipse' };

function groupInputs(inputs: readonly MeasurementSummaryInput[]): Map<string, Group> {
  const groups = new Map<string, Group>();
  for (const input of inputs) {
    const key = groupKey(input.nerve, input.site, input.modality, input.method);
    let group = groups.get(key);
    if (!group) {
      group = {
        nerve: input.nerve,
        site: input.site,
        modality: input.modality,
        method: input.method,
        calibrated: { L: [], R: [] },
        uncalibrated: { L: 0, R: 0 },
      };
      groups.set(key, group);
    }
    if (input.calibrated === false) group.uncalibrated[input.side] += input.valuesMm2.length;
    else group.calibrated[input.side].push(...input.valuesMm2);
  }
  return groups;
}

function orderOf<T extends { readonly id: string }>(list: readonly T[], id: string): number {
  const index = list.findIndex((item) => item.id === id);
  return index < 0 ? list.length : index;
}

/** Side means of a group, for the fibular head / popliteal fossa ratio. */
function sideMeans(group: Group | undefined): Record<Side, number | null> {
  const mean = (side: Side): number | null => {
    if (!group) return null;
    const summary = summarizeRepeats(group.calibrated[side]);
    return summary.ok ? summary.value.meanMm2 : null;
  };
  return { L: mean('L'), R: mean('R') };
}

function isFibularHead(nerve: NerveId, site: SiteId): boolean {
  return nerve === 'common-peroneal' && site === 'fibular-head';
}

/**
 * Compare left and right per nerve, site and modality against a reference set.
 * Rules: each side's mean vs the upper limit (strictly above = enlarged); sciatic asymmetry when the
 * difference ≥ 16.4 mm² (S9) or the ratio ≥ the user ratio (1.5, convention); common fibular nerve at
 * the fibular head per S8 (difference ≥ 1.7 mm², ratio ≥ 1.24, fibular head / popliteal fossa ≥ 1.11);
 * other nerves and sites: ratio only (convention). Never more certain than the data: with one side only,
 * asymmetry is "not assessable"; with one side and no threshold, or uncalibrated values only, the verdict
 * is insufficient-data.
 */
export function compareSides(
  inputs: readonly MeasurementSummaryInput[],
  referenceSet: ReferenceSet,
  options: ComparisonOptions = {},
): SegmentComparison[] {
  const groups = groupInputs(inputs);
  const comparisons = [...groups.values()].map((group) =>
    compareGroup(
      group,
      groups.get(groupKey(group.nerve, 'popliteal-fossa', group.modality, group.method)) ??
        groups.get(groupKey(group.nerve, 'popliteal-fossa', group.modality)),
      referenceSet,
      options,
    ),
  );
  return comparisons.sort(
    (a, b) =>
      orderOf(NERVES, a.nerve) - orderOf(NERVES, b.nerve) ||
      a.nerve.localeCompare(b.nerve) ||
      orderOf(SITES, a.site) - orderOf(SITES, b.site) ||
      a.site.localeCompare(b.site) ||
      (a.modality === b.modality ? 0 : a.modality === 'US' ? -1 : 1) ||
      // Traced before ellipse (the primary method first).
      (b.method ?? '').localeCompare(a.method ?? ''),
  );
}

function compareGroup(
  group: Group,
  poplitealGroup: Group | undefined,
  set: ReferenceSet,
  options: ComparisonOptions,
): SegmentComparison {
  const { nerve, site, modality, method } = group;
  const label = method ? `${segmentLabel(nerve, site)} (${METHOD_WORD[method]})` : segmentLabel(nerve, site);
  const threshold = findThreshold(set, nerve, site, modality);
  const limitations: string[] = [];
  if (method) {
    limitations.push(`Traced and ellipse areas are summarised separately (not pooled): this line uses the ${METHOD_WORD[method]} areas only.`);
  }
  const rules: RuleEvaluation[] = [];

  const sides: Record<Side, SideResult | null> = { L: null, R: null };
  for (const side of SIDES) {
    if (group.uncalibrated[side] > 0) {
      limitations.push(
        `${sideName(side)} values were measured without a millimetre calibration (pixels) and were not compared.`,
      );
    }
    if (group.calibrated[side].length === 0) continue;
    const summary = summarizeRepeats(group.calibrated[side]);
    if (!summary.ok) {
      limitations.push(`${sideName(side)}: ${summary.error}`);
      continue;
    }
    sides[side] = { side, summary: summary.value, vsLimit: vsLimit(summary.value, threshold) };
  }

  if (threshold) {
    for (const side of SIDES) {
      const result = sides[side];
      if (result) rules.push(upperLimitRule(result, threshold));
    }
  } else {
    limitations.push(
      `No reference upper limit for the ${label.toLowerCase()} (${modality}) in "${set.name}": size cannot be judged against a norm until the user supplies one.`,
    );
  }

  const left = sides.L;
  const right = sides.R;
  let differenceMm2: number | null = null;
  let ratio: number | null = null;
  let largerByMean: Side | null = null;
  if (left && right) {
    const l = left.summary.meanMm2;
    const r = right.summary.meanMm2;
    differenceMm2 = Math.abs(l - r);
    ratio = Math.max(l, r) / Math.min(l, r);
    largerByMean = l === r ? null : l > r ? 'L' : 'R';
    rules.push(...asymmetryRules(nerve, site, differenceMm2, ratio, largerByMean, set, options));
  } else if (left || right) {
    const missing = left ? 'right' : 'left';
    limitations.push(`Only one side was measured (${missing} missing): left–right asymmetry cannot be assessed.`);
  }

  let fibularHeadToPoplitealRatio: SegmentComparison['fibularHeadToPoplitealRatio'] = null;
  const focalSides: Side[] = [];
  if (isFibularHead(nerve, site)) {
    const popliteal = sideMeans(poplitealGroup);
    const perSide = (side: Side): number | null => {
      const fh = sides[side];
      const pf = popliteal[side];
      return fh && pf !== null ? fh.summary.meanMm2 / pf : null;
    };
    fibularHeadToPoplitealRatio = { L: perSide('L'), R: perSide('R') };
    const { fhPfRatio } = set.asymmetry.fibularHead;
    const provenance = set.asymmetry.provenance.fibularHead;
    for (const side of SIDES) {
      const value = fibularHeadToPoplitealRatio[side];
      if (!sides[side]) continue;
      if (value === null) {
        limitations.push(
          `${sideName(side)} popliteal fossa not measured (${modality}): the fibular head / popliteal fossa ratio${cite(provenance.source)} cannot be computed.`,
        );
        continue;
      }
      const fired = atLeast(value, fhPfRatio);
      if (fired) focalSides.push(side);
      rules.push({
        id: `fibular-head-to-popliteal-ratio-${side}`,
        text: `${sideName(side)} fibular head / popliteal fossa ratio ${formatRatio(value)} ${fired ? '≥' : '<'} ${formatRatio(fhPfRatio)}${cite(provenance.source)}`,
        source: provenance.source,
        ...(provenance.convention ? { convention: true } : {}),
        fired,
      });
    }
  }

  const verdict = decideVerdict({ left, right, threshold, rules, focalSides, largerByMean, differenceMm2, ratio, label });

  return {
    nerve,
    site,
    modality,
    label,
    ...(method ? { method } : {}),
    referenceSetId: set.id,
    referenceSetName: set.name,
    threshold,
    left,
    right,
    leftMeanMm2: left?.summary.meanMm2 ?? null,
    rightMeanMm2: right?.summary.meanMm2 ?? null,
    differenceMm2,
    ratio,
    fibularHeadToPoplitealRatio,
    verdict,
    rules,
    limitations,
  };
}

function vsLimit(summary: RepeatSummary, threshold: CsaThreshold | null): SideResult['vsLimit'] {
  if (!threshold) return 'no-reference';
  return above(summary.meanMm2, threshold.upperLimitMm2) ? 'above' : 'within';
}

function upperLimitRule(result: SideResult, threshold: CsaThreshold): RuleEvaluation {
  const fired = result.vsLimit === 'above';
  return {
    id: `upper-limit-${result.side}`,
    text: `${sideName(result.side)} ${formatMm2(result.summary.meanMm2)} ${fired ? '>' : '≤'} upper limit ${formatMm2(threshold.upperLimitMm2)}${cite(threshold.source)}`,
    source: threshold.source,
    ...(threshold.convention ? { convention: true } : {}),
    fired,
  };
}

function asymmetryRules(
  nerve: NerveId,
  site: SiteId,
  differenceMm2: number,
  ratio: number,
  larger: Side | null,
  set: ReferenceSet,
  options: ComparisonOptions,
): RuleEvaluation[] {
  const a = set.asymmetry;
  const which = larger ? `${sideName(larger)} larger; ` : '';
  if (isFibularHead(nerve, site)) {
    const p = a.provenance.fibularHead;
    const conv = p.convention ? { convention: true } : {};
    const diffFired = atLeast(differenceMm2, a.fibularHead.differenceMm2);
    const ratioFired = atLeast(ratio, a.fibularHead.ratio);
    return [
      {
        id: 'fibular-head-difference',
        text: `${which}left–right difference ${formatMm2(differenceMm2)} ${diffFired ? '≥' : '<'} ${formatMm2(a.fibularHead.differenceMm2)}${cite(p.source)}`,
        source: p.source,
        ...conv,
        fired: diffFired,
      },
      {
        id: 'fibular-head-ratio',
        text: `${which}ratio larger/smaller ${formatRatio(ratio)} ${ratioFired ? '≥' : '<'} ${formatRatio(a.fibularHead.ratio)}${cite(p.source)}`,
        source: p.source,
        ...conv,
        fired: ratioFired,
      },
    ];
  }
  const rules: RuleEvaluation[] = [];
  if (nerve === 'sciatic') {
    const p = a.provenance.sciaticMinDifferenceMm2;
    const fired = atLeast(differenceMm2, a.sciaticMinDifferenceMm2);
    rules.push({
      id: 'sciatic-difference',
      text: `${which}left–right difference ${formatMm2(differenceMm2)} ${fired ? '≥' : '<'} ${formatMm2(a.sciaticMinDifferenceMm2)}${cite(p.source)}`,
      source: p.source,
      ...(p.convention ? { convention: true } : {}),
      fired,
    });
  }
  const userRatio = options.ratioThreshold;
  const ratioLimit = userRatio ?? a.defaultRatio;
  const p = userRatio !== undefined ? { source: 'user' } : a.provenance.defaultRatio;
  const fired = atLeast(ratio, ratioLimit);
  rules.push({
    id: 'side-ratio',
    text: `${which}ratio larger/smaller ${formatRatio(ratio)} ${fired ? '≥' : '<'} ${formatRatio(ratioLimit)}${cite(p.source)}`,
    source: p.source,
    ...('convention' in p && p.convention ? { convention: true } : {}),
    fired,
  });
  return rules;
}

const ASYMMETRY_RULE_IDS = new Set(['sciatic-difference', 'side-ratio', 'fibular-head-difference', 'fibular-head-ratio']);

interface VerdictInput {
  readonly left: SideResult | null;
  readonly right: SideResult | null;
  readonly threshold: CsaThreshold | null;
  readonly rules: readonly RuleEvaluation[];
  readonly focalSides: readonly Side[];
  readonly largerByMean: Side | null;
  readonly differenceMm2: number | null;
  readonly ratio: number | null;
  readonly label: string;
}

function decideVerdict(v: VerdictInput): SegmentVerdict {
  const present = [v.left, v.right].filter((s): s is SideResult => s !== null);
  if (present.length === 0) {
    return {
      kind: 'insufficient-data',
      enlargedSides: [],
      asymmetry: 'not-assessable',
      largerSide: null,
      text: 'No calibrated measurement on either side: nothing can be compared.',
    };
  }
  const bothSides = present.length === 2;
  const asymmetric = bothSides && v.rules.some((r) => ASYMMETRY_RULE_IDS.has(r.id) && r.fired);
  const asymmetry: SegmentVerdict['asymmetry'] = bothSides ? (asymmetric ? 'asymmetric' : 'symmetric') : 'not-assessable';
  const largerSide = asymmetric ? v.largerByMean : null;
  const enlargedSides = SIDES.filter(
    (side) => present.some((s) => s.side === side && s.vsLimit === 'above') || v.focalSides.includes(side),
  );

  if (!bothSides && !v.threshold && enlargedSides.length === 0) {
    const only = present[0]!;
    return {
      kind: 'insufficient-data',
      enlargedSides: [],
      asymmetry,
      largerSide: null,
      text:
        `Only the ${sideName(only.side).toLowerCase()} side was measured (${formatMm2(only.summary.meanMm2)}) and there is no ` +
        `reference upper limit for this site: neither size nor asymmetry can be judged.`,
    };
  }

  const sentences: string[] = [];
  for (const side of enlargedSides) {
    const result = present.find((s) => s.side === side);
    if (result?.vsLimit === 'above' && v.threshold) {
      sentences.push(
        `${sideName(side)} enlarged: ${formatMm2(result.summary.meanMm2)} > upper limit ${formatMm2(v.threshold.upperLimitMm2)}${cite(v.threshold.source)}.`,
      );
    } else {
      const rule = v.rules.find((r) => r.id === `fibular-head-to-popliteal-ratio-${side}`);
      sentences.push(`${sideName(side)} focally enlarged at the fibular head: ${rule ? rule.text.replace(/^\w+ /, '') : 'fibular head / popliteal fossa ratio above the limit'}.`);
    }
  }
  if (asymmetric && largerSide && v.differenceMm2 !== null && v.ratio !== null) {
    const fired = v.rules.filter((r) => ASYMMETRY_RULE_IDS.has(r.id) && r.fired).map((r) => r.source);
    sentences.push(
      `Asymmetric: ${sideName(largerSide).toLowerCase()} larger by ${formatMm2(v.differenceMm2)} (ratio ${formatRatio(v.ratio)})${cite([...new Set(fired)].join(', '))}.`,
    );
  }
  if (enlargedSides.length === 0 && !asymmetric) {
    if (v.threshold) {
      const within = present.map((s) => `${sideName(s.side).toLowerCase()} ${formatMm2(s.summary.meanMm2)}`).join(', ');
      sentences.push(`Within the upper limit ${formatMm2(v.threshold.upperLimitMm2)}${cite(v.threshold.source)}: ${within}.`);
    } else {
      sentences.push('No reference upper limit for this site: size itself is not judged.');
    }
    if (bothSides && v.differenceMm2 !== null && v.ratio !== null) {
      sentences.push(`No asymmetry (difference ${formatMm2(v.differenceMm2)}, ratio ${formatRatio(v.ratio)}).`);
    }
  }
  if (!bothSides) sentences.push('Left–right asymmetry cannot be assessed: only one side was measured.');

  return {
    kind: enlargedSides.length > 0 ? 'enlarged' : asymmetric ? 'asymmetric' : 'normal',
    enlargedSides,
    asymmetry,
    largerSide,
    text: sentences.join(' '),
  };
}
