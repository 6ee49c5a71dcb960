#!/usr/bin/env node
// `npm run test:e2e [-- <playwright args>]`: make sure Chromium (and dcmtk) are installed, build
// the production bundle, then run Playwright with both projects (or what the arguments select),
// e.g. `npm run test:e2e -- --project dev-server` or `npm run test:e2e -- viewer.spec.ts`.
// Set NERVETRACE_SKIP_BUILD=1 to reuse an existing build.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { ensureTools } from './ensure-tools.mjs';

ensureTools();
if (!process.env.NERVETRACE_SKIP_BUILD) {
  const build = spawnSync(resolve('node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const run = spawnSync(
  resolve('node_modules/.bin/playwright'),
  ['test', '-c', 'test/e2e/playwright.config.ts', ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
process.exit(run.status ?? 1);
