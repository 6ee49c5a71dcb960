/**
 * A NerveTrace session as saved to and restored from a JSON file: references to the images
 * (never pixel data), the user's calibrations, the nerve measurements, the EMG and NCS tables,
 * the reference set used and the comparison options. Derived numbers in it are recomputed on
 * load (see rehydrateSession), never trusted.
 */
import type { ImagePoint, Side } from '../types';
import type { NerveMeasurement } from '../measurement';
import type { NcsRow, NeedleEmgRow } from '../emg';
import type { ReferenceSet } from '../reference';
import type { SuvMeasurement } from '../suv/suvMeasurement';

/** The only session layout this version reads and writes. */
export const SESSION_SCHEMA_VERSION = 2;
/**
 * Versions this NerveTrace reads. Version 2 only added optional fields (measurement `excluded`
 * and spline `controlPoints`, study dates, segmental NCS distances, patient age, profile tables),
 * so a version 1 session is a valid version 2 session once its number is raised.
 */
export const READABLE_SESSION_SCHEMA_VERSIONS: readonly number[] = [1, 2];
export const APP_NAME = 'NerveTrace';

/** Patient identification: present only in identified exports (removed by deidentifySession). */
export interface SessionPatient {
  readonly name: string;
  readonly id: string;
  /** As written in the file (DICOM DA "YYYYMMDD"), or empty. */
  readonly birthDate: string;
  readonly accessionNumber: string;
}

export interface SessionInstance {
  readonly sopInstanceUid: string;
  /** Needed to reference the image from a DICOM SR; null when the file did not say. */
  readonly sopClassUid: string | null;
  readonly fileName: string;
  /** Number of frames (1 for a single image). */
  readonly frames: number;
}

export interface SessionSeries {
  readonly seriesInstanceUid: string;
  readonly modality: string;
  readonly description: string;
  /** Side stated by the file's laterality attributes, or null. */
  readonly laterality: Side | null;
  readonly instances: readonly SessionInstance[];
}

export interface SessionStudy {
  readonly studyInstanceUid: string;
  readonly description: string;
  /** StudyDate (0008,0020) as written (DICOM DA "YYYYMMDD"); dates the visit for follow-up. */
  readonly studyDate?: string;
  readonly series: readonly SessionSeries[];
}

/** A millimetre scale the user set (calibration line of known length). */
export interface UserCalibration {
  readonly source: 'user';
  readonly rowSpacingMm: number;
  readonly columnSpacingMm: number;
  readonly description?: string;
}

/** The line a user calibration was drawn with; the calibration is recomputed from it on load. */
export interface CalibrationLine {
  readonly start: ImagePoint;
  readonly end: ImagePoint;
  readonly knownLengthMm: number;
  /** Row spacing ÷ column spacing when the pixels are not square (default 1). */
  readonly pixelAspect?: number;
}

/** A user calibration applied to one image (scope 'image') or to every image of a series. */
export interface SessionCalibration {
  readonly scope: 'image' | 'series';
  readonly seriesInstanceUid: string;
  /** Required for scope 'image', absent for scope 'series'. */
  readonly sopInstanceUid?: string;
  readonly calibration: UserCalibration;
  readonly line?: CalibrationLine;
}

export interface SessionOptions {
  /** Larger/smaller ratio called asymmetric; null = the reference set's default ratio. */
  readonly ratioThreshold: number | null;
  /** Id of the NCS limit set used to flag conduction studies (see NCS_LIMIT_SETS). */
  readonly ncsLimitSetId: string;
  /** Traced (freehand, spline) and ellipse areas pooled in one mean; absent or false = summarised apart. */
  readonly poolMethods?: boolean;
  /** Entered patient age (years) for age-dependent NCS limits; absent = unknown. */
  readonly patientAgeYears?: number;
}

/** A table as shown: column heads and rows of text cells (the numbers exactly as displayed). */
export interface SessionTextTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/**
 * The profile and follow-up tables as the Profile tab shows them, written on export for readers of
 * the file. Derived: never read back (the app and the CLI recompute them from the measurements).
 */
export interface SessionProfileTables {
  readonly note: string;
  readonly profile: SessionTextTable;
  readonly followUp?: SessionTextTable;
}

export interface Session {
  readonly schemaVersion: typeof SESSION_SCHEMA_VERSION;
  readonly app: { readonly name: typeof APP_NAME; readonly version: string };
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly patient?: SessionPatient;
  readonly studies: readonly SessionStudy[];
  readonly calibrations: readonly SessionCalibration[];
  readonly measurements: readonly NerveMeasurement[];
  readonly emg: readonly NeedleEmgRow[];
  readonly ncs: readonly NcsRow[];
  /** The reference set the comparison used, stored whole (with its id and name). */
  readonly referenceSet: ReferenceSet;
  /** Every user-edited reference set of the session, selected or not (absent in older sessions). */
  readonly userReferenceSets?: readonly ReferenceSet[];
  readonly options: SessionOptions;
  /** Written on export (see SessionProfileTables); ignored on load. */
  readonly profileTables?: SessionProfileTables;
  /** FDG PET: SUV measurements and the weight / dose edited per PET series (optional). */
  readonly suv?: SessionSuv;
}

/** Weight and dose the user entered for a PET series because the file's were absent or wrong. */
export interface SessionSuvEdit {
  readonly seriesInstanceUid: string;
  readonly patientWeightKg?: number;
  readonly injectedDoseBq?: number;
}

export interface SessionSuv {
  readonly edits: readonly SessionSuvEdit[];
  readonly measurements: readonly SuvMeasurement[];
}
