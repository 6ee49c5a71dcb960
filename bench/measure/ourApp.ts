/** Driving our app in a fresh page: open files through the file input and wait for a painted image. */
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { freshPage, watchHeap } from '../browser.ts';
import { installProbe, warmPlaywright } from '../probe.ts';

export const VIEWPORT_CANVAS = '.viewport-panel canvas';
export const OVERLAY_POSITION = '.viewport-panel [data-testid=overlay-position]';
/** The viewport's tools work on the image shown (ViewportPanel.vue sets data-interactive). */
export const INTERACTIVE = '.viewport-panel[data-interactive]';

export interface OpenedApp {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly errors: string[];
  /** Stops the heap watcher; resolves to the peak main-thread JS heap in bytes. */
  readonly stopHeap: () => Promise<number>;
  close(): Promise<void>;
}

export async function openInApp(browser: Browser, url: string, files: readonly string[]): Promise<OpenedApp> {
  const { context, page, errors } = await freshPage(browser);
  await page.addInitScript(installProbe, [VIEWPORT_CANVAS, OVERLAY_POSITION] as [string, string | null]);
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.getByTestId('start-screen').waitFor();
  await warmPlaywright(page);
  const stopHeap = await watchHeap(context, page);
  await page.getByTestId('file-input').setInputFiles([...files]);
  await page.waitForFunction(() => window.__bench.t1 !== null && window.__bench.t2 !== null, null, { timeout: 120_000, polling: 50 });
  // Every file read (the viewer shows the first image while the rest are still being read).
  await page.waitForFunction(() => /^Opened /.test(document.querySelector('[data-testid=status]')?.textContent ?? ''), null, { timeout: 300_000, polling: 100 });
  return { context, page, errors, stopHeap, close: () => context.close() };
}

/** The overlay's "Image n/N" or "Frame n/N" as numbers. */
export async function overlayPosition(page: Page): Promise<{ index: number; count: number }> {
  const text = (await page.locator(OVERLAY_POSITION).first().textContent()) ?? '';
  const m = text.match(/(\d+)\s*\/\s*(\d+)/);
  return { index: m ? Number(m[1]) : 0, count: m ? Number(m[2]) : 0 };
}

export async function waitForPosition(page: Page, index: number, timeout = 60_000): Promise<void> {
  await page.waitForFunction(
    ([selector, wanted]) => new RegExp(`\\b${wanted}\\s*/`).test(document.querySelector(selector as string)?.textContent ?? ''),
    [OVERLAY_POSITION, index] as const,
    { timeout, polling: 'raf' },
  );
}
