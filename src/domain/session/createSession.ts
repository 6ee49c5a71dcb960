/** A new, empty session (what the workstation starts with). */
import { DEFAULT_NCS_LIMITS } from '../emg';
import { DEFAULT_REFERENCE_SET, type ReferenceSet } from '../reference';
import { APP_NAME, SESSION_SCHEMA_VERSION, type Session } from './types';

export interface NewSessionOptions {
  /** NerveTrace version writing the session (package.json "version"). */
  readonly appVersion: string;
  /** ISO 8601 time of creation. */
  readonly now: string;
  readonly referenceSet?: ReferenceSet;
}

export function createSession(options: NewSessionOptions): Session {
  return {
    schemaVersion: SESSION_SCHEMA_VERSION,
    app: { name: APP_NAME, version: options.appVersion },
    createdAt: options.now,
    updatedAt: options.now,
    studies: [],
    calibrations: [],
    measurements: [],
    emg: [],
    ncs: [],
    referenceSet: options.referenceSet ?? DEFAULT_REFERENCE_SET,
    options: { ratioThreshold: null, ncsLimitSetId: DEFAULT_NCS_LIMITS.id },
  };
}
