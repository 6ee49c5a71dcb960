/**
 * Time from files selected to first image painted, in a fresh page each run: the probe records
 * t0 when the file input's change event starts and t1 when the canvas first shows an image.
 */
import type { Browser } from '@playwright/test';
import { freshPage, watchHeap } from '../browser.ts';
import { installProbe, warmPlaywright } from '../probe.ts';

export type Viewer = 'ours' | 'baseline' | 'dwv';

export interface Target {
  readonly viewer: Viewer;
  /** Page URL (our app with its query, or a comparison page). */
  readonly url: string;
  /** Where the image is painted. */
  readonly canvas: string;
  /** Something visible once the page is ready for files. */
  readonly ready: string;
  /** Our app: an element that exists once the full viewer shows the series (t2). */
  readonly viewerReady?: string;
  /** Our app: an element that exists once the viewport's tools work on the image shown (t3). */
  readonly interactive?: string;
}

export interface FirstImageRun {
  readonly ms: number;
  /** Our app: files selected → full viewer up (tools, overlay), the first look replaced. */
  readonly viewerReadyMs?: number;
  /** Our app: files selected → the viewport's tools work on the first image shown (data-interactive). */
  readonly interactiveMs?: number;
  readonly peakHeapBytes: number;
  /** dwv only: its first 'renderend' and 'load' events after t0. */
  readonly dwvRenderEndMs?: number | null;
  readonly dwvLoadMs?: number | null;
}

export async function firstImageOnce(browser: Browser, target: Target, files: readonly string[]): Promise<FirstImageRun> {
  const { context, page, errors } = await freshPage(browser);
  try {
    await page.addInitScript(installProbe, [target.canvas, target.viewerReady ?? null, target.interactive ?? null] as [string, string | null, string | null]);
    await page.goto(target.url, { waitUntil: 'networkidle' });
    await page.locator(target.ready).first().waitFor({ state: 'attached' });
    await warmPlaywright(page);
    const stopHeap = await watchHeap(context, page);
    await page.locator('[data-testid=file-input]').first().setInputFiles([...files]);
    await page.waitForFunction(
      ([ready, interactive]) => window.__bench.t1 !== null && (!ready || window.__bench.t2 !== null) && (!interactive || window.__bench.t3 !== null),
      [Boolean(target.viewerReady), Boolean(target.interactive)] as const,
      { timeout: 120_000, polling: 50 },
    );
    const { t0, t1, t2, t3 } = await page.evaluate(() => window.__bench);
    let dwvRenderEndMs: number | null | undefined;
    let dwvLoadMs: number | null | undefined;
    if (target.viewer === 'dwv') {
      await page.waitForFunction(() => window.__dwv?.load !== null, null, { timeout: 120_000 }).catch(() => undefined);
      const d = await page.evaluate(() => window.__dwv!);
      dwvRenderEndMs = d.firstRenderEnd === null ? null : d.firstRenderEnd - t0!;
      dwvLoadMs = d.load === null ? null : d.load - t0!;
      if (d.errors.length) errors.push(...d.errors);
    }
    const peakHeapBytes = await stopHeap();
    if (errors.length) throw new Error(`${target.viewer}: ${errors.join('; ')}`);
    return { ms: t1! - t0!, ...(t2 !== null ? { viewerReadyMs: t2 - t0! } : {}), ...(t3 !== null ? { interactiveMs: t3 - t0! } : {}), peakHeapBytes, ...(target.viewer === 'dwv' ? { dwvRenderEndMs, dwvLoadMs } : {}) };
  } finally {
    await context.close();
  }
}
