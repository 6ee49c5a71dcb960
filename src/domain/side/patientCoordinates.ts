import type { ImagePoint, Side } from '../types';
import { isPlausibleSpacingMm } from '../calibration/plausibility';

/** Image plane geometry from the file, enough to place a pixel in patient space. */
export interface PatientGeometry {
  /** ImageOrientationPatient (0020,0037): row direction cosines (x1,y1,z1) then column direction cosines (x2,y2,z2). */
  readonly imageOrientationPatient: readonly number[];
  /** ImagePositionPatient (0020,0032): centre of the first transmitted pixel, mm. */
  readonly imagePositionPatient: readonly number[];
  /** PixelSpacing[0]: distance between rows (a step in y), mm. */
  readonly rowSpacingMm: number;
  /** PixelSpacing[1]: distance between columns (a step in x), mm. */
  readonly columnSpacingMm: number;
}

/** A point in the DICOM patient coordinate system (LPS, mm): +x = patient's left, +y = posterior, +z = head. */
export type PatientPoint = readonly [x: number, y: number, z: number];

export interface InferredSide {
  readonly side: Side;
  readonly source: 'patient-coordinates';
  /** Always true: derived from geometry and an assumed midline, so the UI should ask for confirmation. */
  readonly inferred: true;
}

/** Direction cosines must be unit vectors at right angles; beyond this the header is not trusted. */
const ORIENTATION_TOLERANCE = 1e-3;
/** Largest |ImagePositionPatient| coordinate trusted, mm (1 km: far outside any scanner). */
const MAX_POSITION_MM = 1e6;
/** Closer than this to the midline the side is too uncertain to state. */
const MIDLINE_MARGIN_MM = 1;

/**
 * Position of an image point in patient space (DICOM PS3.3 C.7.6.2.1.1):
 *   P = IPP + x·Δcol·rowCosines + y·Δrow·columnCosines
 * Moving along a row (increasing column index x) follows the first three cosines and
 * steps by the COLUMN spacing (PixelSpacing[1]); moving down a column (increasing y)
 * follows the last three and steps by the ROW spacing (PixelSpacing[0]).
 * Returns null when the geometry is incomplete or degenerate, or its spacing not physical (plausibility.ts).
 */
export function imagePointToPatient(point: ImagePoint, geometry: PatientGeometry): PatientPoint | null {
  const iop = geometry.imageOrientationPatient;
  const ipp = geometry.imagePositionPatient;
  if (iop.length !== 6 || ipp.length !== 3) return null;
  if (![...iop, ...ipp, point.x, point.y].every(Number.isFinite)) return null;
  // A position beyond a kilometre is not in a body: no side from it.
  if (ipp.some((c) => Math.abs(c) > MAX_POSITION_MM)) return null;
  const { rowSpacingMm, columnSpacingMm } = geometry;
  // A spacing outside the physical range (1e+150 mm) would place the point anywhere: no side from it.
  if (!isPlausibleSpacingMm(rowSpacingMm) || !isPlausibleSpacingMm(columnSpacingMm)) return null;
  const [rx, ry, rz, cx, cy, cz] = iop as readonly [number, number, number, number, number, number];
  const rowNorm = Math.hypot(rx, ry, rz);
  const colNorm = Math.hypot(cx, cy, cz);
  const dot = rx * cx + ry * cy + rz * cz;
  if (
    Math.abs(rowNorm - 1) > ORIENTATION_TOLERANCE ||
    Math.abs(colNorm - 1) > ORIENTATION_TOLERANCE ||
    Math.abs(dot) > ORIENTATION_TOLERANCE
  ) {
    return null;
  }
  const [px, py, pz] = ipp as readonly [number, number, number];
  const alongRow = point.x * columnSpacingMm;
  const downColumn = point.y * rowSpacingMm;
  return [px + alongRow * rx + downColumn * cx, py + alongRow * ry + downColumn * cy, pz + alongRow * rz + downColumn * cz];
}

/**
 * How far (degrees) the image normal may tilt from the patient's head-foot axis for the image to
 * count as axial. Oblique axial nerve planes are commonly tilted 10-20°; beyond 30° the plane is
 * closer to coronal or sagittal, where left and right are not read across the image.
 */
export const NEAR_AXIAL_TOLERANCE_DEGREES = 30;

/** True when the image plane is axial within `toleranceDegrees` (its normal close to ±z). */
export function isNearAxial(imageOrientationPatient: readonly number[], toleranceDegrees = NEAR_AXIAL_TOLERANCE_DEGREES): boolean {
  if (imageOrientationPatient.length !== 6 || !imageOrientationPatient.every(Number.isFinite)) return false;
  const [rx, ry, rz, cx, cy, cz] = imageOrientationPatient as readonly [number, number, number, number, number, number];
  const nx = ry * cz - rz * cy;
  const ny = rz * cx - rx * cz;
  const nz = rx * cy - ry * cx;
  const length = Math.hypot(nx, ny, nz);
  if (!(length > 0)) return false;
  return Math.abs(nz) / length >= Math.cos((toleranceDegrees * Math.PI) / 180);
}

/**
 * Side inferred from where the point sits in patient space: LPS +x is the patient's
 * LEFT. midlineX (mm) defaults to 0, which is only the scanner's origin, hence
 * `inferred: true`. Only on a near-axial image (isNearAxial); points within 1 mm of the
 * midline, other planes or bad geometry give null.
 */
export function sideFromPatientCoordinates(
  point: ImagePoint,
  geometry: PatientGeometry,
  midlineX = 0,
): InferredSide | null {
  if (!Number.isFinite(midlineX)) return null;
  if (!isNearAxial(geometry.imageOrientationPatient)) return null;
  const patient = imagePointToPatient(point, geometry);
  if (patient === null) return null;
  const offset = patient[0] - midlineX;
  if (!(Math.abs(offset) >= MIDLINE_MARGIN_MM)) return null;
  return { side: offset > 0 ? 'L' : 'R', source: 'patient-coordinates', inferred: true };
}
