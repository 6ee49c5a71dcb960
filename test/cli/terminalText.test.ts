/**
 * Issue 20 (from 21) — no command prints a control character or an ANSI escape that came from a
 * file, a session or the command line: runCli passes all output through terminalSafe.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.ts';
import { memoryIo } from '../../src/cli/io.ts';
import { printable, terminalSafe, toJsonText } from '../../src/cli/terminalText.ts';
import { serializeSession } from '../../src/domain/session/index.ts';
import { makeDicom } from '../helpers/makeDicom.ts';
import { measurement, rect, session } from '../domain/session/fixtures.ts';

const ESC = '\u001b';
const HOSTILE = `A${ESC}[2J${ESC}]0;pwned\u0007B\u009b31m\u202eC\rD\u0000E`;
/** Anything a terminal acts on: C0 but \n and \t, a lone \r, DEL, C1, bidi overrides and isolates. */
// eslint-disable-next-line no-control-regex
const TERMINAL_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/;

const dir = mkdtempSync(join(tmpdir(), 'nervetrace-terminal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(...argv: string[]) {
  const io = memoryIo();
  const code = runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

function expectClean(r: { out: string; err: string }, what: string) {
  expect(r.out, `${what} stdout`).not.toMatch(TERMINAL_CONTROL);
  expect(r.err, `${what} stderr`).not.toMatch(TERMINAL_CONTROL);
}

const hostileDicom = join(dir, 'hostile.dcm');
writeFileSync(
  hostileDicom,
  makeDicom({ attributes: { Modality: `US${ESC}[31m`, PatientName: HOSTILE, ImageLaterality: 'L', PixelSpacing: [1e150, 1e150] } }),
);
const hostilePath = join(dir, `x${ESC}[2Jy.dcm`);
const hostileSession = join(dir, 'hostile-session.json');
writeFileSync(
  hostileSession,
  serializeSession(
    session([
      measurement({ id: 'L1', label: HOSTILE, side: 'L', nerve: `custom:${HOSTILE}`, site: `custom:${HOSTILE}`, contour: rect(0, 0, 50, 100) }),
      measurement({ id: 'R1', label: `R${ESC}[5m`, side: 'R', contour: rect(0, 0, 100, 100) }),
    ]),
  ),
);

describe('one function neutralises terminal control in every command', () => {
  it('terminalSafe keeps line ends and tabs, turns everything else into "?"', () => {
    expect(terminalSafe(HOSTILE)).toBe('A?[2J?]0;pwned?B?31m?C?D?E');
    expect(terminalSafe('a\r\nb\tc\n')).toBe('a\r\nb\tc\n');
    expect(printable('a\nb\tc')).toBe('a?b?c');
  });

  it('toJsonText escapes the characters JSON.stringify leaves raw, so the data are unchanged', () => {
    const text = toJsonText({ s: HOSTILE });
    expect(text).not.toMatch(TERMINAL_CONTROL);
    expect(JSON.parse(text)).toEqual({ s: HOSTILE });
  });

  it('inspect (table and --json) of a file with hostile strings and path', () => {
    for (const argv of [['inspect', hostileDicom], ['inspect', hostileDicom, '--json'], ['inspect', hostilePath], ['inspect', hostilePath, '--json']]) {
      const r = run(...argv);
      expectClean(r, argv.join(' '));
    }
    expect(run('inspect', hostilePath).out).toContain('x?[2Jy.dcm');
  });

  it('measure echoing a path, and refusing a bad --points or --frame value', () => {
    const missing = run('measure', hostilePath, '--points', '1,1 2,1 2,2');
    expect(missing.code).toBe(1);
    expect(missing.err).toBe(`File not found: ${join(dir, 'x?[2Jy.dcm')}.\n`);
    for (const argv of [
      ['measure', hostileDicom, '--points', `1,1 2,1 ${ESC}[2J`],
      ['measure', hostileDicom, '--frame', `${ESC}[2J`, '--points', '0,0 3,0 3,3'],
      ['measure', hostileDicom, '--points', '0,0 3,0 3,3'],
      ['measure', hostileDicom, '--points', '0,0 3,0 3,3', '--json'],
      [`${ESC}[2J`],
      ['measure', `--${ESC}[2J`],
    ]) {
      expectClean(run(...argv), JSON.stringify(argv));
    }
  });

  it('report (text and --json) and table with custom nerve, site and label names', () => {
    for (const argv of [['report', hostileSession], ['report', hostileSession, '--json'], ['table', hostileSession], ['table', hostileSession, '--identified']]) {
      const r = run(...argv);
      expect(r.code, argv.join(' ')).toBe(0);
      expectClean(r, argv.join(' '));
    }
    // The label is still there, neutralised: the row is not lost.
    expect(run('table', hostileSession).out).toContain('A?[2J?]0;pwned?B?31m?C?D?E');
  });

  it('sr refusing an output path it cannot write names it without escapes', () => {
    const r = run('sr', hostileSession, '-o', join(dir, `no-such-dir${ESC}[2J`, 'out.dcm'));
    expect(r.code).toBe(1);
    expectClean(r, 'sr');
  });
});
