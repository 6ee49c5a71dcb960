import type { Side } from '../types';
import type { LesionLevel, NodeId } from './graph';
import { LESION_LEVELS } from './graph';
import { ancestorsOf, isRootNode, lesionAffects, rootOf, territorySize } from './graphQueries';
import { SEARCH_WEIGHTS, type EvidenceWeights } from './parameters';
import type { RuleFiring } from './rules';
import type { LocalizationWeights, LocalizedFinding } from './types';

/** The search weights (parameters.ts), kept under their old name for callers. */
export const DEFAULT_WEIGHTS: LocalizationWeights = SEARCH_WEIGHTS;

/** A focal lesion site on one side, or the generalized polyneuropathy (both sides). */
export interface Candidate {
  /** null for the polyneuropathy. */
  readonly level: LesionLevel | null;
  readonly side: Side | 'both';
  readonly diffuse: boolean;
  readonly order: number;
  readonly territory: number;
}

export interface Contradiction {
  readonly findingIndex: number;
  readonly weight: number;
  readonly strong: boolean;
}

export interface RulePenalty {
  readonly ruleIndex: number;
  readonly weight: number;
}

export interface Evaluation {
  readonly members: readonly Candidate[];
  readonly explains: readonly number[];
  readonly unexplained: readonly number[];
  readonly contradictions: readonly Contradiction[];
  readonly strongCount: number;
  /** Total ranking cost (parameters.ts). */
  readonly cost: number;
  /** unexplainedFactor × Σ weights of the unexplained findings. */
  readonly unexplainedCost: number;
  /** Rules that argue against the set, with what they cost it. */
  readonly rulePenalties: readonly RulePenalty[];
  /** Fixed costs of members (polyneuropathy without a control limb) and non-main roots. */
  readonly fixedCost: number;
  readonly territory: number;
}

function placed(f: LocalizedFinding): f is LocalizedFinding & { placement: NonNullable<LocalizedFinding['placement']> } {
  return f.placement !== null;
}

/** Branches below the knee: the territory of a length-dependent polyneuropathy in the leg. */
const DISTAL_BRANCHES: ReadonlySet<NodeId> = new Set(['common-peroneal-fibular-head', 'deep-peroneal', 'superficial-peroneal', 'tibial']);
const FOOT_MUSCLES: ReadonlySet<string> = new Set(['extensor-digitorum-brevis', 'abductor-hallucis', 'flexor-hallucis-brevis']);
const DISTAL_MOTOR_STUDIES: ReadonlySet<string> = new Set(['peroneal-motor-edb', 'tibial-motor-ah', 'tibial-motor-fdmb']);

/** Would a length-dependent polyneuropathy explain this abnormal finding? (Distal, not a focal or one-sided conduction finding.) */
export function polyneuropathyExplains(finding: LocalizedFinding): boolean {
  return placed(finding) && DISTAL_BRANCHES.has(finding.placement.branch) && !finding.segmentFocal && !finding.sideToSideOnly;
}

