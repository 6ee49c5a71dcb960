/**
 * The lower-limb peripheral nervous system as a graph — DATA.
 *
 * Roots L2…S4 feed the lumbosacral plexus (lumbar part L2–L4, sacral part L4–S4); the sacral part
 * gives the gluteal nerves, the pudendal nerve and the sciatic trunk, whose peroneal division continues
 * as the common peroneal nerve (at the fibular head) into the deep and superficial peroneal nerves, and
 * whose tibial division continues as the tibial nerve. Dorsal rami (paraspinals) leave at the roots.
 * Muscles and conduction studies hang from these nodes through their `branch` (see emg/muscles.ts,
 * emg/ncsNerves.ts); roots are linked to muscles through each muscle's root set.
 *
 * Non-root nodes form a tree through `parent`; a lesion at a node affects every muscle and study
 * attached at or below it. Imaging advice is a convention of this app.
 */
import type { InnervationBranch, RootLevel } from '../emg';

export type RootNodeId = `root-${RootLevel}`;
export type PlexusNodeId = 'lumbosacral-plexus' | 'lumbar-plexus' | 'sacral-plexus';
export type NodeId = RootNodeId | PlexusNodeId | 'sciatic-trunk' | InnervationBranch;
/** Nodes that can be the site of a lesion (every node except the dorsal rami). */
export type LesionLevel = Exclude<NodeId, 'dorsal-rami'>;

export type NodeKind = 'root' | 'plexus' | 'trunk' | 'division' | 'nerve' | 'rami';

export interface GraphNode {
  readonly id: NodeId;
  /** "common peroneal nerve at the fibular head" (lower case, to follow "Right"). */
  readonly label: string;
  readonly kind: NodeKind;
  /** Tree parent for non-root nodes (null at the top). Roots have none. */
  readonly parent: NodeId | null;
  /** Root levels whose fibres run through the node (roots: the level itself). */
  readonly roots: readonly RootLevel[];
  /** Name of a lesion at this node, for the pattern line ("common peroneal neuropathy at the fibular head"). */
  readonly lesionName: string;
  /** Where to image a lesion at this node (convention). */
  readonly imagingAdvice: string;
  readonly source: string;
  readonly convention?: boolean;
}

const ROOT_NODES: readonly GraphNode[] = (['L2', 'L3', 'L4', 'L5', 'S1', 'S2', 'S3', 'S4'] as const).map((level) => ({
  id: `root-${level}` as const,
  label: `${level} root`,
  kind: 'root' as const,
  parent: null,
  roots: [level],
  lesionName: `${level} radiculopathy`,
  imagingAdvice: 'lumbosacral roots — image the lumbar spine (MRI)',
  source: 'convention',
  convention: true,
}));

const PLEXUS_ADVICE = 'lumbosacral plexus — image the pelvis (MR neurography)';

