/**
 * The clinical results of a session, computed exactly as the workstation computes them
 * (src/stores/clinicalStore.ts): the case input is the session's comparison inputs
 * (comparisonInputs over the measurements), EMG and NCS rows, reference set, NCS limit set and
 * ratio threshold; analyseClinicalCase runs compareSides, localizeLesions and relateImagingToEmg.
 */
import { DEFAULT_NCS_LIMITS, NCS_LIMIT_SETS } from '../domain/emg/index.ts';
import { comparisonInputs } from '../domain/measurement/index.ts';
import { analyseClinicalCase, type ClinicalAnalysis, type ClinicalCaseInput } from '../domain/report/index.ts';
import type { Session } from '../domain/session/index.ts';

export function sessionCaseInput(session: Session): ClinicalCaseInput {
  const ratio = session.options.ratioThreshold;
  return {
    measurements: comparisonInputs(session.measurements, { poolMethods: session.options.poolMethods === true }),
    emg: session.emg,
    ncs: session.ncs,
    referenceSet: session.referenceSet,
    ncsLimits: NCS_LIMIT_SETS.find((s) => s.id === session.options.ncsLimitSetId) ?? DEFAULT_NCS_LIMITS,
    ...(session.options.patientAgeYears !== undefined ? { ageYears: session.options.patientAgeYears } : {}),
    ...(ratio !== null ? { ratioThreshold: ratio } : {}),
  };
}

export function analyseSession(session: Session): { readonly input: ClinicalCaseInput; readonly analysis: ClinicalAnalysis } {
  const input = sessionCaseInput(session);
  return { input, analysis: analyseClinicalCase(input) };
}
