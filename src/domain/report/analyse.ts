import { compareSides } from '../comparison';
import { relateImagingToEmg } from '../concordance';
import { flagNcs, isMuscleAbnormal, resolveMuscle } from '../emg';
import { localizeLesions } from '../localization';
import type { ClinicalAnalysis, ClinicalCaseInput } from './types';

/**
 * Run the clinical domain once over a case: left–right comparison against the reference set,
 * EMG/NCS assessment, HINT-like localization, and imaging–EMG concordance. Rows without a muscle
 * or nerve name (an empty row being typed) are left out.
 */
export function analyseClinicalCase(input: ClinicalCaseInput): ClinicalAnalysis {
  const emgRows = input.emg.filter((row) => row.muscle.trim().length > 0);
  const ncsRows = input.ncs.filter((row) => row.nerve.trim().length > 0);
  const comparisons = compareSides(
    input.measurements,
    input.referenceSet,
    input.ratioThreshold !== undefined ? { ratioThreshold: input.ratioThreshold } : {},
  );
  const age = input.ageYears !== undefined ? { ageYears: input.ageYears } : {};
  const localization = localizeLesions({ emg: emgRows, ncs: ncsRows, ncsLimits: input.ncsLimits, ...age });
  return {
    comparisons,
    localization,
    concordance: relateImagingToEmg(comparisons, localization),
    emg: emgRows.map((row) => ({ row, assessment: isMuscleAbnormal(row), muscleLabel: resolveMuscle(row.muscle)?.label ?? null })),
    ncs: flagNcs(ncsRows, input.ncsLimits, age),
  };
}
