import type { Side } from '../types';
import type { RootLevel } from '../emg';
import { ROOT_LEVELS } from '../emg';
import type { LesionLevel } from './graph';
import { getNode, isAtOrBelow, isRootNode, rootOf } from './graphQueries';
import { buildFindings } from './findings';
import { classifyPolyneuropathy } from './neuropathyType';
import { EVIDENCE_WEIGHTS, RULE_WEIGHTS, type EvidenceWeights } from './parameters';
import { evaluateRules, LOCALIZING_RULES, ruleLine, type RuleFiring } from './rules';
import { DEFAULT_WEIGHTS, searchLesionSets, type Candidate, type Evaluation } from './search';
import type {
  DiffuseProcess,
  HypothesisKind,
  LesionHypothesis,
  LesionSite,
  LocalizationConfidence,
  LocalizationInput,
  LocalizationOptions,
  LocalizationResult,
  LocalizationWeights,
  LocalizedFinding,
} from './types';

const SIDE_WORD: Readonly<Record<Side, 'Left' | 'Right'>> = { L: 'Left', R: 'Right' };

export const NORMAL_STUDY_SUMMARY = 'No electrodiagnostic evidence of a lesion.';

/** "Right L5 root (level probable)", "Left common peroneal nerve at the fibular head" */
export function lesionSiteLabel(level: LesionLevel, side: Side): string {
  const node = getNode(level);
  return isRootNode(level) ? `${SIDE_WORD[side]} ${node.label} (level probable)` : `${SIDE_WORD[side]} ${node.label}`;
}

function rootRange(levels: readonly RootLevel[]): string {
  const sorted = [...levels].sort((a, b) => ROOT_LEVELS.indexOf(a) - ROOT_LEVELS.indexOf(b));
  const contiguous = sorted.every((l, i) => i === 0 || ROOT_LEVELS.indexOf(l) === ROOT_LEVELS.indexOf(sorted[i - 1]!) + 1);
  if (contiguous && sorted.length > 1) return `${sorted[0]}–${sorted[sorted.length - 1]}`;
  return sorted.length > 1 ? `${sorted.slice(0, -1).join(', ')} and ${sorted[sorted.length - 1]}` : (sorted[0] ?? '');
}

interface Predominance {
  readonly division: 'peroneal' | 'tibial';
  readonly line: string;
}

type FocalCandidate = Candidate & { readonly level: LesionLevel; readonly side: Side };
const isFocal = (m: Candidate): m is FocalCandidate => !m.diffuse && m.level !== null && m.side !== 'both';

/** Compare peroneal- and tibial-division muscles below the sciatic trunk on one side. */
function divisionPredominance(findings: readonly LocalizedFinding[], side: Side): Predominance | null {
  const muscles = findings.filter((f) => f.side === side && f.kind === 'muscle' && f.placement && f.placement.branch !== 'dorsal-rami');
  const stats = (division: LesionLevel) => {
    const own = muscles.filter((f) => isAtOrBelow(f.placement!.branch, division));
    const abnormal = own.filter((f) => f.abnormal);
    return { tested: own.length, abnormal: abnormal.length, severity: abnormal.reduce((s, f) => s + Math.max(1, f.severity), 0) };
  };
  const peroneal = stats('sciatic-peroneal-division');
  const tibial = stats('sciatic-tibial-division');
  const describe = (a: typeof peroneal, b: typeof tibial, first: string, second: string): string =>
    `${first}-division muscles more affected than ${second}-division muscles (${a.abnormal} of ${a.tested} abnormal, severity ${a.severity}, vs ${b.abnormal} of ${b.tested}, severity ${b.severity}): ${first.toLowerCase()}-division predominance.`;
  if (peroneal.severity > 0 && peroneal.severity >= 2 * tibial.severity && tibial.tested > 0) {
    return { division: 'peroneal', line: describe(peroneal, tibial, 'Peroneal', 'tibial') };
  }
  if (tibial.severity > 0 && tibial.severity >= 2 * peroneal.severity && peroneal.tested > 0) {
    return { division: 'tibial', line: describe(tibial, peroneal, 'Tibial', 'peroneal') };
  }
  return null;
}

