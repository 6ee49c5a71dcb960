/**
 * Issue 18 (memory) — what the viewer keeps resident for images opened from disk: a decoded
 * single-frame file's encoded pixels are released from the loader's metadata and read from the
 * file again when the decoded image was evicted (src/viewer/filePixelRelease.ts); uncompressed
 * frames are decoded on the main thread (mainThreadDecode.ts). The pixels shown must not change.
 */
import { test, expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SAMPLE_DIR, expectPainted, gridDifference, screenshot, trackPageErrors } from './helpers';
import { displayedGrid } from './displayedGrid';

const MR_FILES = readdirSync(`${SAMPLE_DIR}mr`)
  .filter((f) => f.startsWith('mr-stir-axial-') && f.endsWith('.dcm'))
  .map((f) => `${SAMPLE_DIR}mr/${f}`);

function position(page: Page) {
  return page.locator('.viewport-panel').first().getByTestId('overlay-position');
}

function decodedChecksum(page: Page) {
  return page.evaluate(() =>
    (window as unknown as { nervetraceViewports: Record<string, { pixelChecksum(): { checksum: number; length: number } | null }> }).nervetraceViewports['vp-main']!.pixelChecksum(),
  );
}

test('an MR slice evicted from a small image cache is read from its file again and shows the same pixels', async ({ page }) => {
  const errors = trackPageErrors(page);
  // 1 MB holds 4 of these 256 × 512 16-bit slices: scrolling through 16 evicts the first.
  await page.goto('./?cacheMB=1');
  await page.getByTestId('file-input').setInputFiles(MR_FILES);
  await expect(page.getByTestId('status')).toHaveText(/^Opened 16 files/);
  const viewport = page.getByTestId('viewport-element').first();
  await viewport.hover();
  await page.keyboard.press('Home');
  await expect(position(page)).toHaveText('Image 1/16');
  await expectPainted(page);
  await expect.poll(() => decodedChecksum(page)).not.toBeNull();
  const first = await decodedChecksum(page);
  const shownFirst = await displayedGrid(page, '[data-testid=viewport-element] canvas');

  for (let i = 1; i < 16; i++) await page.keyboard.press('ArrowDown');
  await expect(position(page)).toHaveText('Image 16/16');
  await expectPainted(page);
  await page.keyboard.press('Home');
  await expect(position(page)).toHaveText('Image 1/16');
  await expect.poll(() => decodedChecksum(page)).toEqual(first);
  expect((await displayedGrid(page, '[data-testid=viewport-element] canvas')).grid).toEqual(shownFirst.grid);
  await expect(page.getByTestId('open-failures')).toHaveCount(0);
  await screenshot(page, 'decode-memory-mr-reread');
  expect(errors).toEqual([]);
});

// JPEG baseline colour frames are decoded with one shared canvas (src/viewer/jpegColorFrame.ts)
// once the file is parsed; the first frame shown still goes through the loader's <img> path. A
// frame evicted from a small cache comes back through the new path: its decoded pixels and what
// is drawn must equal the first path's.
test('a JPEG baseline cine frame decoded with the shared canvas equals the loader’s own decode of it', async ({ page, browser }) => {
  const errors = trackPageErrors(page);
  const jpegCine = join(mkdtempSync(join(tmpdir(), 'nt-jpeg-cine-')), 'cine-jpeg.dcm');
  execFileSync('dcmcjpeg', ['+eb', `${SAMPLE_DIR}us/us-sciatic-gluteal-L-cine.dcm`, jpegCine]);

  // Reference: the first frame, decoded by the loader (the file is not parsed before it).
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles([jpegCine]);
  await expect(position(page)).toHaveText('Frame 1/30');
  await expectPainted(page);
  await expect.poll(() => decodedChecksum(page)).not.toBeNull();
  const reference = await decodedChecksum(page);
  const referenceShown = await displayedGrid(page, '[data-testid=viewport-element] canvas');

  // The same frame after the other 29 went through a 1 MB cache: decoded again, the new way.
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const other = await context.newPage();
  const otherErrors = trackPageErrors(other);
  await other.goto('./?cacheMB=1');
  await other.getByTestId('file-input').setInputFiles([jpegCine]);
  await expect(position(other)).toHaveText('Frame 1/30');
  await other.getByTestId('viewport-element').first().hover();
  for (let i = 1; i < 30; i++) await other.keyboard.press('ArrowDown');
  await expect(position(other)).toHaveText('Frame 30/30');
  await expectPainted(other);
  await other.keyboard.press('Home');
  await expect(position(other)).toHaveText('Frame 1/30');
  await expect.poll(() => decodedChecksum(other)).toEqual(reference);
  expect(gridDifference(await displayedGrid(other, '[data-testid=viewport-element] canvas'), referenceShown)).toBe(0);
  await expect(other.getByTestId('open-failures')).toHaveCount(0);
  await screenshot(other, 'decode-memory-jpeg-cine-frame');
  expect(otherErrors).toEqual([]);
  await context.close();
  expect(errors).toEqual([]);
});
