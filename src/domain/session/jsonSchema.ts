/** The published JSON Schema of a session file, generated from the zod schema (never edited by hand). */
import { z } from 'zod';
import { sessionSchema } from './schema/sessionSchema';

/** Where the generated schema is committed, relative to the repository root. */
export const SESSION_JSON_SCHEMA_PATH = 'src/domain/session/session.schema.json';

export function sessionJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(sessionSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
}

/** The text of session.schema.json exactly as committed (2-space indent, trailing newline). */
export function sessionJsonSchemaText(): string {
  return `${JSON.stringify(sessionJsonSchema(), null, 2)}\n`;
}
