/** Headless Debian Chromium with the flags of the e2e tests (software GL: SwiftShader). */
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/e2e/chromium.ts';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** A fresh context (no cache, no storage) and page, like a new tab of a new profile. */
export async function freshPage(browser: Browser): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  // tsx compiles with esbuild's keepNames, which wraps named functions in __name(): functions
  // handed to page.evaluate / addInitScript need that helper in the page (a no-op here).
  await context.addInitScript('globalThis.__name ??= (fn) => fn;');
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('crash', () => errors.push('the page crashed'));
  return { context, page, errors };
}

/**
 * Peak main-thread JS heap over a page's life: CDP Performance.getMetrics (JSHeapUsedSize)
 * polled every 100 ms until stopped.
 */
export async function watchHeap(context: BrowserContext, page: Page): Promise<() => Promise<number>> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  let peak = 0;
  let running = true;
  const poll = async () => {
    while (running) {
      try {
        const { metrics } = await cdp.send('Performance.getMetrics');
        const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
        if (used > peak) peak = used;
      } catch {
        return; // page closed
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const loop = poll();
  return async () => {
    running = false;
    await loop;
    return peak;
  };
}
