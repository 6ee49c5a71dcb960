/** Issue 14: reading an Implicit VR file through dcmjs puts no "Invalid vr type" errors on the console. */
import { readFileSync } from 'node:fs';
import dcmjs from 'dcmjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readPart10 } from '../../../src/domain/export/sr/dcmjsAdapter';

const ALOKA = new URL('../../fixtures/vendor/original/gdcm-US-ALOKA-16.dcm', import.meta.url).pathname;

afterEach(() => vi.restoreAllMocks());

describe('dcmjs reading Implicit VR', () => {
  it('a real Implicit VR file (elements whose VR is US or SS by context) reads without "Invalid vr type" console errors', () => {
    // dcmjs's validation logger writes to the console through its own bound method.
    const logger = dcmjs.log.getLogger('validation.dcmjs') as unknown as { error: (...args: unknown[]) => void };
    const reported = vi.spyOn(logger, 'error');
    const read = readPart10(new Uint8Array(readFileSync(ALOKA)));
    expect(read.ok).toBe(true);
    expect(reported.mock.calls.map((c) => c.join(' ')).filter((m) => /invalid vr type/i.test(m))).toEqual([]);
  });
});
