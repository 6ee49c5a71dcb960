/**
 * Controlled vocabulary of lower-limb muscles — DATA transcribed from the innervation table of the
 * clinical reference (§2). Each muscle names the nerve branch it hangs from (a node of the
 * localization graph), its root set, and where that came from. Root levels are always PROBABLE:
 * 27.9 % of legs are pre- or post-fixed (S19).
 */

export type RootLevel = 'L2' | 'L3' | 'L4' | 'L5' | 'S1' | 'S2' | 'S3' | 'S4';
export const ROOT_LEVELS: readonly RootLevel[] = ['L2', 'L3', 'L4', 'L5', 'S1', 'S2', 'S3', 'S4'];

/** Nerve branches that muscles and conduction studies attach to (nodes of the localization graph). */
export type InnervationBranch =
  | 'lumbar-plexus'
  | 'femoral'
  | 'obturator'
  | 'superior-gluteal'
  | 'inferior-gluteal'
  | 'sciatic-tibial-division'
  | 'sciatic-peroneal-division'
  | 'common-peroneal-fibular-head'
  | 'deep-peroneal'
  | 'superficial-peroneal'
  | 'tibial'
  | 'pudendal'
  | 'dorsal-rami';

export interface RootSupply {
  readonly levels: readonly RootLevel[];
  /** Main root where the table names one (e.g. L3 for the vasti); used to break ties between roots. */
  readonly main?: RootLevel;
  /** Where the main root comes from when the table gives only the range (textbook convention). */
  readonly mainSource?: 'convention';
  /** Always true: individual root supply varies (S19). */
  readonly probable: true;
  readonly source: string;
  readonly convention?: boolean;
}

export interface MuscleDefinition {
  readonly id: string;
  readonly label: string;
  /** Lab abbreviations and spellings, matched case- and punctuation-insensitively, word order free. */
  readonly synonyms: readonly string[];
  readonly branch: InnervationBranch;
  /** How the table names the nerve, e.g. "sciatic, peroneal division". */
  readonly nerveLabel: string;
  readonly roots: RootSupply;
  readonly source: string;
  readonly convention?: boolean;
  readonly note?: string;
}

const table = (levels: RootLevel[], extra: Partial<RootSupply> = {}): RootSupply => ({
  levels,
  probable: true,
  source: 'innervation-table',
  ...extra,
});
const conventionRoots = (levels: RootLevel[], extra: Partial<RootSupply> = {}): RootSupply => ({
  levels,
  probable: true,
  source: 'convention',
  convention: true,
  ...extra,
});

