/**
 * THE schema of a NerveTrace session file (schemaVersion 2; version 1 files are read as version 2). Strict objects throughout: a field this
 * version does not know is an error, not silently dropped. The published JSON Schema
 * (src/domain/session/session.schema.json) is generated from it by scripts/write-session-schema.ts.
 */
import { z } from 'zod';
import { NCS_LIMIT_SETS } from '../../emg';
import { APP_NAME, SESSION_SCHEMA_VERSION, type Session } from '../types';
import { emgRowSchema, ncsRowSchema } from './emgSchema';
import { SESSION_LIMITS } from './limits';
import { measurementSchema } from './measurementSchema';
import { isoDateTime, longText, nonNegativeInteger, pointSchema, positiveNumber, requiredText, shortText, sideSchema, uid } from './primitives';
import { sessionReferenceSetSchema } from './referenceSetSchema';
import { sessionSuvSchema } from './suvSchema';

const patientSchema = z.strictObject({
  name: shortText,
  id: shortText,
  birthDate: shortText,
  accessionNumber: shortText,
});

const instanceSchema = z.strictObject({
  sopInstanceUid: uid,
  sopClassUid: uid.nullable(),
  fileName: longText,
  frames: nonNegativeInteger.min(1).max(SESSION_LIMITS.framesPerInstance),
});

const seriesSchema = z.strictObject({
  seriesInstanceUid: uid,
  modality: shortText.max(16),
  description: longText,
  laterality: sideSchema.nullable(),
  instances: z.array(instanceSchema).max(SESSION_LIMITS.instancesPerSeries),
});

const studySchema = z.strictObject({
  studyInstanceUid: uid,
  description: longText,
  studyDate: shortText.optional(),
  series: z.array(seriesSchema).max(SESSION_LIMITS.seriesPerStudy),
});

const userCalibrationSchema = z.strictObject({
  source: z.literal('user'),
  rowSpacingMm: positiveNumber,
  columnSpacingMm: positiveNumber,
  description: longText.optional(),
});

const calibrationLineSchema = z.strictObject({
  start: pointSchema,
  end: pointSchema,
  knownLengthMm: positiveNumber,
  pixelAspect: positiveNumber.optional(),
});

const sessionCalibrationSchema = z.discriminatedUnion('scope', [
  z.strictObject({
    scope: z.literal('image'),
    seriesInstanceUid: uid,
    sopInstanceUid: uid,
    calibration: userCalibrationSchema,
    line: calibrationLineSchema.optional(),
  }),
  z.strictObject({
    scope: z.literal('series'),
    seriesInstanceUid: uid,
    calibration: userCalibrationSchema,
    line: calibrationLineSchema.optional(),
  }),
]);

const ncsLimitSetIds = NCS_LIMIT_SETS.map((s) => s.id) as [string, ...string[]];

const optionsSchema = z.strictObject({
  ratioThreshold: z.number().gt(1).nullable(),
  ncsLimitSetId: z.enum(ncsLimitSetIds),
  // Traced and ellipse areas pooled in one mean (the user's choice; absent = summarised apart).
  poolMethods: z.boolean().optional(),
  /** Entered patient age (years) for age-dependent NCS limits; absent = unknown. */
  patientAgeYears: z.number().int().min(0).max(130).optional(),
});

const textTableSchema = z.strictObject({
  columns: z.array(longText).max(SESSION_LIMITS.tableColumns),
  rows: z.array(z.array(longText).max(SESSION_LIMITS.tableColumns)).max(SESSION_LIMITS.measurements),
});

/** Derived tables written on export for readers of the file; ignored on load. */
const profileTablesSchema = z.strictObject({
  note: longText,
  profile: textTableSchema,
  followUp: textTableSchema.optional(),
});

export const sessionSchema = z
  .strictObject({
    schemaVersion: z.literal(SESSION_SCHEMA_VERSION),
    app: z.strictObject({ name: z.literal(APP_NAME), version: requiredText }),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
    patient: patientSchema.optional(),
    studies: z.array(studySchema).max(SESSION_LIMITS.studies),
    calibrations: z.array(sessionCalibrationSchema).max(SESSION_LIMITS.calibrations),
    measurements: z.array(measurementSchema).max(SESSION_LIMITS.measurements),
    emg: z.array(emgRowSchema).max(SESSION_LIMITS.emgRows),
    ncs: z.array(ncsRowSchema).max(SESSION_LIMITS.ncsRows),
    referenceSet: sessionReferenceSetSchema,
    // Every user-edited reference set, selected or not (absent in older sessions).
    userReferenceSets: z.array(sessionReferenceSetSchema).max(SESSION_LIMITS.referenceSets).optional(),
    options: optionsSchema,
    profileTables: profileTablesSchema.optional(),
    suv: sessionSuvSchema.optional(),
  })
  .superRefine((session, ctx) => {
    const firstIndex = new Map<string, number>();
    session.measurements.forEach((m, i) => {
      const earlier = firstIndex.get(m.id);
      if (earlier === undefined) firstIndex.set(m.id, i);
      else ctx.addIssue({ code: 'custom', path: ['measurements', i, 'id'], message: `duplicate id (measurements[${earlier}] has the same id)` });
    });
  })
  .meta({
    title: 'NerveTrace session',
    description:
      'A NerveTrace session (schemaVersion 2; version 1 files are read as version 2): image references (no pixel data), user calibrations, nerve measurements ' +
      '(contours in 0-based image pixel coordinates, x = column, y = row), EMG and NCS rows, the reference set used and ' +
      'the comparison options. Area and perimeter values are recomputed from the contours on load.',
  });

// Compile-time check: a parsed session is a domain Session.
const _parsedIsSession = (parsed: z.output<typeof sessionSchema>): Session => parsed;
void _parsedIsSession;
