/**
 * Installed in every benchmarked page before its own scripts (page.addInitScript), identical
 * for our app, the baseline page and dwv:
 * - t0: performance.now() when a file input's change event starts (capturing listener on the
 *   document, so it runs before the page's own handler) — or, opening from a PACS, when an
 *   element matching `clickSelector` is clicked;
 * - t1: performance.now() when the canvas (selector) first shows an image, polled every frame
 *   and every 4 ms in between: the canvas is scaled into a 24 × 24 sample and counts as painted
 *   when enough samples are not black;
 * - t2 (optional): when a `ready` element first exists (our app: the viewport overlay, shown once
 *   the full viewer has painted the series — after the first look, if there was one);
 * - t3 (optional): when an `interactive` element first exists (our app: the viewport panel with
 *   data-interactive, set once an image of the series is drawn with its overlay and tools active).
 * Also: a per-frame sampler (frame count, canvas changes, a text element's changes) used for
 * scrolling and cine rates.
 */

import type { Page } from '@playwright/test';

export interface ProbeState {
  t0: number | null;
  t1: number | null;
  /** When the `ready` element first exists (our app: the viewport overlay, i.e. the full viewer is up). */
  t2: number | null;
  /** When the `interactive` element first exists (our app: the viewport's tools work on the image shown). */
  t3: number | null;
  polls: number;
}

export interface FrameSampler {
  frames: number;
  canvasChanges: number;
  textChanges: number;
  start: number;
  end: number;
  texts: string[];
  stop: boolean;
}

declare global {
  interface Window {
    __bench: ProbeState;
    __benchSampler?: FrameSampler;
    __benchSignature?: (selector: string) => number;
  }
}

/** Runs in the page (serialised by Playwright): must not refer to anything outside itself. */
export function installProbe([selector, readySelector, interactiveSelector, clickSelector]: [string, string | null, (string | null)?, (string | null)?]): void {
  const state: ProbeState = { t0: null, t1: null, t2: null, t3: null, polls: 0 };
  window.__bench = state;
  const sample = document.createElement('canvas');
  sample.width = 24;
  sample.height = 24;
  let sampleCtx: CanvasRenderingContext2D | null = null;

  /** Sum of the sampled luminance and the count of non-black samples of the first sized canvas. */
  function read(sel: string): { lit: number; signature: number } {
    sampleCtx ??= sample.getContext('2d', { willReadFrequently: true });
    for (const canvas of document.querySelectorAll<HTMLCanvasElement>(sel)) {
      if (canvas.width < 8 || canvas.height < 8) continue;
      sampleCtx!.clearRect(0, 0, 24, 24);
      sampleCtx!.drawImage(canvas, 0, 0, 24, 24);
      const data = sampleCtx!.getImageData(0, 0, 24, 24).data;
      let lit = 0;
      let signature = 0;
      for (let i = 0; i < data.length; i += 4) {
        const v = data[i]! + data[i + 1]! + data[i + 2]!;
        if (v > 30) lit++;
        signature = (signature * 31 + v) | 0;
      }
      return { lit, signature };
    }
    return { lit: 0, signature: 0 };
  }
  window.__benchSignature = (sel: string) => read(sel).signature;

  function check(): boolean {
    state.polls++;
    if (state.t2 === null && readySelector && document.querySelector(readySelector)) state.t2 = performance.now();
    if (state.t3 === null && interactiveSelector && document.querySelector(interactiveSelector)) state.t3 = performance.now();
    // At least 1/8 of the samples lit: an image, not a cleared background or a cursor.
    if (state.t1 === null && read(selector).lit >= 72) state.t1 = performance.now();
    return state.t1 !== null && (state.t2 !== null || !readySelector) && (state.t3 !== null || !interactiveSelector);
  }
  function onFrame() {
    if (!check()) requestAnimationFrame(onFrame);
  }
  function onTimer() {
    if (!check()) setTimeout(onTimer, 4);
  }
  const start = () => {
    state.t0 = performance.now();
    requestAnimationFrame(onFrame);
    setTimeout(onTimer, 4);
  };
  document.addEventListener(
    'change',
    (event) => {
      const target = event.target as HTMLInputElement | null;
      if (clickSelector || target?.type !== 'file' || state.t0 !== null) return;
      start();
    },
    true,
  );
  // Opening from a PACS: t0 is the click on the study (clickSelector).
  document.addEventListener(
    'click',
    (event) => {
      if (!clickSelector || state.t0 !== null || !(event.target as Element | null)?.closest?.(clickSelector)) return;
      start();
    },
    true,
  );
}

/** Stops the page's frame sampler (startSampler) and returns what it counted, with its end time. */
export function stopSampler(page: Page): Promise<FrameSampler> {
  return page.evaluate(() => {
    const sampler = window.__benchSampler!;
    sampler.stop = true;
    return { ...sampler, end: performance.now() } as FrameSampler;
  });
}

/**
 * Starts a per-frame sampler in the page: counts animation frames, frames in which the canvas
 * content changed, and frames in which a text element (e.g. the overlay's "Image n/N") changed.
 * The canvas already has its 2D context by then; three full-width rows are read each frame (a
 * cheap read, so the sampler itself does not slow the page down).
 */
export function startSampler([canvasSelector, textSelector]: [string, string]): void {
  const s: FrameSampler = { frames: 0, canvasChanges: 0, textChanges: 0, start: performance.now(), end: 0, texts: [], stop: false };
  window.__benchSampler = s;
  const canvas = document.querySelector<HTMLCanvasElement>(canvasSelector);
  const ctx = canvas?.getContext('2d', { willReadFrequently: true }) ?? null;
  const signature = (): number => {
    if (!canvas || !ctx) return window.__benchSignature!(canvasSelector);
    let sig = 0;
    for (const fraction of [0.3, 0.5, 0.7]) {
      const row = ctx.getImageData(0, Math.floor(canvas.height * fraction), canvas.width, 1).data;
      for (let i = 0; i < row.length; i += 4) sig = (sig * 31 + row[i]! + row[i + 1]! + row[i + 2]!) | 0;
    }
    return sig;
  };
  let lastSig = signature();
  let lastText = document.querySelector(textSelector)?.textContent ?? '';
  const tick = () => {
    if (s.stop) {
      s.end = performance.now();
      return;
    }
    s.frames++;
    const sig = signature();
    if (sig !== lastSig) s.canvasChanges++;
    lastSig = sig;
    const text = document.querySelector(textSelector)?.textContent ?? '';
    if (text !== lastText) {
      s.textChanges++;
      if (s.texts.length < 400) s.texts.push(text);
    }
    lastText = text;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/**
 * Playwright evaluates its own helper script in the page's main world the first time it waits
 * on a page function (about 16–18 ms of main-thread work here). Done after t0, it lands inside
 * whichever viewer's measured window is still open — the slower one's, never the baseline's —
 * so it is done once before the files are selected, for every viewer alike.
 */
export async function warmPlaywright(page: Page): Promise<void> {
  await page.waitForFunction(() => true);
}
