import type { Side } from '../types';
import type { LesionLevel, NodeId } from './graph';
import { LESION_LEVELS } from './graph';
import { ancestorsOf, isRootNode, lesionAffects, rootOf, territorySize } from './graphQueries';
import type { LocalizationWeights, LocalizedFinding } from './types';

export const DEFAULT_WEIGHTS: LocalizationWeights = {
  strongContradiction: 1,
  partialSparing: 0.2,
  multiRootSparing: 0.25,
  extraLesion: 1,
  clearMargin: 0.15,
};

export interface Candidate {
  readonly level: LesionLevel;
  readonly side: Side;
  readonly order: number;
  readonly territory: number;
}

export interface Contradiction {
  readonly findingIndex: number;
  readonly weight: number;
  readonly strong: boolean;
}

export interface Evaluation {
  readonly members: readonly Candidate[];
  readonly explains: readonly number[];
  readonly unexplained: readonly number[];
  readonly contradictions: readonly Contradiction[];
  readonly strongCount: number;
  readonly cost: number;
  readonly territory: number;
}

function placed(f: LocalizedFinding): f is LocalizedFinding & { placement: NonNullable<LocalizedFinding['placement']> } {
  return f.placement !== null;
}

export function explainsFinding(candidate: Candidate, finding: LocalizedFinding): boolean {
  return candidate.side === finding.side && placed(finding) && lesionAffects(candidate.level, finding.placement);
}

/**
 * Nodes with an abnormal finding at or below them, per side: a normal finding attached to such a
 * node lies in a nerve that is otherwise affected (partial, fascicular sparing).
 */
function affectedNodes(findings: readonly LocalizedFinding[]): Record<Side, Set<NodeId>> {
  const result: Record<Side, Set<NodeId>> = { L: new Set(), R: new Set() };
  for (const f of findings) {
    if (!f.abnormal || !placed(f) || f.placement.branch === 'dorsal-rami') continue;
    for (const node of ancestorsOf(f.placement.branch)) result[f.side].add(node);
  }
  return result;
}

/**
 * How strongly a normal finding counts against a lesion at `candidate` (null: not at all).
 * Roots: a normal muscle supplied by that root alone is a strong contradiction; one with other roots is
 * weak (the other roots can keep it normal); sensory responses never count (preganglionic, S26).
 * Other sites: a normal muscle in a branch that leaves at the site itself is weak (the branch may leave
 * above the lesion); a preserved SNAP distal to the site is strong (S25, S26); a normal muscle in a
 * nerve that is otherwise affected is weak (partial lesion); a normal muscle in a wholly spared branch is strong.
 */
export function contradictionOf(
  candidate: Candidate,
  finding: LocalizedFinding,
  affected: Record<Side, Set<NodeId>>,
  w: LocalizationWeights,
): Omit<Contradiction, 'findingIndex'> | null {
  if (finding.abnormal || !explainsFinding(candidate, finding) || !placed(finding)) return null;
  const { branch, roots, postganglionicSensory } = finding.placement;
  if (isRootNode(candidate.level)) {
    if (!roots.includes(rootOf(candidate.level))) return null;
    return roots.length === 1
      ? { weight: w.strongContradiction, strong: true }
      : { weight: w.multiRootSparing, strong: false };
  }
  if (branch === candidate.level) return { weight: w.partialSparing, strong: false };
  if (postganglionicSensory) return { weight: w.strongContradiction, strong: true };
  if (affected[finding.side].has(branch)) return { weight: w.partialSparing, strong: false };
  return { weight: w.strongContradiction, strong: true };
}

interface Prepared {
  readonly candidate: Candidate;
  readonly explains: ReadonlySet<number>;
  readonly contradictions: ReadonlyMap<number, Omit<Contradiction, 'findingIndex'>>;
}

