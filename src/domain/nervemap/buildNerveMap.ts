/**
 * The nerve map: every node of the lower-limb nerve graph, per side, marked from the findings —
 * the lesion sites of the EMG localization, the EMG/NCS findings attached at the node, and the
 * imaging verdict at measured sites on it, and the FDG PET/CT segments (SUV measurements placed
 * on their nerve segment, FDG-avid or not). Pure data for the UI's SVG map (and any other view).
 */
import type { Side } from '../types';
import type { RootLevel } from '../emg';
import type { SegmentComparison } from '../comparison';
import type { ConcordanceEntry } from '../concordance';
import {
  NERVE_GRAPH,
  isAtOrBelow,
  segmentPlacement,
  type GraphNode,
  type LocalizationResult,
  type LocalizedFinding,
  type NodeId,
  type NodeKind,
} from '../localization';
import { describeSideSize } from '../report';
import { formatMm2 } from '../comparison';
import { SHORT_LABELS } from './labels';
import type { FdgEvidence } from '../suv/fdgEvidence';
import { suvSentence } from '../suv/suvMeasurement';

/**
 * Precedence: lesion (a site of the most likely localization) > diffuse (the distal nerves of both
 * legs when the most likely localization includes a length-dependent polyneuropathy) > abnormal
 * findings here > normal findings here > untested.
 */
export type MapNodeState = 'lesion' | 'diffuse' | 'abnormal' | 'normal' | 'untested';
export type MapFindingsState = 'abnormal' | 'normal' | 'untested';
export type MapImagingState = 'enlarged' | 'normal' | 'not-judged';
/** How the nerve path into a node is drawn: within the territory of a lesion, leading to abnormal findings, or plain. */
export type MapEdgeState = 'lesion-territory' | 'abnormal-path' | 'plain';

export interface MapFinding {
  readonly id: string;
  readonly kind: 'muscle' | 'ncs';
  /** Without the side: "tibialis anterior". */
  readonly label: string;
  readonly abnormal: boolean;
  readonly reasons: readonly string[];
}

export interface MapMeasuredSite {
  readonly nerve: SegmentComparison['nerve'];
  readonly site: SegmentComparison['site'];
  readonly modality: SegmentComparison['modality'];
  /** "Sciatic nerve, gluteal fold (US)" */
  readonly label: string;
  readonly imaging: MapImagingState;
  /** "112.0 ± 2.0 mm² (mean ± SD of 3), above the upper limit 58.3 mm² (S1)" */
  readonly text: string;
  /** The concordance statement for this segment and side. */
  readonly concordance: string | null;
}

/** An SUV measurement at a node: FDG-avid (SUVmax at or above the convention's cut-off) or not. */
export type MapFdgState = 'avid' | 'not-avid';

export interface MapFdgSite {
  readonly measurementId: string;
  readonly nerve: SegmentComparison['nerve'];
  readonly site: SegmentComparison['site'];
  readonly fdg: MapFdgState;
  readonly suvMax: number;
  /** "S1: SUVmax 4.6, SUVmean 2.5, SUVpeak 4.3 (2-D) in a region on the left sciatic nerve at mid-thigh" */
  readonly text: string;
  /** How it relates to the EMG localization (FdgEvidence.statement). */
  readonly concordance: string;
}

export interface NerveMapNode {
  readonly id: NodeId;
  readonly side: Side;
  /** "Right sciatic nerve (trunk)" */
  readonly label: string;
  readonly shortLabel: string;
  readonly kind: NodeKind;
  readonly state: MapNodeState;
  readonly findingsState: MapFindingsState;
  /** 'best' = a site of the most likely localization; 'alternative' = a site of a ranked alternative only. */
  readonly lesion: 'best' | 'alternative' | null;
  /** Within the distal territory of a polyneuropathy of the most likely localization (both legs). */
  readonly diffuse: boolean;
  /** At a site of the most likely localization: the abnormal findings that localization explains (without the side). */
  readonly lesionExplains: readonly string[];
  /** Findings attached at this node (roots: the paraspinals of that level). */
  readonly findings: readonly MapFinding[];
  /** Roots only: other tested muscles and motor studies whose probable root supply includes this level. */
  readonly rootSupplied: readonly MapFinding[];
  readonly measuredSites: readonly MapMeasuredSite[];
  /** Worst imaging state over the measured sites; null when nothing was measured on this node. */
  readonly imaging: MapImagingState | null;
  /** SUV measurements placed on this node and side (FDG PET/CT). */
  readonly fdgSites: readonly MapFdgSite[];
  /** 'avid' when any of them is FDG-avid; null when no SUV was measured here. */
  readonly fdg: MapFdgState | null;
  readonly roots: readonly RootLevel[];
  readonly imagingAdvice: string;
}

