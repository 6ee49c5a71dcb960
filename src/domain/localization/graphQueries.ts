import { MUSCLES, NCS_NERVES, type MuscleDefinition, type NcsNerveDefinition, type RootLevel } from '../emg';
import type { NerveId, SiteId } from '../reference';
import { NERVE_GRAPH, type GraphNode, type LesionLevel, type NodeId, type RootNodeId } from './graph';

const byId = new Map<NodeId, GraphNode>(NERVE_GRAPH.map((n) => [n.id, n]));

export function getNode(id: NodeId): GraphNode {
  const node = byId.get(id);
  if (!node) throw new Error(`Unknown nerve graph node ${id}`);
  return node;
}

export function isRootNode(id: NodeId): id is RootNodeId {
  return id.startsWith('root-');
}

export function rootOf(id: RootNodeId): RootLevel {
  return id.slice('root-'.length) as RootLevel;
}

/** The node and its tree ancestors, nearest first (roots and dorsal rami have none). */
export function ancestorsOf(id: NodeId): NodeId[] {
  const chain: NodeId[] = [];
  let current: NodeId | null = id;
  while (current) {
    chain.push(current);
    current = byId.get(current)?.parent ?? null;
  }
  return chain;
}

/** True when `node` is `ancestor` or lies below it in the tree. */
export function isAtOrBelow(node: NodeId, ancestor: NodeId): boolean {
  return ancestorsOf(node).includes(ancestor);
}

/**
 * Does a lesion at `level` affect a muscle/study attached at `branch` with `roots`?
 * Roots: when the root set contains the level and the response is not a sensory (postganglionic)
 * one. Other nodes: when the branch lies at or below the node in the tree (never the dorsal rami).
 */
export function lesionAffects(
  level: LesionLevel,
  target: { readonly branch: NodeId; readonly roots: readonly RootLevel[]; readonly postganglionicSensory: boolean },
): boolean {
  if (isRootNode(level)) return !target.postganglionicSensory && target.roots.includes(rootOf(level));
  if (target.branch === 'dorsal-rami') return false;
  return isAtOrBelow(target.branch, level);
}

/** Vocabulary muscles a lesion at `level` would affect. */
export function musclesAffectedBy(level: LesionLevel): MuscleDefinition[] {
  return MUSCLES.filter((m) => lesionAffects(level, { branch: m.branch, roots: m.roots.levels, postganglionicSensory: false }));
}

/** Controlled conduction studies a lesion at `level` would affect. */
export function studiesAffectedBy(level: LesionLevel): NcsNerveDefinition[] {
  return NCS_NERVES.filter((n) => lesionAffects(level, n));
}

/** Size of a level's territory in the vocabulary (smaller = more specific). */
export function territorySize(level: LesionLevel): number {
  return musclesAffectedBy(level).length + studiesAffectedBy(level).length;
}

/**
 * Which graph node an imaged segment lies on: sciatic at the gluteal fold, mid-thigh or above the
 * bifurcation → sciatic trunk; tibial in the popliteal fossa → tibial nerve; common peroneal at the
 * fibular head → common peroneal nerve at the fibular head; common peroneal in the popliteal fossa →
 * the same nerve, but proximal to the fibular head (`aboveLesionSite`). A custom site is placed by its
 * nerve; a custom nerve cannot be placed.
 */
export interface SegmentPlacement {
  readonly nerve: NerveId;
  /** '*' = any site of this nerve not listed separately. */
  readonly site: SiteId | '*';
  readonly node: LesionLevel;
  /** The measured site lies on this node's nerve but proximal to the node's usual lesion site. */
  readonly aboveLesionSite?: boolean;
}

export const SEGMENT_NODES: readonly SegmentPlacement[] = [
  { nerve: 'sciatic', site: '*', node: 'sciatic-trunk' },
  { nerve: 'tibial', site: '*', node: 'tibial' },
  { nerve: 'common-peroneal', site: 'popliteal-fossa', node: 'common-peroneal-fibular-head', aboveLesionSite: true },
  { nerve: 'common-peroneal', site: '*', node: 'common-peroneal-fibular-head' },
];

export function segmentPlacement(nerve: NerveId, site: SiteId): SegmentPlacement | null {
  return SEGMENT_NODES.find((s) => s.nerve === nerve && s.site === site) ?? SEGMENT_NODES.find((s) => s.nerve === nerve && s.site === '*') ?? null;
}

export function segmentNode(nerve: NerveId, site: SiteId): LesionLevel | null {
  return segmentPlacement(nerve, site)?.node ?? null;
}

/** Vocabulary muscles downstream of a measured segment (empty when the segment cannot be placed). */
export function musclesDownstreamOf(nerve: NerveId, site: SiteId): MuscleDefinition[] {
  const node = segmentNode(nerve, site);
  return node ? musclesAffectedBy(node) : [];
}
