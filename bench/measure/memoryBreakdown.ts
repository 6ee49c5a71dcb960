/**
 * `--only memory-breakdown`: where our renderer's memory goes on the 200-slice MR, to explain
 * peakRendererMBVsDwv (a diagnosis, not a target). Read at three moments: the start screen idle;
 * the series opened and settled; then after a full garbage collection forced through CDP
 * (HeapProfiler.collectGarbage, which the page itself cannot do). Each time: the renderer's
 * resident set split into anonymous memory (heaps, array buffers, canvases) and file-backed pages
 * (Chromium's own code, shared with every page), from /proc/<pid>/smaps_rollup; and V8's view of
 * the main thread (CDP Runtime.getHeapUsage: the JS heap and the array buffers' backing stores,
 * where decoded pixels live). While the series is read, the resident set is sampled every 40 ms:
 * its saw-tooth is garbage waiting for the collector.
 */
import type { Browser } from '@playwright/test';
import { freshPage } from '../browser.ts';
import { procKB, rendererPids } from './rendererMemory.ts';

const SETTLE_MS = 3000;
const SAMPLE_MS = 40;
const MB = 1024 * 1024;

export interface MemorySnapshot {
  readonly residentMB: number;
  readonly anonymousMB: number;
  readonly fileBackedMB: number;
  readonly jsHeapMB: number;
  readonly arrayBuffersMB: number;
}

export interface MemoryBreakdown {
  readonly idle: MemorySnapshot;
  readonly opened: MemorySnapshot;
  readonly afterCollection: MemorySnapshot;
  readonly peakMB: number;
  /** Resident MB sampled while the series was read, [ms since the files were selected, MB]. */
  readonly samples: ReadonlyArray<readonly [number, number]>;
}

const rollupKB = (pid: number, field: string) => procKB(pid, field, 'smaps_rollup');

/** The largest renderer of this browser: only one page is open, so it is that page's. */
function pageRenderer(): number {
  const pids = rendererPids();
  return pids.reduce((best, pid) => (rollupKB(pid, 'Rss') > rollupKB(best, 'Rss') ? pid : best), pids[0] ?? 0);
}

const round1 = (bytes: number) => Math.round(bytes * 10) / 10;

export async function memoryBreakdown(browser: Browser, url: string, files: readonly string[]): Promise<MemoryBreakdown> {
  const { context, page, errors } = await freshPage(browser);
  try {
    const cdp = await context.newCDPSession(page);
    const snapshot = async (): Promise<MemorySnapshot> => {
      const pid = pageRenderer();
      const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
      return {
        residentMB: round1(rollupKB(pid, 'Rss') / 1024),
        anonymousMB: round1(rollupKB(pid, 'Anonymous') / 1024),
        fileBackedMB: round1((rollupKB(pid, 'Rss') - rollupKB(pid, 'Anonymous')) / 1024),
        jsHeapMB: round1(heap.usedSize / MB),
        arrayBuffersMB: round1((heap.backingStorageSize ?? 0) / MB),
      };
    };
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.waitForTimeout(SETTLE_MS);
    const idle = await snapshot();

    const samples: Array<[number, number]> = [];
    const t0 = Date.now();
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        samples.push([Date.now() - t0, round1(rollupKB(pageRenderer(), 'Rss') / 1024)]);
        await new Promise((r) => setTimeout(r, SAMPLE_MS));
      }
    })();
    await page.getByTestId('file-input').setInputFiles([...files]);
    await page.waitForFunction(() => /^Opened /.test(document.querySelector('[data-testid=status]')?.textContent ?? ''), null, { timeout: 300_000, polling: 100 });
    await page.waitForTimeout(SETTLE_MS);
    sampling = false;
    await sampler;
    const opened = await snapshot();
    await cdp.send('HeapProfiler.collectGarbage');
    await page.waitForTimeout(1000);
    const afterCollection = await snapshot();
    const peakKB = procKB(pageRenderer(), 'VmHWM');
    if (errors.length) throw new Error(`memory breakdown: ${errors.join('; ')}`);
    return { idle, opened, afterCollection, peakMB: round1(peakKB / 1024), samples };
  } finally {
    await context.close();
  }
}
