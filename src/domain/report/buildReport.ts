import { fdgReportSection } from '../suv/fdgEvidence';
import type { Side } from '../types';
import { formatMm2, formatRatio, type SegmentComparison, type SideResult } from '../comparison';
import type { ConcordanceEntry, ConcordanceStatus } from '../concordance';
import { getNode, type LesionHypothesis, type LocalizationResult, type LocalizedFinding } from '../localization';
import { BUILT_IN_REFERENCE_SETS, describeSource, segmentLabel, sourceKeysIn, type ReferenceSet } from '../reference';
import { analyseClinicalCase } from './analyse';
import type { ClinicalAnalysis, ClinicalCaseInput, ClinicalReport, ReportEntry, ReportSection, ReportTone } from './types';

const SIDE_WORD: Readonly<Record<Side, 'Left' | 'Right'>> = { L: 'Left', R: 'Right' };
const SIDES: readonly Side[] = ['L', 'R'];

export const REPORT_TITLE = 'NerveTrace clinical report';

const entry = (text: string, tone: ReportTone = 'normal', details?: readonly string[]): ReportEntry =>
  details && details.length > 0 ? { text, tone, details } : { text, tone };

const lowerFirst = (text: string): string => (text.length > 0 ? text[0]!.toLowerCase() + text.slice(1) : text);
const upperFirst = (text: string): string => (text.length > 0 ? text[0]!.toUpperCase() + text.slice(1) : text);
const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];
const withoutSide = (label: string): string => label.replace(/^(Left|Right) /, '');

/** "Right sciatic nerve, gluteal fold (US)" */
function segmentName(c: Pick<SegmentComparison, 'label' | 'modality'>, side?: Side): string {
  return side ? `${SIDE_WORD[side]} ${lowerFirst(c.label)} (${c.modality})` : `${c.label} (${c.modality})`;
}

/** "56.0, 57.0 and 58.0" */
function listValues(values: readonly number[]): string {
  const text = values.map((v) => v.toFixed(1));
  return text.length > 1 ? `${text.slice(0, -1).join(', ')} and ${text[text.length - 1]}` : (text[0] ?? '');
}

/** "57.0 ± 1.0 mm² (mean ± SD of 3: 56.0, 57.0 and 58.0)" or "57.0 mm² (one measurement)". */
export function describeSideSize(result: SideResult, values: readonly number[] = []): string {
  const s = result.summary;
  if (s.count === 1 || s.sdMm2 === null) return `${formatMm2(s.meanMm2)} (one measurement)`;
  const list = values.length === s.count ? `: ${listValues(values)}` : '';
  return `${s.meanMm2.toFixed(1)} ± ${s.sdMm2.toFixed(1)} mm² (mean ± SD of ${s.count}${list})`;
}

/** The reference set as named in every report. */
export function referenceSetLine(set: ReferenceSet): string {
  if (set.builtIn) return `Reference set: "${set.name}" (built-in)`;
  const base = set.basedOn ? BUILT_IN_REFERENCE_SETS.find((b) => b.id === set.basedOn) : undefined;
  return `Reference set: "${set.name}" (user-edited${base ? `, based on "${base.name}"` : ''})`;
}

/**
 * The set's own description cites the sources it was built from: they are printed, so they are
 * listed under Sources too (every key the printed text cites is listed).
 */
function describedSet(description: string): ReportEntry {
  return entry(description, 'note');
}

function referenceSection(input: ClinicalCaseInput): ReportSection {
  const set = input.referenceSet;
  const a = set.asymmetry;
  const p = a.provenance;
  // The set itself is named in the report's referenceSetLine, printed above every section.
  const entries: ReportEntry[] = [describedSet(set.description)];
  for (const t of set.thresholds.filter((t) => t.source === 'user')) {
    entries.push(entry(`User value: ${segmentName({ label: segmentLabel(t.nerve, t.site), modality: t.modality })} upper limit ${formatMm2(t.upperLimitMm2)} (user).`, 'note'));
  }
  entries.push(
    entry(
      `Left–right criteria: sciatic difference ≥ ${formatMm2(a.sciaticMinDifferenceMm2)} (${p.sciaticMinDifferenceMm2.source}); ` +
        `ratio larger/smaller ≥ ${formatRatio(input.ratioThreshold ?? a.defaultRatio)} (${input.ratioThreshold !== undefined ? 'user' : p.defaultRatio.source}); ` +
        `common fibular nerve at the fibular head: difference ≥ ${formatMm2(a.fibularHead.differenceMm2)}, ratio ≥ ${formatRatio(a.fibularHead.ratio)}, ` +
        `fibular head / popliteal fossa ≥ ${formatRatio(a.fibularHead.fhPfRatio)} (${p.fibularHead.source}).`,
    ),
  );
  entries.push(entry(`Nerve-conduction limits: "${input.ncsLimits.name}".`));
  return { id: 'reference', title: 'Reference values', entries };
}