const LIMB_MUSCLES = [
  {
    id: 'iliopsoas',
    label: 'Iliopsoas',
    synonyms: ['iliopsoas', 'ilio psoas', 'iliacus', 'psoas', 'hip flexor'],
    branch: 'lumbar-plexus',
    nerveLabel: 'femoral + lumbar plexus',
    roots: conventionRoots(['L2', 'L3']),
    source: 'innervation-table',
    note: 'Innervated by direct lumbar plexus branches and the femoral nerve above the inguinal ligament; attached to the lumbar plexus.',
  },
  {
    id: 'adductor-longus',
    label: 'Adductor longus',
    synonyms: ['adductor longus', 'add long', 'add longus', 'adductor long', 'adductors', 'adductor'],
    branch: 'obturator',
    nerveLabel: 'obturator',
    roots: table(['L2', 'L3', 'L4'], { main: 'L3' }),
    source: 'innervation-table',
  },
  {
    id: 'vastus-lateralis',
    label: 'Vastus lateralis',
    synonyms: ['vastus lateralis', 'vast lat', 'vastus lat', 'vl'],
    branch: 'femoral',
    nerveLabel: 'femoral',
    roots: table(['L2', 'L3', 'L4'], { main: 'L3' }),
    source: 'innervation-table',
  },
  {
    id: 'vastus-medialis',
    label: 'Vastus medialis',
    synonyms: ['vastus medialis', 'vast med', 'vastus med', 'vm', 'vmo'],
    branch: 'femoral',
    nerveLabel: 'femoral',
    roots: table(['L2', 'L3', 'L4'], { main: 'L3' }),
    source: 'innervation-table',
  },
  {
    id: 'gluteus-medius',
    label: 'Gluteus medius',
    synonyms: ['gluteus medius', 'glut med', 'gluteus med', 'glut medius', 'g med', 'gmed', 'gluteal medius'],
    branch: 'superior-gluteal',
    nerveLabel: 'superior gluteal',
    roots: table(['L4', 'L5', 'S1'], { main: 'L5', mainSource: 'convention' }),
    source: 'innervation-table',
  },
  {
    id: 'tensor-fasciae-latae',
    label: 'Tensor fasciae latae',
    synonyms: ['tensor fasciae latae', 'tensor fascia lata', 'tensor fascia latae', 'tensor fasciae lata', 'tfl'],
    branch: 'superior-gluteal',
    nerveLabel: 'superior gluteal',
    roots: table(['L4', 'L5', 'S1'], { main: 'L5', mainSource: 'convention' }),
    source: 'S21',
    note: 'Sensitive for L5 radiculopathy (S21).',
  },
  {
    id: 'gluteus-maximus',
    label: 'Gluteus maximus',
    synonyms: ['gluteus maximus', 'glut max', 'gluteus max', 'glut maximus', 'g max', 'gmax'],
    branch: 'inferior-gluteal',
    nerveLabel: 'inferior gluteal',
    roots: table(['L5', 'S1', 'S2'], { main: 'S1', mainSource: 'convention' }),
    source: 'innervation-table',
  },
  {
    id: 'biceps-femoris-long-head',
    label: 'Biceps femoris (long head)',
    synonyms: [
      'biceps femoris long head',
      'biceps femoris lh',
      'long head biceps femoris',
      'long head of biceps femoris',
      'bf long head',
      'bf long',
      'bf lh',
      'bflh',
      'bfl',
      'lh biceps femoris',
    ],
    branch: 'sciatic-tibial-division',
    nerveLabel: 'sciatic, tibial division',
    roots: table(['L5', 'S1', 'S2'], { main: 'S1', mainSource: 'convention' }),
    source: 'innervation-table',
  },
  {
    id: 'semitendinosus',
    label: 'Semitendinosus',
    synonyms: ['semitendinosus', 'semitend', 'semi tendinosus', 'st'],
    branch: 'sciatic-tibial-division',
    nerveLabel: 'sciatic, tibial division',
    roots: table(['L5', 'S1', 'S2']),
    source: 'innervation-table',
  },
  {
    id: 'semimembranosus',
    label: 'Semimembranosus',
    synonyms: ['semimembranosus', 'semimem', 'semi membranosus', 'sm'],
    branch: 'sciatic-tibial-division',
    nerveLabel: 'sciatic, tibial division',
    roots: table(['L5', 'S1', 'S2']),
    source: 'innervation-table',
  },
  {
    id: 'biceps-femoris-short-head',
    label: 'Biceps femoris (short head)',
    synonyms: [
      'biceps fem short head',
      'biceps femoris short head',
      'biceps femoris sh',
      'short head biceps femoris',
      'short head of biceps femoris',
      'bf short head',
      'bf short',
      'bf sh',
      'bfsh',
      'bfs',
      'sh biceps femoris',
    ],
    branch: 'sciatic-peroneal-division',
    nerveLabel: 'sciatic, peroneal division',
    roots: table(['L5', 'S1', 'S2']),
    source: 'innervation-table',
    note: 'The only thigh muscle of the peroneal division: abnormal places a peroneal lesion at or above the sciatic peroneal division (S22, S23).',
  },
  {
    id: 'tibialis-anterior',
    label: 'Tibialis anterior',
    synonyms: ['tibialis anterior', 'tib ant', 'tibialis ant', 'tib anterior', 'anterior tibial', 'ant tib', 'ta'],
    branch: 'deep-peroneal',
    nerveLabel: 'deep peroneal',
    roots: table(['L4', 'L5']),
    source: 'innervation-table',
  },
  {
    id: 'extensor-hallucis-longus',
    label: 'Extensor hallucis longus',
    synonyms: ['extensor hallucis longus', 'ext hall long', 'ext hallucis longus', 'extensor hallucis', 'ehl'],
    branch: 'deep-peroneal',
    nerveLabel: 'deep peroneal',
    roots: conventionRoots(['L5']),
    source: 'innervation-table',
  },
  {
    id: 'extensor-digitorum-brevis',
    label: 'Extensor digitorum brevis',
    synonyms: ['extensor digitorum brevis', 'ext dig brev', 'ext dig brevis', 'ext digitorum brevis', 'edb'],
    branch: 'deep-peroneal',
    nerveLabel: 'deep peroneal',
    roots: conventionRoots(['L5', 'S1'], { main: 'L5' }),
    source: 'innervation-table',
  },
  {
    id: 'peroneus-longus',
    label: 'Peroneus (fibularis) longus',
    synonyms: ['peroneus longus', 'fibularis longus', 'peroneus long', 'peron long', 'per long', 'perl', 'pl'],
    branch: 'superficial-peroneal',
    nerveLabel: 'superficial peroneal',
    roots: table(['L5', 'S1'], { main: 'L5', mainSource: 'convention' }),
    source: 'innervation-table',
  },
  {
    id: 'tibialis-posterior',
    label: 'Tibialis posterior',
    synonyms: ['tibialis posterior', 'tib post', 'tibialis post', 'tib posterior', 'posterior tibial', 'post tib', 'tp'],
    branch: 'tibial',
    nerveLabel: 'tibial',
    roots: table(['L4', 'L5'], { main: 'L5', mainSource: 'convention' }),
    source: 'innervation-table',
  },
  {
    id: 'flexor-digitorum-longus',
    label: 'Flexor digitorum longus',
    synonyms: ['flexor digitorum longus', 'flex dig long', 'flex digitorum longus', 'fdl'],
    branch: 'tibial',
    nerveLabel: 'tibial',
    roots: table(['L5', 'S1'], { main: 'L5', mainSource: 'convention' }),
    source: 'innervation-table',
  },
  {
    id: 'gastrocnemius-medial-head',
    label: 'Gastrocnemius (medial head)',
    synonyms: [
      'gastrocnemius medial head',
      'gastrocnemius medial',
      'medial gastrocnemius',
      'gastrocnemius med',
      'med gastroc',
      'medial gastroc',
      'gastroc med',
      'gastroc mh',
      'mg',
    ],
    branch: 'tibial',
    nerveLabel: 'tibial',
    roots: table(['S1', 'S2'], { main: 'S1', mainSource: 'convention' }),
    source: 'innervation-table',
  },
  {
    id: 'gastrocnemius-lateral-head',
    label: 'Gastrocnemius (lateral head)',
    synonyms: ['gastrocnemius lateral head', 'gastrocnemius lateral', 'lateral gastrocnemius', 'lat gastroc', 'lateral gastroc', 'gastroc lat', 'gastroc lh', 'lg'],
    branch: 'tibial',
    nerveLabel: 'tibial',
    roots: table(['S1', 'S2'], { main: 'S1', mainSource: 'convention' }),
    source: 'innervation-table',
  },
  {
    id: 'gastrocnemius',
    label: 'Gastrocnemius (head not stated)',
    synonyms: ['gastrocnemius', 'gastroc', 'gcm', 'gastrocs'],
    branch: 'tibial',
    nerveLabel: 'tibial',
    roots: table(['S1', 'S2'], { main: 'S1', mainSource: 'convention' }),
    source: 'innervation-table',
    note: 'Kept as written when the report names no head (both heads: tibial nerve, S1–S2).',
  },
  {
    id: 'soleus',
    label: 'Soleus',
    synonyms: ['soleus', 'sol'],
    branch: 'tibial',
    nerveLabel: 'tibial',
    roots: table(['S1', 'S2'], { main: 'S1', mainSource: 'convention' }),
    source: 'innervation-table',
  },
  {
    id: 'abductor-hallucis',
    label: 'Abductor hallucis',
    synonyms: ['abductor hallucis', 'abd hall', 'abd hallucis', 'abductor hall', 'ah'],
    branch: 'tibial',
    nerveLabel: 'tibial (medial plantar)',
    roots: conventionRoots(['S1', 'S2'], { main: 'S1' }),
    source: 'innervation-table',
  },
  {
    id: 'flexor-hallucis-brevis',
    label: 'Flexor hallucis brevis',
    synonyms: ['flexor hallucis brevis', 'flex hall brev', 'fhb'],
    branch: 'tibial',
    nerveLabel: 'tibial (medial plantar)',
    roots: conventionRoots(['S1', 'S2'], { main: 'S1' }),
    source: 'innervation-table',
  },
  {
    id: 'external-anal-sphincter',
    label: 'External anal sphincter',
    synonyms: ['external anal sphincter', 'ext anal sphincter', 'anal sphincter', 'eas'],
    branch: 'pudendal',
    nerveLabel: 'pudendal',
    roots: conventionRoots(['S2', 'S3', 'S4']),
    source: 'innervation-table',
    convention: true,
  },
] as const satisfies readonly MuscleDefinition[];

