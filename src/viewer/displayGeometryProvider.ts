/**
 * Display-only geometry guard. Cornerstone lays an image out in world space from its
 * PixelSpacing and orientation; an unusable value (0, negative, NaN, Infinity, one number, or
 * one outside the physical range of plausibility.ts such as 1e+150) gives a NaN or overflowing camera, nothing is painted, and the viewport stays broken for the next series.
 * This provider, asked first, hands Cornerstone a sane 1 × 1 spacing and default orientation for
 * DISPLAY only. Measurements never use it: the domain reads the file's own values and reports
 * such an image as UNCALIBRATED.
 */
import { metaData } from '@cornerstonejs/core';
import { isPlausibleSpacingMm } from '../domain/calibration/plausibility';

interface ImagePlane {
  rowPixelSpacing?: number | null;
  columnPixelSpacing?: number | null;
  pixelSpacing?: number[] | null;
  rowCosines?: number[] | null;
  columnCosines?: number[] | null;
  imagePositionPatient?: number[] | null;
  imageOrientationPatient?: number[] | null;
  [key: string]: unknown;
}

const usableSpacing = (v: unknown): v is number => isPlausibleSpacingMm(v);
/** Patient positions beyond a kilometre are not a body: they would push the camera out of float range. */
const MAX_POSITION_MM = 1e6;
const finiteVector = (v: unknown, length: number): v is number[] =>
  Array.isArray(v) && v.length === length && v.every((c) => typeof c === 'number' && Number.isFinite(c) && Math.abs(c) <= MAX_POSITION_MM);
const unitVector = (v: unknown): v is number[] => finiteVector(v, 3) && Math.abs(Math.hypot(...v) - 1) < 1e-2;

/** The plane with unusable parts replaced, or null when it is fine as it is. */
export function saneImagePlane(plane: ImagePlane): ImagePlane | null {
  const spacingOk = usableSpacing(plane.rowPixelSpacing) && usableSpacing(plane.columnPixelSpacing);
  // Missing cosines are fine (Cornerstone defaults them); present but broken ones are not.
  const rowOk = plane.rowCosines == null || unitVector(plane.rowCosines);
  const columnOk = plane.columnCosines == null || unitVector(plane.columnCosines);
  const positionOk = plane.imagePositionPatient == null || finiteVector(plane.imagePositionPatient, 3);
  if (spacingOk && rowOk && columnOk && positionOk) return null;
  const orientationOk = rowOk && columnOk;
  return {
    ...plane,
    ...(spacingOk ? {} : { rowPixelSpacing: 1, columnPixelSpacing: 1, pixelSpacing: [1, 1] }),
    ...(orientationOk ? {} : { rowCosines: [1, 0, 0], columnCosines: [0, 1, 0], imageOrientationPatient: [1, 0, 0, 0, 1, 0] }),
    ...(positionOk ? {} : { imagePositionPatient: [0, 0, 0] }),
  };
}

let asking = false;

export function registerDisplayGeometryProvider(): void {
  metaData.addProvider((type: string, imageId: string) => {
    if (type !== 'imagePlaneModule' || asking) return undefined;
    asking = true; // ask the other providers for the file's own values, without recursing into this one
    try {
      const plane = metaData.get(type, imageId) as ImagePlane | undefined;
      return plane ? (saneImagePlane(plane) ?? undefined) : undefined;
    } finally {
      asking = false;
    }
  }, 100000);
}