export interface NerveMapEdge {
  readonly from: NodeId;
  readonly to: NodeId;
  readonly side: Side;
  readonly state: MapEdgeState;
}

export interface NerveMap {
  readonly nodes: readonly NerveMapNode[];
  readonly edges: readonly NerveMapEdge[];
}

export interface NerveMapInput {
  readonly localization: LocalizationResult;
  readonly comparisons: readonly SegmentComparison[];
  readonly concordance: readonly ConcordanceEntry[];
  /** SUV measurements related to the EMG (relateFdgToEmg); those without a side or a placeable segment are not drawn. */
  readonly fdg?: readonly FdgEvidence[];
}

const SIDE_WORD: Readonly<Record<Side, 'Left' | 'Right'>> = { L: 'Left', R: 'Right' };
/** The nerves below the knee: where a length-dependent polyneuropathy shows first (drawn on both legs). */
export const POLYNEUROPATHY_NODES: ReadonlySet<NodeId> = new Set(['common-peroneal-fibular-head', 'deep-peroneal', 'superficial-peroneal', 'tibial']);
const isRoot = (node: GraphNode): boolean => node.kind === 'root';
const rootLevel = (node: GraphNode): RootLevel => node.roots[0]!;

function toMapFinding(f: LocalizedFinding): MapFinding {
  return { id: f.id, kind: f.kind, label: f.label.replace(/^(Left|Right) /, ''), abnormal: f.abnormal, reasons: f.reasons };
}

function stateOf(findings: readonly MapFinding[]): MapFindingsState {
  if (findings.length === 0) return 'untested';
  return findings.some((f) => f.abnormal) ? 'abnormal' : 'normal';
}

/** A paraspinal finding tells about its own level(s); "level not stated" ones are not pinned to a root. */
function paraspinalLevels(f: LocalizedFinding): readonly RootLevel[] {
  if (f.placement?.branch !== 'dorsal-rami') return [];
  return f.placement.roots.length <= 2 ? f.placement.roots : [];
}

function imagingOf(c: SegmentComparison, side: Side): MapImagingState {
  const v = c.verdict;
  if (v.kind === 'insufficient-data') return 'not-judged';
  if (v.enlargedSides.includes(side) || (v.asymmetry === 'asymmetric' && v.largerSide === side)) return 'enlarged';
  const own = side === 'L' ? c.left : c.right;
  return own?.vsLimit === 'within' ? 'normal' : 'not-judged';
}

function sizeText(c: SegmentComparison, side: Side): string {
  const own = side === 'L' ? c.left : c.right;
  if (!own) return 'not measured';
  const size = describeSideSize(own);
  if (!c.threshold) return `${size}; no reference upper limit`;
  return `${size}, ${own.vsLimit === 'above' ? 'above' : 'within'} the upper limit ${formatMm2(c.threshold.upperLimitMm2)} (${c.threshold.source})`;
}

const IMAGING_ORDER: readonly MapImagingState[] = ['enlarged', 'normal', 'not-judged'];

