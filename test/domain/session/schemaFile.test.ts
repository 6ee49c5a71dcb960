import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SESSION_JSON_SCHEMA_PATH, sessionJsonSchemaText } from '../../../src/domain/session';

describe('published JSON Schema', () => {
  it(`${SESSION_JSON_SCHEMA_PATH} is up to date with the zod schema (run "npm run schema" if this fails)`, () => {
    expect(readFileSync(SESSION_JSON_SCHEMA_PATH, 'utf8')).toBe(sessionJsonSchemaText());
  });

  it('describes strict objects and bounded arrays', () => {
    const schema = JSON.parse(sessionJsonSchemaText()) as {
      additionalProperties: boolean;
      properties: { measurements: { maxItems: number; items: { properties: { contour: { maxItems: number } } } } };
    };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.measurements.maxItems).toBe(10000);
    expect(schema.properties.measurements.items.properties.contour.maxItems).toBe(100000);
  });
});
