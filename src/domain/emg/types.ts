import type { Side } from '../types';

/** Fibrillation / positive-sharp-wave grade: 0, 1+ … 4+ (convention for the grade meanings). */
export type Grade = 0 | 1 | 2 | 3 | 4;
export type ActivityLevel = 'normal' | 'increased' | 'decreased';
export type OtherDischarge = 'complex-repetitive' | 'myokymic' | 'fasciculations';
/** Recruitment / interference pattern ("mixed phase" = reduced, "simple phase" = discrete). */
export type Recruitment = 'full' | 'reduced' | 'discrete' | 'single-unit' | 'none';

/**
 * One needle EMG row (one muscle, one side). Fields a report did not give stay undefined
 * ("not recorded"), which is not the same as normal.
 */
export interface NeedleEmgRow {
  /** Stable id used to cite the finding (parsers use "emg-<line>"). */
  readonly id?: string;
  /** A vocabulary muscle id (e.g. "tibialis-anterior") or the free text of the report. */
  readonly muscle: string;
  readonly side: Side;
  readonly insertionalActivity?: ActivityLevel;
  readonly fibrillations?: Grade;
  readonly positiveSharpWaves?: Grade;
  readonly otherDischarges?: readonly OtherDischarge[];
  /** Discharges the report states were looked for and absent ("myokymia absent"): recorded, not merely unrecorded. */
  readonly absentDischarges?: readonly OtherDischarge[];
  readonly muapAmplitude?: ActivityLevel;
  readonly muapDuration?: ActivityLevel;
  readonly polyphasia?: 'normal' | 'increased';
  readonly recruitment?: Recruitment;
  /** 1-based line of the pasted table, when parsed. */
  readonly sourceLine?: number;
}

export type NcsKind = 'motor' | 'sensory' | 'h-reflex';

/** One nerve-conduction row (one nerve, one side, optionally one stimulation site). */
export interface NcsRow {
  readonly id?: string;
  /** A controlled NCS nerve id (e.g. "peroneal-motor-edb") or the free text of the report. */
  readonly nerve: string;
  readonly kind: NcsKind;
  readonly side: Side;
  /** Stimulation site as written ("ankle", "below fibular head"); the first row of a nerve is taken as distal. */
  readonly stimulationSite?: string;
  readonly latencyMs?: number;
  /** mV for motor, µV for sensory responses. */
  readonly amplitude?: number;
  /** Conduction velocity in metres per second (for a proximal site: of the segment from the previous site). */
  readonly velocityMs?: number;
  /** Distance of the segment from the previous site (or to the recording electrode), millimetres. */
  readonly distanceMm?: number;
  readonly noResponse: boolean;
  readonly sourceLine?: number;
}

/** A problem met while reading a pasted table, for the preview (line is 1-based). */
export interface ParseWarning {
  readonly line: number;
  readonly message: string;
}

/** A muscle name close to a vocabulary name: offered for confirmation, never applied silently. */
export interface MuscleSuggestion {
  readonly line: number;
  readonly rowId: string;
  readonly written: string;
  readonly muscleId: string;
  readonly label: string;
}

export interface ParseResult<Row> {
  readonly rows: readonly Row[];
  readonly warnings: readonly ParseWarning[];
  /** Misspelt muscle names with the vocabulary muscle they probably mean (EMG tables only). */
  readonly suggestions?: readonly MuscleSuggestion[];
  /** How each header cell was understood (field name or null when ignored). */
  readonly columns: ReadonlyArray<{ readonly header: string; readonly field: string | null }>;
}
