/**
 * Production builds and `vite preview` servers started (and stopped) by the benchmark.
 * Each server runs in its own process group, stopped by its own id only.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { APP_DIST, BENCH, PAGES_DIST, ROOT } from './paths.ts';

function run(command: string, args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(command, args, { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
}

/** The app exactly as shipped: `vite build` into bench/out/dist (NERVETRACE_DIST). */
export function buildApp(): void {
  run('npx', ['vite', 'build', '--logLevel', 'warn'], { NERVETRACE_DIST: APP_DIST });
}

/** The baseline and dwv pages (bench/vite.config.ts) into bench/out/pages. */
export function buildPages(): void {
  run('npx', ['vite', 'build', '-c', `${BENCH}vite.config.ts`], { BENCH_PAGES_DIST: PAGES_DIST });
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

export async function freePort(from: number): Promise<number> {
  for (let port = from; port < from + 100; port++) if (await portIsFree(port)) return port;
  throw new Error(`no free port in ${from}…${from + 99}`);
}

export interface Server {
  readonly url: string;
  stop(): Promise<void>;
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server for ${url} exited (${child.exitCode})`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server for ${url} did not answer within ${timeoutMs / 1000} s`);
}

/** `npx vite preview --port <port> --strictPort` (config and env as given), ready to serve `readyPath`. */
export async function startPreview(port: number, env: NodeJS.ProcessEnv, configFile?: string, readyPath = ''): Promise<Server> {
  const args = ['vite', 'preview', '--port', String(port), '--strictPort', ...(configFile ? ['-c', configFile] : [])];
  const child = spawn('npx', args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: 'ignore', detached: true });
  const url = `http://127.0.0.1:${port}/`;
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      process.kill(-child.pid, 'SIGTERM'); // its own process group: npx and vite
    } catch {
      return;
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  };
  try {
    await waitForHttp(`${url}${readyPath}`, child);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}


export async function startAppServer(): Promise<Server> {
  return startPreview(await freePort(4300), { NERVETRACE_DIST: APP_DIST });
}

export async function startPagesServer(): Promise<Server> {
  return startPreview(await freePort(4350), { BENCH_PAGES_DIST: PAGES_DIST }, `${BENCH}vite.config.ts`, 'baseline/');
}
