/**
 * Shared domain vocabulary. Pure TypeScript: no Vue, no Cornerstone, no DOM.
 *
 * Image coordinates are 0-based pixel coordinates: x = column, y = row
 * (the same convention as DICOM and Cornerstone's imageIds/canvas space).
 */

/** A point in image pixel coordinates (x = column, y = row). */
export interface ImagePoint {
  readonly x: number;
  readonly y: number;
}

/** A closed contour in image pixel coordinates; the last point joins the first implicitly. */
export type Contour = readonly ImagePoint[];

/** Where a millimetre scale came from. `none` means results stay in pixels. */
export type CalibrationSource = 'pixel-spacing' | 'us-region' | 'user' | 'none';

/**
 * A calibration maps pixel distances to millimetres.
 * rowSpacingMm is the distance between rows (applies to y); columnSpacingMm between columns (applies to x).
 */
export type Calibration =
  | {
      readonly source: 'pixel-spacing' | 'us-region' | 'user';
      readonly rowSpacingMm: number;
      readonly columnSpacingMm: number;
      /** Index of the ultrasound region used (source 'us-region' only). */
      readonly regionIndex?: number;
      /** Human-readable detail, e.g. "PixelSpacing 0.5\\0.6 mm" or "region 0, 0.01 cm/px". */
      readonly description?: string;
    }
  | {
      readonly source: 'none';
      readonly rowSpacingMm: null;
      readonly columnSpacingMm: null;
      readonly description?: string;
    };

/** One item of the Sequence of Ultrasound Regions (0018,6011), as stored (deltas in the file's units). */
export interface UltrasoundRegion {
  readonly regionSpatialFormat: number; // (0018,6012) 1 = 2D tissue
  readonly regionDataType: number; // (0018,6014)
  readonly minX0: number; // (0018,6018)
  readonly minY0: number; // (0018,601A)
  readonly maxX1: number; // (0018,601C)
  readonly maxY1: number; // (0018,601E)
  readonly physicalUnitsXDirection: number; // (0018,6024) 3 = cm
  readonly physicalUnitsYDirection: number; // (0018,6026) 3 = cm
  readonly physicalDeltaX: number; // (0018,602C)
  readonly physicalDeltaY: number; // (0018,602E)
}

export type Side = 'L' | 'R';
/** How the side was determined. */
export type SideSource = 'ImageLaterality' | 'Laterality' | 'FrameLaterality' | 'patient-coordinates' | 'user' | 'unknown';

/** Outcome of an operation that can be refused with a plain-language reason (one sentence, no stack trace). */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(error: string): Result<T> => ({ ok: false, error });
