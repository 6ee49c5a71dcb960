/**
 * A session as autosave stores it: in chunks, so that no single IndexedDB value comes near
 * Chromium's per-value limit (about 133 MB) however large the session grows, and so that a save
 * writes only what changed since the last one.
 *
 * - the head: the session file's text with `"measurements": []`, cut in parts of HEAD_PART_CHARS;
 * - one record per measurement: its JSON (at most 100,000 contour points, a few MB).
 *
 * Reading back splices the measurements into the head, giving exactly a session file's text, which
 * then goes through parseSession like an import. Pure (no IndexedDB, no Vue): unit-tested.
 */
import type { NerveMeasurement } from '../domain/measurement';
import { measurementSchema, serializeSession, SESSION_LIMITS, type Session } from '../domain/session';
import { describeIssues, describePath } from '../domain/session/issues';

/** Characters per head part: 4 M characters are at most 8 MB in IndexedDB's UTF-16 serialisation. */
export const HEAD_PART_CHARS = 4 * 1024 * 1024;

export interface MeasurementChunk {
  /** The measurement's id: its record's key. */
  readonly key: string;
  readonly json: string;
  /** Why this measurement could not be read back (the session schema refuses it), or null. */
  readonly problem: string | null;
}

export interface SessionWrite {
  readonly id: string;
  readonly headParts: readonly string[];
  readonly measurements: readonly MeasurementChunk[];
}

/** Where the measurements go back in (serializeSession writes top-level keys at two spaces). */
const EMPTY_MEASUREMENTS = '\n  "measurements": [],\n';

/**
 * Objects written with their keys sorted: the same measurement gives the same text however its
 * object was built (restored through the schema or made by a tool), so a save after a restore
 * rewrites only what changed. A null-prototype copy keeps a "__proto__" key as data.
 */
function sortedKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const out = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(value).sort()) out[key] = (value as Record<string, unknown>)[key];
  return out;
}

/** Each measurement is serialised and checked once per object (the stores replace, never mutate, them). */
const chunkCache = new WeakMap<NerveMeasurement, MeasurementChunk>();

export function measurementChunk(m: NerveMeasurement, index: number): MeasurementChunk {
  const cached = chunkCache.get(m);
  if (cached) return cached;
  const json = JSON.stringify(m, sortedKeys);
  const checked = measurementSchema.safeParse(JSON.parse(json));
  let problem: string | null = null;
  if (!checked.success) {
    const issue = describeIssues(checked.error.issues, m)[0];
    problem = issue ? `${describePath(`measurements[${index}]${issue.path ? `.${issue.path}` : ''}`)}: ${issue.reason}` : 'a measurement is not valid';
  }
  const chunk = { key: m.id, json, problem };
  // A problem names the measurement's index, which can change: only clean chunks are cached.
  if (!problem) chunkCache.set(m, chunk);
  return chunk;
}

export function splitText(text: string, size: number = HEAD_PART_CHARS): string[] {
  if (text.length <= size) return [text];
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += size) parts.push(text.slice(i, i + size));
  return parts;
}

/** The session's head text (everything but its measurements). */
export function sessionHead(session: Session): string {
  return serializeSession({ ...session, measurements: [] });
}

/** The chunks of a session, or the first reason it could not be read back. */
export function sessionWrite(id: string, session: Session, head: string = sessionHead(session)): { ok: true; write: SessionWrite } | { ok: false; problem: string } {
  if (session.measurements.length > SESSION_LIMITS.measurements) {
    return { ok: false, problem: `measurements: more than ${SESSION_LIMITS.measurements} measurements` };
  }
  const seen = new Set<string>();
  const measurements: MeasurementChunk[] = [];
  for (let i = 0; i < session.measurements.length; i++) {
    const chunk = measurementChunk(session.measurements[i]!, i);
    if (chunk.problem) return { ok: false, problem: chunk.problem };
    if (seen.has(chunk.key)) return { ok: false, problem: `measurements[${i}].id: duplicate id` };
    seen.add(chunk.key);
    measurements.push(chunk);
  }
  return { ok: true, write: { id, headParts: splitText(head), measurements } };
}

/** The session file's text from its stored chunks (what parseSession reads). */
export function assembleSessionText(headParts: readonly string[], measurementJson: readonly string[]): string {
  const head = headParts.join('');
  const at = head.indexOf(EMPTY_MEASUREMENTS);
  if (at < 0) return head; // not a head written by sessionHead: parseSession will say what is wrong
  const inner = measurementJson.length ? `\n  "measurements": [${measurementJson.join(',')}],\n` : EMPTY_MEASUREMENTS;
  return head.slice(0, at) + inner + head.slice(at + EMPTY_MEASUREMENTS.length);
}
