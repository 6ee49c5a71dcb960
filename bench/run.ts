/**
 * `npm run bench`: NerveTrace against large generated inputs, in headless Chromium on the
 * production build, side by side with a minimal baseline page and with dwv; domain speed in Node;
 * renderer memory against dwv; a 2,000-slice series; opening from the project's Orthanc.
 * Prints a table and writes bench/results.json and bench/results.md.
 *
 * Options: --runs <n> (first-image runs per viewer and input, default 5), --skip-build (reuse
 * bench/out/dist and bench/out/pages from a previous run).
 */
import { readFileSync } from 'node:fs';
import type { Browser } from '@playwright/test';
import { launchBrowser } from './browser.ts';
import { generateInputs, generateMr2000 } from './generate/index.ts';
import { CINE } from './generate/cine.ts';
import { describeMachine, currentLoad } from './machine.ts';
import { measureCacheLimit } from './measure/cacheLimit.ts';
import { measureCine } from './measure/cine.ts';
import { measureDomain } from './measure/domain.ts';
import { firstImageOnce, type Target as PageTarget, type Viewer } from './measure/firstImage.ts';
import { INTERACTIVE, OVERLAY_POSITION, VIEWPORT_CANVAS } from './measure/ourApp.ts';
import { measureMr2000 } from './measure/mr2000.ts';
import { measurePacs, startBenchPacs } from './measure/pacs.ts';
import { BENCH, MR_DIR } from './paths.ts';
import { rendererIdleMB, rendererMemoryOnce, type RendererMemoryRun } from './measure/rendererMemory.ts';
import { measureScroll } from './measure/scroll.ts';
import { memoryBreakdown } from './measure/memoryBreakdown.ts';
import { measureStartScreen } from './measure/startScreen.ts';
import { median, round } from './measure/stats.ts';
import { printTable, target, writeResults, type Results } from './report.ts';
import { buildApp, buildPages, startAppServer, startPagesServer, type Server } from './servers.ts';

const args = process.argv.slice(2);
const RUNS = Math.max(5, Number(args[args.indexOf('--runs') + 1]) || 5);
const SKIP_BUILD = args.includes('--skip-build');
/**
 * `--only pacs,mr2000,memory,speed`: only those scenarios (speed: first image, tools work, MR scroll, cine), printed, results.json and results.md left as they
 * are (a partial run is not a report). For working on one scenario without the 6-minute run.
 * `--only memory-breakdown`: where our renderer's memory goes on the MR (measure/memoryBreakdown.ts).
 */
const ONLY = args.includes('--only') ? (args[args.indexOf('--only') + 1] ?? '').split(',').filter(Boolean) : null;
const CACHE_MB = 32;
/** Orthanc for the PACS scenarios (and the next port, which scripts/pacs.mjs may use). */
const PACS_BENCH_PORT = Number(process.env.PACS_BENCH_PORT) || 8152;
const RATE_RUNS = 3;

/** The run whose value is the median (odd number of runs). */
function medianBy<T>(runs: readonly T[], value: (run: T) => number): T {
  return [...runs].sort((a, b) => value(a) - value(b))[Math.floor(runs.length / 2)]!;
}
const started = Date.now();
const log = (line: string) => process.stdout.write(`${line}\n`);
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;

const cleanups: Array<() => Promise<void>> = [];
async function cleanup(): Promise<void> {
  while (cleanups.length) await cleanups.pop()!().catch(() => undefined);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void cleanup().then(() => process.exit(130)));
}

