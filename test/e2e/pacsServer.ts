/**
 * One Orthanc per spec file, started with the project's own `npm run pacs` script (scripts/pacs.mjs)
 * in a fresh storage folder, serving this build at /nervetrace/.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './helpers';

export interface PacsServer {
  readonly base: string;
  readonly auth: Record<string, string>;
  stop(): Promise<void>;
  /** Orthanc's own counts (REST /statistics). */
  counts(): Promise<{ patients: number; studies: number; series: number; instances: number }>;
  /** `npm run pacs -- --load <dir>` against this server: its output. */
  load(dir: string): string;
}

export async function startPacs(port: number, options: { user?: string; password?: string; samples?: boolean } = {}): Promise<PacsServer> {
  const dir = join(tmpdir(), `nervetrace-e2e-pacs-${port}`);
  rmSync(dir, { recursive: true, force: true });
  const env = {
    ...process.env,
    PACS_PORT: String(port),
    PACS_DIR: dir,
    ...(options.samples ? {} : { PACS_NO_SAMPLES: '1' }),
    ...(options.user ? { PACS_USER: options.user, PACS_PASSWORD: options.password ?? '' } : {}),
  };
  const proc: ChildProcess = spawn(process.execPath, ['scripts/pacs.mjs'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  proc.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 60_000;
  while (!output.includes('NerveTrace with PACS:')) {
    if (proc.exitCode !== null || Date.now() > deadline) throw new Error(`npm run pacs did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const base = `http://127.0.0.1:${port}`;
  const auth: Record<string, string> = options.user ? { Authorization: `Basic ${Buffer.from(`${options.user}:${options.password ?? ''}`).toString('base64')}` } : {};
  return {
    base,
    auth,
    async stop() {
      if (proc.exitCode !== null) return;
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
    async counts() {
      const s = (await (await fetch(`${base}/statistics`, { headers: auth })).json()) as Record<string, number>;
      return { patients: s.CountPatients!, studies: s.CountStudies!, series: s.CountSeries!, instances: s.CountInstances! };
    },
    load(folder: string) {
      const run = spawnSync(process.execPath, ['scripts/pacs.mjs', '--load', folder], { cwd: ROOT, env, encoding: 'utf8' });
      return `${run.stdout}${run.stderr}`;
    },
  };
}
