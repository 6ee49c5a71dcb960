/**
 * startScreenJsGzipKB: every JavaScript response (page scripts, module chunks, workers) the start
 * screen needs, from loading the start page until the network has been idle for a second, before
 * any file is opened; each body gzipped here (level 9, as a server would send it) and summed.
 *
 * Once the start screen is painted and idle, the app loads the imaging stack ahead of the first
 * file (src/viewer/imagingPreload.ts, which marks 'nt:imaging-preload'): what is requested after
 * that mark is not the start screen's code and is reported apart (`idlePreload`).
 */
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import { freshPage } from '../browser.ts';

interface JsFile {
  name: string;
  rawBytes: number;
  gzipBytes: number;
}

export interface StartScreenResult {
  readonly gzipKB: number;
  readonly rawKB: number;
  readonly files: ReadonlyArray<JsFile>;
  /** JavaScript loaded while the start screen was idle, after 'nt:imaging-preload'. */
  readonly idlePreload: { readonly gzipKB: number; readonly files: number; readonly afterLoadMs: number | null };
}

export async function measureStartScreen(browser: Browser, url: string): Promise<StartScreenResult> {
  const { context, page, errors } = await freshPage(browser);
  const pending: Array<Promise<(JsFile & { requestedAt: number }) | null>> = [];
  const requestedAt = new Map<object, number>();
  page.on('request', (request) => requestedAt.set(request, Date.now()));
  page.on('response', (response) => {
    const name = new URL(response.url()).pathname;
    const type = response.request().resourceType();
    if (!(name.endsWith('.js') || name.endsWith('.mjs') || type === 'script')) return;
    pending.push(
      response
        .body()
        .then((body) => ({ name, rawBytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length, requestedAt: requestedAt.get(response.request()) ?? Date.now() }))
        .catch(() => null),
    );
  });
  try {
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.getByTestId('start-screen').waitFor();
    await page.waitForTimeout(1000);
    await page.waitForLoadState('networkidle');
    // The preload's mark as wall-clock time (same clock as the request times taken here).
    const mark = await page.evaluate(() => {
      const entry = performance.getEntriesByName('nt:imaging-preload')[0];
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return entry ? { at: performance.timeOrigin + entry.startTime, afterLoadMs: nav ? entry.startTime - nav.loadEventEnd : null } : null;
    });
    const all = (await Promise.all(pending)).filter((f): f is NonNullable<typeof f> => f !== null);
    const startScreen = all.filter((f) => !mark || f.requestedAt < mark.at);
    const preload = all.filter((f) => mark && f.requestedAt >= mark.at);
    if (errors.length) throw new Error(`start screen: ${errors.join('; ')}`);
    const strip = ({ name, rawBytes, gzipBytes }: JsFile) => ({ name, rawBytes, gzipBytes });
    return {
      gzipKB: startScreen.reduce((s, f) => s + f.gzipBytes, 0) / 1024,
      rawKB: startScreen.reduce((s, f) => s + f.rawBytes, 0) / 1024,
      files: startScreen.sort((a, b) => b.gzipBytes - a.gzipBytes).map(strip),
      idlePreload: { gzipKB: preload.reduce((s, f) => s + f.gzipBytes, 0) / 1024, files: preload.length, afterLoadMs: mark?.afterLoadMs ?? null },
    };
  } finally {
    await context.close();
  }
}
