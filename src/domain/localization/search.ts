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
  /** The abnormal findings it explains, as a bitset over positions in the `abnormal` list. */
  readonly bits: Uint32Array;
  /** Its contradictions as parallel arrays, in ascending finding order (cost without building maps). */
  readonly contraIndex: Int32Array;
  readonly contraWeight: Float64Array;
  /** Sum of its own contradiction weights: a lower bound for any set it belongs to. */
  ownCost: number;
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

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * The sort key of a lesion set (what compareEvaluations orders by), computed from bitsets and
 * the sparse contradiction lists without building the Evaluation: the search ranks thousands of
 * sets and builds full evaluations only for the ones it returns.
 */
interface SetKey {
  readonly members: readonly Prepared[];
  readonly unexplained: number;
  readonly cost: number;
  readonly territory: number;
}

/** Scratch space for the worst contradiction weight per finding (reset after each use). */
class CostScratch {
  private readonly worst: Float64Array;
  private readonly seen: Uint8Array;
  private readonly touched: number[] = [];

  constructor(findings: number) {
    this.worst = new Float64Array(findings);
    this.seen = new Uint8Array(findings);
  }

  /** Same sum, in the same order (ascending finding index), as evaluateSet: identical rounding. */
  cost(members: readonly Prepared[], w: LocalizationWeights): number {
    const { worst, seen, touched } = this;
    for (const m of members) {
      const { contraIndex, contraWeight } = m;
      for (let k = 0; k < contraIndex.length; k++) {
        const i = contraIndex[k]!;
        const weight = contraWeight[k]!;
        if (!seen[i]) {
          seen[i] = 1;
          worst[i] = weight;
          touched.push(i);
        } else if (weight > worst[i]!) worst[i] = weight;
      }
    }
    if (touched.length > 1) touched.sort((a, b) => a - b);
    let sum = 0;
    for (const i of touched) {
      sum += worst[i]!;
      seen[i] = 0;
    }
    touched.length = 0;
    const cost = sum + w.extraLesion * Math.max(0, members.length - 1);
    return Math.round(cost * 1e6) / 1e6;
  }
}

function compareKeys(a: SetKey, b: SetKey): number {
  return (
    a.unexplained - b.unexplained ||
    a.cost - b.cost ||
    a.members.length - b.members.length ||
    a.territory - b.territory ||
    compareOrders(a.members.map((m) => m.candidate.order), b.members.map((m) => m.candidate.order))
  );
}

/**
 * The `limit` smallest keys in order. Different sets never compare equal (candidate orders are
 * unique), so the result is exactly the head of the fully sorted list.
 */
class TopKeys {
  readonly keys: SetKey[] = [];
  constructor(private readonly limit: number) {}

  /** The key a set must beat to enter, once the list is full. */
  get worst(): SetKey | null {
    return this.keys.length >= this.limit ? this.keys[this.keys.length - 1]! : null;
  }

  offer(key: SetKey): void {
    const { keys, limit } = this;
    if (keys.length >= limit && compareKeys(key, keys[keys.length - 1]!) >= 0) return;
    let at = keys.length;
    while (at > 0 && compareKeys(key, keys[at - 1]!) < 0) at--;
    keys.splice(at, 0, key);
    if (keys.length > limit) keys.pop();
  }
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
 * set size, territory size = specificity). Returns the best `limit` evaluations (default: all).
 *
 * Sets are screened with bitsets (irredundancy, unexplained count) and sparse contradiction lists
 * (cost); full evaluations are built only for the sets returned, so a study with hundreds of
 * muscles stays fast.
 */
