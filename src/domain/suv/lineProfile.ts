/**
 * SUV along a polyline drawn down a nerve: sampled every half pixel (the finer spacing), bilinear
 * between pixel centres, with the distance from the first point in mm and the maximum located.
 */
import type { ImagePoint, Result } from '../types';
import { fail, ok } from '../types';
import type { SuvImage } from './suvImage';

export interface ProfileSample {
  readonly distanceMm: number;
  readonly x: number;
  readonly y: number;
  readonly suv: number;
}

export interface SuvProfile {
  readonly samples: readonly ProfileSample[];
  readonly lengthMm: number;
  /** The sample with the highest SUV (the first one when several are equal). */
  readonly max: ProfileSample;
  readonly stepMm: number;
}

function bilinear(image: SuvImage, x: number, y: number): number {
  const x0 = Math.min(Math.max(Math.floor(x), 0), image.columns - 1);
  const y0 = Math.min(Math.max(Math.floor(y), 0), image.rows - 1);
  const x1 = Math.min(x0 + 1, image.columns - 1);
  const y1 = Math.min(y0 + 1, image.rows - 1);
  const fx = Math.min(Math.max(x - x0, 0), 1);
  const fy = Math.min(Math.max(y - y0, 0), 1);
  const v = (yy: number, xx: number): number => image.suv[yy * image.columns + xx]!;
  return (v(y0, x0) * (1 - fx) + v(y0, x1) * fx) * (1 - fy) + (v(y1, x0) * (1 - fx) + v(y1, x1) * fx) * fy;
}

export function suvLineProfile(points: readonly ImagePoint[], image: SuvImage): Result<SuvProfile> {
  if (points.length < 2) return fail('A line profile needs at least two points.');
  if (!(image.rowSpacingMm > 0 && image.columnSpacingMm > 0)) return fail('The PET image has no usable PixelSpacing, so distances along the line cannot be given in mm.');
  const outside = points.find((p) => p.x < -0.5 || p.y < -0.5 || p.x > image.columns - 0.5 || p.y > image.rows - 0.5);
  if (outside) return fail('The line leaves the image; draw it on the PET image.');
  const stepMm = Math.min(image.rowSpacingMm, image.columnSpacingMm) / 2;
  const samples: ProfileSample[] = [];
  let travelled = 0;
  const push = (x: number, y: number, d: number): void => void samples.push({ distanceMm: d, x, y, suv: bilinear(image, x, y) });
  push(points[0]!.x, points[0]!.y, 0);
  for (let k = 1; k < points.length; k++) {
    const a = points[k - 1]!;
    const b = points[k]!;
    const segmentMm = Math.hypot((b.x - a.x) * image.columnSpacingMm, (b.y - a.y) * image.rowSpacingMm);
    const steps = Math.max(1, Math.ceil(segmentMm / stepMm));
    for (let s = 1; s <= steps; s++) {
      const t = s / steps;
      push(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, travelled + segmentMm * t);
    }
    travelled += segmentMm;
  }
  let max = samples[0]!;
  for (const s of samples) if (s.suv > max.suv) max = s;
  return ok({ samples, lengthMm: travelled, max, stepMm });
}