/**
 * Lumbosacral paraspinals by level. A single level ("L5 paraspinals") is read as that segment's root;
 * an interspace ("L4/5") as the two neighbouring roots, because paraspinal innervation overlaps
 * segments (convention).
 */
const PARASPINAL_LEVELS: ReadonlyArray<{ readonly id: string; readonly roots: RootLevel[]; readonly written: string[] }> = [
  { id: 'L2', roots: ['L2'], written: ['l2'] },
  { id: 'L3', roots: ['L3'], written: ['l3'] },
  { id: 'L4', roots: ['L4'], written: ['l4'] },
  { id: 'L5', roots: ['L5'], written: ['l5'] },
  { id: 'S1', roots: ['S1'], written: ['s1'] },
  { id: 'L3-L4', roots: ['L3', 'L4'], written: ['l3/4', 'l3/l4', 'l3-4'] },
  { id: 'L4-L5', roots: ['L4', 'L5'], written: ['l4/5', 'l4/l5', 'l4-5'] },
  { id: 'L5-S1', roots: ['L5', 'S1'], written: ['l5/s1', 'l5-s1'] },
  { id: 'S1-S2', roots: ['S1', 'S2'], written: ['s1/2', 's1/s2', 's1-2'] },
  { id: 'L2-L3', roots: ['L2', 'L3'], written: ['l2/3', 'l2/l3', 'l2-3'] },
  { id: 'S2', roots: ['S2'], written: ['s2'] },
  { id: 'S3', roots: ['S3'], written: ['s3'] },
  { id: 'S2-S3', roots: ['S2', 'S3'], written: ['s2/3', 's2/s3', 's2-3'] },
];

