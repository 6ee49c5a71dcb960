/**
 * A series larger than the image cache must not crash the tab: our app with a small Cornerstone
 * cache (?cacheMB=, read by src/viewer/cornerstoneSetup.ts), the 200-slice MR series (about
 * 100 MB of pixels) opened and scrolled through to the last slice; no page error, no crash, and
 * the last slice painted.
 */
import type { Browser } from '@playwright/test';
import { OVERLAY_POSITION, openInApp, waitForPosition } from './ourApp.ts';

export interface CacheLimitResult {
  readonly cacheMB: number;
  readonly seriesMB: number;
  readonly ok: boolean;
  readonly lastPosition: string;
  readonly errors: string[];
}

export async function measureCacheLimit(browser: Browser, appUrl: string, files: readonly string[], cacheMB: number, seriesMB: number): Promise<CacheLimitResult> {
  const url = `${appUrl}?cacheMB=${cacheMB}`;
  let lastPosition = '';
  let errors: string[] = [];
  try {
    const app = await openInApp(browser, url, files);
    errors = app.errors;
    try {
      const { page } = app;
      await page.keyboard.press('Home');
      await waitForPosition(page, 1);
      await page.getByTestId('viewport-element').first().hover();
      for (let i = 1; i < files.length; i++) await page.keyboard.press('ArrowDown');
      await waitForPosition(page, files.length);
      // and back up, through slices that were evicted
      for (let i = 1; i < files.length; i++) await page.keyboard.press('ArrowUp');
      await waitForPosition(page, 1);
      await page.waitForTimeout(300);
      lastPosition = (await page.locator(OVERLAY_POSITION).first().textContent()) ?? '';
      const painted = await page.evaluate(() => window.__benchSignature!('.viewport-panel canvas') !== 0);
      if (!painted) errors.push('the viewport is blank after scrolling');
      await app.stopHeap();
    } finally {
      await app.close();
    }
  } catch (error) {
    errors.push(error instanceof Error ? error.message : String(error));
  }
  return { cacheMB, seriesMB, ok: errors.length === 0, lastPosition, errors };
}