const PERIPHERAL_NODES: readonly GraphNode[] = [
  {
    id: 'lumbosacral-plexus',
    label: 'lumbosacral plexus (lumbar and sacral parts)',
    kind: 'plexus',
    parent: null,
    roots: ['L2', 'L3', 'L4', 'L5', 'S1', 'S2', 'S3', 'S4'],
    lesionName: 'lumbosacral plexopathy (lumbar and sacral parts)',
    imagingAdvice: PLEXUS_ADVICE,
    source: 'convention',
    convention: true,
  },
  {
    id: 'lumbar-plexus',
    label: 'lumbosacral plexus, lumbar part',
    kind: 'plexus',
    parent: 'lumbosacral-plexus',
    roots: ['L2', 'L3', 'L4'],
    lesionName: 'lumbosacral plexopathy (lumbar part)',
    imagingAdvice: PLEXUS_ADVICE,
    source: 'convention',
    convention: true,
  },
  {
    id: 'sacral-plexus',
    label: 'lumbosacral plexus, sacral part',
    kind: 'plexus',
    parent: 'lumbosacral-plexus',
    roots: ['L4', 'L5', 'S1', 'S2', 'S3', 'S4'],
    lesionName: 'lumbosacral plexopathy (sacral part)',
    imagingAdvice: PLEXUS_ADVICE,
    source: 'convention',
    convention: true,
  },
  {
    id: 'femoral',
    label: 'femoral nerve',
    kind: 'nerve',
    parent: 'lumbar-plexus',
    roots: ['L2', 'L3', 'L4'],
    lesionName: 'femoral neuropathy',
    imagingAdvice: 'femoral nerve — image the groin and pelvis (US or MR neurography)',
    source: 'innervation-table',
  },
  {
    id: 'obturator',
    label: 'obturator nerve',
    kind: 'nerve',
    parent: 'lumbar-plexus',
    roots: ['L2', 'L3', 'L4'],
    lesionName: 'obturator neuropathy',
    imagingAdvice: 'obturator nerve — image the pelvis (MR neurography)',
    source: 'innervation-table',
  },
  {
    id: 'superior-gluteal',
    label: 'superior gluteal nerve',
    kind: 'nerve',
    parent: 'sacral-plexus',
    roots: ['L4', 'L5', 'S1'],
    lesionName: 'superior gluteal neuropathy',
    imagingAdvice: 'gluteal nerves — image the pelvis and gluteal region (MR neurography)',
    source: 'innervation-table',
  },
  {
    id: 'inferior-gluteal',
    label: 'inferior gluteal nerve',
    kind: 'nerve',
    parent: 'sacral-plexus',
    roots: ['L5', 'S1', 'S2'],
    lesionName: 'inferior gluteal neuropathy',
    imagingAdvice: 'gluteal nerves — image the pelvis and gluteal region (MR neurography)',
    source: 'innervation-table',
  },
  {
    id: 'pudendal',
    label: 'pudendal nerve',
    kind: 'nerve',
    parent: 'sacral-plexus',
    roots: ['S2', 'S3', 'S4'],
    lesionName: 'pudendal neuropathy',
    imagingAdvice: 'pudendal nerve — image the pelvis (MR neurography)',
    source: 'innervation-table',
    convention: true,
  },
  {
    id: 'sciatic-trunk',
    label: 'sciatic nerve (trunk)',
    kind: 'trunk',
    parent: 'sacral-plexus',
    roots: ['L4', 'L5', 'S1', 'S2'],
    lesionName: 'sciatic neuropathy',
    imagingAdvice: 'sciatic nerve — image from the sciatic notch to the bifurcation (US or MR neurography)',
    source: 'innervation-table',
  },
  {
    id: 'sciatic-peroneal-division',
    label: 'sciatic nerve, peroneal division',
    kind: 'division',
    parent: 'sciatic-trunk',
    roots: ['L4', 'L5', 'S1', 'S2'],
    lesionName: 'sciatic neuropathy affecting the peroneal division',
    imagingAdvice: 'sciatic nerve (peroneal division) — image the thigh (US or MR neurography)',
    source: 'innervation-table',
  },
  {
    id: 'sciatic-tibial-division',
    label: 'sciatic nerve, tibial division',
    kind: 'division',
    parent: 'sciatic-trunk',
    roots: ['L4', 'L5', 'S1', 'S2'],
    lesionName: 'sciatic neuropathy affecting the tibial division',
    imagingAdvice: 'sciatic nerve (tibial division) — image the thigh (US or MR neurography)',
    source: 'innervation-table',
  },
  {
    id: 'common-peroneal-fibular-head',
    label: 'common peroneal nerve at the fibular head',
    kind: 'nerve',
    parent: 'sciatic-peroneal-division',
    roots: ['L4', 'L5', 'S1'],
    lesionName: 'common peroneal neuropathy at the fibular head',
    imagingAdvice: 'common peroneal nerve — measure in the popliteal fossa and at the fibular head (US)',
    source: 'innervation-table',
  },
  {
    id: 'deep-peroneal',
    label: 'deep peroneal nerve',
    kind: 'nerve',
    parent: 'common-peroneal-fibular-head',
    roots: ['L4', 'L5', 'S1'],
    lesionName: 'deep peroneal neuropathy',
    imagingAdvice: 'deep peroneal nerve — image below the fibular head and the anterior compartment (US)',
    source: 'innervation-table',
  },
  {
    id: 'superficial-peroneal',
    label: 'superficial peroneal nerve',
    kind: 'nerve',
    parent: 'common-peroneal-fibular-head',
    roots: ['L5', 'S1'],
    lesionName: 'superficial peroneal neuropathy',
    imagingAdvice: 'superficial peroneal nerve — image the lateral leg (US)',
    source: 'innervation-table',
  },
  {
    id: 'tibial',
    label: 'tibial nerve',
    kind: 'nerve',
    parent: 'sciatic-tibial-division',
    roots: ['L4', 'L5', 'S1', 'S2'],
    lesionName: 'tibial neuropathy',
    imagingAdvice: 'tibial nerve — measure in the popliteal fossa (US); image the leg or tarsal tunnel if distal',
    source: 'innervation-table',
  },
  {
    id: 'dorsal-rami',
    label: 'dorsal rami',
    kind: 'rami',
    parent: null,
    roots: ['L2', 'L3', 'L4', 'L5', 'S1', 'S2', 'S3', 'S4'],
    lesionName: 'dorsal ramus lesion',
    imagingAdvice: 'lumbosacral roots — image the lumbar spine (MRI)',
    source: 'innervation-table',
  },
];

export const NERVE_GRAPH: readonly GraphNode[] = [...ROOT_NODES, ...PERIPHERAL_NODES];

/** Candidate lesion sites, in the order used to break exact ties (roots first, then proximal to distal). */
export const LESION_LEVELS: readonly LesionLevel[] = NERVE_GRAPH.filter((n) => n.kind !== 'rami').map(
  (n) => n.id as LesionLevel,
);
