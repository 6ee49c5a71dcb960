/**
 * startScreenJsGzipKB: every JavaScript response (page scripts, module chunks, workers) from
 * loading the start page until the network has been idle for a second, before any file is
 * opened; each body gzipped here (level 9, as a server would send it) and summed.
 */
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import { freshPage } from '../browser.ts';

export interface StartScreenResult {
  readonly gzipKB: number;
  readonly rawKB: number;
  readonly files: ReadonlyArray<{ name: string; rawBytes: number; gzipBytes: number }>;
}

export async function measureStartScreen(browser: Browser, url: string): Promise<StartScreenResult> {
  const { context, page, errors } = await freshPage(browser);
  const pending: Array<Promise<{ name: string; rawBytes: number; gzipBytes: number } | null>> = [];
  page.on('response', (response) => {
    const name = new URL(response.url()).pathname;
    const type = response.request().resourceType();
    if (!(name.endsWith('.js') || name.endsWith('.mjs') || type === 'script')) return;
    pending.push(
      response
        .body()
        .then((body) => ({ name, rawBytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length }))
        .catch(() => null),
    );
  });
  try {
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.getByTestId('start-screen').waitFor();
    await page.waitForTimeout(1000);
    await page.waitForLoadState('networkidle');
    const files = (await Promise.all(pending)).filter((f): f is NonNullable<typeof f> => f !== null);
    if (errors.length) throw new Error(`start screen: ${errors.join('; ')}`);
    return {
      gzipKB: files.reduce((s, f) => s + f.gzipBytes, 0) / 1024,
      rawKB: files.reduce((s, f) => s + f.rawBytes, 0) / 1024,
      files: files.sort((a, b) => b.gzipBytes - a.gzipBytes),
    };
  } finally {
    await context.close();
  }
}
