/**
 * World ↔ image pixel coordinates for annotations. Cornerstone puts pixel centres at +0.5;
 * the domain (like DICOM and the sample manifest) puts the centre of column c, row r at (c, r).
 */
import { utilities, type Types } from '@cornerstonejs/core';
import type { ImagePoint } from '../../domain/types';

export function worldToImagePoint(imageId: string, world: Types.Point3): ImagePoint {
  const [x, y] = utilities.worldToImageCoords(imageId, world) as [number, number];
  return { x: x - 0.5, y: y - 0.5 };
}

export function imagePointToWorld(imageId: string, point: ImagePoint): Types.Point3 {
  return utilities.imageToWorldCoords(imageId, [point.x + 0.5, point.y + 0.5]) as Types.Point3;
}
