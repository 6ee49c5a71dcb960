/**
 * Reading a session file: JSON text → checked Session, or a precise refusal. Every problem is
 * reported with its JSON path and reason; the one-sentence error names the first of them.
 * The numbers in a parsed session are not yet trusted: call rehydrateSession to recompute them.
 */
import type { Result } from '../types';
import { describeIssues, describePath, describeValue, type SessionIssue } from './issues';
import { parseJsonSafely } from './jsonSafety';
import { SESSION_LIMITS } from './schema/limits';
import { sessionSchema } from './schema/sessionSchema';
import { READABLE_SESSION_SCHEMA_VERSIONS, SESSION_SCHEMA_VERSION, type Session } from './types';

export type SessionParseResult =
  | { readonly ok: true; readonly value: Session }
  | { readonly ok: false; readonly error: string; readonly issues: readonly SessionIssue[] };

function refused(issues: readonly SessionIssue[]): SessionParseResult {
  const first = issues[0]!;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  return {
    ok: false,
    error: `The session is not valid: ${describePath(first.path)}: ${first.reason}${more}.`,
    issues,
  };
}

function refusedAs(error: string, path = ''): SessionParseResult {
  return { ok: false, error, issues: [{ path, reason: error }] };
}

/** Check an already-parsed value (e.g. from IndexedDB) against the session schema. */
export function validateSession(input: unknown): SessionParseResult {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return refusedAs(`A session must be a JSON object, not ${describeValue(input)}.`);
  }
  const version = (input as Record<string, unknown>).schemaVersion;
  if (typeof version === 'number' && !READABLE_SESSION_SCHEMA_VERSIONS.includes(version)) {
    return refusedAs(
      `Unsupported session schema version ${version} (this NerveTrace reads versions ${READABLE_SESSION_SCHEMA_VERSIONS.join(' and ')}).`,
      'schemaVersion',
    );
  }
  // Migration: version 1 is version 2 without its optional additions.
  const current = version === 1 ? { ...(input as Record<string, unknown>), schemaVersion: SESSION_SCHEMA_VERSION } : input;
  const parsed = sessionSchema.safeParse(current);
  if (parsed.success) return { ok: true, value: parsed.data };
  return refused(describeIssues(parsed.error.issues, current));
}

/** Parse the text of a session file. */
export function parseSession(jsonText: string): SessionParseResult {
  if (typeof jsonText !== 'string') return refusedAs('A session must be given as JSON text.');
  if (jsonText.length > SESSION_LIMITS.jsonChars) {
    return refusedAs(`The session file is too large (${jsonText.length} characters; the limit is ${SESSION_LIMITS.jsonChars}).`);
  }
  const json: Result<unknown> = parseJsonSafely(jsonText.replace(/^\uFEFF/, ''), 'The session file');
  if (!json.ok) return refusedAs(json.error);
  return validateSession(json.value);
}
