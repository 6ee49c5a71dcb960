#!/usr/bin/env node
// `npm test`: the whole check, in this order:
//   1. tools     Debian chromium (e2e) and dcmtk's dsrdump (SR export test); installed when root
//   2. typecheck vue-tsc
//   3. unit      vitest (test/**/*.test.ts)
//   4. build     production build (into NERVETRACE_DIST, default dist/)
//   5. e2e       Playwright in Chromium: project "production" (vite preview of the build) and
//                project "dev-server" (the Vite dev server)
// Every step runs even if an earlier one failed (except e2e, which needs the build; a failed
// build counts e2e as failed, never as skipped). Skipped tests are listed by name.
// The last line is always "tests: N passed, N failed" (a failed typecheck, build or a test run
// that produced no report counts as one failure each); the exit code is 0 only if nothing failed.
//
// Environment passed through: E2E_PORT (preview, default 4179), E2E_DEV_PORT (dev server,
// default 4180), NERVETRACE_DIST (build folder), NERVETRACE_RESULTS (reports, default
// test-results/), CHROMIUM_PATH, CI.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { ensureTools } from './ensure-tools.mjs';

const started = Date.now();
const RESULTS = resolve(process.env.NERVETRACE_RESULTS || 'test-results');
process.env.NERVETRACE_RESULTS = RESULTS; // read by test/e2e/playwright.config.ts
mkdirSync(RESULTS, { recursive: true });
const UNIT_JSON = `${RESULTS}/unit.json`;
const E2E_JSON = `${RESULTS}/e2e.json`;
// Never count a previous run's results.
rmSync(UNIT_JSON, { force: true });
rmSync(E2E_JSON, { force: true });

const bin = (name) => resolve('node_modules/.bin', name);
const seconds = (ms) => `${Math.round(ms / 1000)} s`;

function step(title, cmd, args) {
  console.log(`\n=== ${title}: ${[cmd.replace(`${resolve('node_modules/.bin')}/`, ''), ...args].join(' ')}`);
  const t0 = Date.now();
  const run = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  if (run.error) console.error(`${title}: could not start ${cmd}: ${run.error.message}`);
  return { ok: run.status === 0, status: run.status ?? 1, time: Date.now() - t0 };
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

/** Unit counts from vitest's json report (jest-compatible format). */
function unitCounts(report) {
  const c = { passed: 0, failed: 0, skipped: 0, failedNames: [], skippedNames: [] };
  for (const file of report.testResults ?? []) {
    const rel = file.name.replace(`${resolve('.')}/`, '');
    const tests = file.assertionResults ?? [];
    for (const t of tests) {
      if (t.status === 'passed') c.passed++;
      else if (t.status === 'failed') {
        c.failed++;
        c.failedNames.push(`${rel} › ${t.fullName}`);
      } else {
        c.skipped++;
        c.skippedNames.push(`${rel} › ${t.fullName} (${t.status})`);
      }
    }
    // A file that failed to load or whose hooks threw has no failing test of its own.
    if (file.status === 'failed' && !tests.some((t) => t.status === 'failed')) {
      c.failed++;
      c.failedNames.push(`${rel} (${(file.message || 'file failed').split('\n')[0]})`);
    }
  }
  return c;
}

/** E2E counts per Playwright project from its json report. */
function e2eCounts(report) {
  const byProject = new Map();
  const c = { passed: 0, failed: 0, skipped: 0, failedNames: [], skippedNames: [], byProject };
  const walk = (suite, path) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        const p = byProject.get(t.projectName) ?? { passed: 0, failed: 0, skipped: 0 };
        byProject.set(t.projectName, p);
        const name = `[${t.projectName}] ${[...path, spec.title].join(' › ')}`;
        if (t.status === 'expected' || t.status === 'flaky') {
          c.passed++;
          p.passed++;
        } else if (t.status === 'skipped') {
          c.skipped++;
          p.skipped++;
          c.skippedNames.push(name);
        } else {
          c.failed++;
          p.failed++;
          c.failedNames.push(name);
        }
      }
    }
    for (const child of suite.suites ?? []) walk(child, [...path, child.title]);
  };
  for (const suite of report.suites ?? []) walk(suite, [suite.title]);
  // Errors outside tests: web server did not start, a spec file did not compile, …
  for (const error of report.errors ?? []) {
    c.failed++;
    c.failedNames.push(`e2e: ${(error.message || String(error)).split('\n')[0]}`);
  }
  return c;
}