async function firstImages(browser: Browser, app: Server, pages: Server, inputs: { cine: string[]; mr: string[] }) {
  const targets: Record<Viewer, PageTarget> = {
    ours: { viewer: 'ours', url: app.url, canvas: VIEWPORT_CANVAS, ready: '[data-testid=start-screen]', viewerReady: OVERLAY_POSITION, interactive: INTERACTIVE },
    baseline: { viewer: 'baseline', url: `${pages.url}baseline/`, canvas: '#view', ready: '[data-testid=file-input]' },
    dwv: { viewer: 'dwv', url: `${pages.url}dwv/`, canvas: '#layerGroup0 canvas', ready: '[data-testid=file-input]' },
  };
  const scenarios = {
    [`US cine ${CINE.frames} frames ${CINE.columns}×${CINE.rows} RGB JPEG (1 file)`]: inputs.cine,
    [`MR ${inputs.mr.length} slices 512×512 16-bit (${inputs.mr.length} files)`]: inputs.mr,
  };
  const raw: Record<
    string,
    Record<string, { runsMs: number[]; medianMs: number; dwvRenderEndMs?: number[]; viewerReadyRunsMs?: number[]; viewerReadyMedianMs?: number; interactiveRunsMs?: number[]; interactiveMedianMs?: number }>
  > = {};
  let peakHeap = 0;
  const viewers: Viewer[] = ['ours', 'baseline', 'dwv'];
  for (const [scenario, files] of Object.entries(scenarios)) {
    raw[scenario] = { ours: { runsMs: [], medianMs: 0, viewerReadyRunsMs: [], interactiveRunsMs: [] }, baseline: { runsMs: [], medianMs: 0 }, dwv: { runsMs: [], medianMs: 0, dwvRenderEndMs: [] } };
    // One warm-up round (browser caches, page JIT), not counted; then the runs, interleaved
    // and rotated so that load from other processes falls on all three alike.
    for (const v of viewers) await firstImageOnce(browser, targets[v], files);
    for (let run = 0; run < RUNS; run++) {
      for (let k = 0; k < viewers.length; k++) {
        const v = viewers[(run + k) % viewers.length]!;
        const r = await firstImageOnce(browser, targets[v], files);
        raw[scenario]![v]!.runsMs.push(round(r.ms, 1));
        if (v === 'dwv' && typeof r.dwvRenderEndMs === 'number') raw[scenario]!.dwv!.dwvRenderEndMs!.push(round(r.dwvRenderEndMs, 1));
        if (v === 'ours') peakHeap = Math.max(peakHeap, r.peakHeapBytes);
        if (v === 'ours' && r.viewerReadyMs !== undefined) raw[scenario]!.ours!.viewerReadyRunsMs!.push(round(r.viewerReadyMs, 1));
        if (v === 'ours' && r.interactiveMs !== undefined) raw[scenario]!.ours!.interactiveRunsMs!.push(round(r.interactiveMs, 1));
      }
    }
    for (const v of viewers) raw[scenario]![v]!.medianMs = round(median(raw[scenario]![v]!.runsMs), 1);
    const s = raw[scenario]!;
    s.ours!.viewerReadyMedianMs = round(median(s.ours!.viewerReadyRunsMs!), 1);
    s.ours!.interactiveMedianMs = round(median(s.ours!.interactiveRunsMs!), 1);
    log(`  ${scenario}: ours ${s.ours!.medianMs} ms (overlay ${s.ours!.viewerReadyMedianMs} ms, tools work ${s.ours!.interactiveMedianMs} ms), baseline ${s.baseline!.medianMs} ms, dwv ${s.dwv!.medianMs} ms (medians of ${RUNS}) [${elapsed()}]`);
  }
  const ratios = Object.values(raw).map((s) => ({
    baseline: s.ours!.medianMs / s.baseline!.medianMs,
    dwv: s.ours!.medianMs / s.dwv!.medianMs,
    // dwv's tools work on its first image: interactive against its first image.
    interactive: s.ours!.interactiveMedianMs! / s.dwv!.medianMs,
  }));
  return {
    raw,
    vsBaseline: Math.max(...ratios.map((r) => r.baseline)),
    vsDwv: Math.max(...ratios.map((r) => r.dwv)),
    interactiveVsDwv: Math.max(...ratios.map((r) => r.interactive)),
    peakHeap,
  };
}

/**
 * Peak renderer memory, ours and dwv, for each input: MEMORY_RUNS runs each, interleaved; the
 * larger peak of a viewer's runs is its figure; the key is the worse input's ours / dwv.
 */