function valuesOf(input: ClinicalCaseInput, c: SegmentComparison, side: Side): number[] {
  return input.measurements
    .filter((m) => m.nerve === c.nerve && m.site === c.site && m.modality === c.modality && m.side === side && m.calibrated !== false)
    // Traced and ellipse areas summarised apart (not pooled) carry their method family.
    .filter((m) => c.method === undefined || m.method === c.method)
    .flatMap((m) => [...m.valuesMm2]);
}

function measurementsSection(input: ClinicalCaseInput, analysis: ClinicalAnalysis): ReportSection {
  const entries: ReportEntry[] = [];
  for (const c of analysis.comparisons) {
    for (const side of SIDES) {
      const result = side === 'L' ? c.left : c.right;
      if (!result) continue;
      const size = describeSideSize(result, valuesOf(input, c, side));
      let text: string;
      let tone: ReportTone;
      if (result.vsLimit === 'no-reference' || !c.threshold) {
        text = `${segmentName(c, side)}: ${size}; no upper limit for this site in "${c.referenceSetName}" — size not judged against a norm.`;
        tone = 'note';
      } else {
        const above = result.vsLimit === 'above';
        text = `${segmentName(c, side)}: ${size}, ${above ? 'above' : 'within'} the upper limit of ${formatMm2(c.threshold.upperLimitMm2)} (${c.threshold.source}).`;
        tone = above ? 'abnormal' : 'normal';
      }
      const details: string[] = [];
      const fhRule = c.rules.find((r) => r.id === `fibular-head-to-popliteal-ratio-${side}`);
      if (fhRule) {
        details.push(upperFirst(fhRule.text.replace(/^(Left|Right) /, '')) + (fhRule.fired ? ': focal enlargement at the fibular head.' : '.'));
        if (fhRule.fired) tone = 'abnormal';
      }
      entries.push(entry(text, tone, details));
    }
  }
  if (entries.length === 0) entries.push(entry('No calibrated nerve measurement with a side: nerve size not assessed.', 'note'));
  return { id: 'measurements', title: 'Nerve size (cross-sectional area)', entries };
}

const isAsymmetryRule = (id: string): boolean => !id.startsWith('upper-limit-') && !id.startsWith('fibular-head-to-popliteal-ratio');

function asymmetrySection(analysis: ClinicalAnalysis): ReportSection {
  const entries: ReportEntry[] = [];
  for (const c of analysis.comparisons) {
    if (c.left && c.right && c.differenceMm2 !== null && c.ratio !== null) {
      const asymmetric = c.verdict.asymmetry === 'asymmetric';
      const larger = c.verdict.largerSide;
      const head = asymmetric
        ? `asymmetric, ${larger ? `${SIDE_WORD[larger].toLowerCase()} larger` : 'sides differ'}`
        : 'no asymmetry';
      const rules = c.rules.filter((r) => isAsymmetryRule(r.id)).map((r) => upperFirst(r.text.replace(/^(Left|Right) larger; /, '')));
      entries.push(
        entry(
          `${segmentName(c)}: ${head} — difference ${formatMm2(c.differenceMm2)}, ratio ${formatRatio(c.ratio)}.`,
          asymmetric ? 'abnormal' : 'normal',
          rules,
        ),
      );
    } else if (c.left || c.right) {
      const missing = c.left ? 'right' : 'left';
      entries.push(entry(`${segmentName(c)}: the ${missing} side was not measured — asymmetry cannot be assessed.`, 'note'));
    }
  }
  if (entries.length === 0) entries.push(entry('No segment measured on both sides: asymmetry not assessed.', 'note'));
  return { id: 'asymmetry', title: 'Left–right asymmetry', entries };
}