function sideParts(members: readonly FocalCandidate[], findings: readonly LocalizedFinding[], side: Side): string[] {
  const roots = members.filter((m) => isRootNode(m.level)).map((m) => rootOf(m.level as `root-${RootLevel}`));
  const parts: string[] = [];
  if (roots.length === 1) parts.push(`${roots[0]} radiculopathy (level probable)`);
  if (roots.length > 1) parts.push(`multi-level radiculopathy ${rootRange(roots)} (levels probable)`);
  for (const m of members) {
    if (isRootNode(m.level)) continue;
    let name = getNode(m.level).lesionName;
    if (m.level === 'sciatic-trunk') {
      const p = divisionPredominance(findings, side);
      if (p) name = `sciatic neuropathy with ${p.division}-division predominance`;
    }
    if (findings.some((f) => f.side === side && f.segmentFocal && f.placement?.branch === m.level)) name = `${name} (focal demyelination)`;
    parts.push(name);
  }
  return parts;
}

/** "Right L5 radiculopathy (level probable)", "Bilateral S1 radiculopathy …", "Right S1 … + left sciatic neuropathy", "… + generalized … polyneuropathy". */
function patternOf(members: readonly Candidate[], findings: readonly LocalizedFinding[], diffuse: DiffuseProcess | null): string {
  const focal = members.filter(isFocal);
  const bySide = (['R', 'L'] as const)
    .map((side) => ({ side, own: focal.filter((m) => m.side === side) }))
    .filter((s) => s.own.length > 0)
    .map((s) => ({ side: s.side, parts: sideParts(s.own, findings, s.side) }));
  let text: string;
  if (bySide.length === 2 && bySide[0]!.parts.join('|') === bySide[1]!.parts.join('|')) {
    text = `Bilateral ${bySide[0]!.parts.join(' + ')}`;
  } else {
    text = bySide.flatMap((s) => s.parts.map((part) => `${SIDE_WORD[s.side].toLowerCase()} ${part}`)).join(' + ');
  }
  if (diffuse) text = text ? `${text} + ${diffuse.name}` : diffuse.name;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function labels(findings: readonly LocalizedFinding[], indices: readonly number[]): string {
  return indices.map((i) => findings[i]!.label).join(', ');
}

const fmtCost = (x: number): string => (Math.round(x * 100) / 100).toString();

function toHypothesis(
  e: Evaluation,
  findings: readonly LocalizedFinding[],
  rules: readonly RuleFiring[],
  diffuseOf: () => DiffuseProcess,
  ew: EvidenceWeights,
): LesionHypothesis {
  const focal = e.members.filter(isFocal);
  const hasDiffuse = e.members.some((m) => m.diffuse);
  const diffuse = hasDiffuse ? diffuseOf() : null;
  const kind: HypothesisKind = hasDiffuse ? (focal.length > 0 ? 'focal+polyneuropathy' : 'polyneuropathy') : 'focal';
  const sites: LesionSite[] = focal.map((m) => ({ level: m.level, side: m.side, label: lesionSiteLabel(m.level, m.side) }));
  const strong = e.contradictions.filter((c) => c.strong).map((c) => c.findingIndex);
  const partial = e.contradictions.filter((c) => !c.strong).map((c) => c.findingIndex);
  const abnormalCount = e.explains.length + e.unexplained.length;
  const where = [...sites.map((s) => s.label), ...(diffuse ? [diffuse.name] : [])].join(' + ');

  const reasoning: string[] = [];
  reasoning.push(`${where.charAt(0).toUpperCase()}${where.slice(1)} explains ${e.explains.length} of ${abnormalCount} abnormal findings: ${labels(findings, e.explains)}.`);
  if (diffuse) {
    reasoning.push('A generalized length-dependent process affects both legs distally first (sensory responses, distal motor responses, foot and leg muscles).');
    for (const line of diffuse.typeReasons) reasoning.push(line);
  }
  const weakUnexplained = e.unexplained.filter((i) => findings[i]!.weight < ew.weakBelow);
  const strongUnexplained = e.unexplained.filter((i) => findings[i]!.weight >= ew.weakBelow);
  if (strongUnexplained.length > 0) reasoning.push(`Leaves unexplained: ${labels(findings, strongUnexplained)}.`);
  if (weakUnexplained.length > 0) reasoning.push(`Leaves unexplained weak evidence only (weighed lightly): ${labels(findings, weakUnexplained)}.`);
  for (const i of strong) {
    reasoning.push(`Against: ${findings[i]!.label} is normal although ${diffuse && !sites.length ? 'a length-dependent polyneuropathy' : 'a lesion here'} should affect it.`);
  }
  if (partial.length > 0) {
    reasoning.push(`Spared although downstream or expected (a partial lesion, the other roots or the other side's pattern can explain it; weighed lightly): ${labels(findings, partial)}.`);
  }
  const covered = (side: Side): boolean => e.members.some((m) => m.side === side || m.side === 'both');
  const penalised = new Map(e.rulePenalties.map((p) => [p.ruleIndex, p.weight]));
  rules.forEach((rule, r) => {
    if (!covered(rule.side)) return;
    if (!rule.favours) {
      reasoning.push(rule.text);
      return;
    }
    const against = penalised.get(r);
    const own = e.members.filter((m) => m.side === rule.side || m.side === 'both');
    const supports = own.some((m) => rule.favours!(m));
    const primary = !rule.primary || own.some((m) => rule.primary!(m));
    if (supports) reasoning.push(`${primary ? 'Supports' : 'Consistent'} — ${rule.text}`);
    else reasoning.push(`Against${against !== undefined ? ` (cost +${fmtCost(against)})` : ''} — ${rule.text}`);
  });
  for (const side of ['L', 'R'] as const) {
    if (focal.some((m) => m.side === side && m.level === 'sciatic-trunk')) {
      const p = divisionPredominance(findings, side);
      if (p) reasoning.push(`${SIDE_WORD[side]}: ${p.line}`);
    }
  }
  if (focal.some((m) => isRootNode(m.level))) reasoning.push(ruleLine(LOCALIZING_RULES.rootVariation));
  reasoning.push(
    `Ranking cost ${fmtCost(e.cost)} (lower is better): unexplained ${fmtCost(e.unexplainedCost)}, contradictions ${fmtCost(e.contradictions.reduce((s, c) => s + c.weight, 0))}, ` +
      `rules against ${fmtCost(e.rulePenalties.reduce((s, p) => s + p.weight, 0))}, other ${fmtCost(e.cost - e.unexplainedCost - e.contradictions.reduce((s, c) => s + c.weight, 0) - e.rulePenalties.reduce((s, p) => s + p.weight, 0))} (extra lesions, main roots, no control limb) — weights in localization/parameters.ts.`,
  );

  return {
    kind,
    sites,
    diffuse,
    pattern: patternOf(e.members, findings, diffuse),
    explains: e.explains.map((i) => findings[i]!.id),
    unexplained: e.unexplained.map((i) => findings[i]!.id),
    contradicted: strong.map((i) => findings[i]!.id),
    spared: partial.map((i) => findings[i]!.id),
    cost: e.cost,
    reasoning,
  };
}

const RECRUITMENT_ONLY_SENTENCE =
  'Reduced recruitment without other changes: consider poor activation, an upper motor neuron cause or a lesion of a few days.';

/** What was not examined or cannot be concluded, for the report. */
function limitationsOf(input: LocalizationInput, findings: readonly LocalizedFinding[]): string[] {
  const out: string[] = [];
  const placedFindings = findings.filter((f) => f.placement);
  const sidesWithAbnormal = new Set(findings.filter((f) => f.abnormal).map((f) => f.side));
  if ((input.ncs ?? []).length === 0) out.push('No nerve conduction studies entered: sensory responses (root versus plexus or nerve) and a polyneuropathy could not be assessed.');
  for (const side of sidesWithAbnormal) {
    const own = placedFindings.filter((f) => f.side === side);
    if (!own.some((f) => f.placement!.branch === 'dorsal-rami')) out.push(`${SIDE_WORD[side]}: paraspinal muscles not examined — a root lesion is neither supported nor excluded by them.`);
    const muscles = own.filter((f) => f.kind === 'muscle');
    if (muscles.length > 0 && !own.some((f) => f.vocabularyId === 'gluteus-maximus')) {
      const gluteal = own.filter((f) => f.vocabularyId === 'gluteus-medius' || f.vocabularyId === 'tensor-fasciae-latae');
      out.push(
        gluteal.length > 0
          ? `${SIDE_WORD[side]}: gluteus maximus not examined — gluteal sparing rests on ${gluteal.map((f) => f.label.replace(/^(Left|Right) /, '').toLowerCase()).join(' and ')} alone.`
          : `${SIDE_WORD[side]}: gluteus maximus not examined.`,
      );
    }
  }
  const sidesExamined = new Set(placedFindings.map((f) => f.side));
  if (sidesExamined.size === 1 && sidesWithAbnormal.size > 0) {
    out.push('Only one limb examined: there is no side-to-side control, so a diffuse process cannot be told from a focal one.');
  }
  if (findings.some((f) => f.abnormal && f.kind === 'muscle')) {
    out.push('Limb EMG shows the most proximal abnormal muscle, not the upper end of a lesion: involvement proximal to the muscles examined cannot be excluded.');
  }
  if (input.ageYears === undefined && (input.ncs ?? []).some((r) => /sural/i.test(r.nerve))) {
    out.push('Patient age unknown: the age-independent sural limit was used (age-dependent limits from 60 years, Tavee 2014).');
  }
  return out;
}

/**
 * Localize from needle EMG (and optionally nerve conduction) findings, HINT-style with graded
 * evidence: find the sets of focal lesion sites — or a generalized length-dependent polyneuropathy,
 * alone or with focal lesions — that best explain the abnormal findings while sparing the normal
 * ones, ranked by one cost (parameters.ts). Confidence is never 'definite'; 'probable' needs a
 * clearly best hypothesis explaining at least two findings of non-weak evidence with no
 * contradiction; 'conflicting' when the best leaves strong findings unexplained or is contradicted
 * by a normal finding; a study whose only abnormality is reduced recruitment is at most 'possible'.
 */
export function localizeLesions(input: LocalizationInput, options: LocalizationOptions = {}): LocalizationResult {
  const weights: LocalizationWeights = { ...DEFAULT_WEIGHTS, ...options.weights };
  const ew: EvidenceWeights = { ...EVIDENCE_WEIGHTS, ...options.evidence };
  const { findings, notes } = buildFindings(input.emg, input.ncs ?? [], {
    ...(input.ncsLimits ? { limits: input.ncsLimits } : {}),
    ...(input.ageYears !== undefined ? { ageYears: input.ageYears } : {}),
    evidence: ew,
  });
  const rules = evaluateRules(findings);
  const rulesFired = rules.map(({ favours: _favours, strength: _strength, ...rest }) => rest);
  const flags = rules.filter((r) => r.id === LOCALIZING_RULES.myokymia.id).map((r) => r.text);
  const limitations = limitationsOf(input, findings);
  const abnormalFindings = findings.filter((f) => f.abnormal);
  const recruitmentOnlyStudy = abnormalFindings.length > 0 && abnormalFindings.every((f) => f.recruitmentOnly);
  if (recruitmentOnlyStudy) flags.push(RECRUITMENT_ONLY_SENTENCE);
  else {
    const weakMuscles = abnormalFindings.filter((f) => f.recruitmentOnly);
    if (weakMuscles.length > 0) notes.push(`Recruitment change only (weak evidence): ${weakMuscles.map((f) => f.label).join(', ')}.`);
  }
  const base = { findings, rulesFired, flags, notes, limitations, tied: false };

  if (findings.length === 0) {
    return { ...base, confidence: 'none', summary: 'No EMG or nerve-conduction findings entered: nothing to localize.', alternatives: [] };
  }
  if (abnormalFindings.length === 0) {
    return { ...base, confidence: 'none', summary: NORMAL_STUDY_SUMMARY, alternatives: [] };
  }
  if (!findings.some((f) => f.abnormal && f.placement)) {
    return {
      ...base,
      confidence: 'possible',
      summary: 'The abnormal findings are free text outside the vocabulary: they cannot be localized until the muscles or studies are chosen.',
      alternatives: [],
    };
  }

  const maxLesions = Math.max(1, Math.min(3, Math.floor(options.maxLesions ?? 3)));
  const shown = Math.max(1, options.maxAlternatives ?? 5);
  const evaluations = searchLesionSets(findings, {
    maxLesions,
    weights,
    evidence: ew,
    rules,
    ruleWeights: { ...RULE_WEIGHTS, ...options.ruleWeights },
    polyneuropathy: options.polyneuropathy ?? true,
    limit: Math.max(2, shown),
  });
  const best = evaluations[0]!;
  const runnerUp = evaluations[1];
  let diffuse: DiffuseProcess | null = null;
  const diffuseOf = (): DiffuseProcess => (diffuse ??= classifyPolyneuropathy(findings, input, ew));
  const alternatives = evaluations.slice(0, shown).map((e) => toHypothesis(e, findings, rules, diffuseOf, ew));
  const top = alternatives[0]!;

  const strongUnexplained = best.unexplained.filter((i) => findings[i]!.weight >= ew.weakBelow);
  const strongExplained = best.explains.filter((i) => findings[i]!.weight >= ew.weakBelow);
  const margin = runnerUp ? runnerUp.cost - best.cost : Infinity;
  const tied = margin < weights.clearMargin - 1e-9;
  let confidence: LocalizationConfidence;
  if (strongUnexplained.length > 0 || best.strongCount > 0) confidence = 'conflicting';
  else if (!recruitmentOnlyStudy && strongExplained.length >= 2 && !tied) confidence = 'probable';
  else confidence = 'possible';

  let summary: string;
  if (confidence === 'conflicting') {
    const problems: string[] = [];
    if (strongUnexplained.length > 0) problems.push(`leaves ${labels(findings, strongUnexplained)} unexplained`);
    const strong = best.contradictions.filter((c) => c.strong).map((c) => c.findingIndex);
    if (strong.length > 0) problems.push(`is contradicted by normal ${labels(findings, strong)}`);
    summary = `Conflicting findings: the best explanation (${top.pattern}) ${problems.join(' and ')}.`;
  } else if (confidence === 'probable') {
    summary = `Probable: ${top.pattern}.`;
  } else if (recruitmentOnlyStudy) {
    // Recruitment alone localizes nothing firmly: say why first, then what a lesion would be.
    summary = `${RECRUITMENT_ONLY_SENTENCE} If it is a lesion, possible: ${top.pattern} (weak evidence).`;
  } else {
    const next = alternatives[1];
    summary = next ? `Possible: ${top.pattern} (${tied ? 'equally likely' : 'alternatively'} ${next.pattern}).` : `Possible: ${top.pattern}.`;
  }

  return { ...base, confidence, summary, alternatives, tied };
}