const MEMORY_RUNS = 2;
async function rendererMemory(browser: Browser, app: Server, pages: Server, inputs: Record<string, string[]>) {
  const raw: Record<string, { ours: RendererMemoryRun[]; dwv: RendererMemoryRun[]; oursPeakMB: number; dwvPeakMB: number; ratio: number }> = {};
  for (const [input, files] of Object.entries(inputs)) {
    const runs = { ours: [] as RendererMemoryRun[], dwv: [] as RendererMemoryRun[] };
    for (let i = 0; i < MEMORY_RUNS; i++) {
      for (const v of i % 2 ? (['dwv', 'ours'] as const) : (['ours', 'dwv'] as const)) {
        runs[v].push(await rendererMemoryOnce(browser, v, v === 'ours' ? app.url : `${pages.url}dwv/`, files));
      }
    }
    const oursPeakMB = round(Math.max(...runs.ours.map((r) => r.peakMB)), 0);
    const dwvPeakMB = round(Math.max(...runs.dwv.map((r) => r.peakMB)), 0);
    raw[input] = { ...runs, oursPeakMB, dwvPeakMB, ratio: round(oursPeakMB / dwvPeakMB, 2) };
    log(`  peak renderer memory, ${input}: ours ${oursPeakMB} MB, dwv ${dwvPeakMB} MB [${elapsed()}]`);
  }
  return { raw, ratio: Math.max(...Object.values(raw).map((r) => r.ratio)) };
}

/** The scenarios named by --only, printed (figures as in the full run). */
async function targeted(browser: Browser, app: Server, pages: Server, inputs: ReturnType<typeof generateInputs>, only: readonly string[]): Promise<void> {
  if (only.includes('mr2000')) {
    const mr2000Input = generateMr2000(log);
    const mr2000 = await measureMr2000(browser, app.url, inputs.mrFiles, mr2000Input.files, RATE_RUNS + 2, log);
    log(`  2000-slice MR: interactive ${mr2000.ratio} × the 200-slice one; scroll ${mr2000.scroll?.fps ?? '–'} frames/s; ${mr2000.ok ? 'no crash' : `FAILED: ${mr2000.errors.join('; ')}`} [${elapsed()}]`);
    log(`  mr2000FirstInteractiveVs200 ${mr2000.ratio} ${JSON.stringify({ ...mr2000, scroll: undefined })}`);
  }
  if (only.includes('speed')) {
    const first = await firstImages(browser, app, pages, { cine: [inputs.cineFile], mr: inputs.mrFiles });
    log(`  firstImageVsBaseline ${round(first.vsBaseline, 2)}, firstImageVsDwv ${round(first.vsDwv, 2)}, interactiveVsDwv ${round(first.interactiveVsDwv, 2)}`);
    const scrolls = [];
    for (let i = 0; i < RATE_RUNS; i++) scrolls.push(await measureScroll(browser, app.url, inputs.mrFiles));
    log(`  MR scroll: ${medianBy(scrolls, (r) => r.fps).fps.toFixed(1)} painted frames/s (${scrolls.map((r) => r.fps.toFixed(1)).join(', ')})`);
    const cines = [];
    for (let i = 0; i < RATE_RUNS; i++) cines.push(await measureCine(browser, app.url, inputs.cineFile, CINE.frameTimeMs, CINE.frames));
    log(`  cine: ${medianBy(cines, (r) => r.ratio).achievedFps.toFixed(1)} frames/s, ratio ${medianBy(cines, (r) => r.ratio).ratio.toFixed(3)} (${cines.map((r) => r.ratio.toFixed(3)).join(', ')})`);
  }
  if (only.includes('memory')) {
    const blank = await rendererIdleMB(browser, 'about:blank');
    const idle = await rendererIdleMB(browser, app.url);
    log(`  renderer with nothing opened: about:blank ${round(blank.peakMB, 0)} MB; our start screen with the imaging stack started ${round(idle.peakMB, 0)} MB (now ${round(idle.endMB, 0)} MB)`);
    const memory = await rendererMemory(browser, app, pages, { 'US cine': [inputs.cineFile], 'MR 200 files': inputs.mrFiles });
    log(`  peakRendererMBVsDwv ${memory.ratio} ${JSON.stringify(memory.raw)}`);
  }
  if (only.includes('memory-breakdown')) {
    const b = await memoryBreakdown(browser, app.url, inputs.mrFiles);
    const line = (s: typeof b.idle) => `resident ${s.residentMB} MB (anonymous ${s.anonymousMB}, file-backed ${s.fileBackedMB}); JS heap ${s.jsHeapMB} MB, array buffers ${s.arrayBuffersMB} MB`;
    log(`  MR 200 files, our renderer: start screen idle: ${line(b.idle)}`);
    log(`    opened and settled: ${line(b.opened)}`);
    log(`    after a forced garbage collection: ${line(b.afterCollection)}`);
    log(`    peak (VmHWM) ${b.peakMB} MB; resident while reading, every 40 ms: ${b.samples.map(([, mb]) => Math.round(mb)).join(' ')}`);
  }
  if (only.includes('pacs')) {
    const { pacs: orthanc } = await startBenchPacs(PACS_BENCH_PORT, inputs.cineFile, MR_DIR, log);
    cleanups.push(() => orthanc.stop());
    const pacs = await measurePacs(browser, orthanc, RUNS, CINE.frameTimeMs, log);
    log(`  pacsFirstImageVsBaseline ${pacs.firstImageRatio}; pacsCineFpsRatio ${pacs.cine.ratio} (later ${pacs.cine.later.ratio})`);
    log(`  ${JSON.stringify(pacs.raw)}`);
  }
}

