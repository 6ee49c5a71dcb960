/**
 * Writes the published JSON Schema of a session file (src/domain/session/session.schema.json),
 * generated from the zod schema: `npm run schema`. A unit test fails when the committed file is stale.
 */
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SESSION_JSON_SCHEMA_PATH, sessionJsonSchemaText } from '../src/domain/session/index.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const target = resolve(root, SESSION_JSON_SCHEMA_PATH);
writeFileSync(target, sessionJsonSchemaText());
process.stdout.write(`Wrote ${SESSION_JSON_SCHEMA_PATH}\n`);
