/**
 * Orientation markers for the edges of a cross-sectional image, from ImageOrientationPatient.
 * DICOM patient coordinates are LPS: +x = patient Left, +y = Posterior, +z = Head (superior).
 */

export interface OrientationMarkers {
  readonly left: string;
  readonly right: string;
  readonly top: string;
  readonly bottom: string;
}

const AXIS_LETTERS: ReadonlyArray<readonly [positive: string, negative: string]> = [
  ['L', 'R'],
  ['P', 'A'],
  ['H', 'F'],
];

/**
 * Letters naming where a direction vector points, most dominant axis first (e.g. "LP" for an
 * oblique direction mostly towards the patient's left). Components below 0.25 are ignored,
 * as most viewers do, so small obliquities do not clutter the label.
 */
export function directionLabel(direction: readonly number[]): string {
  const components = [0, 1, 2]
    .map((axis) => ({ axis, value: direction[axis] ?? 0 }))
    .filter(({ value }) => Math.abs(value) >= 0.25)
    .sort((a, b) => Math.abs(b.value) - Math.abs(a.value));
  return components.map(({ axis, value }) => AXIS_LETTERS[axis]![value > 0 ? 0 : 1]).join('');
}

function negate(v: readonly number[]): number[] {
  return v.map((c) => -c);
}

/**
 * Markers for the four image edges. The first three cosines give the direction of increasing
 * column (towards the right edge), the last three of increasing row (towards the bottom edge).
 * Returns null when the orientation is missing or degenerate.
 */
export function orientationMarkers(imageOrientationPatient: readonly number[] | undefined): OrientationMarkers | null {
  if (!imageOrientationPatient || imageOrientationPatient.length !== 6) return null;
  if (!imageOrientationPatient.every(Number.isFinite)) return null;
  const rowDirection = imageOrientationPatient.slice(0, 3);
  const columnDirection = imageOrientationPatient.slice(3, 6);
  const right = directionLabel(rowDirection);
  const bottom = directionLabel(columnDirection);
  if (!right || !bottom) return null;
  return { right, bottom, left: directionLabel(negate(rowDirection)), top: directionLabel(negate(columnDirection)) };
}
