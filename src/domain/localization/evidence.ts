/**
 * How strongly one abnormal finding argues for a lesion in its territory (0–1), from its kind and
 * grade (EMG) or its deviation from the limit (NCS). The weights are data (parameters.ts).
 */
import type { FlaggedNcsRow, NeedleEmgRow, Recruitment } from '../emg';
import type { EvidenceWeights } from './parameters';

export type EvidenceKind =
  | 'active-denervation'
  | 'chronic-neurogenic'
  | 'recruitment-only'
  | 'polyphasia-only'
  | 'myokymic'
  | 'complex-repetitive'
  | 'myopathic'
  | 'ncs-absent'
  | 'ncs-deviation'
  | 'ncs-side-to-side'
  | 'segment-focal'
  | 'none';

export interface Evidence {
  readonly weight: number;
  readonly kind: EvidenceKind;
}

const RECRUITMENT_INDEX: Readonly<Record<Exclude<Recruitment, 'full'>, 0 | 1 | 2 | 3>> = {
  reduced: 0,
  discrete: 1,
  'single-unit': 2,
  none: 3,
};

const round = (x: number): number => Math.round(x * 1000) / 1000;

/** Evidence of a needle EMG row (0 for a normal row). */
export function muscleEvidence(row: NeedleEmgRow, w: EvidenceWeights): Evidence {
  const grade = Math.max(row.fibrillations ?? 0, row.positiveSharpWaves ?? 0);
  const chronic = row.muapAmplitude === 'increased' || row.muapDuration === 'increased';
  const recruitmentLoss = row.recruitment !== undefined && row.recruitment !== 'full';
  const other = row.otherDischarges ?? [];
  const parts: Evidence[] = [];
  if (grade >= 1) parts.push({ weight: w.activeDenervation[Math.min(4, grade) - 1]!, kind: 'active-denervation' });
  if (chronic) parts.push({ weight: w.chronicNeurogenic, kind: 'chronic-neurogenic' });
  if (other.includes('myokymic')) parts.push({ weight: w.myokymic, kind: 'myokymic' });
  if (recruitmentLoss) parts.push({ weight: w.recruitmentOnly[RECRUITMENT_INDEX[row.recruitment as Exclude<Recruitment, 'full'>]], kind: 'recruitment-only' });
  if (row.polyphasia === 'increased') parts.push({ weight: w.polyphasiaOnly, kind: 'polyphasia-only' });
  if (other.includes('complex-repetitive')) parts.push({ weight: w.complexRepetitive, kind: 'complex-repetitive' });
  if (!chronic && (row.muapAmplitude === 'decreased' || row.muapDuration === 'decreased')) parts.push({ weight: w.myopathic, kind: 'myopathic' });
  if (parts.length === 0) return { weight: 0, kind: 'none' };
  const strongest = parts.reduce((a, b) => (b.weight > a.weight ? b : a));
  const kinds = (grade >= 1 ? 1 : 0) + (chronic ? 1 : 0) + (recruitmentLoss ? 1 : 0);
  const weight = Math.min(1, strongest.weight + (kinds >= 2 ? w.concordantBonus : 0));
  return { weight: round(weight), kind: strongest.kind };
}

/** Evidence of a flagged conduction row: absent = full; otherwise by the largest deviation beyond a limit. */
export function ncsEvidence(flagged: FlaggedNcsRow, w: EvidenceWeights): Evidence {
  if (!flagged.abnormal) return { weight: 0, kind: 'none' };
  if (flagged.flags.some((f) => f.kind === 'absent')) return { weight: w.ncsAbsent, kind: 'ncs-absent' };
  const limitFlags = flagged.flags.filter((f) => f.kind !== 'side-to-side-amplitude');
  if (limitFlags.length === 0) return { weight: w.ncsSideToSideOnly, kind: 'ncs-side-to-side' };
  const deviation = Math.max(...limitFlags.map((f) => f.deviation));
  const beyondBand = Math.max(0, deviation - w.ncsBorderlineBand) / Math.max(1e-9, w.ncsFullDeviation - w.ncsBorderlineBand);
  const weight = w.ncsBorderline + (1 - w.ncsBorderline) * Math.min(1, beyondBand);
  return { weight: round(weight), kind: 'ncs-deviation' };
}

/** True when the only abnormality of a muscle is a recruitment change (no MUAP change, no spontaneous activity). */
export function isRecruitmentOnly(row: NeedleEmgRow): boolean {
  const recruitmentLoss = row.recruitment !== undefined && row.recruitment !== 'full';
  return (
    recruitmentLoss &&
    (row.fibrillations ?? 0) === 0 &&
    (row.positiveSharpWaves ?? 0) === 0 &&
    row.muapAmplitude !== 'increased' &&
    row.muapDuration !== 'increased' &&
    row.muapAmplitude !== 'decreased' &&
    row.muapDuration !== 'decreased' &&
    row.polyphasia !== 'increased' &&
    !(row.otherDischarges ?? []).some((d) => d === 'myokymic' || d === 'complex-repetitive')
  );
}
