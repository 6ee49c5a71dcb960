/**
 * Issue 4 — tracing nerve cross-sections with the mouse in Chromium: area within 5 % of the
 * phantom's true area, anisotropic pixels, manual calibration, editing and undo.
 */
import { test, expect, type Page } from '@playwright/test';
import { openSampleFiles, sampleFile, screenshot, showSeries, trackPageErrors, type ManifestFile } from './helpers';
import { traceOutline, dragImage, numberIn, imageToClient, chooseTool } from './measure';

async function openSample(page: Page) {
  await page.goto('./');
  await openSampleFiles(page);
}

const file = sampleFile;

const lastItem = (page: Page) => page.getByTestId('measurement-item').last();

test('freehand trace on a region-calibrated ultrasound image measures the true area within 5 %', async ({ page }) => {
  const errors = trackPageErrors(page);
  await openSample(page);
  const us = file((f) => f.description === 'Sciatic gluteal fold R');
  const nerve = us.nerves[0]!;
  await showSeries(page, us.description);
  await chooseTool(page, 'freehand');
  await traceOutline(page, nerve.outline);
  await expect(page.getByTestId('measurement-item')).toHaveCount(1);
  const text = await lastItem(page).textContent();
  const area = numberIn(text, 'mm²');
  const circumference = numberIn(text, 'mm');
  expect(Math.abs(area - nerve.areaMm2) / nerve.areaMm2).toBeLessThan(0.05);
  expect(Math.abs(circumference - nerve.perimeterMm) / nerve.perimeterMm).toBeLessThan(0.05);
  // Recorded on the right side (from ImageLaterality), at the chosen nerve and site.
  await expect(page.locator('td[data-side="R"]').getByTestId('measurement-item')).toHaveCount(1);
  await expect(page.getByTestId('measurement-segment')).toContainText('Sciatic nerve, gluteal fold');
  await lastItem(page).click();
  await expect(page.getByTestId('detail-calibration')).toContainText('US region 0: 0.075 mm/px');
  await screenshot(page, 'measure-us-freehand');
  expect(errors).toEqual([]);
});

test('an MR slice: both nerves traced, sides inferred from patient coordinates, areas within 5 %', async ({ page }) => {
  await openSample(page);
  const slice = file((f) => f.file.endsWith('mr-stir-axial-09.dcm'));
  await showSeries(page, 'MR axial thigh STIR');
  await expect(page.locator('.viewport-panel').first().getByTestId('overlay-position')).toHaveText('Image 9/16');
  await chooseTool(page, 'freehand');
  for (const nerve of slice.nerves) await traceOutline(page, nerve.outline);
  await expect(page.getByTestId('measurement-item')).toHaveCount(2);
  for (const nerve of slice.nerves) {
    const item = page.locator(`td[data-side="${nerve.side}"]`).getByTestId('measurement-item');
    const area = numberIn(await item.textContent(), 'mm²');
    expect(Math.abs(area - nerve.areaMm2) / nerve.areaMm2, `${nerve.side} area ${area}`).toBeLessThan(0.05);
  }
  await page.locator('td[data-side="R"]').getByTestId('measurement-item').click();
  await expect(page.getByTestId('measurement-details')).toContainText('inferred from patient coordinates');
  await screenshot(page, 'measure-mr-both-sides');
});

test('anisotropic ultrasound pixels: a round nerve that looks elliptical still measures right', async ({ page }) => {
  await openSample(page);
  const aniso = file((f) => f.file.includes('anisotropic'));
  expect(aniso.calibration.rowSpacingMm).not.toBe(aniso.calibration.columnSpacingMm);
  await showSeries(page, aniso.description);
  await chooseTool(page, 'freehand');
  await traceOutline(page, aniso.nerves[0]!.outline);
  await expect(page.getByTestId('tool-notice')).toHaveCount(0);
  const text = await lastItem(page).textContent();
  expect(Math.abs(numberIn(text, 'mm²') - aniso.nerves[0]!.areaMm2) / aniso.nerves[0]!.areaMm2).toBeLessThan(0.05);
  expect(Math.abs(numberIn(text, 'mm') - aniso.nerves[0]!.perimeterMm) / aniso.nerves[0]!.perimeterMm).toBeLessThan(0.05);
});