async function main(): Promise<void> {
  log(`NerveTrace benchmark (load average ${currentLoad().join(', ')})`);
  log('1. Inputs');
  const inputs = generateInputs(log);

  log(`2. Domain in Node [${elapsed()}]`);
  const domain = measureDomain(readFileSync(inputs.sessionFile, 'utf8'));
  log(`  area + perimeter, 10,000 points: ${domain.metrics10kPointsMs} ms; large session report: ${domain.reportLargeSessionMs} ms`);

  if (SKIP_BUILD) log('3. Builds: skipped (--skip-build)');
  else {
    log(`3. Production builds (app, baseline and dwv pages) [${elapsed()}]`);
    buildApp();
    buildPages();
  }

  log(`4. Browser [${elapsed()}]`);
  const app = await startAppServer();
  cleanups.push(() => app.stop());
  const pages = await startPagesServer();
  cleanups.push(() => pages.stop());
  const browser = await launchBrowser();
  cleanups.push(() => browser.close());
  const machine = describeMachine(browser.version());
  if (ONLY) {
    await targeted(browser, app, pages, inputs, ONLY);
    await cleanup();
    log(`Targeted run (--only ${ONLY.join(',')}), load average ${machine.loadAverageStart.join(', ')} → ${currentLoad().join(', ')}; bench/results.* not written [${elapsed()}]`);
    return;
  }

  const startScreen = await measureStartScreen(browser, app.url);
  log(`  start screen JavaScript: ${startScreen.gzipKB.toFixed(1)} KB gzip (${startScreen.files.length} files) [${elapsed()}]`);

  const first = await firstImages(browser, app, pages, { cine: [inputs.cineFile], mr: inputs.mrFiles });

  // Rates: three fresh pages each, the median run (by rate) is reported. A scroll pass slower
  // than 15 s is not repeated (the verdict is clear, and the whole benchmark stays under 10 min).
  const scrolls = [];
  while (scrolls.length < RATE_RUNS && !(scrolls[0] && scrolls[0].durationMs > 15_000)) {
    scrolls.push(await measureScroll(browser, app.url, inputs.mrFiles));
  }
  const scroll = medianBy(scrolls, (r) => r.fps);
  log(`  MR scroll: ${scroll.fps.toFixed(1)} painted frames/s (median of ${scrolls.map((r) => r.fps.toFixed(1)).join(', ')}) [${elapsed()}]`);
  const cines = [];
  for (let i = 0; i < RATE_RUNS; i++) cines.push(await measureCine(browser, app.url, inputs.cineFile, CINE.frameTimeMs, CINE.frames));
  const cine = medianBy(cines, (r) => r.ratio);
  log(`  cine: ${cine.achievedFps.toFixed(1)} of ${cine.nominalFps.toFixed(1)} frames/s (median of ${cines.map((r) => r.achievedFps.toFixed(1)).join(', ')}) [${elapsed()}]`);
  const cacheLimit = await measureCacheLimit(browser, app.url, inputs.mrFiles, CACHE_MB, inputs.sizes.mrMB);
  log(`  ${inputs.sizes.mrMB.toFixed(0)} MB series with a ${CACHE_MB} MB image cache: ${cacheLimit.ok ? 'no crash' : `FAILED: ${cacheLimit.errors.join('; ')}`} [${elapsed()}]`);
  const memory = await rendererMemory(browser, app, pages, { 'US cine': [inputs.cineFile], 'MR 200 files': inputs.mrFiles });
  const mr2000Input = generateMr2000(log);
  const mr2000 = await measureMr2000(browser, app.url, inputs.mrFiles, mr2000Input.files, RATE_RUNS + 2, log);
  log(`  2000-slice MR: interactive ${mr2000.ratio} × the 200-slice one; scroll ${mr2000.scroll?.fps ?? '–'} frames/s; ${mr2000.ok ? 'no crash' : `FAILED: ${mr2000.errors.join('; ')}`} [${elapsed()}]`);
  const { pacs: orthanc, loadS } = await startBenchPacs(PACS_BENCH_PORT, inputs.cineFile, MR_DIR, log);
  cleanups.push(() => orthanc.stop());
  const pacs = await measurePacs(browser, orthanc, RATE_RUNS + 2, CINE.frameTimeMs, log);
  await cleanup();
  machine.loadAverageEnd = currentLoad();

  const peakJsHeapMB = Math.max(first.peakHeap, ...scrolls.map((r) => r.peakHeapBytes), ...cines.map((r) => r.peakHeapBytes)) / 1024 ** 2;
  const results: Results = {
    firstImageVsBaseline: round(first.vsBaseline, 2),
    firstImageVsDwv: round(first.vsDwv, 2),
    interactiveVsDwv: round(first.interactiveVsDwv, 2),
    peakRendererMBVsDwv: memory.ratio,
    mr2000FirstInteractiveVs200: mr2000.ratio,
    pacsFirstImageVsBaseline: pacs.firstImageRatio,
    pacsCineFpsRatio: pacs.cine.ratio,
    mrScrollFps: round(scroll.fps, 1),
    cineFpsRatio: round(cine.ratio, 3),
    metrics10kPointsMs: domain.metrics10kPointsMs,
    reportLargeSessionMs: domain.reportLargeSessionMs,
    startScreenJsGzipKB: round(startScreen.gzipKB, 1),
    peakJsHeapMB: round(peakJsHeapMB, 1),
    targets: {
      firstImageVsBaseline: target(first.vsBaseline, '<=', 1.5, '×', 'ours / baseline, time to first image (median; worse input)'),
      firstImageVsDwv: target(first.vsDwv, '<=', 1.0, '×', 'ours / dwv, time to first image (median; worse input)'),
      interactiveVsDwv: target(first.interactiveVsDwv, '<=', 1.0, '×', "ours, files selected → tools work on the first image shown / dwv's first image (median; worse input)"),
      peakRendererMBVsDwv: target(memory.ratio, '<=', 0.5, '×', 'peak renderer process memory (VmHWM), ours / dwv (worse input)'),
      mr2000FirstInteractiveVs200: target(mr2000.ratio, '<=', 1.2, '×', 'files selected → tools work, 2,000-slice MR / 200-slice MR (medians)'),
      mr2000ScrollFps: target(mr2000.scroll?.fps ?? 0, '>=', 30, 'fps', 'frames painted per second scrolling 200 cached slices of the 2,000-slice MR'),
      pacsFirstImageVsBaseline: target(pacs.firstImageRatio, '<=', 1.5, '×', 'opening from Orthanc, study click → first image, ours / one metadata + one frame request + decode + paint (median; worse study)'),
      pacsCineFpsRatio: target(pacs.cine.ratio, '>=', 0.95, '', 'cine streamed from Orthanc (DICOMweb plugin 1.7: every frame request reads the whole 9 MB instance), achieved / nominal, first 4 s of playback'),
      mr2000NoCrash: target(mr2000.ok ? 1 : 0, '>=', 1, '', 'the 2,000-slice MR (about 1 GB) opens, reads to the end and scrolls with the default cache, no crash (1 = yes)'),
      mrScrollFps: target(scroll.fps, '>=', 30, 'fps', 'frames painted per second scrolling the cached 200-slice MR'),
      cineFpsRatio: target(cine.ratio, '>=', 0.95, '', 'achieved / nominal cine frame rate'),
      metrics10kPointsMs: target(domain.metrics10kPointsMs, '<=', 1, 'ms', 'area + perimeter of a 10,000-point contour (measureContour)'),
      reportLargeSessionMs: target(domain.reportLargeSessionMs, '<=', 50, 'ms', 'comparison + localization + report, 500 measurements, 200 EMG rows'),
      startScreenJsGzipKB: target(startScreen.gzipKB, '<=', 300, 'KB', 'JavaScript transferred before the first file is opened (gzip)'),
      cacheLimitNoCrash: { ...target(cacheLimit.ok ? 1 : 0, '>=', 1, '', `a ${inputs.sizes.mrMB.toFixed(0)} MB series with a ${CACHE_MB} MB image cache opens and scrolls without a crash (1 = yes)`) },
    },
    raw: {
      firstImage: first.raw,
      mrScroll: {
        ...scroll,
        fps: round(scroll.fps, 1),
        durationMs: round(scroll.durationMs, 0),
        peakHeapMB: round(scroll.peakHeapBytes / 1024 ** 2, 1),
        runsFps: scrolls.map((r) => round(r.fps, 1)),
      },
      cine: {
        ...cine,
        achievedFps: round(cine.achievedFps, 2),
        nominalFps: round(cine.nominalFps, 2),
        ratio: round(cine.ratio, 3),
        durationMs: round(cine.durationMs, 0),
        later: { ...cine.later, achievedFps: round(cine.later.achievedFps, 2), ratio: round(cine.later.ratio, 3), durationMs: round(cine.later.durationMs, 0) },
        peakHeapMB: round(cine.peakHeapBytes / 1024 ** 2, 1),
        runsRatio: cines.map((r) => round(r.ratio, 3)),
      },
      domain,
      startScreen: {
        gzipKB: round(startScreen.gzipKB, 1),
        rawKB: round(startScreen.rawKB, 1),
        files: startScreen.files,
        idlePreload: { ...startScreen.idlePreload, gzipKB: round(startScreen.idlePreload.gzipKB, 1) },
      },
      cacheLimit,
      rendererMemory: memory.raw,
      mr2000: { ...mr2000, seriesMB: round(mr2000Input.mb, 0) },
      pacs: { orthanc: 'Orthanc 1.10.1 (Debian), DICOMweb plugin 1.7', storeSeconds: round(loadS, 1), firstImage: pacs.raw, cine: pacs.cine },
      inputs: { ...inputs.sizes, mrFiles: inputs.mrFiles.length, regenerated: inputs.regenerated },
      runsPerViewer: RUNS,
    },
    machine,
    command: `npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`,
    durationS: (Date.now() - started) / 1000,
  };
  writeResults(results);
  printTable(results, log);
  log(`Wrote bench/results.json and bench/results.md in ${elapsed()}.`);
}

// --tracing: the assisted-tracing benchmark alone (Node only, bench/tracing/).
const entry = args.includes('--tracing') ? () => import('./tracing/run.ts').then(({ runTracingBench }) => runTracingBench(BENCH)).then(() => log('Wrote bench/tracing-results.json and bench/tracing-results.md.')) : main;

entry().catch(async (error: unknown) => {
  await cleanup();
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
