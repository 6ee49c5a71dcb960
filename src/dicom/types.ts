import type { UltrasoundRegion } from '../domain/types.ts';
import type { PetSuvAttributes } from '../domain/suv/types.ts';

/**
 * Everything NerveTrace reads from one DICOM instance, before any interpretation.
 * Absent attributes are `null` (JSON-friendly); numeric values are parsed but not validated
 * (a malformed decimal string becomes NaN — the domain decides what is acceptable).
 */
export interface DicomImageMetadata {
  readonly fileName: string | null;

  // Identification
  readonly modality: string | null;
  readonly sopClassUid: string | null;
  readonly studyInstanceUid: string | null;
  readonly seriesInstanceUid: string | null;
  readonly sopInstanceUid: string | null;
  readonly frameOfReferenceUid: string | null;
  readonly patientName: string | null;
  readonly patientId: string | null;
  /** (0010,1010) "064Y" and (0010,0030) YYYYMMDD: for age-dependent NCS limits (optional: older callers omit them). */
  readonly patientAge?: string | null;
  readonly patientBirthDate?: string | null;
  readonly studyDescription: string | null;
  /** StudyDate (0008,0020), DICOM DA "YYYYMMDD" as written: visit dates and age; optional so hand-made metadata need not name it. */
  readonly studyDate?: string | null;
  readonly seriesDescription: string | null;
  readonly bodyPartExamined: string | null;
  readonly seriesNumber: number | null;
  readonly instanceNumber: number | null;

  // Image pixel module
  readonly rows: number;
  readonly columns: number;
  /** (0028,0008); 1 when absent. */
  readonly numberOfFrames: number;
  /** (0028,0002); 1 when absent. */
  readonly samplesPerPixel: number;
  readonly photometricInterpretation: string | null;
  readonly bitsAllocated: number;
  readonly bitsStored: number | null;
  readonly pixelRepresentation: number | null;
  readonly planarConfiguration: number | null;

  // Encoding
  /** From the file meta header (0002,0010); for a raw data set without meta header, the syntax that was assumed. */
  readonly transferSyntaxUid: string;
  readonly transferSyntaxName: string | null;
  /** False for a raw data set without the 128-byte preamble, "DICM" and file meta header. */
  readonly hasFileMetaHeader: boolean;

  // Side
  readonly imageLaterality: string | null; // (0020,0062)
  readonly laterality: string | null; // (0020,0060)
  /** (0020,9072) from the shared, else the first per-frame, Frame Anatomy functional group. */
  readonly frameLaterality: string | null;

  // Spatial calibration (raw values; validated by the domain)
  /** (0028,0030) as stored: [row spacing, column spacing] in mm. Falls back to the Pixel Measures functional group. */
  readonly pixelSpacing: readonly number[] | null;
  /** (0018,1164) as stored: [row, column] in mm at the detector. */
  readonly imagerPixelSpacing: readonly number[] | null;
  /** Items of the Sequence of Ultrasound Regions (0018,6011) that have all required attributes. */
  readonly ultrasoundRegions: readonly UltrasoundRegion[];

  // Patient coordinates
  /** (0020,0037): row direction cosines then column direction cosines. Falls back to the Plane Orientation functional group. */
  readonly imageOrientationPatient: readonly number[] | null;
  /** (0020,0032) of the first frame. Falls back to the Plane Position functional group. */
  readonly imagePositionPatient: readonly number[] | null;
  /** Per-frame (0020,0032) from the Per-frame Functional Groups, index = frame; null when not an enhanced multi-frame. */
  readonly framePositionsPatient: readonly (readonly number[] | null)[] | null;
  readonly sliceThickness: number | null;
  readonly sliceLocation: number | null;

  // Timing (cine)
  readonly frameTimeMs: number | null; // (0018,1063)
  readonly frameTimeVector: readonly number[] | null; // (0018,1065)
  readonly cineRate: number | null; // (0018,0040)
  readonly recommendedDisplayFrameRate: number | null; // (0008,2144)

  // Display
  readonly windowCenter: number | null; // first value of (0028,1050)
  readonly windowWidth: number | null; // first value of (0028,1051)
  readonly rescaleSlope: number | null;
  readonly rescaleIntercept: number | null;

  // Pixel data (7FE0,0010)
  readonly pixelDataPresent: boolean;
  /** Bytes in the pixel data element (for encapsulated data: including item headers). */
  readonly pixelDataLength: number;
  readonly encapsulated: boolean;
  /** Number of fragments of encapsulated pixel data (0 for native pixel data). */
  readonly fragmentCount: number;

  /** PET (Modality PT) only: what SUV needs, read by petAttributes.ts. */
  readonly pet?: PetSuvAttributes;

  /** Non-fatal oddities, one sentence each (e.g. an ultrasound region item missing attributes). */
  readonly warnings: readonly string[];
  /**
   * Why the viewer's decoder cannot draw this image (displayable.ts), or null; absent when the
   * metadata did not come from a file (e.g. a DICOMweb JSON model).
   */
  readonly displayProblem?: string | null;
}

/**
 * The part of the metadata the domain's resolveCalibration needs, shaped so it can be passed
 * straight in: `resolveCalibration(calibrationInputFromMetadata(meta), contour)`.
 */
export interface CalibrationInput {
  /** PixelSpacing (0028,0030) as stored, [row, column] mm; undefined when absent. */
  readonly pixelSpacing: readonly number[] | undefined;
  readonly ultrasoundRegions: readonly UltrasoundRegion[];
}
