/**
 * Values that enhanced multi-frame objects keep in functional groups instead of the top level:
 * Shared (5200,9229) applies to all frames; Per-frame (5200,9230) has one item per frame.
 */
import type { DataSet } from './values.ts';
import { items, numbers, str } from './values.ts';

const SHARED = 'x52009229';
const PER_FRAME = 'x52009230';
const FRAME_ANATOMY = 'x00209071';
const FRAME_LATERALITY = 'x00209072';
const PIXEL_MEASURES = 'x00289110';
const PLANE_ORIENTATION = 'x00209116';
const PLANE_POSITION = 'x00209113';

export interface FunctionalGroupValues {
  readonly frameLaterality: string | null;
  readonly pixelSpacing: number[] | null;
  readonly sliceThickness: number | null;
  readonly imageOrientationPatient: number[] | null;
  /** Position of each frame, from the per-frame groups (or the shared group when all frames share it). */
  readonly framePositions: (number[] | null)[] | null;
}

/** The value from the shared group, else from the first per-frame item that has it. */
function firstFromGroups<T>(ds: DataSet, read: (group: DataSet) => T | null): T | null {
  for (const group of items(ds, SHARED)) {
    const v = read(group);
    if (v !== null) return v;
  }
  for (const group of items(ds, PER_FRAME)) {
    const v = read(group);
    if (v !== null) return v;
  }
  return null;
}

function inMacro<T>(group: DataSet, macroTag: string, read: (macro: DataSet) => T | null): T | null {
  for (const macro of items(group, macroTag)) {
    const v = read(macro);
    if (v !== null) return v;
  }
  return null;
}

export function readFunctionalGroups(ds: DataSet): FunctionalGroupValues {
  const perFrame = items(ds, PER_FRAME);
  const sharedPosition = firstFromShared(ds, (g) => inMacro(g, PLANE_POSITION, (m) => numbers(m, 'x00200032')));
  const framePositions =
    perFrame.length > 0
      ? perFrame.map((g) => inMacro(g, PLANE_POSITION, (m) => numbers(m, 'x00200032')) ?? sharedPosition)
      : null;
  return {
    frameLaterality: firstFromGroups(ds, (g) => inMacro(g, FRAME_ANATOMY, (m) => str(m, FRAME_LATERALITY))),
    pixelSpacing: firstFromGroups(ds, (g) => inMacro(g, PIXEL_MEASURES, (m) => numbers(m, 'x00280030'))),
    sliceThickness: firstFromGroups(ds, (g) => inMacro(g, PIXEL_MEASURES, (m) => numbers(m, 'x00180050')?.[0] ?? null)),
    imageOrientationPatient: firstFromGroups(ds, (g) => inMacro(g, PLANE_ORIENTATION, (m) => numbers(m, 'x00200037'))),
    framePositions: framePositions && framePositions.some((p) => p !== null) ? framePositions : null,
  };
}

function firstFromShared<T>(ds: DataSet, read: (group: DataSet) => T | null): T | null {
  for (const group of items(ds, SHARED)) {
    const v = read(group);
    if (v !== null) return v;
  }
  return null;
}