function electrodiagnosisSection(analysis: ClinicalAnalysis): ReportSection {
  const findings = analysis.localization.findings;
  const entries: ReportEntry[] = [];
  const muscles = findings.filter((f) => f.kind === 'muscle');
  const studies = findings.filter((f) => f.kind === 'ncs');
  for (const f of muscles.filter((m) => m.abnormal)) {
    entries.push(entry(`${f.label}: ${f.reasons.join(', ')}${f.placement ? '' : ' (free text, not localized)'}.`, 'abnormal'));
  }
  for (const side of SIDES) {
    const normal = muscles.filter((m) => !m.abnormal && m.side === side);
    if (normal.length > 0) entries.push(entry(`Normal needle EMG, ${SIDE_WORD[side].toLowerCase()}: ${normal.map((m) => lowerFirst(withoutSide(m.label))).join(', ')}.`));
  }
  for (const f of studies.filter((s) => s.abnormal)) {
    entries.push(entry(`${f.label}: ${f.reasons.join('; ')}.`, 'abnormal'));
  }
  for (const side of SIDES) {
    const normal = studies.filter((s) => !s.abnormal && s.side === side);
    if (normal.length > 0) entries.push(entry(`Normal nerve conduction, ${SIDE_WORD[side].toLowerCase()}: ${normal.map((s) => lowerFirst(withoutSide(s.label))).join(', ')}.`));
  }
  if (entries.length === 0) entries.push(entry('No needle EMG or nerve-conduction findings entered.', 'note'));
  return { id: 'electrodiagnosis', title: 'Needle EMG and nerve conduction', entries };
}

function findingLabels(findings: readonly LocalizedFinding[], ids: readonly string[]): string {
  return ids.map((id) => findings.find((f) => f.id === id)?.label ?? id).join(', ');
}

function describeAlternative(h: LesionHypothesis, findings: readonly LocalizedFinding[]): string {
  const total = h.explains.length + h.unexplained.length;
  const parts = [`explains ${h.explains.length} of ${total} abnormal findings`];
  if (h.unexplained.length > 0) parts.push(`leaves unexplained ${findingLabels(findings, h.unexplained)}`);
  if (h.contradicted.length > 0) parts.push(`contradicted by normal ${findingLabels(findings, h.contradicted)}`);
  return `${h.pattern} — ${parts.join('; ')}.`;
}

function localizationSection(analysis: ClinicalAnalysis): ReportSection {
  const loc = analysis.localization;
  const entries: ReportEntry[] = [];
  const best = loc.alternatives[0];
  if (!best) {
    entries.push(entry(loc.summary, loc.confidence === 'none' ? 'normal' : 'note'));
  } else {
    entries.push(entry(loc.summary, loc.confidence === 'conflicting' ? 'note' : 'abnormal', best.reasoning));
    if (best.sites.length > 0) {
      entries.push(entry(`Most likely lesion site${best.sites.length > 1 ? 's' : ''}: ${best.sites.map((s) => s.label).join(' + ')}.`, 'abnormal'));
    }
    if (best.diffuse) entries.push(entry(`Diffuse process: ${best.diffuse.name} (both legs, distal first).`, 'abnormal', best.diffuse.typeReasons));
    if (loc.tied) entries.push(entry('The best explanations are within the ranking margin of each other: the localization is undetermined between them.', 'note'));
    loc.alternatives.slice(1).forEach((h, i) => {
      entries.push(entry(`Alternative ${i + 2}: ${describeAlternative(h, loc.findings)}`, 'note'));
    });
  }
  for (const flag of loc.flags) entries.push(entry(`Alert: ${flag}`, 'abnormal'));
  return { id: 'localization', title: 'EMG localization', entries };
}

const STATUS_WORD: Readonly<Record<ConcordanceStatus, string>> = {
  agrees: 'agrees with the EMG',
  partially: 'partially agrees with the EMG',
  disagrees: 'disagrees with the EMG',
  undetermined: 'undetermined against the EMG',
  'cannot-assess': 'cannot be related to the EMG',
};
const STATUS_TONE: Readonly<Record<ConcordanceStatus, ReportTone>> = {
  agrees: 'normal',
  partially: 'note',
  disagrees: 'abnormal',
  undetermined: 'note',
  'cannot-assess': 'note',
};

function lesionName(e: ConcordanceEntry): string {
  const label = e.proximalExtension?.label ?? e.distalSite?.label ?? e.emgSites.map((s) => s.label).join(' + ');
  return lowerFirst(label);
}

