import type { Side } from '../types';
import type { RootLevel } from '../emg';
import { ROOT_LEVELS } from '../emg';
import type { LesionLevel } from './graph';
import { getNode, isAtOrBelow, isRootNode, rootOf } from './graphQueries';
import { buildFindings } from './findings';
import { evaluateRules, LOCALIZING_RULES, ruleLine, type RuleFiring } from './rules';
import { DEFAULT_WEIGHTS, searchLesionSets, type Candidate, type Evaluation } from './search';
import type {
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

function sideParts(members: readonly Candidate[], findings: readonly LocalizedFinding[], side: Side): string[] {
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
    parts.push(name);
  }
  return parts;
}

/** "Right L5 radiculopathy (level probable)", "Bilateral S1 radiculopathy …", "Right S1 … + left sciatic neuropathy". */
function patternOf(members: readonly Candidate[], findings: readonly LocalizedFinding[]): string {
  const bySide = (['R', 'L'] as const)
    .map((side) => ({ side, own: members.filter((m) => m.side === side) }))
    .filter((s) => s.own.length > 0)
    .map((s) => ({ side: s.side, parts: sideParts(s.own, findings, s.side) }));
  if (bySide.length === 2 && bySide[0]!.parts.join('|') === bySide[1]!.parts.join('|')) {
    return `Bilateral ${bySide[0]!.parts.join(' + ')}`;
  }
  const text = bySide.flatMap((s) => s.parts.map((part) => `${SIDE_WORD[s.side].toLowerCase()} ${part}`)).join(' + ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function labels(findings: readonly LocalizedFinding[], indices: readonly number[]): string {
  return indices.map((i) => findings[i]!.label).join(', ');
}

function toHypothesis(e: Evaluation, findings: readonly LocalizedFinding[], rules: readonly RuleFiring[]): LesionHypothesis {
  const sites: LesionSite[] = e.members.map((m) => ({ level: m.level, side: m.side, label: lesionSiteLabel(m.level, m.side) }));
  const strong = e.contradictions.filter((c) => c.strong).map((c) => c.findingIndex);
  const partial = e.contradictions.filter((c) => !c.strong).map((c) => c.findingIndex);
  const abnormalCount = e.explains.length + e.unexplained.length;
  const where = sites.map((s) => s.label).join(' + ');

  const reasoning: string[] = [];
  reasoning.push(`${where} explains ${e.explains.length} of ${abnormalCount} abnormal findings: ${labels(findings, e.explains)}.`);
  if (e.unexplained.length > 0) reasoning.push(`Leaves unexplained: ${labels(findings, e.unexplained)}.`);
  for (const i of strong) {
    reasoning.push(`Against: ${findings[i]!.label} is normal although a lesion here should affect it.`);
  }
  if (partial.length > 0) {
    reasoning.push(
      `Spared although downstream (a partial lesion or the other roots can spare them; weighed lightly): ${labels(findings, partial)}.`,
    );
  }
  const sides = new Set(e.members.map((m) => m.side));
  for (const rule of rules) {
    if (!sides.has(rule.side)) continue;
    if (!rule.favours) {
      reasoning.push(rule.text);
      continue;
    }
    const supports = e.members.some((m) => m.side === rule.side && rule.favours!(m.level));
    reasoning.push(`${supports ? 'Supports' : 'Against'} — ${rule.text}`);
  }
  for (const side of sides) {
    if (e.members.some((m) => m.side === side && m.level === 'sciatic-trunk')) {
      const p = divisionPredominance(findings, side);
      if (p) reasoning.push(`${SIDE_WORD[side]}: ${p.line}`);
    }
  }
  if (e.members.some((m) => isRootNode(m.level))) reasoning.push(ruleLine(LOCALIZING_RULES.rootVariation));

  return {
    sites,
    pattern: patternOf(e.members, findings),
    explains: e.explains.map((i) => findings[i]!.id),
    unexplained: e.unexplained.map((i) => findings[i]!.id),
    contradicted: strong.map((i) => findings[i]!.id),
    spared: partial.map((i) => findings[i]!.id),
    cost: e.cost,
    reasoning,
  };
}

/**
 * Localize a lesion from needle EMG (and optionally nerve conduction) findings, HINT-style: find the
 * smallest sets of lesion sites that explain every abnormal finding while sparing the normal ones,
 * and rank the alternatives. Confidence is never 'definite'; 'probable' needs one clearly best
 * hypothesis explaining everything with at least two supporting findings and no contradiction;
 * 'conflicting' when even the best hypothesis leaves findings unexplained or is contradicted by a
 * normal finding; 'none' for a normal study.
 */
export function localizeLesions(input: LocalizationInput, options: LocalizationOptions = {}): LocalizationResult {
  const weights: LocalizationWeights = { ...DEFAULT_WEIGHTS, ...options.weights };
  const { findings, notes } = buildFindings(input.emg, input.ncs ?? [], input.ncsLimits);
  const rules = evaluateRules(findings);
  const rulesFired = rules.map(({ favours: _favours, ...rest }) => rest);
  const flags = rules.filter((r) => r.id === LOCALIZING_RULES.myokymia.id).map((r) => r.text);
  const base = { findings, rulesFired, flags, notes };

  if (findings.length === 0) {
    return { ...base, confidence: 'none', summary: 'No EMG or nerve-conduction findings entered: nothing to localize.', alternatives: [] };
  }
  if (!findings.some((f) => f.abnormal)) {
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
  // Only the best few are needed: the shown alternatives, and the runner-up for the confidence.
  const evaluations = searchLesionSets(findings, maxLesions, weights, Math.max(2, shown));
  const best = evaluations[0]!;
  const runnerUp = evaluations[1];
  const alternatives = evaluations.slice(0, shown).map((e) => toHypothesis(e, findings, rules));
  const top = alternatives[0]!;

  let confidence: LocalizationConfidence;
  if (best.unexplained.length > 0 || best.strongCount > 0) confidence = 'conflicting';
  else if (
    best.explains.length >= 2 &&
    (!runnerUp || runnerUp.unexplained.length > 0 || runnerUp.cost - best.cost >= weights.clearMargin - 1e-9)
  ) {
    confidence = 'probable';
  } else confidence = 'possible';

  let summary: string;
  if (confidence === 'conflicting') {
    const problems: string[] = [];
    if (best.unexplained.length > 0) problems.push(`leaves ${labels(findings, best.unexplained)} unexplained`);
    const strong = best.contradictions.filter((c) => c.strong).map((c) => c.findingIndex);
    if (strong.length > 0) problems.push(`is contradicted by normal ${labels(findings, strong)}`);
    const diffuse =
      best.unexplained.length > 0
        ? ` Findings that no combination of up to ${maxLesions} lesion site${maxLesions > 1 ? 's' : ''} explains may reflect a diffuse process (e.g. polyneuropathy), which this model does not cover.`
        : '';
    summary = `Conflicting findings: the best explanation (${top.pattern}) ${problems.join(' and ')}.${diffuse}`;
  } else if (confidence === 'probable') {
    summary = `Probable: ${top.pattern}.`;
  } else {
    const next = alternatives[1];
    summary = next ? `Possible: ${top.pattern} (alternatively ${next.pattern}).` : `Possible: ${top.pattern}.`;
  }

  return { ...base, confidence, summary, alternatives };
}
