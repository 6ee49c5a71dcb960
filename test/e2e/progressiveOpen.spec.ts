/**
 * Issue 18 — the viewer works on the first image while the rest of the series is still being
 * read: a trace drawn on it is recorded for that image, and stays with it when the series has
 * loaded and re-sorted. Left alone, the viewport then settles on the middle slice.
 * `?readDelayMs=` (studyStore.ts) holds back every file but the first, so the test is not a race.
 */
import { test, expect, type Page } from '@playwright/test';
import { SAMPLE_DIR, sampleFile, screenshot, trackPageErrors } from './helpers';
import { chooseTool, numberIn, traceOutline } from './measure';

const MR = Array.from({ length: 16 }, (_, i) => `mr/mr-stir-axial-${String(i + 1).padStart(2, '0')}.dcm`);

/** The MR series with `first` picked first (the others in order). */
function mrFilesStartingWith(first: string): string[] {
  return [first, ...MR.filter((f) => f !== first)].map((f) => `${SAMPLE_DIR}${f}`);
}

const position = (page: Page) => page.locator('.viewport-panel').first().getByTestId('overlay-position');
const slicePosition = (page: Page) => page.locator('.viewport-panel').first().getByTestId('overlay-slice');
const outlines = (page: Page) => page.locator('.viewport-panel').first().locator('svg path, svg polyline');

test('a trace on the first image shown, drawn before the series has loaded, is kept for that image when the series settles', async ({ page }) => {
  const errors = trackPageErrors(page);
  await page.goto('./?readDelayMs=5000');
  await expect(page.getByTestId('start-screen')).toBeVisible();
  await page.getByTestId('file-input').setInputFiles(mrFilesStartingWith('mr/mr-stir-axial-03.dcm'));
  // The viewport works on slice 03 while the other 15 files are still held back.
  await expect(page.locator('.viewport-panel[data-interactive]')).toHaveCount(1);
  await expect(position(page)).toHaveText('Image 1/1');
  await expect(page.getByTestId('overlay-calibration')).toBeVisible();
  const slice = sampleFile((f) => f.file === 'mr/mr-stir-axial-03.dcm');
  const nerve = slice.nerves[0]!;
  await chooseTool(page, 'freehand');
  await traceOutline(page, nerve.outline);
  await expect(page.getByTestId('measurement-item')).toHaveCount(1);
  // Still loading when the trace was recorded.
  await expect(page.getByTestId('status')).toHaveText('Opening 16 files…');
  const area = numberIn(await page.getByTestId('measurement-item').textContent(), 'mm²');
  expect(Math.abs(area - nerve.areaMm2) / nerve.areaMm2).toBeLessThan(0.05);

  // The series arrives and re-sorts around the image: the user worked on it, so it stays.
  await expect(page.getByTestId('status')).toHaveText('Opened 16 files.', { timeout: 30_000 });
  // Still instance 3 on screen, now at its place in the sorted series (slices sort by position).
  await expect(position(page)).toHaveText(/^Image \d+\/16$/);
  await expect(slicePosition(page)).toContainText('Im 3 ·');
  const shownAt = Number(/Image (\d+)\//.exec((await position(page).textContent()) ?? '')![1]);
  await expect(outlines(page)).not.toHaveCount(0);
  await page.getByTestId('measurement-item').click();
  await expect(page.getByTestId('measurement-details')).toContainText('mr-stir-axial-03.dcm · frame 1');
  // Away and back: the outline belongs to instance 3, not to the index it had while loading.
  const [away, back] = shownAt < 16 ? ['ArrowDown', 'ArrowUp'] : ['ArrowUp', 'ArrowDown'];
  await page.getByTestId('viewport-element').first().hover();
  await page.keyboard.press(away);
  await expect(position(page)).toHaveText(`Image ${shownAt < 16 ? shownAt + 1 : shownAt - 1}/16`);
  await expect(outlines(page)).toHaveCount(0);
  await page.keyboard.press(back);
  await expect(position(page)).toHaveText(`Image ${shownAt}/16`);
  await expect(slicePosition(page)).toContainText('Im 3 ·');
  await expect(outlines(page)).not.toHaveCount(0);
  await screenshot(page, 'progressive-open-trace-kept');
  expect(errors).toEqual([]);
});

test('left alone while the series loads, the viewport settles on the middle slice', async ({ page }) => {
  const errors = trackPageErrors(page);
  // 5 s, not less: on a loaded CI machine the first image took over 1.5 s to become interactive,
  // and the other files were in before "Image 1/1" could be seen.
  await page.goto('./?readDelayMs=5000');
  await expect(page.getByTestId('start-screen')).toBeVisible();
  await page.getByTestId('file-input').setInputFiles(mrFilesStartingWith('mr/mr-stir-axial-03.dcm'));
  await expect(page.locator('.viewport-panel[data-interactive]')).toHaveCount(1);
  await expect(position(page)).toHaveText('Image 1/1');
  await expect(page.getByTestId('status')).toHaveText('Opened 16 files.', { timeout: 30_000 });
  await expect(position(page)).toHaveText('Image 9/16');
  await expect(page.locator('.viewport-panel[data-interactive]')).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('scrolling while the series is still loading, onto slices not yet decoded, raises no error', async ({ page }) => {
  const errors = trackPageErrors(page);
  await page.goto('./?readDelayMs=3000');
  await expect(page.getByTestId('start-screen')).toBeVisible();
  await page.getByTestId('file-input').setInputFiles(mrFilesStartingWith('mr/mr-stir-axial-03.dcm'));
  // Some of the other files are in, not all (the rest are still held back): nothing is decoded
  // ahead while the series loads, so the ends of the stack are slices not yet decoded.
  const count = async () => Number(/\/(\d+)$/.exec((await position(page).textContent()) ?? '')?.[1] ?? 0);
  await expect.poll(count, { timeout: 15_000 }).toBeGreaterThan(1);
  expect(await count()).toBeLessThan(16);
  await page.getByTestId('viewport-element').first().hover();
  await page.keyboard.press('Home');
  await expect(position(page)).toHaveText(/^Image 1\/\d+$/);
  await page.keyboard.press('End');
  await expect(position(page)).toHaveText(/^Image (\d+)\/\1$/);
  await expect(page.getByTestId('status')).toHaveText('Opening 16 files…');
  await expect(page.getByTestId('status')).toHaveText('Opened 16 files.', { timeout: 30_000 });
  await expect(position(page)).toHaveText(/^Image \d+\/16$/);
  await expect(page.locator('.viewport-panel[data-interactive]')).toHaveCount(1);
  expect(errors).toEqual([]);
});
