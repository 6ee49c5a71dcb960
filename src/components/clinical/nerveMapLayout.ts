/**
 * Where each node of the nerve graph is drawn on the map — presentation only. Coordinates are
 * given per side as a lateral offset `dx` from the midline (the spine) and a height `y`; the left
 * side is drawn to the left of the spine and the right side to the right (a posterior view).
 */
import type { Side } from '../../domain/types';
import type { MapEdgeState, MapFdgState, MapImagingState, MapNodeState } from '../../domain/nervemap';
import type { NodeId } from '../../domain/localization';

export const MAP_WIDTH = 760;
export const MAP_HEIGHT = 548;
export const CENTRE = MAP_WIDTH / 2;

export type NodeShape = 'circle' | 'pill' | 'box' | 'outline';

export interface NodeBox {
  readonly dx: number;
  readonly y: number;
  readonly shape: NodeShape;
  /** Width and height (circles: diameter). */
  readonly w: number;
  readonly h: number;
  /** How the nerve enters the node from its parent: from the side (lateral branch) or from above. */
  readonly entry: 'side' | 'top';
}

const ROOT_Y: Readonly<Record<string, number>> = { L2: 62, L3: 86, L4: 110, L5: 134, S1: 158, S2: 182, S3: 206, S4: 230 };
export const ROOT_DX = 44;
export const ROOT_RADIUS = 10;
export const SPINE = { top: 46, bottom: 242, halfWidth: 9 } as const;

/** Pill width from its label (about 6 px per character at 10.5 px). */
export function pillWidth(label: string): number {
  return Math.round(label.length * 6.1 + 18);
}

const pill = (dx: number, y: number, label: string, entry: 'side' | 'top'): NodeBox => ({ dx, y, shape: 'pill', w: pillWidth(label), h: 22, entry });

export const NODE_LAYOUT: Readonly<Record<NodeId, NodeBox>> = {
  'root-L2': { dx: ROOT_DX, y: ROOT_Y.L2!, shape: 'circle', w: 20, h: 20, entry: 'side' },
  'root-L3': { dx: ROOT_DX, y: ROOT_Y.L3!, shape: 'circle', w: 20, h: 20, entry: 'side' },
  'root-L4': { dx: ROOT_DX, y: ROOT_Y.L4!, shape: 'circle', w: 20, h: 20, entry: 'side' },
  'root-L5': { dx: ROOT_DX, y: ROOT_Y.L5!, shape: 'circle', w: 20, h: 20, entry: 'side' },
  'root-S1': { dx: ROOT_DX, y: ROOT_Y.S1!, shape: 'circle', w: 20, h: 20, entry: 'side' },
  'root-S2': { dx: ROOT_DX, y: ROOT_Y.S2!, shape: 'circle', w: 20, h: 20, entry: 'side' },
  'root-S3': { dx: ROOT_DX, y: ROOT_Y.S3!, shape: 'circle', w: 20, h: 20, entry: 'side' },
  'root-S4': { dx: ROOT_DX, y: ROOT_Y.S4!, shape: 'circle', w: 20, h: 20, entry: 'side' },
  'dorsal-rami': pill(60, 24, 'Paraspinals', 'side'),
  'lumbosacral-plexus': { dx: 128, y: 142, shape: 'outline', w: 98, h: 202, entry: 'side' },
  'lumbar-plexus': { dx: 128, y: 88, shape: 'box', w: 84, h: 50, entry: 'side' },
  'sacral-plexus': { dx: 128, y: 178, shape: 'box', w: 84, h: 110, entry: 'side' },
  femoral: pill(252, 72, 'Femoral', 'side'),
  obturator: pill(252, 102, 'Obturator', 'side'),
  'superior-gluteal': pill(252, 140, 'Sup. gluteal', 'side'),
  'inferior-gluteal': pill(252, 170, 'Inf. gluteal', 'side'),
  pudendal: pill(252, 216, 'Pudendal', 'side'),
  'sciatic-trunk': pill(150, 270, 'Sciatic', 'top'),
  'sciatic-tibial-division': pill(100, 378, 'Tibial div.', 'top'),
  'sciatic-peroneal-division': pill(206, 378, 'Peroneal div.', 'top'),
  tibial: pill(100, 458, 'Tibial', 'top'),
  'common-peroneal-fibular-head': pill(216, 458, 'Common peroneal', 'top'),
  'deep-peroneal': pill(172, 522, 'Deep peroneal', 'top'),
  'superficial-peroneal': pill(272, 522, 'Sup. peroneal', 'top'),
};

/** Where the sciatic trunk divides (the trunk runs from the "Sciatic" node down to here). */
export const SCIATIC_SPLIT_Y = 352;

/** Measured-site markers on the nerves, keyed "nerve|site". Custom sites sit next to their nerve's node. */
export interface MarkerPosition {
  readonly dx: number;
  readonly y: number;
  readonly label: string;
  /** Which way the label is written from the marker: towards the spine or away from it. */
  readonly labelSide: 'medial' | 'lateral';
}

export const SITE_MARKERS: Readonly<Record<string, MarkerPosition>> = {
  'sciatic|gluteal-fold': { dx: 150, y: 298, label: 'gluteal fold', labelSide: 'medial' },
  'sciatic|mid-thigh': { dx: 150, y: 318, label: 'mid-thigh', labelSide: 'medial' },
  'sciatic|distal-thigh-above-bifurcation': { dx: 150, y: 338, label: 'above bifurcation', labelSide: 'medial' },
  'tibial|popliteal-fossa': { dx: 100, y: 418, label: 'popliteal fossa', labelSide: 'medial' },
  'common-peroneal|popliteal-fossa': { dx: 210, y: 418, label: 'popliteal fossa', labelSide: 'medial' },
  'common-peroneal|fibular-head': { dx: 216 + pillWidth('Common peroneal') / 2 + 14, y: 458, label: 'fibular head', labelSide: 'lateral' },
};