const PARASPINAL_WORDS = ['paraspinals', 'paraspinal', 'paraspinal muscles', 'lumbar paraspinals', 'ps', 'psp', 'multifidus', 'pvm', 'pvms', 'paravertebral', 'paravertebrals', 'lumbar pvm', 'psm', 'psms'];

const PARASPINALS: readonly MuscleDefinition[] = [
  ...PARASPINAL_LEVELS.map((level) => ({
    id: `paraspinals-${level.id}`,
    label: `Paraspinals ${level.id.replace('-', '/')}`,
    synonyms: level.written.flatMap((w) => PARASPINAL_WORDS.map((word) => `${w} ${word}`)),
    branch: 'dorsal-rami' as const,
    nerveLabel: 'dorsal rami',
    roots: conventionRoots(level.roots),
    source: 'innervation-table',
    convention: true,
  })),
  {
    id: 'paraspinals-lumbosacral',
    label: 'Lumbosacral paraspinals (level not stated)',
    synonyms: ['paraspinals', 'paraspinal', 'lumbar paraspinals', 'lumbosacral paraspinals', 'ls paraspinals', 'low lumbar paraspinals'],
    branch: 'dorsal-rami',
    nerveLabel: 'dorsal rami',
    roots: conventionRoots(['L2', 'L3', 'L4', 'L5', 'S1']),
    source: 'innervation-table',
    convention: true,
    note: 'Without a level, any lumbosacral root could explain the finding; enter the level when the report gives it.',
  },
];

export const MUSCLES: readonly MuscleDefinition[] = [...LIMB_MUSCLES, ...PARASPINALS];

export type MuscleId = string;

/**
 * Names that labs use for more than one muscle: kept as free text with a warning instead of guessed.
 */
export const AMBIGUOUS_MUSCLE_NAMES: ReadonlyArray<{ readonly text: string; readonly candidates: readonly string[] }> = [
  { text: 'biceps femoris', candidates: ['biceps-femoris-long-head', 'biceps-femoris-short-head'] },
  { text: 'bf', candidates: ['biceps-femoris-long-head', 'biceps-femoris-short-head'] },
  { text: 'biceps', candidates: ['biceps-femoris-long-head', 'biceps-femoris-short-head'] },
  { text: 'hamstrings', candidates: ['biceps-femoris-long-head', 'semitendinosus', 'semimembranosus'] },
  { text: 'vastus', candidates: ['vastus-lateralis', 'vastus-medialis'] },
  { text: 'quadriceps', candidates: ['vastus-lateralis', 'vastus-medialis'] },
];

export function isParaspinal(muscle: MuscleDefinition): boolean {
  return muscle.branch === 'dorsal-rami';
}
