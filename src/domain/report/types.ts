import type { FlaggedNcsRow, MuscleAssessment, NcsLimitSet, NcsRow, NeedleEmgRow } from '../emg';
import type { MeasurementSummaryInput, SegmentComparison } from '../comparison';
import type { ConcordanceEntry } from '../concordance';
import type { LocalizationResult } from '../localization';
import type { ReferenceSet } from '../reference';
import type { SuvMeasurement } from '../suv/suvMeasurement';

/** Everything a clinical report is made from: measurements, EMG and NCS rows, and the chosen norms. */
export interface ClinicalCaseInput {
  /** Calibrated cross-sectional areas per nerve, site, side and modality (see measurement/comparisonInputs). */
  readonly measurements: readonly MeasurementSummaryInput[];
  readonly emg: readonly NeedleEmgRow[];
  readonly ncs: readonly NcsRow[];
  readonly referenceSet: ReferenceSet;
  readonly ncsLimits: NcsLimitSet;
  /** Session-level larger/smaller ratio (source "user"); absent = the reference set's ratio. */
  readonly ratioThreshold?: number;
  /** Patient age in years for age-dependent NCS limits; absent = unknown (the report says which limit was used). */
  readonly ageYears?: number;
  /** FDG PET SUV measurements (regions and lines along nerves); absent or empty = no FDG section. */
  readonly fdg?: readonly SuvMeasurement[];
}

/** One needle EMG row with its assessment (isMuscleAbnormal). */
export interface AssessedEmgRow {
  readonly row: NeedleEmgRow;
  readonly assessment: MuscleAssessment;
  /** Vocabulary label ("Tibialis anterior"), or null when the muscle is free text. */
  readonly muscleLabel: string | null;
}

/** The domain results behind a report, computed once and shared by the UI and the CLI. */
export interface ClinicalAnalysis {
  readonly comparisons: readonly SegmentComparison[];
  readonly localization: LocalizationResult;
  readonly concordance: readonly ConcordanceEntry[];
  readonly emg: readonly AssessedEmgRow[];
  readonly ncs: readonly FlaggedNcsRow[];
}

export type ReportSectionId =
  | 'reference'
  | 'measurements'
  | 'asymmetry'
  | 'electrodiagnosis'
  | 'localization'
  | 'concordance'
  | 'limitations'
  | 'sources'
  | 'fdg';

/** How a line reads: abnormal findings can be shown in a warning colour. */
export type ReportTone = 'normal' | 'abnormal' | 'note';

export interface ReportEntry {
  readonly text: string;
  /** Sub-points (e.g. the reasoning behind a localization), plain sentences. */
  readonly details?: readonly string[];
  readonly tone: ReportTone;
}

export interface ReportSection {
  readonly id: ReportSectionId;
  readonly title: string;
  readonly entries: readonly ReportEntry[];
}

export interface ClinicalReport {
  readonly title: string;
  /** 'Reference set: "Chen 2018 / Dutch table" (built-in)' — always present. */
  readonly referenceSetLine: string;
  readonly sections: readonly ReportSection[];
}
