/**
 * Where a pixel of a slice lies in patient coordinates and back, for slices on one frame of
 * reference (PET over CT): from ImagePositionPatient, ImageOrientationPatient and PixelSpacing.
 * x = column, y = row, pixel centres at integers; patient coordinates in mm (LPS).
 */
export interface SlicePlane {
  /** Patient position of the centre of pixel (0, 0). */
  readonly origin: readonly [number, number, number];
  /** Direction cosines of increasing column (x) and increasing row (y). */
  readonly rowDirection: readonly [number, number, number];
  readonly columnDirection: readonly [number, number, number];
  readonly rowSpacingMm: number;
  readonly columnSpacingMm: number;
}

type Vec3 = readonly [number, number, number];
const dot = (a: Vec3, b: Vec3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const cross = (a: Vec3, b: Vec3): Vec3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];

/** The plane of a slice, or null when the position, orientation or spacing is missing or unusable. */
export function slicePlane(position: readonly number[] | null, orientation: readonly number[] | null, pixelSpacing: readonly number[] | null): SlicePlane | null {
  if (!position || position.length < 3 || !orientation || orientation.length < 6 || !pixelSpacing || pixelSpacing.length < 2) return null;
  const [rowSpacingMm, columnSpacingMm] = pixelSpacing as [number, number];
  if (![...position.slice(0, 3), ...orientation.slice(0, 6)].every(Number.isFinite) || !(rowSpacingMm > 0 && columnSpacingMm > 0)) return null;
  return {
    origin: [position[0]!, position[1]!, position[2]!],
    rowDirection: [orientation[0]!, orientation[1]!, orientation[2]!],
    columnDirection: [orientation[3]!, orientation[4]!, orientation[5]!],
    rowSpacingMm,
    columnSpacingMm,
  };
}

/** Patient coordinates of image point (x, y). */
export function pixelToPatient(p: SlicePlane, x: number, y: number): Vec3 {
  return [0, 1, 2].map((i) => p.origin[i]! + x * p.columnSpacingMm * p.rowDirection[i]! + y * p.rowSpacingMm * p.columnDirection[i]!) as unknown as Vec3;
}

/** Image point of a patient position projected onto the slice's plane. */
export function patientToPixel(p: SlicePlane, point: Vec3): { x: number; y: number } {
  const d: Vec3 = [point[0] - p.origin[0], point[1] - p.origin[1], point[2] - p.origin[2]];
  return { x: dot(d, p.rowDirection) / p.columnSpacingMm, y: dot(d, p.columnDirection) / p.rowSpacingMm };
}

/** Signed distance of the slice from the patient origin along its normal (sorting and linking slices). */
export function slicePosition(p: SlicePlane): number {
  return dot(p.origin, cross(p.rowDirection, p.columnDirection));
}

/** Index of the slice nearest a position along the normal (linked scrolling by position), or -1. */
export function nearestSlice(positions: readonly number[], position: number): number {
  let best = -1;
  let bestDistance = Infinity;
  positions.forEach((q, i) => {
    const d = Math.abs(q - position);
    if (d < bestDistance) [best, bestDistance] = [i, d];
  });
  return best;
}

/** Are two planes parallel (same orientation up to 1e-4)? Fusion needs it. */
export function sameOrientation(a: SlicePlane, b: SlicePlane): boolean {
  const n1 = cross(a.rowDirection, a.columnDirection);
  const n2 = cross(b.rowDirection, b.columnDirection);
  return Math.abs(Math.abs(dot(n1, n2)) - 1) < 1e-4;
}