const summary = [];
let passed = 0;
let failed = 0;
const failures = [];
const skipped = [];

// 1. Tools first: a machine that cannot run the e2e tests is told so at once.
console.log('=== tools: Debian chromium and dcmtk');
ensureTools();

// 2. Typecheck.
const typecheck = step('typecheck', bin('vue-tsc'), ['--noEmit', '-p', 'tsconfig.json']);
summary.push(`typecheck: ${typecheck.ok ? 'ok' : 'FAILED'} (${seconds(typecheck.time)})`);
if (!typecheck.ok) {
  failed++;
  failures.push('typecheck (vue-tsc) failed');
}

// 3. Unit tests.
const unitRun = step('unit tests', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${UNIT_JSON}`,
]);
const unitReport = readJson(UNIT_JSON);
if (unitReport) {
  const u = unitCounts(unitReport);
  passed += u.passed;
  failed += u.failed;
  failures.push(...u.failedNames);
  skipped.push(...u.skippedNames);
  if (!unitRun.ok && u.failed === 0) {
    failed++;
    failures.push(`vitest exited with status ${unitRun.status} without a failing test`);
  }
  summary.push(`unit: ${u.passed} passed, ${u.failed} failed, ${u.skipped} skipped (${seconds(unitRun.time)})`);
} else {
  failed++;
  failures.push('unit tests produced no report');
  summary.push(`unit: NO REPORT (vitest exit ${unitRun.status})`);
}

// 4. Production build.
const build = step('production build', bin('vite'), ['build', '--logLevel', 'warn']);
summary.push(`build: ${build.ok ? 'ok' : 'FAILED'} (${seconds(build.time)})${process.env.NERVETRACE_DIST ? ` into ${process.env.NERVETRACE_DIST}` : ''}`);
if (!build.ok) {
  failed++;
  failures.push('production build failed');
}

// 5. End-to-end tests, both projects.
if (build.ok) {
  const e2eRun = step('end-to-end tests (Chromium)', bin('playwright'), ['test', '-c', 'test/e2e/playwright.config.ts']);
  const e2eReport = readJson(E2E_JSON);
  if (e2eReport) {
    const e = e2eCounts(e2eReport);
    passed += e.passed;
    failed += e.failed;
    failures.push(...e.failedNames);
    skipped.push(...e.skippedNames);
    if (!e2eRun.ok && e.failed === 0) {
      failed++;
      failures.push(`playwright exited with status ${e2eRun.status} without a failing test`);
    }
    const perProject = [...e.byProject].map(([name, p]) => `${name} ${p.passed}/${p.failed}/${p.skipped}`).join(', ');
    summary.push(
      `e2e: ${e.passed} passed, ${e.failed} failed, ${e.skipped} skipped (${seconds(e2eRun.time)}; passed/failed/skipped: ${perProject || 'no tests'})`,
    );
    if (e.passed + e.failed + e.skipped === 0) {
      failed++;
      failures.push('e2e ran no tests');
    }
  } else {
    failed++;
    failures.push('e2e tests produced no report');
    summary.push(`e2e: NO REPORT (playwright exit ${e2eRun.status})`);
  }
} else {
  failed++;
  failures.push('e2e tests not run: the production build failed');
  summary.push('e2e: NOT RUN (build failed)');
}

console.log('\n=== summary');
for (const line of summary) console.log(line);
if (skipped.length) {
  console.log(`skipped (${skipped.length}):`);
  for (const name of skipped) console.log(`  - ${name}`);
}
if (failures.length) {
  console.log(`failed (${failures.length}):`);
  for (const name of failures) console.log(`  - ${name}`);
}
console.log(`wall time: ${seconds(Date.now() - started)}`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