export function searchLesionSets(
  findings: readonly LocalizedFinding[],
  maxLesions: number,
  w: LocalizationWeights,
  limit = Infinity,
): Evaluation[] {
  const abnormal = findings.flatMap((f, i) => (f.abnormal && placed(f) ? [i] : []));
  if (abnormal.length === 0) return [];
  const affected = affectedNodes(findings);
  const words = Math.ceil(abnormal.length / 32);

  const prepared: Prepared[] = [];
  let order = 0;
  for (const side of ['L', 'R'] as const) {
    for (const level of LESION_LEVELS) {
      const candidate: Candidate = { level, side, order: order++, territory: territorySize(level) };
      const bits = new Uint32Array(words);
      const explained: number[] = [];
      abnormal.forEach((i, position) => {
        if (!explainsFinding(candidate, findings[i]!)) return;
        explained.push(i);
        bits[position >>> 5]! |= 1 << (position & 31);
      });
      if (explained.length === 0) continue;
      const contradictions = new Map<number, Omit<Contradiction, 'findingIndex'>>();
      findings.forEach((f, i) => {
        const c = contradictionOf(candidate, f, affected, w);
        if (c) contradictions.set(i, c);
      });
      prepared.push({
        candidate,
        explains: new Set(explained),
        contradictions,
        bits,
        contraIndex: Int32Array.from(contradictions.keys()),
        contraWeight: Float64Array.from(contradictions.values(), (c) => c.weight),
        ownCost: 0,
      });
    }
  }

  const scratch = new CostScratch(findings.length);
  for (const p of prepared) p.ownCost = scratch.cost([p], w);
  const top = new TopKeys(Math.max(1, limit));
  // The cost bound below holds only when no weight is negative.
  const boundable = w.strongContradiction >= 0 && w.partialSparing >= 0 && w.multiRootSparing >= 0 && w.extraLesion >= 0;
  const all: SetKey[] = [];
  const keep = (union: Uint32Array, a: Prepared, b?: Prepared, c?: Prepared): void => {
    let covered = 0;
    for (let k = 0; k < words; k++) covered += popcount(union[k]!);
    const unexplained = abnormal.length - covered;
    const worst = limit === Infinity ? null : top.worst;
    if (worst) {
      // Skip sets that cannot enter the list: more unexplained findings, or a cost whose lower
      // bound (the costliest member alone, plus the extra lesions) is already higher.
      if (unexplained > worst.unexplained) return;
      if (unexplained === worst.unexplained && boundable) {
        const bound = Math.max(a.ownCost, b?.ownCost ?? 0, c?.ownCost ?? 0) + w.extraLesion * ((b ? 1 : 0) + (c ? 1 : 0));
        if (bound - 1e-6 > worst.cost) return;
      }
    }
    const members = c ? [a, b!, c] : b ? [a, b] : [a];
    let territory = 0;
    for (const m of members) territory += m.candidate.territory;
    const key: SetKey = { members, unexplained, cost: scratch.cost(members, w), territory };
    if (limit === Infinity) all.push(key);
    else top.offer(key);
  };

  const maxSize = Math.max(1, Math.min(3, Math.floor(maxLesions)));
  const n = prepared.length;
  const unionAB = new Uint32Array(words);
  const unionABC = new Uint32Array(words);
  for (let a = 0; a < n; a++) {
    const A = prepared[a]!;
    keep(A.bits, A);
    if (maxSize < 2) continue;
    for (let b = a + 1; b < n; b++) {
      const B = prepared[b]!;
      // Irredundant (HINT's minimal sets): each member explains a finding no other member does.
      let aOwn = false;
      let bOwn = false;
      for (let k = 0; k < words; k++) {
        const x = A.bits[k]!, y = B.bits[k]!;
        if (x & ~y) aOwn = true;
        if (y & ~x) bOwn = true;
        unionAB[k] = x | y;
      }
      if (aOwn && bOwn) keep(unionAB, A, B);
      if (maxSize < 3) continue;
      for (let c = b + 1; c < n; c++) {
        const C = prepared[c]!;
        let aOnly = false;
        let bOnly = false;
        let cOnly = false;
        for (let k = 0; k < words; k++) {
          const x = A.bits[k]!, y = B.bits[k]!, z = C.bits[k]!;
          if (x & ~(y | z)) aOnly = true;
          if (y & ~(x | z)) bOnly = true;
          if (z & ~(x | y)) cOnly = true;
          unionABC[k] = x | y | z;
        }
        if (aOnly && bOnly && cOnly) keep(unionABC, A, B, C);
      }
    }
  }
  const ranked = limit === Infinity ? all.sort(compareKeys) : top.keys;
  return ranked.map((key) => evaluateSet(key.members, abnormal, w));
}
