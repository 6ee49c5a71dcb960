/** Schema of a NerveMeasurement as stored in a session (the record the measurement module defines). */
import { z } from 'zod';
import type { NerveId, SiteId } from '../../reference';
import { SESSION_LIMITS } from './limits';
import {
  isoDateTime,
  longText,
  nerveIdSchema,
  nonNegativeInteger,
  nonNegativeNumber,
  pointSchema,
  positiveNumber,
  requiredText,
  shortText,
  sideSchema,
  siteIdSchema,
  uid,
  finiteNumber,
} from './primitives';

export const spatialCalibrationSchema = z.strictObject({
  source: z.enum(['pixel-spacing', 'us-region', 'user']),
  rowSpacingMm: positiveNumber,
  columnSpacingMm: positiveNumber,
  regionIndex: nonNegativeInteger.optional(),
  description: longText.optional(),
});

export const uncalibratedSchema = z.strictObject({
  source: z.literal('none'),
  rowSpacingMm: z.null(),
  columnSpacingMm: z.null(),
  description: longText.optional(),
});

export const calibrationSchema = z.discriminatedUnion('source', [spatialCalibrationSchema, uncalibratedSchema]);

export const metricsSchema = z.discriminatedUnion('calibrated', [
  z.strictObject({
    calibrated: z.literal(true),
    areaMm2: positiveNumber,
    perimeterMm: positiveNumber,
    calibration: spatialCalibrationSchema,
  }),
  z.strictObject({
    calibrated: z.literal(false),
    areaPx2: positiveNumber,
    perimeterPx: positiveNumber,
    calibration: uncalibratedSchema,
  }),
]);

export const imageReferenceSchema = z.strictObject({
  studyInstanceUid: uid,
  seriesInstanceUid: uid,
  sopInstanceUid: uid,
  frameIndex: nonNegativeInteger,
  fileName: longText.optional(),
});

export const intensitySchema = z.strictObject({
  mean: finiteNumber,
  sd: nonNegativeNumber,
  pixelCount: z.number().int().positive(),
});

const diameterSchema = z.tuple([pointSchema, pointSchema]);

export const measurementSchema = z.strictObject({
  id: requiredText,
  label: shortText,
  // The refinements check the ids; the casts give the parsed value the domain's id types.
  nerve: nerveIdSchema as unknown as z.ZodType<NerveId, string>,
  site: siteIdSchema as unknown as z.ZodType<SiteId, string>,
  side: sideSchema.nullable(),
  sideSource: z.enum(['ImageLaterality', 'Laterality', 'FrameLaterality', 'patient-coordinates', 'user', 'unknown']),
  modality: requiredText.max(16),
  method: z.enum(['freehand', 'spline', 'ellipse']),
  image: imageReferenceSchema,
  contour: z.array(pointSchema).min(3).max(SESSION_LIMITS.contourPoints),
  diameters: z.tuple([diameterSchema, diameterSchema]).optional(),
  controlPoints: z.array(pointSchema).min(3).max(SESSION_LIMITS.contourPoints).optional(),
  calibration: calibrationSchema,
  metrics: metricsSchema,
  intensity: intensitySchema.nullable(),
  // Kept and exported, but left out of its group's mean (absent = included).
  excluded: z.boolean().optional(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
