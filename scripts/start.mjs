#!/usr/bin/env node
// `npm start`: build the production bundle, then serve it on 127.0.0.1 (offline; nothing leaves the machine).
import { spawnSync, spawn } from 'node:child_process';

const port = process.env.PORT || '4173';
const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
console.log(`\nNerveTrace is running at http://127.0.0.1:${port}/  (Ctrl+C to stop)\n`);
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', port, '--strictPort'], {
  stdio: 'inherit',
});
server.on('exit', (code) => process.exit(code ?? 0));