test('uncalibrated image: pixels only and a prompt, then manual calibration from the depth scale gives mm', async ({ page }) => {
  await openSample(page);
  const uncal = file((f) => f.calibration.source === 'none') as ManifestFile & {
    depthTicks: { spacingMm: number; spacingPx: number; x: number; firstY: number };
  };
  await showSeries(page, uncal.description);
  await chooseTool(page, 'freehand');
  await traceOutline(page, uncal.nerves[0]!.outline);
  await expect(lastItem(page)).toContainText('px² (uncalibrated)');
  await expect(lastItem(page)).not.toContainText('mm²');
  await expect(page.getByTestId('uncalibrated-prompt')).toBeVisible();
  await screenshot(page, 'measure-uncalibrated');

  // Calibrate: draw a line between two depth-scale ticks 10 mm apart and enter 10 mm.
  await page.getByTestId('prompt-calibrate').click();
  const { x, firstY, spacingPx, spacingMm } = uncal.depthTicks;
  await dragImage(page, [x, firstY], [x, firstY + spacingPx]);
  await expect(page.getByTestId('calibration-dialog')).toBeVisible();
  await page.getByTestId('calibration-length').fill(String(spacingMm));
  await page.getByTestId('calibration-apply').click();
  await expect(page.getByTestId('calibration-dialog')).toHaveCount(0);
  await expect(page.locator('.viewport-panel').first().getByTestId('overlay-calibration')).toContainText('User calibration');
  const area = numberIn(await lastItem(page).textContent(), 'mm²');
  expect(Math.abs(area - uncal.nerves[0]!.areaMm2) / uncal.nerves[0]!.areaMm2).toBeLessThan(0.05);
  await expect(page.getByTestId('uncalibrated-prompt')).toHaveCount(0);
  await screenshot(page, 'measure-calibrated-by-user');
});

test('editing a contour changes the numbers; undo restores them; redo re-applies', async ({ page }) => {
  await openSample(page);
  const us = file((f) => f.description === 'Sciatic gluteal fold L');
  const nerve = us.nerves[0]!;
  await showSeries(page, us.description);
  await chooseTool(page, 'ellipse');
  // Long diameter across the nerve; Cornerstone places the short one perpendicular.
  const xs = nerve.outline.map((p) => p[0]);
  const ys = nerve.outline.map((p) => p[1]);
  const [cx, cy] = nerve.centroid;
  await dragImage(page, [Math.min(...xs), cy], [Math.max(...xs), cy]);
  await expect(page.getByTestId('measurement-item')).toHaveCount(1);
  const before = await lastItem(page).textContent();
  await expect(lastItem(page)).toContainText('ellipse');

  // Editing is explicit: with the Select tool, drag the end of the long diameter outwards.
  const end = await imageToClient(page, Math.max(...xs), cy);
  const further = await imageToClient(page, Math.max(...xs) + 40, cy);
  await chooseTool(page, 'navigate');
  await page.mouse.move(end.x, end.y);
  await page.mouse.down();
  await page.mouse.move(further.x, further.y, { steps: 8 });
  await page.mouse.up();
  await expect.poll(async () => lastItem(page).textContent()).not.toBe(before);
  const after = await lastItem(page).textContent();
  expect(numberIn(after, 'mm²')).toBeGreaterThan(numberIn(before, 'mm²'));
  await screenshot(page, 'measure-edited');

  await page.keyboard.press('Control+z');
  await expect(lastItem(page)).toHaveText(before!);
  await page.keyboard.press('Control+y');
  await expect(lastItem(page)).toHaveText(after!);
  // Undo all the way removes the measurement; its contour disappears too.
  await page.getByTestId('undo').click();
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('measurement-item')).toHaveCount(0);
  void cx;
});

