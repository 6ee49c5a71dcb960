/**
 * cineFpsRatio: the 100-frame cine opened in our app, played for about 4 s with the cine button
 * as a user would right after it opens; distinct frames shown per second (the viewport canvas
 * changing from one animation frame to the next) against the nominal rate from FrameTime.
 */
import type { Browser } from '@playwright/test';
import { startSampler, type FrameSampler } from '../probe.ts';
import { OVERLAY_POSITION, VIEWPORT_CANVAS, openInApp } from './ourApp.ts';

export interface CineResult {
  readonly ratio: number;
  readonly achievedFps: number;
  readonly nominalFps: number;
  readonly framesShown: number;
  readonly overlayChanges: number;
  readonly durationMs: number;
  readonly peakHeapBytes: number;
}

export async function measureCine(browser: Browser, url: string, file: string, frameTimeMs: number, playMs = 4000): Promise<CineResult> {
  const app = await openInApp(browser, url, [file]);
  const { page } = app;
  try {
    await page.getByTestId('cine-toggle').click();
    await page.evaluate(startSampler, [VIEWPORT_CANVAS, OVERLAY_POSITION] as [string, string]);
    await page.waitForTimeout(playMs);
    const s = await page.evaluate(() => {
      const sampler = window.__benchSampler!;
      sampler.stop = true;
      return { ...sampler, end: performance.now() } as FrameSampler;
    });
    await page.getByTestId('cine-toggle').click();
    const durationMs = s.end - s.start;
    const achievedFps = (s.canvasChanges / durationMs) * 1000;
    const nominalFps = 1000 / frameTimeMs;
    const peakHeapBytes = await app.stopHeap();
    if (app.errors.length) throw new Error(`cine: ${app.errors.join('; ')}`);
    return {
      ratio: achievedFps / nominalFps,
      achievedFps,
      nominalFps,
      framesShown: s.canvasChanges,
      overlayChanges: s.textChanges,
      durationMs,
      peakHeapBytes,
    };
  } finally {
    await app.close();
  }
}