function whyConcordance(e: ConcordanceEntry, loc: LocalizationResult): string {
  const bestSites = (loc.alternatives[0]?.sites ?? []).map((s) => lowerFirst(s.label)).join(' + ');
  if (e.segmentNode === null) return 'this segment is not on the nerve graph (custom nerve)';
  if (loc.findings.length === 0) return 'no EMG or nerve-conduction findings were entered';
  if (e.imaging === 'unknown') return 'the size at this segment could not be judged';
  if (e.status === 'undetermined') {
    return loc.confidence === 'conflicting' ? 'the EMG findings conflict' : 'the EMG localization is tied between explanations that place this segment differently';
  }
  switch (e.relation) {
    case 'diffuse':
      return `the EMG points to a ${loc.alternatives[0]?.diffuse?.name ?? 'polyneuropathy'}, which involves every segment of the leg`;
    case 'at-segment':
      return e.imaging === 'abnormal'
        ? `same side and nerve: the EMG places the lesion at this segment (${lesionName(e)})`
        : `the EMG places the lesion at this segment (${lesionName(e)}) although its size is normal; a normal size does not exclude a lesion`;
    case 'proximal':
      return `the EMG localization (${lesionName(e)}) lies proximal to the measured site`;
    case 'distal':
      return `the EMG places the lesion distal to the measured site (${lesionName(e)})`;
    case 'elsewhere':
      return `the EMG lesion lies on another nerve (${bestSites})`;
    case 'other-side':
      return `the EMG lesion is on the other side (${bestSites})`;
    case 'no-lesion':
      return 'the electrodiagnostic study shows no lesion';
    default:
      return 'the EMG findings could not be localized';
  }
}

const IMAGING_WORD: Readonly<Record<ConcordanceEntry['imaging'], string>> = {
  abnormal: 'enlarged',
  normal: 'normal size',
  unknown: 'size not judged',
};

function concordanceSection(analysis: ClinicalAnalysis): ReportSection {
  const loc = analysis.localization;
  const entries: ReportEntry[] = [];
  const best = loc.alternatives[0];
  const concordance = analysis.concordance;

  if (concordance.length === 0) {
    if (best && best.sites.length > 0) {
      const advice = unique(best.sites.map((s) => getNode(s.level).imagingAdvice));
      entries.push(entry(`No nerve was measured. To image the EMG localization: ${advice.join('; ')} (convention).`, 'note'));
    } else {
      entries.push(entry('No nerve measurement and no localized lesion: nothing to relate.', 'note'));
    }
    return { id: 'concordance', title: 'Imaging and EMG', entries };
  }
  if (loc.findings.length === 0) {
    entries.push(entry('No EMG or nerve-conduction findings entered: the imaging cannot be related to the EMG.', 'note'));
    return { id: 'concordance', title: 'Imaging and EMG', entries };
  }

  // Overall: does the EMG localization extend proximal (or lie distal) to what was measured, and where to image.
  const proximal = concordance.filter((e) => e.proximalExtension);
  const distal = concordance.filter((e) => e.distalSite);
  const atSegment = concordance.filter((e) => e.relation === 'at-segment');
  if (proximal.length > 0) {
    const advice = unique(proximal.map((e) => e.proximalExtension!.advice));
    const lesions = unique(proximal.map((e) => lowerFirst(e.proximalExtension!.label))).join(', ');
    const measured = unique(proximal.map((e) => lowerFirst(e.label))).join(', ');
    entries.push(
      entry(`The EMG localization (${lesions}) extends proximal to the measured site (${measured}). Image next: ${advice.join('; ')}.`, 'abnormal'),
    );
  } else if (atSegment.length > 0) {
    entries.push(
      entry('The EMG localization lies at the measured segment. Limb EMG cannot exclude involvement proximal to the muscles examined.'),
    );
  }
  if (distal.length > 0 && atSegment.length === 0) {
    const advice = unique(distal.map((e) => e.distalSite!.advice));
    entries.push(entry(`The EMG places the lesion distal to the measured site. Image the distal site: ${advice.join('; ')}.`, 'note'));
  }
  if (best) {
    const measuredSides = new Set(concordance.map((e) => e.side));
    for (const side of SIDES) {
      const own = best.sites.filter((s) => s.side === side);
      if (own.length === 0 || measuredSides.has(side)) continue;
      const advice = unique(own.map((s) => getNode(s.level).imagingAdvice));
      entries.push(entry(`The EMG lesion on the ${SIDE_WORD[side].toLowerCase()} side was not imaged: ${advice.join('; ')} (convention).`, 'note'));
    }
  }

  for (const e of concordance) {
    const details: string[] = [];
    if (e.downstreamAbnormalMuscles.length > 0) {
      details.push(`EMG-abnormal muscles downstream: ${e.downstreamAbnormalMuscles.map((m) => m.label).join(', ')}.`);
    }
    if (e.downstreamAbnormalStudies.length > 0) {
      details.push(`Abnormal conduction downstream: ${e.downstreamAbnormalStudies.map((m) => m.label).join(', ')}.`);
    }
    if (e.proximalExtension) details.push(`Image next: ${e.proximalExtension.advice}.`);
    if (e.distalSite) details.push(`Image the distal site: ${e.distalSite.advice}.`);
    entries.push(
      entry(`${e.label}: ${IMAGING_WORD[e.imaging]} — ${STATUS_WORD[e.status]}: ${whyConcordance(e, loc)}.`, STATUS_TONE[e.status], details),
    );
  }
  if (loc.confidence === 'conflicting') entries.push(entry('The EMG findings conflict, so any agreement is tentative.', 'note'));
  return { id: 'concordance', title: 'Imaging and EMG', entries };
}

