/**
 * Opening from the project's own PACS: Orthanc (Debian's 1.10 core, DICOMweb plugin 1.7) started
 * by `npm run pacs` (scripts/pacs.mjs, through test/e2e/pacsServer.ts) on PACS_BENCH_PORT, empty,
 * then the benchmark's cine and 200-slice MR stored into it with `npm run pacs -- --load`
 * (STOW-RS). The viewer is served by Orthanc at /nervetrace/ (same origin), as in use.
 *
 * - pacsFirstImageVsBaseline: t0 = the click on the study's Open button (the study list already
 *   loaded), t1 = the viewport canvas shows an image; against bench/baseline-pacs/, which does one
 *   WADO-RS metadata request for the study, one frame request and a decode + paint. Interleaved,
 *   fresh pages, medians; the worse study is the key.
 * - pacsCineFpsRatio: the cine opened from the PACS and played at once, frames shown per second
 *   against its nominal rate. Orthanc's DICOMweb 1.7 answers each frame request of a multi-frame
 *   instance by reading the whole stored instance again (faster multi-frame retrieval came in its
 *   1.18), so every frame request costs a 9 MB read on the server; the viewer asks for the
 *   cine's other frames in one frame-list request (src/viewer/wadors.ts), one read.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { basename } from 'node:path';
import type { Browser } from '@playwright/test';
import { startPacs, type PacsServer } from '../../test/e2e/pacsServer.ts';
import { freshPage } from '../browser.ts';
import { benchUid } from '../generate/dicom.ts';
import { APP_DIST, OUT, PAGES_DIST } from '../paths.ts';
import { installProbe, warmPlaywright } from '../probe.ts';
import { playAndSample } from './cine.ts';
import { INTERACTIVE, VIEWPORT_CANVAS } from './ourApp.ts';
import { median, round } from './stats.ts';

const OPEN = '[data-testid=pacs-open-study]';

export const PACS_STUDIES = {
  cine: { uid: benchUid(1), description: 'Benchmark ultrasound cine' },
  mr: { uid: benchUid(2), description: 'Benchmark MR neurography' },
} as const;

/** The baseline page next to the viewer in the folder Orthanc serves (its assets beside the app's). */
function installBaselinePage(): void {
  cpSync(`${PAGES_DIST}baseline-pacs/`, `${APP_DIST}baseline-pacs/`, { recursive: true });
  const html = readFileSync(`${PAGES_DIST}baseline-pacs/index.html`, 'utf8');
  for (const [, asset] of html.matchAll(/\.\.\/assets\/([^"']+)/g)) cpSync(`${PAGES_DIST}assets/${asset}`, `${APP_DIST}assets/${asset}`);
}

export async function startBenchPacs(port: number, cineFile: string, mrDir: string, log: (line: string) => void): Promise<{ pacs: PacsServer; loadS: number }> {
  installBaselinePage();
  process.env.NERVETRACE_DIST = APP_DIST;
  const pacs = await startPacs(port);
  const t = Date.now();
  // --load stores a folder: the cine alone in one of its own.
  const cineDir = `${OUT}data/pacs-cine/`;
  rmSync(cineDir, { recursive: true, force: true });
  mkdirSync(cineDir, { recursive: true });
  symlinkSync(cineFile, `${cineDir}${basename(cineFile)}`);
  for (const dir of [cineDir, mrDir]) {
    const out = pacs.load(dir);
    if (!/stored|Stored/.test(out)) log(`  pacs --load ${dir}: ${out.trim().split('\n').slice(-2).join(' ')}`);
  }
  const counts = await pacs.counts();
  log(`  Orthanc on ${port}: ${counts.studies} studies, ${counts.instances} instances stored in ${((Date.now() - t) / 1000).toFixed(0)} s`);
  return { pacs, loadS: (Date.now() - t) / 1000 };
}

interface OpenRun {
  readonly ms: number;
  readonly interactiveMs?: number;
}

async function oursOnce(browser: Browser, base: string, description: string): Promise<OpenRun> {
  const { context, page, errors } = await freshPage(browser);
  try {
    await page.addInitScript(installProbe, [VIEWPORT_CANVAS, null, INTERACTIVE, OPEN] as [string, string | null, string | null, string | null]);
    await page.goto(`${base}/nervetrace/index.html`, { waitUntil: 'networkidle' });
    await page.getByTestId('start-open-pacs').click();
    const row = page.getByTestId('pacs-study').filter({ hasText: description });
    await row.waitFor();
    await warmPlaywright(page);
    await row.getByTestId('pacs-open-study').click();
    await page.waitForFunction(() => window.__bench.t1 !== null && window.__bench.t3 !== null, null, { timeout: 120_000, polling: 50 });
    const { t0, t1, t3 } = await page.evaluate(() => window.__bench);
    if (errors.length) throw new Error(`ours (PACS): ${errors.join('; ')}`);
    return { ms: t1! - t0!, interactiveMs: t3! - t0! };
  } finally {
    await context.close();
  }
}

async function baselineOnce(browser: Browser, base: string, study: string): Promise<OpenRun> {
  const { context, page, errors } = await freshPage(browser);
  try {
    await page.addInitScript(installProbe, ['#view', null, null, OPEN] as [string, string | null, string | null, string | null]);
    await page.goto(`${base}/nervetrace/baseline-pacs/index.html?study=${study}`, { waitUntil: 'networkidle' });
    await warmPlaywright(page);
    await page.locator(OPEN).click();
    await page.waitForFunction(() => window.__bench.t1 !== null, null, { timeout: 120_000, polling: 50 });
    const { t0, t1 } = await page.evaluate(() => window.__bench);
    if (errors.length) throw new Error(`baseline (PACS): ${errors.join('; ')}`);
    return { ms: t1! - t0! };
  } finally {
    await context.close();
  }
}

export async function measurePacs(browser: Browser, pacs: PacsServer, runs: number, frameTimeMs: number, log: (line: string) => void) {
  const raw: Record<string, { ours: number[]; oursInteractive: number[]; baseline: number[]; oursMedianMs: number; oursInteractiveMedianMs: number; baselineMedianMs: number; ratio: number }> = {};
  for (const [name, study] of Object.entries(PACS_STUDIES)) {
    const r = { ours: [] as number[], oursInteractive: [] as number[], baseline: [] as number[] };
    await oursOnce(browser, pacs.base, study.description); // warm-up (Orthanc's own caches too), not counted
    await baselineOnce(browser, pacs.base, study.uid);
    for (let i = 0; i < runs; i++) {
      for (const who of i % 2 ? (['baseline', 'ours'] as const) : (['ours', 'baseline'] as const)) {
        if (who === 'ours') {
          const o = await oursOnce(browser, pacs.base, study.description);
          r.ours.push(round(o.ms, 1));
          r.oursInteractive.push(round(o.interactiveMs ?? NaN, 1));
        } else r.baseline.push(round((await baselineOnce(browser, pacs.base, study.uid)).ms, 1));
      }
    }
    const oursMedianMs = median(r.ours);
    const baselineMedianMs = median(r.baseline);
    raw[name] = { ...r, oursMedianMs, oursInteractiveMedianMs: median(r.oursInteractive), baselineMedianMs, ratio: round(oursMedianMs / baselineMedianMs, 2) };
    log(`  PACS ${study.description}: ours ${oursMedianMs} ms (tools work ${raw[name]!.oursInteractiveMedianMs} ms), baseline ${baselineMedianMs} ms`);
  }

  // The cine streamed from the PACS, played as soon as its first frame is on screen.
  const { context, page, errors } = await freshPage(browser);
  let cine;
  try {
    await page.addInitScript(installProbe, [VIEWPORT_CANVAS, null, INTERACTIVE, OPEN] as [string, string | null, string | null, string | null]);
    await page.goto(`${pacs.base}/nervetrace/index.html`, { waitUntil: 'networkidle' });
    await page.getByTestId('start-open-pacs').click();
    await page.getByTestId('pacs-study').filter({ hasText: PACS_STUDIES.cine.description }).getByTestId('pacs-open-study').click();
    await page.waitForFunction(() => window.__bench.t3 !== null, null, { timeout: 120_000, polling: 50 });
    cine = await playAndSample(page, frameTimeMs);
    if (errors.length) throw new Error(`PACS cine: ${errors.join('; ')}`);
  } finally {
    await context.close();
  }
  log(`  PACS cine: ${cine.achievedFps.toFixed(1)} of ${cine.nominalFps.toFixed(1)} frames/s; later ${cine.later.achievedFps.toFixed(1)}`);
  return {
    raw,
    firstImageRatio: Math.max(...Object.values(raw).map((r) => r.ratio)),
    cine: { ...cine, achievedFps: round(cine.achievedFps, 2), nominalFps: round(cine.nominalFps, 2), ratio: round(cine.ratio, 3), durationMs: round(cine.durationMs, 0), later: { ...cine.later, achievedFps: round(cine.later.achievedFps, 2), ratio: round(cine.later.ratio, 3), durationMs: round(cine.later.durationMs, 0) } },
  };
}
