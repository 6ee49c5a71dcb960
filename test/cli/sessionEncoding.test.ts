/** Issue 21 — UTF-16 session files are accepted by the CLI as by the UI import (one decoder for both). */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.ts';
import { memoryIo } from '../../src/cli/io.ts';
import { serializeSession } from '../../src/domain/session/index.ts';
import { decodeSessionBytes } from '../../src/domain/session/decodeSessionBytes.ts';
import { measurement, rect, session, usRegion } from '../domain/session/fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'nervetrace-session-encoding-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const text = serializeSession(
  session([
    measurement({ id: 'L0', label: 'Müller L', side: 'L', contour: rect(0, 0, 50, 100), calibration: usRegion(0.1) }),
    measurement({ id: 'R0', label: 'R1', side: 'R', contour: rect(0, 0, 60, 100), calibration: usRegion(0.1) }),
  ]),
);

function utf16(value: string, order: 'le' | 'be', bom: boolean): Uint8Array {
  const units = (bom ? '\uFEFF' : '') + value;
  const out = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i++) {
    const c = units.charCodeAt(i);
    out[2 * i + (order === 'le' ? 0 : 1)] = c & 0xff;
    out[2 * i + (order === 'le' ? 1 : 0)] = c >> 8;
  }
  return out;
}

describe('session file encodings', () => {
  const cases: Array<[string, Uint8Array]> = [
    ['UTF-8', new TextEncoder().encode(text)],
    ['UTF-8 with BOM', new TextEncoder().encode(`\uFEFF${text}`)],
    ['UTF-16 LE with BOM', utf16(text, 'le', true)],
    ['UTF-16 BE with BOM', utf16(text, 'be', true)],
    ['UTF-16 LE without BOM', utf16(text, 'le', false)],
  ];
  for (const [name, bytes] of cases) {
    it(`${name}: decoded to the same text, and the CLI reports on it`, () => {
      const decoded = decodeSessionBytes(bytes, 'x.json');
      expect(decoded.ok && decoded.value).toBe(text);
      const path = join(dir, `${name.replace(/\W+/g, '-')}.json`);
      writeFileSync(path, bytes);
      const io = memoryIo();
      expect(runCli(['report', path], io)).toBe(0);
      expect(io.err()).toBe('');
      expect(io.out()).toContain('NerveTrace clinical report');
    });
  }

  it('bytes that are neither UTF-8 nor UTF-16 are refused with one sentence', () => {
    const decoded = decodeSessionBytes(new Uint8Array([0x7b, 0xff, 0xfe, 0x00, 0xc3]), 'bad.json');
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.error).toBe('bad.json is not a NerveTrace session: it is not UTF-8 or UTF-16 text.');
  });
});
