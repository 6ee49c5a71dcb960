import type { NodeId } from '../localization';

/** Short node names for the nerve map (the full names come from the graph). DATA. */
export const SHORT_LABELS: Readonly<Record<NodeId, string>> = {
  'root-L2': 'L2',
  'root-L3': 'L3',
  'root-L4': 'L4',
  'root-L5': 'L5',
  'root-S1': 'S1',
  'root-S2': 'S2',
  'root-S3': 'S3',
  'root-S4': 'S4',
  'lumbosacral-plexus': 'Lumbosacral plexus',
  'lumbar-plexus': 'Lumbar plexus',
  'sacral-plexus': 'Sacral plexus',
  femoral: 'Femoral',
  obturator: 'Obturator',
  'superior-gluteal': 'Sup. gluteal',
  'inferior-gluteal': 'Inf. gluteal',
  pudendal: 'Pudendal',
  'sciatic-trunk': 'Sciatic',
  'sciatic-peroneal-division': 'Peroneal div.',
  'sciatic-tibial-division': 'Tibial div.',
  'common-peroneal-fibular-head': 'Common peroneal',
  'deep-peroneal': 'Deep peroneal',
  'superficial-peroneal': 'Sup. peroneal',
  tibial: 'Tibial',
  'dorsal-rami': 'Paraspinals',
};
