import type { NeedleEmgRow, Recruitment } from './types';

export interface MuscleAssessment {
  readonly abnormal: boolean;
  /** False when the row records nothing at all (then it is neither normal nor abnormal). */
  readonly assessed: boolean;
  /** Why the muscle is abnormal, one phrase per criterion. */
  readonly reasons: readonly string[];
  /** Findings recorded but not counted (e.g. fasciculations alone). */
  readonly notes: readonly string[];
  /** Fibrillations or positive sharp waves (ongoing denervation). */
  readonly activeDenervation: boolean;
  /** Neurogenic pattern: denervation, large/long MUAPs or reduced recruitment. */
  readonly neurogenic: boolean;
  /** Small/short MUAPs: a myopathic-looking pattern (not localised on the nerve graph). */
  readonly myopathic: boolean;
  /** Rough severity for comparing muscles: max(fib, PSW) + recruitment loss (0–4) + 1 for neurogenic MUAPs. */
  readonly severity: number;
}

const RECRUITMENT_LOSS: Readonly<Record<Recruitment, number>> = { full: 0, reduced: 1, discrete: 2, 'single-unit': 3, none: 4 };
const RECRUITMENT_TEXT: Readonly<Record<Recruitment, string>> = {
  full: 'full recruitment',
  reduced: 'reduced recruitment',
  discrete: 'discrete recruitment (simple phase)',
  'single-unit': 'single-unit recruitment',
  none: 'no motor units recruited',
};

/**
 * Is a needle EMG row abnormal, and why? Counted: fibrillations or positive sharp waves ≥ 1+;
 * complex repetitive discharges (S32) or myokymic discharges; neurogenic MUAP changes (increased
 * amplitude or duration, increased polyphasia); small/short MUAPs; reduced, discrete, single-unit or
 * absent recruitment; increased insertional activity only together with another abnormality.
 * Not counted on their own: increased insertional activity, fasciculations, decreased insertional activity.
 */
export function isMuscleAbnormal(row: NeedleEmgRow): MuscleAssessment {
  const reasons: string[] = [];
  const notes: string[] = [];
  const fib = row.fibrillations ?? 0;
  const psw = row.positiveSharpWaves ?? 0;
  const other = row.otherDischarges ?? [];

  if (fib >= 1) reasons.push(`fibrillation potentials ${fib}+`);
  if (psw >= 1) reasons.push(`positive sharp waves ${psw}+`);
  if (other.includes('complex-repetitive')) reasons.push('complex repetitive discharges (S32)');
  if (other.includes('myokymic')) reasons.push('myokymic discharges');
  if (row.muapAmplitude === 'increased') reasons.push('increased MUAP amplitude');
  if (row.muapDuration === 'increased') reasons.push('long-duration MUAPs');
  if (row.polyphasia === 'increased') reasons.push('increased polyphasia');
  const smallUnits = row.muapAmplitude === 'decreased' || row.muapDuration === 'decreased';
  if (row.muapAmplitude === 'decreased') reasons.push('low-amplitude MUAPs');
  if (row.muapDuration === 'decreased') reasons.push('short-duration MUAPs');
  const recruitmentLoss = row.recruitment ? RECRUITMENT_LOSS[row.recruitment] : 0;
  if (row.recruitment && recruitmentLoss > 0) reasons.push(RECRUITMENT_TEXT[row.recruitment]);

  if (row.insertionalActivity === 'increased') {
    if (reasons.length > 0) reasons.push('increased insertional activity');
    else notes.push('increased insertional activity alone is not counted as abnormal');
  }
  if (row.insertionalActivity === 'decreased') notes.push('decreased insertional activity (atrophy or fibrosis) is not counted');
  if (other.includes('fasciculations')) notes.push('fasciculations alone are not counted as abnormal');

  const activeDenervation = fib >= 1 || psw >= 1;
  const neurogenicMuap = row.muapAmplitude === 'increased' || row.muapDuration === 'increased';
  const neurogenic = activeDenervation || neurogenicMuap || recruitmentLoss > 0;
  const assessed =
    row.insertionalActivity !== undefined ||
    row.fibrillations !== undefined ||
    row.positiveSharpWaves !== undefined ||
    other.length > 0 ||
    row.muapAmplitude !== undefined ||
    row.muapDuration !== undefined ||
    row.polyphasia !== undefined ||
    row.recruitment !== undefined;

  return {
    abnormal: reasons.length > 0,
    assessed,
    reasons,
    notes,
    activeDenervation,
    neurogenic,
    myopathic: smallUnits && !neurogenicMuap,
    severity: Math.max(fib, psw) + recruitmentLoss + (neurogenicMuap ? 1 : 0),
  };
}
