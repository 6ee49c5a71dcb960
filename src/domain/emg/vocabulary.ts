/**
 * Lab vocabulary — DATA. How reports write grades, recruitment, MUAP findings and column headers.
 * Value keys are compared after `normalizeCell` (lower case; "+" and "-" kept), header keys after
 * `normalizeHeader` (parenthesised units dropped, punctuation to spaces).
 */
import type { ActivityLevel, Grade, OtherDischarge, Recruitment } from './types';

/** Fibrillation / PSW grades as written: "0", "1+", "+", "++", "4+", "none", "-". */
export const GRADE_TERMS: Readonly<Record<string, Grade>> = {
  '0': 0,
  none: 0,
  '-': 0,
  '': 0,
  neg: 0,
  absent: 0,
  no: 0,
  nml: 0,
  nl: 0,
  normal: 0,
  '1': 1,
  '1+': 1,
  '+1': 1,
  '+': 1,
  '2': 2,
  '2+': 2,
  '+2': 2,
  '++': 2,
  '3': 3,
  '3+': 3,
  '+3': 3,
  '+++': 3,
  '4': 4,
  '4+': 4,
  '+4': 4,
  '++++': 4,
};

/** Recruitment / interference pattern terms. */
export const RECRUITMENT_TERMS: Readonly<Record<string, Recruitment>> = {
  full: 'full',
  complete: 'full',
  interference: 'full',
  'full interference': 'full',
  'complete interference': 'full',
  normal: 'full',
  nl: 'full',
  n: 'full',
  wnl: 'full',
  nml: 'full',
  reduced: 'reduced',
  decreased: 'reduced',
  dec: 'reduced',
  decr: 'reduced',
  red: 'reduced',
  'mixed phase': 'reduced',
  mixed: 'reduced',
  'mildly reduced': 'reduced',
  'moderately reduced': 'reduced',
  'severely reduced': 'reduced',
  discrete: 'discrete',
  'simple phase': 'discrete',
  simple: 'discrete',
  'single unit': 'single-unit',
  'single motor unit': 'single-unit',
  'single units': 'single-unit',
  single: 'single-unit',
  none: 'none',
  'no muap': 'none',
  'no muaps': 'none',
  'no mup': 'none',
  'no mups': 'none',
  'no units': 'none',
  'no activity': 'none',
  absent: 'none',
};

/** MUAP amplitude / duration and insertional activity. A bare "-" is ambiguous in these columns and is not read. */
export const LEVEL_TERMS: Readonly<Record<string, ActivityLevel>> = {
  normal: 'normal',
  nl: 'normal',
  nml: 'normal',
  n: 'normal',
  wnl: 'normal',
  '0': 'normal',
  increased: 'increased',
  incr: 'increased',
  inc: 'increased',
  high: 'increased',
  large: 'increased',
  long: 'increased',
  '+': 'increased',
  '1+': 'increased',
  '+1': 'increased',
  '2+': 'increased',
  '+2': 'increased',
  '3+': 'increased',
  '+3': 'increased',
  '++': 'increased',
  '+++': 'increased',
  decreased: 'decreased',
  decr: 'decreased',
  dec: 'decreased',
  low: 'decreased',
  small: 'decreased',
  short: 'decreased',
  reduced: 'decreased',
  '-1': 'decreased',
  '-2': 'decreased',
  '-3': 'decreased',
  '1-': 'decreased',
  '2-': 'decreased',
};

/** Polyphasia: normal / increased (≥ 5 phases is polyphasic, S18; up to 35 % polyphasic units is normal, S28). */
export const POLYPHASIA_TERMS: Readonly<Record<string, 'normal' | 'increased'>> = {
  normal: 'normal',
  nl: 'normal',
  n: 'normal',
  wnl: 'normal',
  nml: 'normal',
  '0': 'normal',
  none: 'normal',
  increased: 'increased',
  'inc polys': 'increased',
  'incr polys': 'increased',
  'increased polys': 'increased',
  polys: 'increased',
  polyphasic: 'increased',
  incr: 'increased',
  inc: 'increased',
  many: 'increased',
  '+': 'increased',
  '1+': 'increased',
  '+1': 'increased',
  '2+': 'increased',
  '+2': 'increased',
  '3+': 'increased',
  '++': 'increased',
  '+++': 'increased',
};

/** Words of an "other discharges" cell. */
export const OTHER_DISCHARGE_TERMS: Readonly<Record<string, OtherDischarge>> = {
  crd: 'complex-repetitive',
  crds: 'complex-repetitive',
  'complex repetitive': 'complex-repetitive',
  'complex repetitive discharges': 'complex-repetitive',
  'complex repetitive discharge': 'complex-repetitive',
  myokymia: 'myokymic',
  myokymic: 'myokymic',
  'myokymic discharges': 'myokymic',
  'myokymic discharge': 'myokymic',
  fasc: 'fasciculations',
  fascs: 'fasciculations',
  fascics: 'fasciculations',
  fasciculation: 'fasciculations',
  fasciculations: 'fasciculations',
};

/** Cells meaning "nothing" in an other-discharges column. */
export const NOTHING_TERMS: ReadonlySet<string> = new Set(['', '0', 'none', 'nil', 'no', 'neg', 'absent', 'normal', 'n', 'nl', 'nml']);

/** Words that negate a discharge written next to it ("myokymia absent", "no CRD"). */
export const NEGATION_WORDS: ReadonlySet<string> = new Set(['absent', 'none', 'no', 'neg', 'negative', 'not', 'nil', 'without']);