function evaluateSet(members: readonly Prepared[], abnormal: readonly number[], w: LocalizationWeights): Evaluation {
  const explained = new Set<number>();
  for (const m of members) for (const i of m.explains) explained.add(i);
  const worst = new Map<number, Omit<Contradiction, 'findingIndex'>>();
  for (const m of members) {
    for (const [i, c] of m.contradictions) {
      const prev = worst.get(i);
      if (!prev || c.weight > prev.weight) worst.set(i, c);
    }
  }
  const contradictions = [...worst.entries()].map(([findingIndex, c]) => ({ findingIndex, ...c })).sort((a, b) => a.findingIndex - b.findingIndex);
  const cost =
    contradictions.reduce((sum, c) => sum + c.weight, 0) + w.extraLesion * Math.max(0, members.length - 1);
  return {
    members: members.map((m) => m.candidate),
    explains: abnormal.filter((i) => explained.has(i)),
    unexplained: abnormal.filter((i) => !explained.has(i)),
    contradictions,
    strongCount: contradictions.filter((c) => c.strong).length,
    cost: Math.round(cost * 1e6) / 1e6,
    territory: members.reduce((sum, m) => sum + m.candidate.territory, 0),
  };
}

/** Every member must explain an abnormal finding that no other member explains (HINT's minimal sets). */
function irredundant(members: readonly Prepared[]): boolean {
  return members.every((m, i) =>
    [...m.explains].some((f) => !members.some((other, j) => j !== i && other.explains.has(f))),
  );
}

export function compareEvaluations(a: Evaluation, b: Evaluation): number {
  return (
    a.unexplained.length - b.unexplained.length ||
    a.cost - b.cost ||
    a.members.length - b.members.length ||
    a.territory - b.territory ||
    compareOrders(a.members.map((m) => m.order), b.members.map((m) => m.order))
  );
}

function compareOrders(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = a[i]! - b[i]!;
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

/**
 * HINT-like search: every node (root levels individually, plexus parts, sciatic trunk and divisions,
 * peroneal and tibial nerves, gluteal nerves, pudendal, femoral, obturator) on each side is a candidate;
 * sets of 1…maxLesions candidates in which every member explains something the others do not are
 * ranked by (unexplained abnormal findings, cost = contradictions + partial sparing + extra lesions,
 * set size, territory size = specificity).
 */
export function searchLesionSets(findings: readonly LocalizedFinding[], maxLesions: number, w: LocalizationWeights): Evaluation[] {
  const abnormal = findings.flatMap((f, i) => (f.abnormal && placed(f) ? [i] : []));
  if (abnormal.length === 0) return [];
  const affected = affectedNodes(findings);

  const prepared: Prepared[] = [];
  let order = 0;
  for (const side of ['L', 'R'] as const) {
    for (const level of LESION_LEVELS) {
      const candidate: Candidate = { level, side, order: order++, territory: territorySize(level) };
      const explains = new Set(abnormal.filter((i) => explainsFinding(candidate, findings[i]!)));
      if (explains.size === 0) continue;
      const contradictions = new Map<number, Omit<Contradiction, 'findingIndex'>>();
      findings.forEach((f, i) => {
        const c = contradictionOf(candidate, f, affected, w);
        if (c) contradictions.set(i, c);
      });
      prepared.push({ candidate, explains, contradictions });
    }
  }

  const results: Evaluation[] = [];
  const limit = Math.max(1, Math.min(3, Math.floor(maxLesions)));
  const n = prepared.length;
  for (let a = 0; a < n; a++) {
    results.push(evaluateSet([prepared[a]!], abnormal, w));
    if (limit < 2) continue;
    for (let b = a + 1; b < n; b++) {
      const pair = [prepared[a]!, prepared[b]!];
      if (irredundant(pair)) results.push(evaluateSet(pair, abnormal, w));
      if (limit < 3) continue;
      for (let c = b + 1; c < n; c++) {
        const triple = [prepared[a]!, prepared[b]!, prepared[c]!];
        if (irredundant(triple)) results.push(evaluateSet(triple, abnormal, w));
      }
    }
  }
  return results.sort(compareEvaluations);
}
