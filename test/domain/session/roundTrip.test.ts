import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSession, serializeSession, validateSession } from '../../../src/domain/session';
import { sessionArb } from './arbitraries';
import { measurement, session, UNCALIBRATED } from './fixtures';

describe('serializeSession → parseSession round trip', () => {
  it('gives back a deep-equal session for arbitrary valid sessions (anisotropic and missing calibrations, unicode text)', () => {
    fc.assert(
      fc.property(sessionArb, (s) => {
        const parsed = parseSession(serializeSession(s));
        if (!parsed.ok) throw new Error(parsed.error);
        // structuredClone: fast-check builds null-prototype records; the parsed session has plain objects.
        expect(parsed.value).toStrictEqual(structuredClone(s));
      }),
      { numRuns: 150 },
    );
  });

  it('is stable: serializing the parsed session gives the same bytes', () => {
    fc.assert(
      fc.property(sessionArb, (s) => {
        const text = serializeSession(s);
        const parsed = parseSession(text);
        expect(parsed.ok && serializeSession(parsed.value)).toBe(text);
      }),
      { numRuns: 50 },
    );
  });

  it('writes 2-space indented JSON with the top-level fields in schema order and nested keys sorted', () => {
    const text = serializeSession(session([measurement({ id: 'a', calibration: UNCALIBRATED })]));
    const topKeys = Object.keys(JSON.parse(text) as object);
    expect(topKeys).toEqual([
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
    ]);
    expect(text.startsWith('{\n  "schemaVersion": 2,\n  "app": {\n    "name": "NerveTrace",')).toBe(true);
    const m = (JSON.parse(text) as { measurements: Record<string, unknown>[] }).measurements[0]!;
    expect(Object.keys(m)).toEqual([...Object.keys(m)].sort());
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('validateSession accepts the objects serializeSession writes', () => {
    fc.assert(fc.property(sessionArb, (s) => validateSession(JSON.parse(serializeSession(s))).ok), { numRuns: 30 });
  });
});
