#!/usr/bin/env node
// `npm start`: build the production bundle, then serve it on 127.0.0.1 only and print the URL.
// Everything runs offline; nothing leaves the machine. PORT picks the port (default 4173).
import { spawnSync, spawn } from 'node:child_process';
import { resolve } from 'node:path';

const port = process.env.PORT || '4173';
const url = `http://127.0.0.1:${port}/`;
const vite = resolve('node_modules/.bin/vite');

console.log('Building NerveTrace…');
const build = spawnSync(vite, ['build', '--logLevel', 'error'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const server = spawn(vite, ['preview', '--host', '127.0.0.1', '--port', port, '--strictPort'], {
  stdio: ['inherit', 'ignore', 'inherit'],
});
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => server.kill(signal));
}

// Print the URL once the server answers.
const deadline = Date.now() + 30_000;
for (;;) {
  try {
    if ((await fetch(url)).ok) break;
  } catch {
    /* not listening yet */
  }
  if (Date.now() > deadline) {
    console.error(`The server did not answer at ${url} within 30 s.`);
    server.kill('SIGTERM');
    process.exit(1);
  }
  await new Promise((r) => setTimeout(r, 200));
}
console.log(`\nNerveTrace is running at ${url}  (Ctrl+C to stop)\n`);
