import { describe, expect, it } from 'vitest';
import { parseSession, serializeSession, SESSION_LIMITS, validateSession } from '../../../src/domain/session';
import { measurement, rect, session } from './fixtures';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function validJson(): Json {
  return JSON.parse(serializeSession(session([measurement({ id: 'a' }), measurement({ id: 'b', side: 'L' }), measurement({ id: 'c' })]))) as Json;
}

function refusal(json: Json | string) {
  const result = parseSession(typeof json === 'string' ? json : JSON.stringify(json));
  if (result.ok) throw new Error('expected a refusal');
  return result;
}

describe('parseSession: precise refusals with a JSON path and a reason', () => {
  it('accepts a valid session', () => {
    expect(parseSession(JSON.stringify(validJson())).ok).toBe(true);
  });

  it('a number given as text: "measurements[2].metrics.areaMm2: expected a finite number"', () => {
    const json = validJson();
    json.measurements[2].metrics.areaMm2 = '12 mm²';
    const r = refusal(json);
    expect(r.issues).toEqual([{ path: 'measurements[2].metrics.areaMm2', reason: 'expected a finite number, got text "12 mm²"' }]);
    expect(r.error).toBe('The session is not valid: measurements[2].metrics.areaMm2: expected a finite number, got text "12 mm²".');
  });

  it('refuses Infinity (1e999 in the JSON text) and null where a number belongs', () => {
    const text = JSON.stringify(validJson()).replace('"knownLengthMm":10', '"knownLengthMm":1e999');
    expect(refusal(text).issues[0]).toEqual({ path: 'calibrations[0].line.knownLengthMm', reason: 'expected a finite number, got Infinity' });
    const json = validJson();
    json.measurements[0].contour[1].x = null;
    expect(refusal(json).issues[0]).toEqual({ path: 'measurements[0].contour[1].x', reason: 'expected a finite number, got null' });
  });

  it('refuses an unknown schema version with the sentence the user reads', () => {
    const json = validJson();
    json.schemaVersion = 3;
    expect(refusal(json).error).toBe('Unsupported session schema version 3 (this NerveTrace reads versions 1 and 2).');
  });

  it('refuses unknown fields anywhere (strict objects)', () => {
    const json = validJson();
    json.measurements[1].image.extra = 1;
    json.colour = 'blue';
    expect(refusal(json).issues).toEqual([
      { path: 'measurements[1].image.extra', reason: 'unknown field (not part of session schema version 2)' },
      { path: 'colour', reason: 'unknown field (not part of session schema version 2)' },
    ]);
  });

  it('names missing fields, wrong enums, bad dates and unknown nerves', () => {
    const json = validJson();
    delete json.measurements[0].label;
    json.measurements[1].side = 'left';
    json.measurements[2].createdAt = 'yesterday';
    json.measurements[2].nerve = 'femoral';
    const issues = refusal(json).issues;
    expect(issues).toContainEqual({ path: 'measurements[0].label', reason: 'required field is missing' });
    expect(issues).toContainEqual({ path: 'measurements[1].side', reason: 'expected "L" or "R", got text "left"' });
    expect(issues).toContainEqual({
      path: 'measurements[2].createdAt',
      reason: 'expected a date and time in ISO 8601 form (e.g. 2025-03-01T14:05:00Z), got text "yesterday"',
    });
    expect(issues).toContainEqual({
      path: 'measurements[2].nerve',
      reason: 'unknown nerve (use sciatic, tibial, common-peroneal or "custom:<name>")',
    });
  });

  it('checks the calibration kind against its numbers (discriminated by source and by calibrated)', () => {
    const json = validJson();
    json.measurements[0].calibration = { source: 'ruler', rowSpacingMm: 1, columnSpacingMm: 1 };
    json.measurements[1].metrics.calibrated = 'yes';
    json.measurements[2].calibration.rowSpacingMm = 0;
    const issues = refusal(json).issues;
    expect(issues).toContainEqual({
      path: 'measurements[0].calibration.source',
      reason: 'expected "pixel-spacing" or "us-region" or "user" or "none", got text "ruler"',
    });
    expect(issues).toContainEqual({ path: 'measurements[1].metrics.calibrated', reason: 'expected true or false, got text "yes"' });
    expect(issues).toContainEqual({ path: 'measurements[2].calibration.rowSpacingMm', reason: 'must be greater than 0, got the number 0' });
  });

  it('an image calibration needs its SOP instance UID', () => {
    const json = validJson();
    json.calibrations[0].scope = 'image';
    expect(refusal(json).issues[0]).toEqual({ path: 'calibrations[0].sopInstanceUid', reason: 'required field is missing' });
  });

  it('refuses duplicate measurement ids', () => {
    const json = validJson();
    json.measurements[2].id = 'a';
    expect(refusal(json).issues).toEqual([{ path: 'measurements[2].id', reason: 'duplicate id (measurements[0] has the same id)' }]);
  });

  it('delegates the clinical rules of the reference set (mean above the limit)', () => {
    const json = validJson();
    json.referenceSet.thresholds[0].meanMm2 = 99;
    expect(refusal(json).issues).toEqual([{ path: 'referenceSet.thresholds[0].meanMm2', reason: 'the mean is above the upper limit' }]);
  });

  it('refuses __proto__, constructor and prototype keys anywhere, with their path', () => {
    const base = JSON.stringify(validJson());
    const proto = base.replace('"label":"b"', '"label":"b","__proto__":{"polluted":true}');
    expect(refusal(proto).error).toBe(
      'The session file contains the forbidden key "__proto__" at measurements[1].__proto__; it is refused to protect against prototype pollution.',
    );
    expect(refusal(base.replace('"emg":[]', '"emg":[{"constructor":{}}]')).error).toMatch(/forbidden key "constructor" at emg\[0\]\.constructor/);
    expect(refusal(base.replace('"options":{', '"options":{"prototype":1,')).error).toMatch(/"prototype" at options\.prototype/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('bounds the arrays: at most 100,000 contour points and 10,000 measurements', () => {
    const json = validJson();
    json.measurements[0].contour = Array.from({ length: SESSION_LIMITS.contourPoints + 1 }, (_, i) => ({ x: i, y: i % 7 }));
    expect(refusal(json).issues[0]).toEqual({ path: 'measurements[0].contour', reason: 'has 100001 items, more than the limit of 100000' });
    const many = validJson();
    many.measurements = Array.from({ length: SESSION_LIMITS.measurements + 1 }, () => many.measurements[0]);
    const r = validateSession(many);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues[0]).toEqual({ path: 'measurements', reason: 'has 10001 items, more than the limit of 10000' });
  });

  it('refuses too few contour points', () => {
    const json = validJson();
    json.measurements[0].contour = rect(0, 0, 1, 1).slice(0, 2);
    expect(refusal(json).issues[0]).toEqual({ path: 'measurements[0].contour', reason: 'needs at least 3 items, has 2' });
  });

  it('reports text that is not JSON with line and column, and non-objects plainly', () => {
    expect(refusal('{\n  "schemaVersion": 1,\n  oops\n}').error).toMatch(/^The session file is not valid JSON: .* \(line 3, column 3\)\.$/);
    expect(refusal('[1, 2]').error).toBe('A session must be a JSON object, not a list.');
    expect(refusal('"text"').error).toBe('A session must be a JSON object, not text "text".');
  });

  it('counts further problems in the one-sentence error', () => {
    const json = validJson();
    json.measurements[0].label = 5;
    json.measurements[1].label = 6;
    json.measurements[2].label = 7;
    expect(refusal(json).error).toBe('The session is not valid: measurements[0].label: expected text, got the number 5 (and 2 more problems).');
  });

  it('refuses absurdly deep nesting instead of overflowing the stack', () => {
    const deep = `{"schemaVersion":1,"emg":${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
    expect(refusal(deep).error).toBe('The session file is nested too deeply to be read.');
  });

  it('accepts a UTF-8 byte-order mark', () => {
    expect(parseSession(`\uFEFF${JSON.stringify(validJson())}`).ok).toBe(true);
  });
});

describe('session schema versions', () => {
  it('reads a version 1 session (written before the optional version 2 fields) as version 2', async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(new URL('../../../sample-dicom/sample-session.json', import.meta.url), 'utf8');
    const v1 = text.replace(/"schemaVersion": \d+/, '"schemaVersion": 1');
    const parsed = parseSession(v1);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.value.schemaVersion).toBe(2);
  });
});
