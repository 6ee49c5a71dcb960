/**
 * Issue 18 (memory) — what the viewer keeps resident for images opened from disk: a decoded
 * single-frame file's encoded pixels are released from the loader's metadata and read from the
 * file again when the decoded image was evicted (src/viewer/filePixelRelease.ts); uncompressed
 * frames are decoded on the main thread (mainThreadDecode.ts). The pixels shown must not change.
 */
import { test, expect, type Page } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { SAMPLE_DIR, expectPainted, screenshot, trackPageErrors } from './helpers';
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