/** Custom sites of a nerve are drawn one below the other, beside the nerve's node. */
const CUSTOM_MARKER_BASE: Readonly<Record<string, { readonly dx: number; readonly y: number; readonly labelSide: 'medial' | 'lateral' }>> = {
  sciatic: { dx: 150 + pillWidth('Sciatic') / 2 + 14, y: 262, labelSide: 'lateral' },
  tibial: { dx: 100 - pillWidth('Tibial') / 2 - 14, y: 452, labelSide: 'medial' },
  'common-peroneal': { dx: 216 - pillWidth('Common peroneal') / 2 - 14, y: 482, labelSide: 'medial' },
};

/** A marker position for a measured site (index = how many custom sites of this nerve came before). */
export function markerPosition(nerve: string, site: string, customIndex: number): MarkerPosition | null {
  const known = SITE_MARKERS[`${nerve}|${site}`];
  if (known) return known;
  const base = CUSTOM_MARKER_BASE[nerve];
  if (!base) return null;
  return { dx: base.dx, y: base.y + customIndex * 14, label: site.replace(/^custom:/, ''), labelSide: base.labelSide };
}

/** Screen x of a lateral offset on one side. */
export function xOf(side: Side, dx: number): number {
  return side === 'L' ? CENTRE - dx : CENTRE + dx;
}

function top(b: NodeBox): number {
  return b.y - b.h / 2;
}
function bottom(b: NodeBox): number {
  return b.y + b.h / 2;
}

/** SVG path of a nerve from a parent node to a child node on one side. */
export function edgePath(side: Side, from: NodeId, to: NodeId): string {
  const a = NODE_LAYOUT[from];
  const b = NODE_LAYOUT[to];
  const X = (dx: number) => xOf(side, dx).toFixed(1);
  if (b.entry === 'top') {
    const sx = a.dx;
    const sy = from === 'sciatic-trunk' ? SCIATIC_SPLIT_Y : bottom(a);
    const ex = b.dx;
    const ey = top(b);
    const my = sy + (ey - sy) / 2;
    return `M ${X(sx)} ${sy} C ${X(sx)} ${my}, ${X(ex)} ${my}, ${X(ex)} ${ey}`;
  }
  // Lateral branch: leave the parent's lateral edge at the child's height (kept inside the parent), enter the child's medial edge.
  const sx = a.dx + a.w / 2;
  const sy = a.shape === 'circle' ? a.y : Math.min(Math.max(b.y, top(a) + 7), bottom(a) - 7);
  const ex = b.dx - b.w / 2;
  const ey = b.shape === 'circle' ? b.y : Math.min(Math.max(a.y, top(b) + 7), bottom(b) - 7);
  const mx = sx + (ex - sx) / 2;
  return `M ${X(sx)} ${sy} C ${X(mx)} ${sy}, ${X(mx)} ${ey}, ${X(ex)} ${ey}`;
}

/** The sciatic trunk between its node and the division point. */
export function sciaticTrunkPath(side: Side): string {
  const b = NODE_LAYOUT['sciatic-trunk'];
  return `M ${xOf(side, b.dx)} ${bottom(b)} L ${xOf(side, b.dx)} ${SCIATIC_SPLIT_Y}`;
}

/** Colours: fill, stroke and text of a node in each state. */
export const NODE_COLOURS: Readonly<Record<MapNodeState, { readonly fill: string; readonly stroke: string; readonly text: string }>> = {
  lesion: { fill: '#d64545', stroke: '#ff9c9c', text: '#ffffff' },
  diffuse: { fill: '#b0417a', stroke: '#f29ac8', text: '#ffffff' },
  abnormal: { fill: '#e0a02a', stroke: '#ffd27a', text: '#1d1405' },
  normal: { fill: '#1d5e4a', stroke: '#3fbf8f', text: '#dcfff2' },
  untested: { fill: '#27303b', stroke: '#3d4a5a', text: '#a9b4c0' },
};

export const EDGE_COLOURS: Readonly<Record<MapEdgeState, { readonly stroke: string; readonly width: number }>> = {
  'lesion-territory': { stroke: '#c94f4f', width: 4 },
  'abnormal-path': { stroke: '#a9791f', width: 3.2 },
  plain: { stroke: '#3a4757', width: 2.6 },
};

export const IMAGING_COLOURS: Readonly<Record<MapImagingState, { readonly fill: string; readonly stroke: string }>> = {
  enlarged: { fill: '#c77dff', stroke: '#e7c4ff' },
  normal: { fill: '#14202b', stroke: '#8fd3ff' },
  'not-judged': { fill: '#14202b', stroke: '#7b8794' },
};

/** FDG PET/CT: a ring around the segment — hot orange when FDG-avid, dim when measured but not avid (the size diamonds stay violet). */
export const FDG_COLOURS: Readonly<Record<MapFdgState, { readonly stroke: string; readonly text: string }>> = {
  avid: { stroke: '#ff8a1f', text: '#ffb36b' },
  'not-avid': { stroke: '#8a7f72', text: '#9a9185' },
};
