/**
 * What SUV needs from a PET instance, as stored (strings for dates and times, numbers parsed
 * but not validated). Read by src/dicom/petAttributes.ts; interpreted only by this folder.
 */
export interface PetSuvAttributes {
  /** Units (0054,1001): BQML, CNTS, GML, ... */
  readonly units: string | null;
  /** Corrected Image (0028,0051), every value. */
  readonly correctedImage: readonly string[];
  /** Decay Correction (0054,1102): START, ADMIN or NONE. */
  readonly decayCorrection: string | null;
  /** Patient's Weight (0010,1030) in kg. */
  readonly patientWeightKg: number | null;
  readonly seriesDate: string | null; // (0008,0021)
  readonly seriesTime: string | null; // (0008,0031)
  readonly acquisitionDate: string | null; // (0008,0022)
  readonly acquisitionTime: string | null; // (0008,0032)
  /** From the first item of the Radiopharmaceutical Information Sequence (0054,0016). */
  readonly radiopharmaceutical: string | null; // (0018,0031)
  readonly radiopharmaceuticalStartDateTime: string | null; // (0018,1078)
  readonly radiopharmaceuticalStartTime: string | null; // (0018,1072)
  /** Radionuclide Total Dose (0018,1074) in Bq. */
  readonly radionuclideTotalDoseBq: number | null;
  /** Radionuclide Half Life (0018,1075) in s. */
  readonly radionuclideHalfLifeS: number | null;
  /** GE private scan date-time (0009,xx0D) of creator GEMS_PETD_01. */
  readonly gePrivateScanDateTime: string | null;
  /** Philips private SUV Scale Factor (7053,xx00) of creator "Philips PET Private Group". */
  readonly philipsSuvScaleFactor: number | null;
  /** Philips private Activity Concentration Scale Factor (7053,xx09): counts → Bq/ml. */
  readonly philipsActivityConcentrationScaleFactor: number | null;
  readonly rescaleSlope: number | null;
  readonly rescaleIntercept: number | null;
}

/** Values the user typed because the file's were absent or wrong; marked "edited" wherever shown. */
export interface SuvOverrides {
  readonly patientWeightKg?: number;
  readonly injectedDoseBq?: number;
}

export type SuvMethod = 'bqml-decay-to-scan' | 'bqml-admin' | 'philips-suv-factor' | 'philips-activity-factor' | 'philips-activity-factor-admin' | 'gml';
export type ScanTimeSource = 'series' | 'acquisition' | 'ge-private';

/**
 * SUVbw (g/ml) = (stored × RescaleSlope + RescaleIntercept) × factor, per instance.
 */
export interface SuvBwFactors {
  /** One factor per instance, in the order given. */
  readonly factors: readonly number[];
  readonly method: SuvMethod;
  /** One sentence saying where the factor comes from, e.g. "BQML; dose decayed 3600 s from injection to the series time". */
  readonly source: string;
  readonly patientWeightKg: number | null;
  readonly injectedDoseBq: number | null;
  readonly weightEdited: boolean;
  readonly doseEdited: boolean;
  /** Seconds of decay applied to the dose; 0 for ADMIN; null when no decay is involved (GML, Philips SUV factor). */
  readonly decayTimeS: number | null;
  readonly scanTimeSource: ScanTimeSource | null;
}