/**
 * Values a lab writes that need a word in the preview: read as shown, never silently. Keys after
 * normalizeCell; the message is shown with the cell.
 */
export const EQUIVOCAL_TERMS: Readonly<Record<string, { readonly grade?: 0; readonly recruitment?: 'reduced'; readonly message: string }>> = {
  '+ -': { grade: 0, message: '"+/-" (equivocal) read as 0; change it if the lab means occasional potentials' },
  'simple mixed phase': { recruitment: 'reduced', message: '"simple/mixed phase" (between mixed and simple) read as reduced' },
  'simple mixed': { recruitment: 'reduced', message: '"simple/mixed" (between mixed and simple) read as reduced' },
};

/** Cells meaning "no response" in a conduction table. */
export const NO_RESPONSE_TERMS: ReadonlySet<string> = new Set(['nr', 'n r', 'no response', 'absent', 'abs', 'a', 'none', 'not recordable', 'unobtainable']);

export type EmgField =
  | 'muscle'
  | 'side'
  | 'insertionalActivity'
  | 'fibrillations'
  | 'positiveSharpWaves'
  | 'fibsAndPsw'
  | 'fasciculations'
  | 'otherDischarges'
  | 'muapAmplitude'
  | 'muapDuration'
  | 'polyphasia'
  | 'recruitment';

/** EMG header synonyms (after normalisation; parenthesised units are dropped first). */
export const EMG_HEADERS: Readonly<Record<EmgField, readonly string[]>> = {
  muscle: ['muscle', 'muscles', 'muscle name', 'muscle tested', 'name', 'left muscle', 'right muscle', 'left muscles', 'right muscles'],
  side: ['side', 'laterality', 'l r', 'lr', 'left right', 'l r side'],
  insertionalActivity: ['ins act', 'insertional', 'insertional activity', 'ins', 'ia', 'insert', 'ins activity', 'insertion', 'ins act ivity'],
  fibrillations: ['fib', 'fibs', 'fibrillation', 'fibrillations', 'fibrillation potentials', 'fp', 'fibs fp'],
  positiveSharpWaves: ['psw', 'psws', 'pw', 'positive sharp waves', 'positive sharp wave', 'pos waves', 'pos sharp waves', 'sharp waves', '+ waves', '+waves'],
  fibsAndPsw: ['f p', 'f&p', 'fib psw', 'fibs psw', 'fib pw', 'fibs pw', 'fibs psws', 'fib psws', 'spont', 'spontaneous', 'spontaneous activity', 'spont act', 'abn spont'],
  fasciculations: ['fasc', 'fascs', 'fascics', 'fasciculations', 'fasciculation'],
  otherDischarges: ['other', 'other discharges', 'other spont', 'other spontaneous', 'other activity', 'crd', 'myokymia', 'other discharge'],
  muapAmplitude: ['amp', 'amplitude', 'muap amp', 'mup amp', 'muap amplitude', 'mup amplitude', 'amp muap', 'muap ampl', 'mup ampl'],
  muapDuration: ['dur', 'duration', 'muap dur', 'mup dur', 'muap duration', 'mup duration'],
  polyphasia: ['poly', 'polys', 'polyphasia', 'polyphasic', 'pps', 'ppp', 'phases', 'polyphasic muaps', 'polyphasic mups', 'polyphasic units'],
  recruitment: ['recruitment', 'recruit', 'recr', 'recrt', 'rcrt', 'rec', 'recruitment pattern', 'interference', 'interference pattern', 'ip', 'int pattern', 'pattern'],
};

export type NcsField = 'nerve' | 'site' | 'side' | 'kind' | 'latencyMs' | 'amplitude' | 'velocityMs' | 'distance';

export const NCS_HEADERS: Readonly<Record<NcsField, readonly string[]>> = {
  nerve: ['nerve', 'nerves', 'nerve site', 'nerve sites', 'nerve studied', 'study', 'nerve conduction', 'nerve stim', 'nerve recording'],
  site: ['site', 'sites', 'stim site', 'stimulation site', 'stimulus site', 'stim', 'segment', 'seg', 'location'],
  side: ['side', 'laterality', 'l r', 'lr', 'left right'],
  kind: ['type', 'kind', 'modality', 'motor sensory', 'study type'],
  latencyMs: ['lat', 'latency', 'onset lat', 'onset latency', 'peak lat', 'peak latency', 'dist lat', 'distal latency', 'onset', 'peak', 'dl', 'lat ms', 'latency ms'],
  amplitude: ['amp', 'amplitude', 'ampl', 'o p amp', 'p p amp', 'peak amp', 'np amp', 'b p amp', 'amp mv', 'amp uv', 'amplitude mv', 'amplitude uv'],
  velocityMs: ['cv', 'ncv', 'velocity', 'vel', 'conduction velocity', 'cv m s', 'velocity m s', 'mcv', 'scv'],
  distance: ['dist', 'distance', 'dist cm', 'dist mm', 'distance cm', 'distance mm'],
};

/** Words of a motor/sensory "type" cell or inside the nerve name. */
export const KIND_TERMS: Readonly<Record<string, 'motor' | 'sensory' | 'h-reflex'>> = {
  motor: 'motor',
  mot: 'motor',
  m: 'motor',
  cmap: 'motor',
  sensory: 'sensory',
  sens: 'sensory',
  s: 'sensory',
  snap: 'sensory',
  antidromic: 'sensory',
  anti: 'sensory',
  orthodromic: 'sensory',
  'h reflex': 'h-reflex',
  h: 'h-reflex',
};