test('three repeats on cine frames are grouped with mean ± SD; clicking a row jumps to its frame; delete removes it', async ({ page }) => {
  await openSample(page);
  const cine = file((f) => f.frames > 1);
  await showSeries(page, cine.description);
  await chooseTool(page, 'freehand');
  const frames = [0, 10, 20];
  for (const frame of frames) {
    await page.getByTestId('frame-slider').fill(String(frame));
    await expect(page.locator('.viewport-panel').first().getByTestId('overlay-position')).toHaveText(`Frame ${frame + 1}/${cine.frames}`);
    await traceOutline(page, cine.nerves.find((n) => n.frame === frame)!.outline);
  }
  await expect(page.getByTestId('measurement-item')).toHaveCount(3);
  await expect(page.locator('td[data-side="L"]').getByTestId('group-summary')).toContainText(/mean [0-9.]+ ± [0-9.]+ mm² \(n=3\)/);
  await expect(page.getByTestId('measurement-segment')).toContainText('Sciatic nerve, gluteal fold');

  // Move away, then click the second measurement: the viewer returns to its series and frame.
  await showSeries(page, 'MR axial thigh STIR');
  await page.getByTestId('measurement-item').nth(1).click();
  await expect(page.locator('.viewport-panel').first().getByTestId('overlay-position')).toHaveText(`Frame 11/${cine.frames}`);
  await screenshot(page, 'measure-repeats');
  await page.getByTestId('measurement-label').fill('L-glut-2');
  await page.getByTestId('measurement-label').press('Enter');
  await expect(page.getByTestId('measurement-item').nth(1)).toContainText('L-glut-2');
  await page.getByTestId('measurement-delete').click();
  await expect(page.getByTestId('measurement-item')).toHaveCount(2);
});

test('spline contour: click points around the nerve, close on the first; dragging a point changes the numbers', async ({ page }) => {
  test.setTimeout(120_000); // 17 clicks at a person's pace
  const errors = trackPageErrors(page);
  await openSample(page);
  const us = file((f) => f.description === 'Sciatic mid-thigh R');
  const nerve = us.nerves[0]!;
  await showSeries(page, us.description);
  await chooseTool(page, 'spline');
  const controlPoints = nerve.outline.filter((_, i) => i % 8 === 0); // 16 of 128 points
  // As a person does: the next point once the last one is on screen. Cornerstone holds a click
  // for up to 400 ms to tell it from a double click, and a second click in that time can be taken
  // as one (both then lost); a click before the curve is drawn cannot close it either.
  const drawnPoints = page.locator('.viewport-panel').first().locator('svg circle');
  for (const [i, [x, y]] of controlPoints.entries()) {
    const p = await imageToClient(page, x, y);
    await page.mouse.click(p.x, p.y);
    await expect(drawnPoints).toHaveCount(i + 1);
  }
  const first = await imageToClient(page, controlPoints[0]![0], controlPoints[0]![1]);
  await page.mouse.click(first.x, first.y);
  await expect(page.getByTestId('measurement-item')).toHaveCount(1);
  await expect(lastItem(page)).toContainText('spline');
  const before = await lastItem(page).textContent();
  expect(Math.abs(numberIn(before, 'mm²') - nerve.areaMm2) / nerve.areaMm2).toBeLessThan(0.05);

  // Drag one control point outwards with the Select tool, as when correcting a trace.
  await chooseTool(page, 'navigate');
  const [px, py] = controlPoints[4]!;
  const [cx, cy] = nerve.centroid;
  const from = await imageToClient(page, px, py);
  const to = await imageToClient(page, cx + (px - cx) * 1.4, cy + (py - cy) * 1.4);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.mouse.up();
  await expect.poll(async () => numberIn(await lastItem(page).textContent(), 'mm²')).toBeGreaterThan(numberIn(before, 'mm²'));
  await screenshot(page, 'measure-spline-edited');
  expect(errors).toEqual([]);
});

test('Esc cancels a trace being drawn: nothing is recorded', async ({ page }) => {
  await openSample(page);
  const us = file((f) => f.description === 'Sciatic gluteal fold L');
  await showSeries(page, us.description);
  await chooseTool(page, 'freehand');
  const outline = us.nerves[0]!.outline;
  const start = await imageToClient(page, outline[0]![0], outline[0]![1]);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  for (const [x, y] of outline.slice(1, 60)) {
    const p = await imageToClient(page, x, y);
    await page.mouse.move(p.x, p.y);
  }
  await page.keyboard.press('Escape');
  await page.mouse.up();
  await page.waitForTimeout(300);
  await expect(page.getByTestId('measurement-item')).toHaveCount(0);
});
