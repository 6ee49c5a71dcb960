/**
 * mr2000FirstInteractiveVs200: a 2,000-slice MR series (bench/generate/mr.ts, about 1 GB, made at
 * run time) against the 200-slice one, in our app with its default image cache:
 * - files selected → the viewport's tools work on the first image shown (data-interactive), both
 *   series interleaved run by run in fresh pages; the key is the ratio of the medians;
 * - then the 2,000-slice series opened once and read to the end ("Opened 2000 files."), and
 *   200 slices from the middle scrolled through once (cached) and, once the background prefetch
 *   around them has run out (PREFETCH_SETTLE_MS), again with the arrow key, counting painted
 *   frames per second as the 200-slice scroll does; no page error, no crash,
 *   the last slice painted; the renderer's peak resident memory is recorded.
 */
import type { Browser } from '@playwright/test';
import { startSampler, stopSampler, type FrameSampler } from '../probe.ts';
import { firstImageOnce, type Target } from './firstImage.ts';
import { INTERACTIVE, OVERLAY_POSITION, VIEWPORT_CANVAS, openInApp, overlayPosition, waitForPosition } from './ourApp.ts';
import { procKB, rendererPids } from './rendererMemory.ts';
import { median, round } from './stats.ts';

const SCROLLED = 200;
const PREFETCH_SETTLE_MS = 4000;

export interface Mr2000Result {
  readonly interactive200RunsMs: number[];
  readonly interactive2000RunsMs: number[];
  readonly interactive200MedianMs: number;
  readonly interactive2000MedianMs: number;
  readonly ratio: number;
  readonly scroll: { fps: number; paintedFrames: number; durationMs: number; slices: number; fromSlice: number } | null;
  readonly allReadMs: number | null;
  readonly ok: boolean;
  readonly errors: string[];
  readonly peakRendererMB: number | null;
}

function peakRendererMB(): number {
  return Math.max(0, ...rendererPids().map((pid) => procKB(pid, 'VmHWM'))) / 1024;
}

export async function measureMr2000(browser: Browser, appUrl: string, mr200: readonly string[], mr2000: readonly string[], runs: number, log: (line: string) => void): Promise<Mr2000Result> {
  const target: Target = { viewer: 'ours', url: appUrl, canvas: VIEWPORT_CANVAS, ready: '[data-testid=start-screen]', viewerReady: OVERLAY_POSITION, interactive: INTERACTIVE };
  const r200: number[] = [];
  const r2000: number[] = [];
  await firstImageOnce(browser, target, mr2000); // warm-up, not counted
  for (let run = 0; run < runs; run++) {
    const order = run % 2 ? ([mr2000, mr200] as const) : ([mr200, mr2000] as const);
    for (const files of order) {
      const r = await firstImageOnce(browser, target, files);
      (files === mr200 ? r200 : r2000).push(round(r.interactiveMs ?? NaN, 1));
    }
  }
  const m200 = median(r200);
  const m2000 = median(r2000);
  log(`  interactive: 200 slices ${m200} ms, 2000 slices ${m2000} ms (medians of ${runs})`);

  const errors: string[] = [];
  let scroll: Mr2000Result['scroll'] = null;
  let allReadMs: number | null = null;
  let peak: number | null = null;
  try {
    const app = await openInApp(browser, appUrl, mr2000);
    try {
      const { page } = app;
      const t0 = await page.evaluate(() => window.__bench.t0!);
      await page.waitForFunction((n) => document.querySelector('[data-testid=status]')?.textContent === `Opened ${n} files.`, mr2000.length, { timeout: 300_000, polling: 200 });
      allReadMs = round((await page.evaluate(() => performance.now())) - t0, 0);
      const { index: from, count } = await overlayPosition(page);
      if (count !== mr2000.length) errors.push(`the overlay counts ${count} images, not ${mr2000.length}`);
      await page.getByTestId('viewport-element').first().hover();
      // Cache the slices to be scrolled: once down and back up.
      for (let i = 0; i < SCROLLED; i++) await page.keyboard.press('ArrowDown');
      await waitForPosition(page, from + SCROLLED);
      for (let i = 0; i < SCROLLED; i++) await page.keyboard.press('ArrowUp');
      await waitForPosition(page, from);
      // The prefetch around the slices just visited (src/viewer/prefetchBudget.ts) runs out.
      await page.waitForTimeout(PREFETCH_SETTLE_MS);
      await page.evaluate(startSampler, [VIEWPORT_CANVAS, OVERLAY_POSITION] as [string, string]);
      for (let i = 0; i < SCROLLED; i++) await page.keyboard.press('ArrowDown');
      await waitForPosition(page, from + SCROLLED);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const s = await stopSampler(page);
      const durationMs = s.end - s.start;
      scroll = { fps: round((s.canvasChanges / durationMs) * 1000, 1), paintedFrames: s.canvasChanges, durationMs: round(durationMs, 0), slices: SCROLLED, fromSlice: from };
      const painted = await page.evaluate((sel) => window.__benchSignature!(sel) !== 0, VIEWPORT_CANVAS);
      if (!painted) errors.push('the viewport is blank after scrolling');
      peak = round(peakRendererMB(), 0);
      await app.stopHeap();
      errors.push(...app.errors);
    } finally {
      await app.close();
    }
  } catch (error) {
    errors.push(error instanceof Error ? error.message : String(error));
  }
  return {
    interactive200RunsMs: r200,
    interactive2000RunsMs: r2000,
    interactive200MedianMs: m200,
    interactive2000MedianMs: m2000,
    ratio: round(m2000 / m200, 2),
    scroll,
    allReadMs,
    ok: errors.length === 0,
    errors,
    peakRendererMB: peak,
  };
}
