import { expect, type Page } from '@playwright/test';
import { readFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SAMPLE_DIR = `${ROOT}sample-dicom/`;
export const SCREENSHOT_DIR = `${ROOT}test/e2e/screenshots/`;

export interface ManifestNerve {
  nerve: string;
  site: string;
  side: 'L' | 'R';
  frame?: number;
  outline: [number, number][];
  centroid: [number, number];
  areaMm2: number;
  perimeterMm: number;
}
export interface ManifestFile {
  file: string;
  modality: string;
  description: string;
  transferSyntaxUid: string;
  rows: number;
  columns: number;
  frames: number;
  side?: 'L' | 'R';
  calibration: { source: string; rowSpacingMm: number | null; columnSpacingMm: number | null };
  nerves: ManifestNerve[];
}

export function manifest(): { files: ManifestFile[] } {
  return JSON.parse(readFileSync(`${SAMPLE_DIR}manifest.json`, 'utf8'));
}

export function sampleFiles(): string[] {
  return manifest().files.map((f) => `${SAMPLE_DIR}${f.file}`);
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOT_DIR}${name}.png` });
}

/** Collects uncaught page errors; tests assert it stays empty. */
export function trackPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** Every request the page makes must stay on our own origin (no patient data leaves). */
export function trackForeignRequests(page: Page, origin: string): string[] {
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
  });
  return foreign;
}

/**
 * Statistics of the pixels actually painted in a viewport's canvas: proves an image is on
 * screen (not just that the DOM changed).
 */
export async function canvasStats(page: Page, panelIndex = 0) {
  return page.locator('.viewport-panel').nth(panelIndex).getByTestId('viewport-element').locator('canvas').first().evaluate((canvas: HTMLCanvasElement) => {
    const ctx = canvas.getContext('2d');
    if (!ctx) return { nonBlack: 0, mean: 0, total: 0, hash: 0, grid: [] as number[] };
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    let nonBlack = 0;
    let sum = 0;
    let hash = 0;
    for (let i = 0; i < data.length; i += 4) {
      const v = data[i]! + data[i + 1]! + data[i + 2]!;
      if (v > 30) nonBlack++;
      sum += v / 3;
      hash = (hash * 31 + v) | 0;
    }
    const total = data.length / 4;
    // A coarse 64 × 64 grid of luminance samples, to compare two renderings with a tolerance.
    const grid: number[] = [];
    for (let gy = 0; gy < 64; gy++) {
      for (let gx = 0; gx < 64; gx++) {
        const i = (Math.floor(((gy + 0.5) * canvas.height) / 64) * canvas.width + Math.floor(((gx + 0.5) * canvas.width) / 64)) * 4;
        grid.push((data[i]! + data[i + 1]! + data[i + 2]!) / 3);
      }
    }
    return { nonBlack, mean: sum / total, total, hash, grid };
  });
}

export async function expectPainted(page: Page, panelIndex = 0) {
  await expect
    .poll(async () => (await canvasStats(page, panelIndex)).nonBlack, { timeout: 20_000 })
    .toBeGreaterThan(1000);
}

/** Mean absolute difference between two canvas sample grids (0 = identical renderings). */
export function gridDifference(a: { grid: number[] }, b: { grid: number[] }): number {
  if (a.grid.length !== b.grid.length || !a.grid.length) return Infinity;
  return a.grid.reduce((sum, v, i) => sum + Math.abs(v - b.grid[i]!), 0) / a.grid.length;
}

/** Open every sample file through the file input (the page must already be loaded). */
export async function openSampleFiles(page: Page) {
  await page.getByTestId('file-input').setInputFiles(sampleFiles());
  await expect(page.getByTestId('series-item').first()).toBeVisible();
}

/** Click a series in the study browser by its exact description and wait until it is on screen. */
export async function showSeries(page: Page, description: string) {
  await page
    .getByTestId('series-item')
    .filter({ has: page.getByTestId('series-description').getByText(description, { exact: true }) })
    .click();
  await expect(page.locator('.viewport-panel').first().getByTestId('overlay-modality')).toContainText(description);
}

/** The sample-manifest entry matching a predicate. */
export function sampleFile(predicate: (f: ManifestFile) => boolean): ManifestFile {
  const found = manifest().files.find(predicate);
  if (!found) throw new Error('sample missing');
  return found;
}
