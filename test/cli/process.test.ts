import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFixtures, type Fixtures } from './fixtures.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const launcher = resolve(root, 'scripts/nervetrace.mjs');

let f: Fixtures;
beforeAll(() => {
  f = writeFixtures();
});
afterAll(() => rmSync(f.dir, { recursive: true, force: true }));

/** Runs the real launcher as a user would, from an unrelated working directory. */
function launch(...args: string[]) {
  const r = spawnSync(process.execPath, [launcher, ...args], { cwd: f.dir, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('CLI as a child process', () => {
  it('scripts/nervetrace.mjs inspect --json from another directory: JSON array, exit 1 when a file fails', () => {
    const r = launch('inspect', 'us.dcm', 'notes.txt', '--json');
    expect(r.code).toBe(1);
    const rows = JSON.parse(r.out) as { file: string; ok: boolean; error?: string }[];
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ file: 'us.dcm', ok: true });
    expect(rows[1]).toEqual({ file: 'notes.txt', ok: false, error: 'Not a DICOM file: no DICM marker at byte 128.' });
    expect(r.err).toBe('');
  });

  it('measure --json: exit 0 and millimetres', () => {
    const r = launch('measure', 'mr.dcm', '--points', '10,10 50,10 50,40 10,40', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ unit: 'mm', areaMm2: 150, perimeterMm: 50 });
  });

  it('refusal: one sentence on stderr, no stack trace, exit 1', () => {
    const r = launch('measure', 'us.dcm', '--points', '10,10 50,50 50,10 10,50');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toBe('The trace crosses itself; redraw it without loops.\n');
  });

  it('usage error: exit 2', () => {
    const r = launch('measure', 'us.dcm');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/needs --points/);
  });

  it('npx tsx src/cli/main.ts works too', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', resolve(root, 'src/cli/main.ts'), 'inspect', f.us, '--json'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ ok: true, modality: 'US' });
  });
});