export function explainsFinding(candidate: Candidate, finding: LocalizedFinding): boolean {
  if (!placed(finding)) return false;
  if (candidate.diffuse) return polyneuropathyExplains(finding);
  if (candidate.side !== finding.side || candidate.level === null) return false;
  // Conduction block or focal slowing across a segment is explained only by a lesion at that segment.
  if (finding.segmentFocal) return candidate.level === finding.placement.branch;
  return lesionAffects(candidate.level, finding.placement);
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

/** Sides and nodes with a focal demyelinating finding (conduction block / focal slowing) exactly there. */
function demyelinatingNodes(findings: readonly LocalizedFinding[]): Set<string> {
  return new Set(findings.filter((f) => f.segmentFocal && f.placement).map((f) => `${f.side}|${f.placement!.branch}`));
}

interface Context {
  readonly findings: readonly LocalizedFinding[];
  readonly affected: Record<Side, Set<NodeId>>;
  readonly demyelinating: Set<string>;
  readonly evidence: EvidenceWeights;
}

/**
 * How strongly a normal finding counts against a focal lesion at `candidate` (null: not at all).
 * Roots: a normal muscle supplied by that root alone is a strong contradiction; one with other roots is
 * weak, weaker still where the root is a minor one and stronger where it is the main one (innervation
 * table); sensory responses never count (preganglionic, S26).
 * Other sites: a normal muscle in a branch that leaves at the site itself is weak (the branch may leave
 * above the lesion); a preserved SNAP distal to the site is strong (S25, S26) — unless the site shows
 * focal demyelination (conduction block, focal slowing), which spares the responses recorded below it;
 * a normal muscle in a nerve that is otherwise affected is weak (partial lesion); a normal muscle in a
 * wholly spared branch is strong.
 */
export function contradictionOf(
  candidate: Candidate,
  finding: LocalizedFinding,
  affected: Record<Side, Set<NodeId>>,
  w: LocalizationWeights,
  demyelinating: Set<string> = new Set(),
): Omit<Contradiction, 'findingIndex'> | null {
  if (candidate.diffuse || candidate.level === null) return null;
  if (finding.abnormal || !explainsFinding(candidate, finding) || !placed(finding)) return null;
  const { branch, roots, postganglionicSensory, mainRoot } = finding.placement;
  if (isRootNode(candidate.level)) {
    const root = rootOf(candidate.level);
    if (!roots.includes(root)) return null;
    if (roots.length === 1) return { weight: w.strongContradiction, strong: true };
    if (mainRoot === undefined) return { weight: w.multiRootSparing, strong: false };
    return { weight: mainRoot === root ? w.mainRootSparing : w.minorRootSparing, strong: false };
  }
  if (demyelinating.has(`${finding.side}|${candidate.level}`)) {
    // Focal demyelination spares the responses recorded below it, and a conduction block may be fascicular.
    if (finding.kind === 'ncs') return null;
    return { weight: w.partialSparing, strong: false };
  }
  if (branch === candidate.level) return { weight: w.partialSparing, strong: false };
  if (postganglionicSensory) return { weight: w.strongContradiction, strong: true };
  if (affected[finding.side].has(branch)) return { weight: w.partialSparing, strong: false };
  return { weight: w.strongContradiction, strong: true };
}

/** How strongly a normal finding counts against a length-dependent polyneuropathy (null: not at all). */
function polyneuropathyContradiction(
  finding: LocalizedFinding,
  ctx: Context,
  w: LocalizationWeights,
): Omit<Contradiction, 'findingIndex'> | null {
  if (finding.abnormal || !placed(finding)) return null;
  const id = finding.vocabularyId ?? '';
  const strongAbnormal = (f: LocalizedFinding): boolean => f.abnormal && f.weight >= ctx.evidence.weakBelow;
  const counterpart = ctx.findings.find((f) => f.side !== finding.side && f.vocabularyId === id && id !== '' && !f.segmentFocal);
  if (id === 'sural-sensory') return { weight: w.pnpNormalSural, strong: true };
  if (id === 'superficial-peroneal-sensory') return { weight: w.pnpNormalSensory, strong: false };
  if (FOOT_MUSCLES.has(id)) {
    const legAbnormal = ctx.findings.some(
      (f) => f.side === finding.side && f.kind === 'muscle' && strongAbnormal(f) && placed(f) && DISTAL_BRANCHES.has(f.placement.branch) && !FOOT_MUSCLES.has(f.vocabularyId ?? ''),
    );
    if (legAbnormal) return { weight: w.pnpGradientReversed, strong: true };
  }
  if (counterpart && strongAbnormal(counterpart) && polyneuropathyExplains(counterpart)) return { weight: w.pnpAsymmetry, strong: false };
  if (DISTAL_MOTOR_STUDIES.has(id)) return { weight: w.pnpNormalMotor, strong: false };
  return null;
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
  /** Costs of the member itself: polyneuropathy without a control limb; abnormal muscles of which it is not the main root. */
  readonly fixedCost: number;
  /** Per fired rule: 1 when the rule favours this candidate. */
  readonly favoured: Uint8Array;
  readonly covers: Readonly<Record<Side, boolean>>;
  /** Contradictions + fixed cost: a lower bound for any set it belongs to. */
  ownCost: number;
}

interface RuleCost {
  readonly side: Side;
  readonly weight: number;
}

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** The sort key of a lesion set, computed without building the Evaluation. */
interface SetKey {
  readonly members: readonly Prepared[];
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

  /** Σ worst contradiction per finding over the members, in ascending finding order (as evaluateSet). */
  contradictions(members: readonly Prepared[]): number {
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
    return sum;
  }
}

function rulePenalties(members: readonly Prepared[], rules: readonly RuleCost[]): RulePenalty[] {
  const out: RulePenalty[] = [];
  rules.forEach((rule, r) => {
    if (rule.weight <= 0) return;
    if (!members.some((m) => m.covers[rule.side])) return;
    if (members.some((m) => m.favoured[r] === 1)) return;
    out.push({ ruleIndex: r, weight: rule.weight });
  });
  return out;
}

function compareKeys(a: SetKey, b: SetKey): number {
  return (
    a.cost - b.cost ||
    a.members.length - b.members.length ||
    a.territory - b.territory ||
    compareOrders(a.members.map((m) => m.candidate.order), b.members.map((m) => m.candidate.order))
  );
}

/** The `limit` smallest keys in order (different sets never compare equal: candidate orders are unique). */
class TopKeys {
  readonly keys: SetKey[] = [];
  constructor(private readonly limit: number) {}

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

export interface SearchOptions {
  readonly maxLesions: number;
  readonly weights: LocalizationWeights;
  readonly evidence: EvidenceWeights;
  readonly rules: readonly RuleFiring[];
  readonly ruleWeights: Readonly<Record<string, number>>;
  readonly polyneuropathy: boolean;
  readonly limit?: number;
}

/**
 * HINT-like search with graded evidence: every graph node on each side is a candidate, and so is a
 * generalized length-dependent polyneuropathy (both sides at once). Sets of 1…maxLesions candidates
 * in which every member explains something the others do not are ranked by their cost
 * (parameters.ts): unexplained evidence, contradictions, extra lesions, fixed member costs and the
 * localizing rules that argue against the set. Returns the best `limit` evaluations.
 */
export function searchLesionSets(findings: readonly LocalizedFinding[], options: SearchOptions): Evaluation[] {
  const w = options.weights;
  const limit = options.limit ?? Infinity;
  const abnormal = findings.flatMap((f, i) => (f.abnormal && placed(f) ? [i] : []));
  if (abnormal.length === 0) return [];
  const ctx: Context = { findings, affected: affectedNodes(findings), demyelinating: demyelinatingNodes(findings), evidence: options.evidence };
  const words = Math.ceil(abnormal.length / 32);
  const weightAt = Float64Array.from(abnormal, (i) => findings[i]!.weight);
  const rules: RuleCost[] = options.rules.map((r) => ({ side: r.side, weight: round6((options.ruleWeights[r.id] ?? 0) * r.strength) }));
  const sidesExamined = new Set(findings.filter(placed).map((f) => f.side));

  const candidates: Candidate[] = [];
  let order = 0;
  for (const side of ['L', 'R'] as const) {
    for (const level of LESION_LEVELS) candidates.push({ level, side, diffuse: false, order: order++, territory: territorySize(level) });
  }
  if (options.polyneuropathy) candidates.push({ level: null, side: 'both', diffuse: true, order: order++, territory: Number.MAX_SAFE_INTEGER / 4 });

  const prepared: Prepared[] = [];
  for (const candidate of candidates) {
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
      const c = candidate.diffuse ? polyneuropathyContradiction(f, ctx, w) : contradictionOf(candidate, f, ctx.affected, w, ctx.demyelinating);
      if (c) contradictions.set(i, c);
    });
    let fixedCost = 0;
    if (candidate.diffuse && sidesExamined.size < 2) fixedCost += w.pnpNoControl;
    if (candidate.level && isRootNode(candidate.level)) {
      const root = rootOf(candidate.level);
      for (const i of explained) {
        const main = findings[i]!.placement?.mainRoot;
        if (findings[i]!.kind === 'muscle' && main !== undefined && main !== root) fixedCost += w.nonMainRootExplains;
      }
    }
    const favoured = Uint8Array.from(options.rules, (r) => (r.favours?.(candidate) ? 1 : 0));
    prepared.push({
      candidate,
      explains: new Set(explained),
      contradictions,
      bits,
      contraIndex: Int32Array.from(contradictions.keys()),
      contraWeight: Float64Array.from(contradictions.values(), (c) => c.weight),
      fixedCost: round6(fixedCost),
      favoured,
      covers: { L: candidate.side !== 'R', R: candidate.side !== 'L' },
      ownCost: 0,
    });
  }

  const scratch = new CostScratch(findings.length);
  for (const p of prepared) p.ownCost = scratch.contradictions([p]) + p.fixedCost;
  const unexplainedCost = (union: Uint32Array): number => {
    let sum = 0;
    for (let position = 0; position < abnormal.length; position++) {
      if (!(union[position >>> 5]! & (1 << (position & 31)))) sum += weightAt[position]!;
    }
    return w.unexplainedFactor * sum;
  };
  const costOf = (members: readonly Prepared[], unexplained: number): number => {
    let fixed = 0;
    for (const m of members) fixed += m.fixedCost;
    const penalties = rulePenalties(members, rules).reduce((sum, p) => sum + p.weight, 0);
    return round6(unexplained + scratch.contradictions(members) + fixed + penalties + w.extraLesion * Math.max(0, members.length - 1));
  };

  const top = new TopKeys(Math.max(1, limit));
  const boundable =
    w.strongContradiction >= 0 && w.partialSparing >= 0 && w.multiRootSparing >= 0 && w.extraLesion >= 0 && rules.every((r) => r.weight >= 0);
  const all: SetKey[] = [];
  const keep = (union: Uint32Array, a: Prepared, b?: Prepared, c?: Prepared): void => {
    const unexplained = unexplainedCost(union);
    const worst = limit === Infinity ? null : top.worst;
    if (worst && boundable) {
      const bound = unexplained + Math.max(a.ownCost, b?.ownCost ?? 0, c?.ownCost ?? 0) + w.extraLesion * ((b ? 1 : 0) + (c ? 1 : 0));
      if (bound - 1e-6 > worst.cost) return;
    }
    const members = c ? [a, b!, c] : b ? [a, b] : [a];
    let territory = 0;
    for (const m of members) territory += m.candidate.territory;
    const key: SetKey = { members, cost: costOf(members, unexplained), territory };
    if (limit === Infinity) all.push(key);
    else top.offer(key);
  };

  const maxSize = Math.max(1, Math.min(3, Math.floor(options.maxLesions)));
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
  return ranked.map((key) => evaluateSet(key, abnormal, findings, w, rules));
}

function evaluateSet(
  key: SetKey,
  abnormal: readonly number[],
  findings: readonly LocalizedFinding[],
  w: LocalizationWeights,
  rules: readonly RuleCost[],
): Evaluation {
  const members = key.members;
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
  const unexplained = abnormal.filter((i) => !explained.has(i));
  return {
    members: members.map((m) => m.candidate),
    explains: abnormal.filter((i) => explained.has(i)),
    unexplained,
    contradictions,
    strongCount: contradictions.filter((c) => c.strong).length,
    cost: key.cost,
    unexplainedCost: round6(w.unexplainedFactor * unexplained.reduce((sum, i) => sum + findings[i]!.weight, 0)),
    rulePenalties: rulePenalties(members, rules),
    fixedCost: round6(members.reduce((sum, m) => sum + m.fixedCost, 0)),
    territory: key.territory,
  };
}
