/**
 * The NerveTrace measurement record: a TEXT content item (private code NT-RECORD) holding, as JSON,
 * the fields of a NerveMeasurement that DICOM has no standard place for (ids, method, calibration
 * source, side source, intensity, times; the label too, because the Tracking Identifier cannot be
 * empty). Contour, image reference, side and pixel size are NOT in it: they are read from the standard content items, so the SR stays the source of truth.
 */
import { z } from 'zod';
import type { NerveMeasurement } from '../../measurement';
import { intensitySchema, measurementSchema, parseJsonSafely } from '../../session';

export const RECORD_VERSION = 1;

const recordSchema = z.strictObject({
  v: z.literal(RECORD_VERSION),
  id: measurementSchema.shape.id,
  label: measurementSchema.shape.label,
  nerve: measurementSchema.shape.nerve,
  site: measurementSchema.shape.site,
  sideSource: measurementSchema.shape.sideSource,
  modality: measurementSchema.shape.modality,
  method: measurementSchema.shape.method,
  calibrationSource: z.enum(['pixel-spacing', 'us-region', 'user', 'none']),
  regionIndex: z.number().int().nonnegative().optional(),
  calibrationDescription: z.string().max(10_000).optional(),
  diameters: measurementSchema.shape.diameters,
  intensity: intensitySchema.nullable(),
  fileName: z.string().max(10_000).optional(),
  createdAt: measurementSchema.shape.createdAt,
  updatedAt: measurementSchema.shape.updatedAt,
});

export type NerveTraceRecord = z.output<typeof recordSchema>;

export function recordOf(m: NerveMeasurement): NerveTraceRecord {
  const cal = m.calibration;
  return {
    v: RECORD_VERSION,
    id: m.id,
    label: m.label,
    nerve: m.nerve,
    site: m.site,
    sideSource: m.sideSource,
    modality: m.modality,
    method: m.method,
    calibrationSource: cal.source,
    ...(cal.source !== 'none' && cal.regionIndex !== undefined ? { regionIndex: cal.regionIndex } : {}),
    ...(cal.description !== undefined ? { calibrationDescription: cal.description } : {}),
    ...(m.diameters !== undefined ? { diameters: m.diameters.map((d) => [d[0], d[1]]) as NerveTraceRecord['diameters'] } : {}),
    intensity: m.intensity,
    ...(m.image.fileName !== undefined ? { fileName: m.image.fileName } : {}),
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
  };
}

/** The record from its JSON text, or null when it is missing or not one this version understands. */
export function parseRecord(text: string | undefined): NerveTraceRecord | null {
  if (text === undefined) return null;
  const json = parseJsonSafely(text, 'The NerveTrace record');
  if (!json.ok) return null;
  const parsed = recordSchema.safeParse(json.value);
  return parsed.success ? parsed.data : null;
}
