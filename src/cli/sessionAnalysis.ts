/**
 * The clinical results of a session, computed by the same domain functions as the workstation:
 * compareSides(comparisonInputs(measurements), referenceSet) with the session's ratio threshold,
 * localizeLesions over the EMG and NCS rows with the session's NCS limit set, and
 * relateImagingToEmg between the two.
 */
import type { SegmentComparison } from '../domain/comparison/index.ts';
import { relateImagingToEmg, type ConcordanceEntry } from '../domain/concordance/index.ts';
import { DEFAULT_NCS_LIMITS, NCS_LIMIT_SETS } from '../domain/emg/index.ts';
import { sessionComparisons } from '../domain/export/index.ts';
import { localizeLesions, type LocalizationResult } from '../domain/localization/index.ts';
import type { Session } from '../domain/session/index.ts';

export interface SessionAnalysis {
  readonly comparisons: readonly SegmentComparison[];
  readonly localization: LocalizationResult;
  readonly concordance: readonly ConcordanceEntry[];
}

export function analyseSession(session: Session): SessionAnalysis {
  const comparisons = sessionComparisons(session);
  const ncsLimits = NCS_LIMIT_SETS.find((s) => s.id === session.options.ncsLimitSetId) ?? DEFAULT_NCS_LIMITS;
  const localization = localizeLesions({ emg: session.emg, ncs: session.ncs, ncsLimits });
  return { comparisons, localization, concordance: relateImagingToEmg(comparisons, localization) };
}
