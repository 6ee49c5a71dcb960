import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** Production build served by `vite preview` (NERVETRACE_DIST when set, else dist/). */
const PORT = Number(process.env.E2E_PORT || 4179);
/** The Vite dev server, for the `dev-server` project only. */
const DEV_PORT = Number(process.env.E2E_DEV_PORT || 4180);

/** Reports and artefacts; scripts/test.mjs sets it (NERVETRACE_RESULTS, default test-results/). */
const RESULTS = process.env.NERVETRACE_RESULTS || `${root}test-results`;

const DEV_SPEC = '**/devServer.spec.ts';

/**
 * Projects named on the command line (`--project x` / `--project=x`); empty means all.
 * When only `production` is asked for, the dev server is not started at all.
 */
function selectedProjects(argv: string[]): string[] {
  const names: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('--project=')) names.push(arg.slice('--project='.length));
    else if (arg === '--project') {
      // Like Playwright: every following argument up to the next option is a project name.
      while (argv[i + 1] && !argv[i + 1]!.startsWith('-')) names.push(argv[++i]!);
    }
  }
  return names;
}
const projects = selectedProjects(process.argv);
const needPreview = projects.length === 0 || projects.includes('production');
const needDevServer = projects.length === 0 || projects.includes('dev-server');

// Debian's Chromium with the shared flags (chromium.ts).
export default defineConfig({
  testDir: '.',
  outputDir: `${RESULTS}/e2e-artifacts`,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: `${RESULTS}/e2e.json` }]],
  use: {
    viewport: { width: 1400, height: 900 },
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  projects: [
    {
      // Every spec except the dev-server one runs against the production build.
      name: 'production',
      testMatch: '**/*.spec.ts',
      testIgnore: DEV_SPEC,
      use: { baseURL: `http://127.0.0.1:${PORT}/` },
    },
    {
      // The wasm codecs must also load from the dev server (`npm run dev`).
      name: 'dev-server',
      testMatch: DEV_SPEC,
      use: { baseURL: `http://127.0.0.1:${DEV_PORT}/` },
      timeout: 180_000,
    },
  ],
  webServer: [
    ...(needPreview
      ? [
          {
            command: `npx vite preview --port ${PORT} --strictPort`, // serves NERVETRACE_DIST when set
            cwd: root,
            url: `http://127.0.0.1:${PORT}/`,
            reuseExistingServer: !process.env.CI,
            timeout: 60_000,
          },
        ]
      : []),
    ...(needDevServer
      ? [
          {
            command: `npx vite --port ${DEV_PORT} --strictPort`,
            cwd: root,
            url: `http://127.0.0.1:${DEV_PORT}/`,
            reuseExistingServer: !process.env.CI,
            timeout: 60_000,
          },
        ]
      : []),
  ],
});
