#!/usr/bin/env node
// `npm test`: typecheck, unit tests, production build, end-to-end tests in Debian's Chromium.
// Ends with one plain line "tests: N passed, N failed" counted over unit and e2e tests.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import { ensureChromium } from './ensure-chromium.mjs';

const RESULTS = 'test-results';
mkdirSync(RESULTS, { recursive: true });

function step(title, cmd, args) {
  console.log(`\n=== ${title}: ${cmd} ${args.join(' ')}`);
  const run = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  return run.status ?? 1;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

let failedSteps = [];
if (step('typecheck', 'npx', ['vue-tsc', '--noEmit', '-p', 'tsconfig.json']) !== 0) failedSteps.push('typecheck');

const unitStatus = step('unit tests', 'npx', [
  'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${RESULTS}/unit.json`,
]);
if (unitStatus !== 0) failedSteps.push('unit tests');

ensureChromium();
if (step('production build', 'npx', ['vite', 'build', '--logLevel', 'warn']) !== 0) failedSteps.push('build');

let e2eStatus = 1;
if (!failedSteps.includes('build')) {
  e2eStatus = step('end-to-end tests (Chromium)', 'npx', ['playwright', 'test', '-c', 'test/e2e/playwright.config.ts']);
  if (e2eStatus !== 0) failedSteps.push('e2e tests');
}

const unit = readJson(`${RESULTS}/unit.json`);
const e2e = readJson(`${RESULTS}/e2e.json`);
const unitPassed = unit?.numPassedTests ?? 0;
const unitFailed = unit ? unit.numFailedTests : 1;
const e2ePassed = e2e?.stats?.expected ?? 0;
const e2eFailed = e2e ? (e2e.stats.unexpected ?? 0) + (e2e.stats.flaky ?? 0) : existsSync('dist') ? 1 : 0;
const e2eSkipped = e2e?.stats?.skipped ?? 0;

console.log(`\nunit: ${unitPassed} passed, ${unitFailed} failed`);
console.log(`e2e: ${e2ePassed} passed, ${e2eFailed} failed, ${e2eSkipped} skipped`);
if (failedSteps.length) console.log(`failed steps: ${failedSteps.join(', ')}`);
console.log(`tests: ${unitPassed + e2ePassed} passed, ${unitFailed + e2eFailed + (failedSteps.length && !(unitFailed + e2eFailed) ? 1 : 0)} failed`);
process.exit(failedSteps.length ? 1 : 0);