function limitationsSection(input: ClinicalCaseInput, analysis: ClinicalAnalysis, previous: readonly ReportSection[]): ReportSection {
  const lines: string[] = [];
  for (const c of analysis.comparisons) {
    for (const l of c.limitations) {
      lines.push(l.toLowerCase().includes(c.label.toLowerCase()) ? l : `${segmentName(c)}: ${lowerFirst(l)}`);
    }
  }
  lines.push(...analysis.localization.limitations);
  lines.push(...analysis.localization.notes);
  if (analysis.comparisons.length > 0) lines.push('A normal cross-sectional area does not exclude a nerve lesion.');
  if (analysis.localization.findings.length > 0) {
    lines.push('An EMG localization is an inference from the findings entered, never certain; root levels are probable, not certain [Phillips & Park 1991].');
  }
  if (input.measurements.length > 0 && analysis.localization.findings.length > 0) {
    lines.push('Imaging–EMG concordance places both on the same nerve graph; it does not prove a common cause.');
  }
  const allText = previous.flatMap((s) => s.entries.flatMap((e) => [e.text, ...(e.details ?? [])])).join('\n');
  if (/\bconvention\b/.test(allText)) {
    lines.push('Values marked (convention) are textbook conventions not checked against a published source; they are editable defaults.');
  }
  if (/\(user\)|\buser\b/.test(allText)) lines.push('Values marked (user) were entered by the user.');
  return { id: 'limitations', title: 'Limitations', entries: unique(lines).map((l) => entry(l, 'note')) };
}

/** Every source key the printed text cites — the sections and the reference set line above them. */
function sourcesSection(previous: readonly ReportSection[], setLine: string): ReportSection {
  const text = [
    setLine,
    ...previous.flatMap((s) => s.entries.flatMap((e) => [e.text, ...(e.details ?? [])])),
  ].join('\n');
  const order = (k: string): number => (/^S\d+$/.test(k) ? Number(k.slice(1)) : 1000);
  const keys = unique(sourceKeysIn(text)).sort((a, b) => order(a) - order(b) || a.localeCompare(b));
  return { id: 'sources', title: 'Sources', entries: keys.map((key) => entry(describeSource(key), 'note')) };
}

/**
 * Build the clinical report: reference values, nerve size against the thresholds, left–right
 * asymmetry, needle EMG and conduction findings, the EMG localization with its reasoning,
 * imaging–EMG concordance (does the lesion extend proximal to the measured site, where to image),
 * limitations and the sources cited — plain clinical sentences, each number with its source key.
 * Pass `analysis` when it was already computed (the UI store does); the CLI can pass the input only.
 */
export function buildClinicalReport(input: ClinicalCaseInput, analysis: ClinicalAnalysis = analyseClinicalCase(input)): ClinicalReport {
  const body = [
    referenceSection(input),
    measurementsSection(input, analysis),
    ...(input.fdg?.length ? [fdgReportSection(input.fdg, analysis.localization)] : []),
    asymmetrySection(analysis),
    electrodiagnosisSection(analysis),
    localizationSection(analysis),
    concordanceSection(analysis),
  ];
  const limitations = limitationsSection(input, analysis, body);
  const sections = [...body, limitations];
  const setLine = referenceSetLine(input.referenceSet);
  return { title: REPORT_TITLE, referenceSetLine: setLine, sections: [...sections, sourcesSection(sections, setLine)] };
}
