/**
 * Reads a session file for the CLI: UTF-8 text → checked session (parseSession) → numbers
 * recomputed (rehydrateSession). A refusal is one sentence naming the file and the JSON path.
 */
import { parseSession, rehydrateSession, type Session } from '../domain/session/index.ts';
import { fail, ok, type Result } from '../domain/types.ts';
import { readFileBytes } from './readFile.ts';

export interface LoadedSession {
  readonly path: string;
  readonly session: Session;
  /** Stored numbers that were corrected and measurements left out, one sentence each. */
  readonly warnings: readonly string[];
}

export function readSessionFile(path: string): Result<LoadedSession> {
  const bytes = readFileBytes(path);
  if (!bytes.ok) return bytes;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.value);
  } catch {
    return fail(`${path} is not a NerveTrace session: it is not UTF-8 text.`);
  }
  const parsed = parseSession(text);
  if (!parsed.ok) return fail(`${path}: ${parsed.error}`);
  const { session, warnings } = rehydrateSession(parsed.value);
  return ok({ path, session, warnings: warnings.map((w) => `${path}: ${w.message}`) });
}
