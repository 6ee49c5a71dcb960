/**
 * mrScrollFps: the 200-slice MR series open in our app and cached (scrolled through once), then
 * scrolled from the first slice to the last with ArrowDown key presses, as fast as the keyboard
 * events arrive. Counted per animation frame: frames in which the viewport canvas changed. The
 * rate is those painted frames per second over the time from the first press to the last slice
 * on screen.
 */
import type { Browser, Page } from '@playwright/test';
import { startSampler, stopSampler, type FrameSampler } from '../probe.ts';
import { OVERLAY_POSITION, VIEWPORT_CANVAS, openInApp, overlayPosition, waitForPosition } from './ourApp.ts';

export interface ScrollResult {
  readonly fps: number;
  readonly paintedFrames: number;
  readonly overlayChanges: number;
  readonly durationMs: number;
  readonly keyPresses: number;
  readonly slices: number;
  readonly peakHeapBytes: number;
}

/** Presses ArrowDown until the overlay shows the last slice (or a press budget runs out). */
async function scrollToEnd(page: Page, count: number): Promise<number> {
  let presses = 0;
  const viewport = page.getByTestId('viewport-element').first();
  await viewport.hover();
  while (presses < count * 3) {
    await page.keyboard.press('ArrowDown');
    presses++;
    if (presses >= count - 1 && presses % 10 === 0 && (await overlayPosition(page)).index >= count) break;
  }
  await waitForPosition(page, count);
  return presses;
}

export async function measureScroll(browser: Browser, url: string, files: readonly string[]): Promise<ScrollResult> {
  const app = await openInApp(browser, url, files);
  const { page } = app;
  try {
    const count = files.length;
    // Cache every slice: one pass through the series.
    await page.keyboard.press('Home');
    await waitForPosition(page, 1);
    await scrollToEnd(page, count);
    await page.keyboard.press('Home');
    await waitForPosition(page, 1);
    await page.waitForTimeout(300);

    await page.evaluate(startSampler, [VIEWPORT_CANVAS, OVERLAY_POSITION] as [string, string]);
    const presses = await scrollToEnd(page, count);
    // One more frame so the last paint is counted, then stop the sampler.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const s = await stopSampler(page);
    const durationMs = s.end - s.start;
    const peakHeapBytes = await app.stopHeap();
    if (app.errors.length) throw new Error(`MR scrolling: ${app.errors.join('; ')}`);
    return {
      fps: (s.canvasChanges / durationMs) * 1000,
      paintedFrames: s.canvasChanges,
      overlayChanges: s.textChanges,
      durationMs,
      keyPresses: presses,
      slices: count,
      peakHeapBytes,
    };
  } finally {
    await app.close();
  }
}
