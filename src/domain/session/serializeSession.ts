/**
 * Writing a session file: JSON with 2-space indentation and a stable key order, so that saving
 * the same session twice gives identical bytes and files diff cleanly. The top-level fields come
 * in the order of the schema; every nested object has its keys in alphabetical order.
 */
import type { Session } from './types';

const TOP_LEVEL_ORDER: readonly (keyof Session)[] = [
  'schemaVersion',
  'app',
  'createdAt',
  'updatedAt',
  'patient',
  'studies',
  'calibrations',
  'measurements',
  'emg',
  'ncs',
  'referenceSet',
  'options',
];

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  // A null-prototype object: a key named __proto__ stays data instead of replacing the prototype.
  const out = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(value).sort()) {
    const child = (value as Record<string, unknown>)[key];
    if (child !== undefined) out[key] = sortKeys(child);
  }
  return out;
}

export function serializeSession(session: Session): string {
  const ordered = Object.create(null) as Record<string, unknown>;
  const record = session as unknown as Record<string, unknown>;
  const known = new Set<string>(TOP_LEVEL_ORDER);
  for (const key of [...TOP_LEVEL_ORDER, ...Object.keys(record).filter((k) => !known.has(k)).sort()]) {
    if (record[key] !== undefined) ordered[key] = sortKeys(record[key]);
  }
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
