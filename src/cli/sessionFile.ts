/**
 * Reads a session file for the CLI: UTF-8 or UTF-16 text (decodeSessionBytes, as the import in the browser) → checked session (parseSession) → numbers
 * recomputed (rehydrateSession). A refusal is one sentence naming the file and the JSON path.
 */
import { parseSession, rehydrateSession, type Session } from '../domain/session/index.ts';
import { fail, ok, type Result } from '../domain/types.ts';
import { readFileBytes } from './readFile.ts';
import { decodeSessionBytes } from '../domain/session/decodeSessionBytes.ts';

export interface LoadedSession {
  readonly path: string;
  readonly session: Session;
  /** Stored numbers that were corrected and measurements left out, one sentence each. */
  readonly warnings: readonly string[];
}

export function readSessionFile(path: string): Result<LoadedSession> {
  const bytes = readFileBytes(path);
  if (!bytes.ok) return bytes;
  const text = decodeSessionBytes(bytes.value, path);
  if (!text.ok) return text;
  const parsed = parseSession(text.value);
  if (!parsed.ok) return fail(`${path}: ${parsed.error}`);
  const { session, warnings } = rehydrateSession(parsed.value);
  return ok({ path, session, warnings: warnings.map((w) => `${path}: ${w.message}`) });
}