/** Build the nerve map for both sides from the localization, the comparisons and their concordance. */
export function buildNerveMap(input: NerveMapInput): NerveMap {
  const { localization, comparisons, concordance } = input;
  const fdg = input.fdg ?? [];
  const best = localization.alternatives[0];
  const bestSites = new Set((best?.sites ?? []).map((s) => `${s.side}|${s.level}`));
  const explained = (best?.explains ?? []).map((id) => {
    const f = localization.findings.find((x) => x.id === id);
    return f ? f.label.replace(/^(Left|Right) /, '') : id;
  });
  const altSites = new Set(localization.alternatives.slice(1).flatMap((a) => a.sites.map((s) => `${s.side}|${s.level}`)));

  const nodes: NerveMapNode[] = [];
  for (const side of ['L', 'R'] as const) {
    const own = localization.findings.filter((f) => f.side === side && f.placement);
    for (const node of NERVE_GRAPH) {
      let attached: LocalizedFinding[];
      let rootSupplied: LocalizedFinding[] = [];
      if (isRoot(node)) {
        const level = rootLevel(node);
        attached = own.filter((f) => paraspinalLevels(f).includes(level));
        rootSupplied = own.filter(
          (f) => f.placement!.branch !== 'dorsal-rami' && !f.placement!.postganglionicSensory && f.placement!.roots.includes(level),
        );
      } else {
        attached = own.filter((f) => f.placement!.branch === node.id);
      }
      const findings = attached.map(toMapFinding);
      const measuredSites: MapMeasuredSite[] = comparisons
        .filter((c) => (side === 'L' ? c.left : c.right) !== null && segmentPlacement(c.nerve, c.site)?.node === node.id)
        .map((c) => ({
          nerve: c.nerve,
          site: c.site,
          modality: c.modality,
          label: `${c.label} (${c.modality})`,
          imaging: imagingOf(c, side),
          text: sizeText(c, side),
          concordance:
            concordance.find((e) => e.side === side && e.nerve === c.nerve && e.site === c.site && e.modality === c.modality)?.statement ?? null,
        }));
      const key = `${side}|${node.id}`;
      const lesion = bestSites.has(key) ? 'best' : altSites.has(key) ? 'alternative' : null;
      const findingsState = stateOf(findings);
      const diffuse = !!best?.diffuse && POLYNEUROPATHY_NODES.has(node.id);
      const imaging = measuredSites.length > 0 ? IMAGING_ORDER.find((s) => measuredSites.some((m) => m.imaging === s))! : null;
      const fdgSites: MapFdgSite[] = fdg
        .filter((e) => e.measurement.side === side && segmentPlacement(e.measurement.nerve, e.measurement.site)?.node === node.id)
        .map((e) => ({
          measurementId: e.measurement.id,
          nerve: e.measurement.nerve,
          site: e.measurement.site,
          fdg: e.avid ? 'avid' : 'not-avid',
          suvMax: e.measurement.values.suvMax,
          text: `${e.measurement.label}: ${suvSentence(e.measurement)}`,
          concordance: e.statement,
        }));
      nodes.push({
        id: node.id,
        side,
        label: `${SIDE_WORD[side]} ${node.label}`,
        shortLabel: SHORT_LABELS[node.id],
        kind: node.kind,
        state: lesion === 'best' ? 'lesion' : diffuse ? 'diffuse' : findingsState,
        findingsState,
        lesion,
        diffuse,
        lesionExplains:
          lesion === 'best' ? explained : diffuse ? attached.filter((f) => best!.explains.includes(f.id)).map((f) => toMapFinding(f).label) : [],
        findings,
        rootSupplied: rootSupplied.map(toMapFinding),
        measuredSites,
        imaging,
        fdgSites,
        fdg: fdgSites.length === 0 ? null : fdgSites.some((f) => f.fdg === 'avid') ? 'avid' : 'not-avid',
        roots: node.roots,
        imagingAdvice: node.imagingAdvice,
      });
    }
  }

  const edges: NerveMapEdge[] = [];
  for (const side of ['L', 'R'] as const) {
    const abnormalBranches = localization.findings
      .filter((f) => f.side === side && f.abnormal && f.placement && f.placement.branch !== 'dorsal-rami')
      .map((f) => f.placement!.branch);
    const lesionLevels = (best?.sites ?? []).filter((s) => s.side === side && !s.level.startsWith('root-')).map((s) => s.level);
    const edgeState = (to: NodeId): MapEdgeState => {
      if (lesionLevels.some((level) => level !== to && isAtOrBelow(to, level))) return 'lesion-territory';
      if (best?.diffuse && POLYNEUROPATHY_NODES.has(to)) return 'lesion-territory';
      if (abnormalBranches.some((branch) => isAtOrBelow(branch, to))) return 'abnormal-path';
      return 'plain';
    };
    for (const node of NERVE_GRAPH) {
      if (node.parent) edges.push({ from: node.parent, to: node.id, side, state: edgeState(node.id) });
    }
    // Roots feed the plexus parts that carry their fibres.
    for (const root of NERVE_GRAPH.filter(isRoot)) {
      const level = rootLevel(root);
      for (const part of ['lumbar-plexus', 'sacral-plexus'] as const) {
        const plexus = NERVE_GRAPH.find((n) => n.id === part)!;
        if (!plexus.roots.includes(level)) continue;
        const lesionRoot = bestSites.has(`${side}|${root.id}`);
        edges.push({ from: root.id, to: part, side, state: lesionRoot ? 'lesion-territory' : 'plain' });
      }
    }
  }
  return { nodes, edges };
}
