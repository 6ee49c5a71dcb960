export {
  APP_NAME,
  SESSION_SCHEMA_VERSION,
  type CalibrationLine,
  type Session,
  type SessionCalibration,
  type SessionInstance,
  type SessionOptions,
  type SessionPatient,
  type SessionProfileTables,
  type SessionTextTable,
  type SessionSeries,
  type SessionStudy,
  type UserCalibration,
  type SessionSuv,
  type SessionSuvEdit,
} from './types';
export { createSession, type NewSessionOptions } from './createSession';
export { sessionSchema } from './schema/sessionSchema';
export { measurementSchema, intensitySchema, calibrationSchema } from './schema/measurementSchema';
export { suvMeasurementSchema, sessionSuvSchema } from './schema/suvSchema';
export { SESSION_LIMITS } from './schema/limits';
export { parseSession, validateSession, type SessionParseResult } from './parseSession';
export { formatPath, type SessionIssue } from './issues';
export { FORBIDDEN_KEYS, parseJsonSafely } from './jsonSafety';
export { serializeSession } from './serializeSession';
export {
  rehydrateSession,
  REHYDRATE_TOLERANCE,
  type RehydratedSession,
  type RehydrationWarning,
} from './rehydrateSession';
export { deidentifySession } from './deidentify';
export { hashToUid, isDicomUid, randomSalt, randomUid, uidMapper } from './uid';
export { sha256, sha256Hex } from './sha256';
export { sessionJsonSchema, sessionJsonSchemaText, SESSION_JSON_SCHEMA_PATH } from './jsonSchema';
