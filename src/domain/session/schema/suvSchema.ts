/**
 * Schema of the optional `suv` part of a session: FDG PET SUV measurements (regions and lines
 * along nerves) and the weight / dose the user edited per PET series. Optional, so sessions
 * without it load unchanged. The stored SUV values cannot be recomputed without the pixels; they
 * are kept as measured, with the factor and its source.
 */
import { z } from 'zod';
import type { NerveId, SiteId } from '../../reference';
import type { SuvMeasurement } from '../../suv/suvMeasurement';
import { SESSION_LIMITS } from './limits';
import { imageReferenceSchema } from './measurementSchema';
import { finiteNumber, isoDateTime, longText, nerveIdSchema, nonNegativeNumber, pointSchema, positiveNumber, requiredText, shortText, sideSchema, siteIdSchema, uid } from './primitives';

const suvValuesSchema = z.strictObject({
  suvMax: finiteNumber,
  maxAt: pointSchema,
  suvMean: finiteNumber.nullable(),
  suvPeak: finiteNumber.nullable(),
  pixelCount: z.number().int().positive().nullable(),
  lengthMm: nonNegativeNumber.nullable(),
  maxDistanceMm: nonNegativeNumber.nullable(),
});

export const suvMeasurementSchema = z.strictObject({
  id: requiredText,
  label: shortText,
  kind: z.enum(['region', 'line']),
  nerve: nerveIdSchema as unknown as z.ZodType<NerveId, string>,
  site: siteIdSchema as unknown as z.ZodType<SiteId, string>,
  side: sideSchema.nullable(),
  sideSource: z.enum(['ImageLaterality', 'Laterality', 'FrameLaterality', 'patient-coordinates', 'user', 'unknown']),
  image: imageReferenceSchema,
  points: z.array(pointSchema).min(2).max(SESSION_LIMITS.contourPoints),
  values: suvValuesSchema,
  factor: positiveNumber,
  factorSource: longText,
  weightEdited: z.boolean(),
  doseEdited: z.boolean(),
  createdAt: isoDateTime,
});

export const suvEditSchema = z.strictObject({
  seriesInstanceUid: uid,
  patientWeightKg: positiveNumber.optional(),
  injectedDoseBq: positiveNumber.optional(),
});

export const sessionSuvSchema = z.strictObject({
  edits: z.array(suvEditSchema).max(SESSION_LIMITS.calibrations),
  measurements: z.array(suvMeasurementSchema).max(SESSION_LIMITS.measurements),
});

const _parsedIsSuvMeasurement = (parsed: z.output<typeof suvMeasurementSchema>): SuvMeasurement => parsed;
void _parsedIsSuvMeasurement;
