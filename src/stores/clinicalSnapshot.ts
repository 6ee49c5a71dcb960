/**
 * The clinical part of a session as plain JSON: EMG and NCS rows, the chosen reference set (stored
 * whole), the user-edited reference sets, the ratio threshold and the NCS limit set. Pure (no Vue,
 * no Pinia) so that the session code and the CLI can validate a snapshot without the UI.
 */
import { z } from 'zod';
import { fail, ok, type Result } from '../domain/types';
import type { NcsRow, NeedleEmgRow } from '../domain/emg';
import { referenceSetSchema, type ReferenceSet } from '../domain/reference';

export const CLINICAL_SNAPSHOT_VERSION = 1;

/** What `useClinicalStore().snapshot()` returns and `restore()` accepts. Plain JSON-able data only. */
export interface ClinicalSnapshot {
  readonly version: typeof CLINICAL_SNAPSHOT_VERSION;
  /** Needle EMG rows in table order. A field left out means "not recorded" (not normal). */
  readonly emg: readonly NeedleEmgRow[];
  /** Nerve-conduction rows in table order (the first row of a study and side is taken as distal). */
  readonly ncs: readonly NcsRow[];
  /** The reference set the comparison uses, stored whole (a built-in one is matched back by id). */
  readonly referenceSet: ReferenceSet;
  /** Every user-edited reference set of the session (may include `referenceSet`). */
  readonly userReferenceSets: readonly ReferenceSet[];
  /** Session-level larger/smaller ratio (source "user"); null = the reference set's ratio. */
  readonly ratioThreshold: number | null;
  /** Id of the NCS limit set (see NCS_LIMIT_SETS); an unknown id falls back to the default set. */
  readonly ncsLimitSetId: string;
  /** Entered patient age (years) for age-dependent NCS limits; absent = unknown. */
  readonly patientAgeYears?: number;
}

const MAX_ROWS = 10_000;
const text = z.string().max(10_000);
const grade = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
const level = z.enum(['normal', 'increased', 'decreased']);
const side = z.enum(['L', 'R']);
const nonNegative = z.number().finite().nonnegative();

const emgRowSchema = z.object({
  id: text.optional(),
  muscle: text,
  side,
  insertionalActivity: level.optional(),
  fibrillations: grade.optional(),
  positiveSharpWaves: grade.optional(),
  otherDischarges: z.array(z.enum(['complex-repetitive', 'myokymic', 'fasciculations'])).max(3).optional(),
  absentDischarges: z.array(z.enum(['complex-repetitive', 'myokymic', 'fasciculations'])).max(3).optional(),
  muapAmplitude: level.optional(),
  muapDuration: level.optional(),
  polyphasia: z.enum(['normal', 'increased']).optional(),
  recruitment: z.enum(['full', 'reduced', 'discrete', 'single-unit', 'none']).optional(),
  sourceLine: z.number().int().positive().optional(),
});

const ncsRowSchema = z.object({
  id: text.optional(),
  nerve: text,
  kind: z.enum(['motor', 'sensory', 'h-reflex']),
  side,
  stimulationSite: text.optional(),
  latencyMs: nonNegative.optional(),
  amplitude: nonNegative.optional(),
  velocityMs: nonNegative.optional(),
  distanceMm: nonNegative.optional(),
  noResponse: z.boolean(),
  sourceLine: z.number().int().positive().optional(),
});

export const clinicalSnapshotSchema = z.object({
  version: z.literal(CLINICAL_SNAPSHOT_VERSION),
  emg: z.array(emgRowSchema).max(MAX_ROWS),
  ncs: z.array(ncsRowSchema).max(MAX_ROWS),
  referenceSet: referenceSetSchema,
  userReferenceSets: z.array(referenceSetSchema).max(1_000),
  ratioThreshold: z.number().finite().gt(1, 'a ratio threshold must be greater than 1').nullable(),
  ncsLimitSetId: z.string().max(256),
  patientAgeYears: z.number().int().min(0).max(130).optional(),
});

/** Check an unknown value (e.g. read from a session file); one plain sentence when it is not a clinical snapshot. */
export function parseClinicalSnapshot(value: unknown): Result<ClinicalSnapshot> {
  const parsed = clinicalSnapshotSchema.safeParse(value);
  if (parsed.success) return ok(parsed.data as ClinicalSnapshot);
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` (at ${issue.path.join('.')})` : '';
  return fail(`The EMG, conduction and reference data could not be restored: ${issue?.message ?? 'unknown problem'}${where}.`);
}
