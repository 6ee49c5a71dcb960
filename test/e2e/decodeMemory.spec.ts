/**
 * Issue 18 (memory) — what the viewer keeps resident for images opened from disk: a decoded
 * single-frame file's encoded pixels are released from the loader's metadata and read from the
 * file again when the decoded image was evicted (src/viewer/filePixelRelease.ts); uncompressed
 * frames are decoded on the main thread (mainThreadDecode.ts). The pixels shown must not change.
 */
import { test, expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import dicomParser from 'dicom-parser';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SAMPLE_DIR, expectPainted, screenshot, trackPageErrors } from './helpers';
import { displayedGrid } from './displayedGrid';
import { makeDicom } from '../helpers/makeDicom';

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
// once the file is parsed (every frame after the first shown). The reference is the loader's own
// way, done here in the page: the frame's JPEG bytes as a data: URL in an <img>, drawn on a
// canvas and read back (decodeJPEGBaseline8BitColor.js). Same checksum as pixelChecksum (RGBA
// once drawn, as the loader's getCanvas leaves it).
test('a JPEG baseline cine frame decoded with the shared canvas has the loader’s own decoded pixels', async ({ page }) => {
  const errors = trackPageErrors(page);
  // A 3-frame 160 × 120 RGB cine (smooth gradients, different per frame), JPEG baseline by dcmtk.
  const dir = mkdtempSync(join(tmpdir(), 'nt-jpeg-cine-'));
  const [rows, columns, frames] = [120, 160, 3];
  const rgb = new Uint8Array(rows * columns * 3 * frames);
  for (let f = 0, i = 0; f < frames; f++) {
    for (let y = 0; y < rows; y++) for (let x = 0; x < columns; x++) rgb.set([(x + 40 * f) & 255, (y * 2) & 255, (x + y + 90 * f) & 255], (i++) * 3);
  }
  const attributes = { Rows: rows, Columns: columns, NumberOfFrames: String(frames), SamplesPerPixel: 3, PhotometricInterpretation: 'RGB', PlanarConfiguration: 0, FrameTime: '40' };
  writeFileSync(join(dir, 'cine-rgb.dcm'), makeDicom({ attributes, pixelData: rgb }));
  const jpegCine = join(dir, 'cine-jpeg.dcm');
  execFileSync('dcmcjpeg', ['+eb', join(dir, 'cine-rgb.dcm'), jpegCine]);
  const bytes = new Uint8Array(readFileSync(jpegCine));
  const dataSet = dicomParser.parseDicom(bytes);
  const frame2 = dicomParser.readEncapsulatedImageFrame(dataSet, dataSet.elements.x7fe00010!, 1);
  const base64 = Buffer.from(frame2.buffer, frame2.byteOffset, frame2.byteLength).toString('base64');

  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles([jpegCine]);
  await expect(position(page)).toHaveText('Frame 1/3');
  await expect(page.getByTestId('status')).toHaveText(/^Opened 1 file/);
  await page.getByTestId('viewport-element').first().hover();
  await page.keyboard.press('ArrowDown');
  await expect(position(page)).toHaveText('Frame 2/3');
  await expectPainted(page);
  await expect.poll(() => decodedChecksum(page)).not.toBeNull();
  const shown = await decodedChecksum(page);
  const reference = await page.evaluate(async (b64) => {
    const img = new Image();
    await new Promise((resolve, reject) => {
      img.onload = resolve;
      img.onerror = reject;
      img.src = `data:image/jpeg;base64,${b64}`;
    });
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const context = canvas.getContext('2d')!;
    context.drawImage(img, 0, 0);
    const pixels = context.getImageData(0, 0, img.width, img.height).data;
    let hash = 0x811c9dc5;
    for (let i = 0; i < pixels.length; i++) hash = Math.imul(hash ^ (pixels[i]! & 0xffff), 0x01000193) >>> 0;
    return { checksum: hash, length: pixels.length };
  }, base64);
  expect(shown).toEqual(reference);
  await screenshot(page, 'decode-memory-jpeg-cine-frame');
  expect(errors).toEqual([]);
});
