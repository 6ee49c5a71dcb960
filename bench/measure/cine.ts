/**
 * cineFpsRatio: the 100-frame cine opened in our app and played with the cine button right
 * after its first frame is on screen, as a user would; distinct frames shown per second (the
 * viewport canvas changing from one animation frame to the next) over the first ~4 s of
 * playback, against the nominal rate from FrameTime. The next 4 s (every frame decoded by then)
 * are reported too.
 */
import type { Browser, Page } from '@playwright/test';
import { startSampler, stopSampler, type FrameSampler } from '../probe.ts';
import { OVERLAY_POSITION, VIEWPORT_CANVAS, openInApp } from './ourApp.ts';

export interface CineRate {
  readonly achievedFps: number;
  readonly framesShown: number;
  readonly overlayChanges: number;
  readonly durationMs: number;
}

export interface CineResult extends CineRate {
  readonly ratio: number;
  readonly nominalFps: number;
  /** The following seconds of playback. */
  readonly later: CineRate & { readonly ratio: number };
  readonly peakHeapBytes: number;
}

async function sample(page: Page, until: () => Promise<void>): Promise<CineRate> {
  await page.evaluate(startSampler, [VIEWPORT_CANVAS, OVERLAY_POSITION] as [string, string]);
  await until();
  const s = await stopSampler(page);
  const durationMs = s.end - s.start;
  return { achievedFps: (s.canvasChanges / durationMs) * 1000, framesShown: s.canvasChanges, overlayChanges: s.textChanges, durationMs };
}

/** Plays the cine on screen in `page` (Play, two sampling windows, Pause). */
export async function playAndSample(page: Page, frameTimeMs: number, playMs = 4000): Promise<Omit<CineResult, 'peakHeapBytes'>> {
  const nominalFps = 1000 / frameTimeMs;
  await page.getByTestId('cine-toggle').click();
  const first = await sample(page, () => page.waitForTimeout(playMs));
  const later = await sample(page, () => page.waitForTimeout(playMs));
  await page.getByTestId('cine-toggle').click();
  return { ...first, ratio: first.achievedFps / nominalFps, nominalFps, later: { ...later, ratio: later.achievedFps / nominalFps } };
}

export async function measureCine(browser: Browser, url: string, file: string, frameTimeMs: number, frames: number, playMs = 4000): Promise<CineResult> {
  const app = await openInApp(browser, url, [file]);
  const { page } = app;
  try {
    if (frames < 2) throw new Error('cine: not a multi-frame file');
    const played = await playAndSample(page, frameTimeMs, playMs);
    const peakHeapBytes = await app.stopHeap();
    if (app.errors.length) throw new Error(`cine: ${app.errors.join('; ')}`);
    return { ...played, peakHeapBytes };
  } finally {
    await app.close();
  }
}
