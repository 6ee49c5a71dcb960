/**
 * peakRendererMBVsDwv: the peak resident memory of the page's renderer process, read from the OS
 * (/proc/<pid>/status, VmHWM: the kernel's high-water mark of the process's resident set), for
 * our app and dwv opening the same input, each in a fresh browser context.
 *
 * The renderer holds the page's JavaScript heap, its DOM and canvases, decoded images and the
 * file bytes it keeps, and its web workers (dedicated workers are threads of the renderer). Not
 * counted: the browser and GPU processes (with software rendering, a WebGL context's buffers live
 * in the GPU process; our app draws on the CPU there, dwv with a 2D canvas).
 *
 * Each run: the page loaded, the files selected, the viewer left until it has read everything
 * (our app: the status says "Opened …"; dwv: its 'load' event) and SETTLE_MS more (prefetch,
 * garbage collection), then the high-water mark of every renderer process of this browser is
 * read and the largest taken: only one page is open at a time, so it is that page's renderer.
 */
import { readFileSync, readdirSync } from 'node:fs';
import type { Browser } from '@playwright/test';
import { freshPage } from '../browser.ts';

const SETTLE_MS = 3000;

export type MemoryViewer = 'ours' | 'dwv';

export interface RendererMemoryRun {
  readonly peakMB: number;
  /** Resident when read (after settling). */
  readonly endMB: number;
  readonly renderers: number;
  readonly loadedMs: number;
}

/** A "Field:   123 kB" line of /proc/<pid>/status (or smaps_rollup), in kB; 0 once the process has exited. */
export function procKB(pid: number, field: string, file: 'status' | 'smaps_rollup' = 'status'): number {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/${file}`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0; // exited
  }
}
const statusKB = (pid: number, field: string) => procKB(pid, field);

function parentOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return 0;
  }
}

/** Renderer processes descended from this Node process (the browser it launched). */
export function rendererPids(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    let cmdline = '';
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (!cmdline.includes('--type=renderer')) continue;
    for (let p = parentOf(pid), hops = 0; p > 1 && hops < 10; p = parentOf(p), hops++) {
      if (p === process.pid) {
        pids.push(pid);
        break;
      }
    }
  }
  return pids;
}

/**
 * The floor: a fresh page's renderer with nothing opened, SETTLE_MS after it is loaded and idle.
 * `about:blank` is Chromium's bare renderer with these flags; our app's start screen includes the
 * imaging stack it starts while idle (Cornerstone3D, decode workers).
 */
export async function rendererIdleMB(browser: Browser, url: string): Promise<{ peakMB: number; endMB: number }> {
  const { context, page } = await freshPage(browser);
  try {
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.waitForTimeout(SETTLE_MS);
    const pids = rendererPids();
    return { peakMB: Math.max(0, ...pids.map((pid) => statusKB(pid, 'VmHWM'))) / 1024, endMB: Math.max(0, ...pids.map((pid) => statusKB(pid, 'VmRSS'))) / 1024 };
  } finally {
    await context.close();
  }
}

export async function rendererMemoryOnce(browser: Browser, viewer: MemoryViewer, url: string, files: readonly string[]): Promise<RendererMemoryRun> {
  const { context, page, errors } = await freshPage(browser);
  try {
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.locator('[data-testid=file-input]').first().waitFor({ state: 'attached' });
    const t0 = Date.now();
    await page.locator('[data-testid=file-input]').first().setInputFiles([...files]);
    if (viewer === 'ours') {
      await page.waitForFunction(() => /^Opened /.test(document.querySelector('[data-testid=status]')?.textContent ?? ''), null, { timeout: 300_000, polling: 100 });
    } else {
      await page.waitForFunction(() => window.__dwv?.load !== null && window.__dwv?.load !== undefined, null, { timeout: 300_000, polling: 100 });
    }
    const loadedMs = Date.now() - t0;
    await page.waitForTimeout(SETTLE_MS);
    const pids = rendererPids();
    const peakKB = Math.max(0, ...pids.map((pid) => statusKB(pid, 'VmHWM')));
    const endKB = Math.max(0, ...pids.map((pid) => statusKB(pid, 'VmRSS')));
    if (errors.length) throw new Error(`${viewer} memory: ${errors.join('; ')}`);
    return { peakMB: peakKB / 1024, endMB: endKB / 1024, renderers: pids.length, loadedMs };
  } finally {
    await context.close();
  }
}
