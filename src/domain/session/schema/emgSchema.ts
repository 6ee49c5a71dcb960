/** Schemas of the needle EMG and nerve-conduction rows (the emg module's NeedleEmgRow and NcsRow). */
import { z } from 'zod';
import { nonNegativeNumber, requiredText, shortText, sideSchema } from './primitives';

const grade = z.literal([0, 1, 2, 3, 4]);
const level = z.enum(['normal', 'increased', 'decreased']);
const sourceLine = z.number().int().positive();

export const emgRowSchema = z.strictObject({
  id: requiredText.optional(),
  muscle: requiredText,
  side: sideSchema,
  insertionalActivity: level.optional(),
  fibrillations: grade.optional(),
  positiveSharpWaves: grade.optional(),
  otherDischarges: z.array(z.enum(['complex-repetitive', 'myokymic', 'fasciculations'])).max(3).optional(),
  absentDischarges: z.array(z.enum(['complex-repetitive', 'myokymic', 'fasciculations'])).max(3).optional(),
  muapAmplitude: level.optional(),
  muapDuration: level.optional(),
  polyphasia: z.enum(['normal', 'increased']).optional(),
  recruitment: z.enum(['full', 'reduced', 'discrete', 'single-unit', 'none']).optional(),
  sourceLine: sourceLine.optional(),
});

export const ncsRowSchema = z.strictObject({
  id: requiredText.optional(),
  nerve: requiredText,
  kind: z.enum(['motor', 'sensory', 'h-reflex']),
  side: sideSchema,
  stimulationSite: shortText.optional(),
  latencyMs: nonNegativeNumber.optional(),
  amplitude: nonNegativeNumber.optional(),
  velocityMs: nonNegativeNumber.optional(),
  distanceMm: nonNegativeNumber.optional(),
  noResponse: z.boolean(),
  sourceLine: sourceLine.optional(),
});
