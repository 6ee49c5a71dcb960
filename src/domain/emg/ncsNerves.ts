/**
 * Controlled list of nerve-conduction studies — DATA. Each study names the branch it tests (a node
 * of the localization graph), the roots its fibres come from, and whether it is a sensory response
 * whose cell bodies lie in the dorsal root ganglion (then a root lesion, being preganglionic, spares
 * it: S26). Free-text studies are kept as written.
 */
import type { InnervationBranch, RootLevel } from './muscles';
import type { NcsKind } from './types';

export interface NcsNerveDefinition {
  readonly id: string;
  readonly label: string;
  readonly kind: NcsKind;
  readonly branch: InnervationBranch;
  readonly roots: readonly RootLevel[];
  /** Sensory nerve action potential: spared by a preganglionic (root) lesion (S26), reduced by plexus or nerve lesions (S25). */
  readonly postganglionicSensory: boolean;
  readonly amplitudeUnit: 'mV' | 'µV';
  /**
   * How reports name the study: the normalised name matches when it contains every word of one
   * pattern. Studies are tried in list order, so the more specific ones come first.
   */
  readonly patterns: ReadonlyArray<readonly string[]>;
  /** Words that rule the study out even when a pattern matches ("lateral femoral cutaneous" is not the femoral motor study). */
  readonly excludes?: readonly string[];
  readonly source: string;
  readonly convention?: boolean;
}

export const NCS_NERVES = [
  {
    id: 'tibial-h-reflex',
    label: 'Tibial H-reflex (soleus)',
    kind: 'h-reflex',
    branch: 'tibial',
    roots: ['S1'],
    postganglionicSensory: false,
    amplitudeUnit: 'mV',
    patterns: [['h', 'reflex'], ['hreflex'], ['hoffmann'], ['h']],
    source: 'convention',
    convention: true,
  },
  {
    id: 'sural-sensory',
    label: 'Sural sensory',
    kind: 'sensory',
    branch: 'tibial',
    roots: ['S1', 'S2'],
    postganglionicSensory: true,
    amplitudeUnit: 'µV',
    patterns: [['sural']],
    source: 'convention',
    convention: true,
  },
  {
    id: 'superficial-peroneal-sensory',
    label: 'Superficial peroneal sensory',
    kind: 'sensory',
    branch: 'superficial-peroneal',
    roots: ['L5'],
    postganglionicSensory: true,
    amplitudeUnit: 'µV',
    patterns: [
      ['superficial', 'peroneal'],
      ['superficial', 'fibular'],
      ['sup', 'peroneal'],
      ['sup', 'fibular'],
      ['sup', 'fib'],
      ['supf', 'peroneal'],
      ['spn'],
      ['peroneal', 'sensory'],
      ['fibular', 'sensory'],
      ['peroneal', 'sens'],
      ['superficial'],
    ],
    source: 'convention',
    convention: true,
  },
  {
    id: 'peroneal-motor-ta',
    label: 'Peroneal motor to tibialis anterior',
    kind: 'motor',
    branch: 'deep-peroneal',
    roots: ['L4', 'L5'],
    postganglionicSensory: false,
    amplitudeUnit: 'mV',
    patterns: [
      ['peroneal', 'ta'],
      ['peroneal', 'tib', 'ant'],
      ['peroneal', 'tibialis', 'anterior'],
      ['fibular', 'ta'],
      ['fibular', 'tib', 'ant'],
      ['fibular', 'tibialis', 'anterior'],
    ],
    source: 'innervation-table',
  },
  {
    id: 'peroneal-motor-edb',
    label: 'Peroneal motor to extensor digitorum brevis',
    kind: 'motor',
    branch: 'deep-peroneal',
    roots: ['L5', 'S1'],
    postganglionicSensory: false,
    amplitudeUnit: 'mV',
    patterns: [['peroneal'], ['fibular'], ['edb'], ['ext', 'dig', 'brev'], ['peron']],
    source: 'innervation-table',
    convention: true,
  },
  {
    id: 'tibial-motor-fdmb',
    label: 'Tibial motor to flexor digiti minimi brevis',
    kind: 'motor',
    branch: 'tibial',
    roots: ['S1', 'S2'],
    postganglionicSensory: false,
    amplitudeUnit: 'mV',
    patterns: [['tibial', 'fdmb'], ['tibial', 'adm'], ['tibial', 'adq'], ['tibial', 'flexor', 'digiti'], ['tibial', 'abd', 'dig'], ['fdmb']],
    source: 'S35',
    convention: true,
  },
  {
    id: 'tibial-motor-ah',
    label: 'Tibial motor to abductor hallucis',
    kind: 'motor',
    branch: 'tibial',
    roots: ['S1', 'S2'],
    postganglionicSensory: false,
    amplitudeUnit: 'mV',
    patterns: [['tibial'], ['abd', 'hall'], ['ah']],
    source: 'innervation-table',
    convention: true,
  },
  {
    id: 'saphenous-sensory',
    label: 'Saphenous sensory',
    kind: 'sensory',
    branch: 'femoral',
    roots: ['L4'],
    postganglionicSensory: true,
    amplitudeUnit: 'µV',
    patterns: [['saphenous']],
    source: 'convention',
    convention: true,
  },
  {
    id: 'femoral-motor',
    label: 'Femoral motor to quadriceps',
    kind: 'motor',
    branch: 'femoral',
    roots: ['L2', 'L3', 'L4'],
    postganglionicSensory: false,
    amplitudeUnit: 'mV',
    patterns: [['femoral']],
    excludes: ['cutaneous', 'lateral', 'lat', 'lfc', 'lfcn', 'posterior', 'sensory'],
    source: 'innervation-table',
  },
] as const satisfies readonly NcsNerveDefinition[];

export type NcsNerveId = (typeof NCS_NERVES)[number]['id'];
