import { fail, ok, type Result } from '../types';

export interface EllipseMeasurement {
  readonly areaMm2: number;
  readonly circumferenceMm: number;
}

/**
 * Nerve cross-section approximated as an ellipse from two perpendicular diameters,
 * the way many clinicians measure when a freehand trace is impractical.
 * Area = π·D1·D2/4. Circumference uses Ramanujan's first approximation
 * π[3(a+b) − √((3a+b)(a+3b))] with semi-axes a = D1/2, b = D2/2 (exact for a circle,
 * error far below measurement precision for nerve-like eccentricities).
 */
export function ellipseFromDiameters(d1Mm: number, d2Mm: number): Result<EllipseMeasurement> {
  if (!(Number.isFinite(d1Mm) && d1Mm > 0) || !(Number.isFinite(d2Mm) && d2Mm > 0)) {
    return fail(`Both diameters must be positive lengths in millimetres (got ${d1Mm} and ${d2Mm}).`);
  }
  const a = d1Mm / 2;
  const b = d2Mm / 2;
  const areaMm2 = (Math.PI * d1Mm * d2Mm) / 4;
  const circumferenceMm = Math.PI * (3 * (a + b) - Math.sqrt((3 * a + b) * (a + 3 * b)));
  return ok({ areaMm2, circumferenceMm });
}
