/**
 * Issue 3 — open ultrasound and MRI studies and review them, in real Chromium.
 * Every test reads what a person would see: painted canvas pixels and overlay text.
 */
import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import {
  SAMPLE_DIR,
  canvasStats,
  gridDifference,
  expectPainted,
  manifest,
  sampleFiles,
  screenshot,
  trackForeignRequests,
  trackPageErrors,
} from './helpers';
import { displayedGrid } from './displayedGrid';
import { makeBrokenFiles } from './brokenFiles';

async function openSampleThroughInput(page: Page) {
  await page.goto('./');
  await expect(page.getByTestId('start-screen')).toBeVisible();
  await page.getByTestId('file-input').setInputFiles(sampleFiles());
  await expect(page.getByTestId('series-item').first()).toBeVisible();
}

/** The study-browser entry whose series description is exactly `description` (or matches a pattern). */
function seriesButton(page: Page, description: RegExp | string) {
  const exact = typeof description === 'string' ? new RegExp(`^${description.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : description;
  return page.getByTestId('series-item').filter({ has: page.getByTestId('series-description').filter({ hasText: exact }) });
}

function overlayPosition(page: Page) {
  return page.locator('.viewport-panel').first().getByTestId('overlay-position');
}

test('opens the sample study through the file input, groups it and paints the image', async ({ page, baseURL }) => {
  const errors = trackPageErrors(page);
  const foreign = trackForeignRequests(page, baseURL!.replace(/\/$/, ''));
  await openSampleThroughInput(page);

  const files = manifest().files;
  const seriesCount = new Set(files.map((f) => f.description)).size;
  await expect(page.getByTestId('series-item')).toHaveCount(seriesCount);
  await expect(page.getByTestId('study-browser')).toContainText('US');
  await expect(page.getByTestId('study-browser')).toContainText('MR');
  await expect(page.getByTestId('series-laterality').first()).toHaveText(/Left|Right/);
  await expect(seriesButton(page, /^MR axial thigh STIR$/).getByTestId('series-count')).toHaveText('16 images');
  await expectPainted(page);
  await expect(page.getByTestId('open-failures')).toHaveCount(0);
  await screenshot(page, 'viewer-sample-opened');
  expect(errors).toEqual([]);
  expect(foreign).toEqual([]);
});

test('"Open sample study" on the start screen loads the bundled study', async ({ page }) => {
  const errors = trackPageErrors(page);
  await page.goto('./');
  await page.getByTestId('start-open-sample').click();
  await expect(page.getByTestId('series-item')).toHaveCount(new Set(manifest().files.map((f) => f.description)).size);
  await expectPainted(page);
  expect(errors).toEqual([]);
});

test('dropping files onto the page opens them', async ({ page }) => {
  await page.goto('./');
  const payload = manifest()
    .files.filter((f) => f.modality === 'US' && f.frames === 1)
    .slice(0, 2)
    .map((f) => ({ name: f.file.split('/').pop()!, base64: readFileSync(`${SAMPLE_DIR}${f.file}`).toString('base64') }));
  const dataTransfer = await page.evaluateHandle((files) => {
    const dt = new DataTransfer();
    for (const { name, base64 } of files) {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], name, { type: 'application/dicom' }));
    }
    return dt;
  }, payload);
  await page.dispatchEvent('body', 'dragenter', { dataTransfer });
  await expect(page.getByTestId('drop-hint')).toBeVisible();
  await page.dispatchEvent('body', 'drop', { dataTransfer });
  await expect(page.getByTestId('series-item')).toHaveCount(2);
  await expect(page.getByTestId('drop-hint')).toHaveCount(0);
  await expectPainted(page);
});

test('MR slices scroll with the wheel and the arrow keys', async ({ page }) => {
  await openSampleThroughInput(page);
  await seriesButton(page, /^MR axial thigh STIR$/).click();
  await expect(overlayPosition(page)).toHaveText('Image 9/16');
  await expectPainted(page);
  await expect(page.getByTestId('marker-left')).toHaveText('R');
  await expect(page.getByTestId('marker-right')).toHaveText('L');
  const before = await canvasStats(page);

  const viewport = page.getByTestId('viewport-element');
  await viewport.hover();
  await page.mouse.wheel(0, 120);
  await expect(overlayPosition(page)).toHaveText('Image 10/16');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(overlayPosition(page)).toHaveText('Image 8/16');
  await expect.poll(async () => (await canvasStats(page)).hash).not.toBe(before.hash);
  await page.keyboard.press('End');
  await expect(overlayPosition(page)).toHaveText('Image 16/16');
  await screenshot(page, 'viewer-mr-scrolled');
});

test('multi-frame ultrasound plays as cine at the file rate and pauses', async ({ page }) => {
  await openSampleThroughInput(page);
  const cine = manifest().files.find((f) => f.frames > 1)!;
  await seriesButton(page, cine.description).click();
  await expect(overlayPosition(page)).toHaveText(`Frame 1/${cine.frames}`);
  await expect(page.getByTestId('cine-rate')).toContainText('(FrameTime)');
  await page.getByTestId('cine-toggle').click();
  await expect(page.getByTestId('cine-toggle')).toHaveText('Pause');
  await expect.poll(async () => Number((await overlayPosition(page).textContent())!.match(/Frame (\d+)/)![1])).toBeGreaterThan(3);
  await page.getByTestId('cine-toggle').click();
  // Paused once the button offers Play again (a frame asked for just before may still arrive until then).
  await expect(page.getByTestId('cine-toggle')).toHaveText('Play');
  const paused = await overlayPosition(page).textContent();
  await page.waitForTimeout(300);
  await expect(overlayPosition(page)).toHaveText(paused!);
  // The slider moves through frames too.
  await page.getByTestId('frame-slider').fill('5');
  await expect(overlayPosition(page)).toHaveText(`Frame 6/${cine.frames}`);
  await screenshot(page, 'viewer-cine');
});

test('dragging on the image changes window/level; reset restores it', async ({ page }) => {
  await openSampleThroughInput(page);
  await seriesButton(page, /^MR axial thigh STIR$/).click();
  await expectPainted(page);
  const wl = page.getByTestId('overlay-wl');
  await expect(wl).toHaveText(/W \d+ L \d+/);
  const initial = await wl.textContent();
  const before = await canvasStats(page);
  const box = (await page.getByTestId('viewport-element').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 120, box.y + box.height / 2 + 60, { steps: 8 });
  await page.mouse.up();
  await expect(wl).not.toHaveText(initial!);
  await expect.poll(async () => (await canvasStats(page)).mean).not.toBeCloseTo(before.mean, 1);
  await screenshot(page, 'viewer-window-level');
  await page.keyboard.press('r');
  await expect(wl).toHaveText(initial!);
  // A preset applies its numbers.
  await page.getByTestId('wl-preset').selectOption({ index: 1 });
  await expect(wl).toHaveText(/W 1600 L 800|W 1599 L 800/);
});

test('a mix of good and broken files opens the good ones and names each broken one', async ({ page }) => {
  const errors = trackPageErrors(page);
  const good = manifest().files.find((f) => f.modality === 'US' && f.frames === 1)!;
  const broken = makeBrokenFiles(`${SAMPLE_DIR}${good.file}`);
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles([`${SAMPLE_DIR}${good.file}`, ...broken.map((b) => b.path)]);
  await expect(page.getByTestId('series-item')).toHaveCount(1);
  await expectPainted(page);
  const failures = page.getByTestId('open-failure');
  await expect(failures).toHaveCount(broken.length);
  for (const b of broken) {
    const name = b.path.split('/').pop()!;
    await expect(failures.filter({ hasText: name })).toContainText(b.expectReason);
  }
  await screenshot(page, 'viewer-broken-files');
  // Opening more (broken) files later leaves what is open alone.
  await page.getByTestId('file-input').setInputFiles([broken[0]!.path]);
  await expect(page.getByTestId('series-item')).toHaveCount(1);
  await expectPainted(page);
  expect(errors).toEqual([]);
});

test('when no file can be opened the start screen comes back naming each one; a good file then opens', async ({ page }) => {
  const errors = trackPageErrors(page);
  const good = manifest().files.find((f) => f.modality === 'US' && f.frames === 1)!;
  const broken = makeBrokenFiles(`${SAMPLE_DIR}${good.file}`);
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(broken.map((b) => b.path));
  await expect(page.getByTestId('status')).toHaveText(`Opened 0 files, ${broken.length} could not be opened.`);
  const start = page.getByTestId('start-screen');
  await expect(start).toBeVisible();
  await expect(start.getByTestId('open-failure')).toHaveCount(broken.length);
  await expect(page.getByTestId('viewport-grid')).toBeHidden();
  await expect(page.getByTestId('first-look')).toHaveCount(0);
  await screenshot(page, 'viewer-nothing-opened');
  // The workstation behind the start screen was built again: the next file opens as usual.
  await page.getByTestId('file-input').setInputFiles([`${SAMPLE_DIR}${good.file}`]);
  await expect(page.getByTestId('series-item')).toHaveCount(1);
  await expect(overlayPosition(page)).toHaveText('Image 1/1');
  await expectPainted(page);
  expect(errors).toEqual([]);
});

test('every supported transfer syntax in the sample study decodes and paints', async ({ page }) => {
  const errors = trackPageErrors(page);
  await openSampleThroughInput(page);
  const compressed = manifest().files.filter((f) => f.file.includes('compressed/')) as Array<
    ReturnType<typeof manifest>['files'][number] & { lossy?: boolean }
  >;
  expect(compressed.length).toBeGreaterThanOrEqual(6);
  // The MR series opens on its middle slice, slice 09: the slice the compressed copies were made from.
  await seriesButton(page, /^MR axial thigh STIR$/).click();
  await expect(overlayPosition(page)).toHaveText('Image 9/16');
  await expectPainted(page);
  const reference = await canvasStats(page);
  let firstLossless: Awaited<ReturnType<typeof canvasStats>> | null = null;
  for (const file of compressed) {
    await seriesButton(page, file.description).click();
    await expect(page.locator('.viewport-panel').getByTestId('overlay-modality')).toContainText(file.description);
    await expectPainted(page);
    // A lossless copy of the MR slice must look like the uncompressed slice (a wrong decode
    // differs by tens of grey levels; a lone slice renders within ~1.4 of the same slice in its
    // 16-slice stack), and all lossless copies must render identically to each other.
    if (file.modality === 'MR' && !file.lossy) {
      await expect
        .poll(async () => gridDifference(await canvasStats(page), reference), { message: file.file })
        .toBeLessThan(3);
      const stats = await canvasStats(page);
      firstLossless ??= stats;
      expect(gridDifference(stats, firstLossless), file.file).toBe(0);
    }
  }
  await expect(page.getByTestId('open-failures')).toHaveCount(0);
  await expect(page.locator('.viewport-error')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('Left | Right layout binds each viewport to a side from laterality; swap exchanges them', async ({ page }) => {
  await openSampleThroughInput(page);
  await page.getByTestId('layout-compare').click();
  const panels = page.locator('.viewport-panel');
  await expect(panels).toHaveCount(2);
  await expect(panels.nth(0).getByTestId('overlay-bound-side')).toHaveText('LEFT viewport');
  await expect(panels.nth(0).getByTestId('overlay-laterality')).toHaveText('Laterality: LEFT');
  await expect(panels.nth(1).getByTestId('overlay-laterality')).toHaveText('Laterality: RIGHT');
  await expectPainted(page, 0);
  await expectPainted(page, 1);
  await screenshot(page, 'viewer-compare');
  await page.getByTestId('swap-sides').click();
  await expect(panels.nth(0).getByTestId('overlay-bound-side')).toHaveText('RIGHT viewport');
  await expect(panels.nth(0).getByTestId('overlay-laterality')).toHaveText('Laterality: RIGHT');
  // The user may reassign a viewport's side.
  await page.getByTestId('side-select').nth(0).selectOption('L');
  await expect(panels.nth(0).getByTestId('overlay-bound-side')).toHaveText('LEFT viewport');
});

test('calibration is shown in mm per pixel, or UNCALIBRATED in a warning colour', async ({ page }) => {
  await openSampleThroughInput(page);
  const usFile = manifest().files.find((f) => f.modality === 'US' && f.calibration.source === 'us-region' && f.frames === 1)!;
  await seriesButton(page, usFile.description).click();
  await expect(page.getByTestId('overlay-calibration')).toContainText(`${usFile.calibration.rowSpacingMm!.toFixed(3)} mm/px`);
  const uncal = manifest().files.find((f) => f.calibration.source === 'none')!;
  await seriesButton(page, uncal.description).click();
  const label = page.getByTestId('overlay-calibration');
  await expect(label).toHaveText('UNCALIBRATED');
  await expect(label).toHaveClass(/uncalibrated/);
  await screenshot(page, 'viewer-uncalibrated');
});

test('? shows the keyboard shortcuts', async ({ page }) => {
  await page.goto('./');
  await page.keyboard.press('?');
  await expect(page.getByTestId('help-overlay')).toContainText('Play / pause cine');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('help-overlay')).toHaveCount(0);
});

/** Delays the viewport's code (Cornerstone3D) until the returned function is called. */
async function holdViewerCode(page: Page): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/assets/stackViewportController-*.js', async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

// The cine (2.3 MB) is previewed from its first megabyte, the others from the whole file.
for (const description of ['MR axial thigh STIR', 'Sciatic mid-thigh L anisotropic pixels', 'Sciatic gluteal fold L JPEG baseline', 'Sciatic mid-thigh R colour Doppler', 'Sciatic gluteal fold L cine']) {
  test(`the first file is previewed at once while the viewer loads, then the viewer takes over: ${description}`, async ({ page }) => {
    const errors = trackPageErrors(page);
    // Hold the viewer's code back, so the preview is certainly on screen when it is read.
    const release = await holdViewerCode(page);
    await page.goto('./');
    const file = manifest().files.find((f) => f.description === description)!;
    await page.getByTestId('file-input').setInputFiles(`${SAMPLE_DIR}${file.file}`);
    await expect(page.getByTestId('first-look-label')).toHaveText(`Preview of ${file.file.split('/').pop()} — loading the viewer…`);
    // Once the file is open (the controls under the viewport may wrap onto a second line then),
    // the preview must have followed its box.
    await expect(page.getByTestId('status')).toHaveText('Opened 1 file.');
    await expect(page.getByTestId('first-look')).toBeVisible();
    const preview = await displayedGrid(page, '[data-testid=first-look]');
    expect(preview.lit).toBeGreaterThan(0.1);
    await screenshot(page, `first-look-${file.file.split('/').pop()!.replace('.dcm', '')}`);

    release();
    await expect(page.locator('.viewport-panel').first().getByTestId('overlay-modality')).toContainText(description);
    await expect(page.getByTestId('first-look')).toHaveCount(0);
    await expectPainted(page);
    // Same image, same window, same place and aspect as the viewer draws it (measured: 0.4 to 0.9 grey levels).
    const viewer = await displayedGrid(page, '[data-testid=viewport-element] canvas');
    expect(gridDifference(preview, viewer)).toBeLessThan(2);
    expect(errors).toEqual([]);
  });
}

test('no preview for a file it cannot decode faithfully (JPEG 2000); the viewer still opens it', async ({ page }) => {
  const release = await holdViewerCode(page);
  await page.goto('./');
  const file = manifest().files.find((f) => f.description === 'MR axial thigh STIR JPEG 2000')!;
  await page.getByTestId('file-input').setInputFiles(`${SAMPLE_DIR}${file.file}`);
  await expect(page.getByTestId('status')).toHaveText('Opened 1 file.');
  await expect(page.getByTestId('first-look')).toHaveCount(0);
  release();
  await expect(page.locator('.viewport-panel').first().getByTestId('overlay-modality')).toContainText(file.description);
  await expectPainted(page);
});
