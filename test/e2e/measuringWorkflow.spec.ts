/**
 * Issue 12 — measuring as a sonographer does: repeated traces that start on the last contour,
 * other tools used over traced nerves, refused edits and undo, and a view that stays put.
 * A stored number changes only when the user changes that measurement.
 */
import { test, expect, type Page } from '@playwright/test';
import { openSampleFiles, sampleFile, screenshot, showSeries, trackPageErrors } from './helpers';
import { traceOutline, dragImage, numberIn, imageToClient, chooseTool } from './measure';

const items = (page: Page) => page.getByTestId('measurement-item');
const itemTexts = (page: Page) => items(page).allTextContents();
const overlay = (page: Page) => page.locator('.viewport-panel').first();

async function openUs(page: Page, description: string) {
  await page.goto('./');
  await openSampleFiles(page);
  await showSeries(page, description);
}

/** The outline rotated so that it starts at another of its own points (the same closed curve). */
function startingAt<T>(outline: readonly T[], index: number): T[] {
  return [...outline.slice(index), ...outline.slice(0, index)];
}

test('three freehand repeats, each started on the previous contour, give three measurements within 2 % of the true area', async ({ page }) => {
  const errors = trackPageErrors(page);
  const us = sampleFile((f) => f.description === 'Sciatic gluteal fold R');
  const nerve = us.nerves[0]!;
  await openUs(page, us.description);
  await chooseTool(page, 'freehand');
  for (const [i, start] of [0, 40, 85].entries()) {
    await traceOutline(page, startingAt(nerve.outline, start));
    await expect(items(page)).toHaveCount(i + 1);
  }
  await expect(page.getByTestId('tool-notice')).toHaveCount(0);
  for (const text of await itemTexts(page)) {
    const area = numberIn(text, 'mm²');
    expect(Math.abs(area - nerve.areaMm2) / nerve.areaMm2, text).toBeLessThan(0.02);
  }
  await expect(page.locator('td[data-side="R"]').getByTestId('group-summary')).toContainText('n=3');
  await screenshot(page, 'workflow-three-repeats');
  expect(errors).toEqual([]);
});

test('an ellipse dragged across a traced nerve adds one ellipse and changes no other stored value', async ({ page }) => {
  const us = sampleFile((f) => f.description === 'Sciatic gluteal fold L');
  const nerve = us.nerves[0]!;
  await openUs(page, us.description);
  await chooseTool(page, 'freehand');
  await traceOutline(page, nerve.outline);
  await expect(items(page)).toHaveCount(1);
  const traced = await items(page).first().textContent();

  await chooseTool(page, 'ellipse');
  const xs = nerve.outline.map((p) => p[0]);
  const [, cy] = nerve.centroid;
  // The long axis starts and ends on the traced rim, where the freehand contour lies.
  await dragImage(page, [Math.min(...xs), cy], [Math.max(...xs), cy]);
  await expect(items(page)).toHaveCount(2);
  await expect(items(page).first()).toHaveText(traced!);
  await expect(items(page).last()).toContainText('ellipse');
  await screenshot(page, 'workflow-ellipse-over-trace');
});

test('a spline placed over a traced nerve closes and is stored', async ({ page }) => {
  test.setTimeout(120_000);
  const us = sampleFile((f) => f.description === 'Sciatic mid-thigh R');
  const nerve = us.nerves[0]!;
  await openUs(page, us.description);
  await chooseTool(page, 'freehand');
  await traceOutline(page, nerve.outline);
  await expect(items(page)).toHaveCount(1);
  const traced = await items(page).first().textContent();

  await chooseTool(page, 'spline');
  const controlPoints = nerve.outline.filter((_, i) => i % 16 === 0); // 8 points, on the traced rim
  const drawn = overlay(page).locator('svg circle');
  const before = await drawn.count();
  for (const [i, [x, y]] of controlPoints.entries()) {
    const p = await imageToClient(page, x, y);
    await page.mouse.click(p.x, p.y);
    await expect(drawn).toHaveCount(before + i + 1);
  }
  const first = await imageToClient(page, controlPoints[0]![0], controlPoints[0]![1]);
  await page.mouse.click(first.x, first.y);
  await expect(items(page)).toHaveCount(2);
  await expect(items(page).last()).toContainText('spline');
  await expect(items(page).first()).toHaveText(traced!);
});

test('a refused edit leaves the value and the drawing unchanged; one undo undoes one whole gesture', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = trackPageErrors(page);
  const us = sampleFile((f) => f.description === 'Sciatic mid-thigh R');
  const nerve = us.nerves[0]!;
  await openUs(page, us.description);
  await chooseTool(page, 'spline');
  const controlPoints = nerve.outline.filter((_, i) => i % 16 === 0);
  const drawn = overlay(page).locator('svg circle');
  for (const [i, [x, y]] of controlPoints.entries()) {
    const p = await imageToClient(page, x, y);
    await page.mouse.click(p.x, p.y);
    await expect(drawn).toHaveCount(i + 1);
  }
  const first = await imageToClient(page, controlPoints[0]![0], controlPoints[0]![1]);
  await page.mouse.click(first.x, first.y);
  await expect(items(page)).toHaveCount(1);
  const stored = await items(page).first().textContent();
  // The drawn outline, as Cornerstone's SVG layer has it (rounded to 0.1 px).
  const circles = async () =>
    overlay(page)
      .locator('svg polyline, svg path')
      .evaluateAll((els) =>
        els
          .map((e) => (e.getAttribute('points') ?? e.getAttribute('d') ?? '').replace(/-?[0-9]+\.?[0-9]*/g, (n) => Number(n).toFixed(1)))
          .filter((g) => g.length > 40)
          .join('|'),
      );

  // Editing is explicit: with the window/level (select) tool, drag a control point.
  await chooseTool(page, 'navigate');
  const shape = await circles();
  // Drag point 2 far across the nerve, past the opposite side: the curve would cross itself.
  const [px, py] = controlPoints[2]!;
  const [ox, oy] = controlPoints[6]!;
  const from = await imageToClient(page, px, py);
  const to = await imageToClient(page, ox + (ox - px) * 0.6, oy + (oy - py) * 0.6);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 6 });
  await page.waitForTimeout(500); // a pause mid-stroke must not commit anything
  await page.mouse.move(to.x, to.y, { steps: 6 });
  await page.mouse.up();
  await expect(page.getByTestId('tool-notice')).toContainText('Edit not applied');
  await expect(items(page).first()).toHaveText(stored!);
  await expect.poll(circles).toBe(shape);
  await expect(page.getByTestId('undo')).toBeEnabled(); // the drawing of the spline is still undoable

  // A good edit with a pause mid-stroke: one change, one undo step; the old notice goes.
  const [qx, qy] = controlPoints[3]!;
  const [cx, cy] = nerve.centroid;
  const a = await imageToClient(page, qx, qy);
  const b = await imageToClient(page, cx + (qx - cx) * 1.3, cy + (qy - cy) * 1.3);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
  await page.waitForTimeout(500);
  await page.mouse.move(b.x, b.y, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => items(page).first().textContent()).not.toBe(stored);
  await expect(page.getByTestId('tool-notice')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(items(page).first()).toHaveText(stored!);
  await expect.poll(circles).toBe(shape);
  await screenshot(page, 'workflow-refused-edit');
  expect(errors).toEqual([]);
});

test('zoom 2× survives switching right-panel tabs (the viewport resizes)', async ({ page }) => {
  const us = sampleFile((f) => f.description === 'Sciatic gluteal fold R');
  await openUs(page, us.description);
  const zoomText = overlay(page).getByTestId('overlay-zoom');
  await expect(zoomText).toContainText('1.00×');
  await page.getByTestId('viewport-element').first().click();
  // Two "+" steps: the zoom actions multiply by a fixed factor.
  const zoomOf = async () => Number(/Zoom ([0-9.]+)×/.exec((await zoomText.textContent()) ?? '')?.[1]);
  while ((await zoomOf()) < 2) await page.keyboard.press('+');
  const zoomed = await zoomText.textContent();
  // The nerve, zoomed into view, stays in view: the same image point stays at the centre.
  const [cx, cy] = us.nerves[0]!.centroid;
  const offsetFromCentre = async () => {
    const box = (await page.getByTestId('viewport-element').first().boundingBox())!;
    const p = await imageToClient(page, cx, cy);
    const q = await imageToClient(page, cx + 100, cy);
    const pxPerImagePx = (q.x - p.x) / 100; // offsets in image pixels: independent of the fit
    return { dx: (p.x - (box.x + box.width / 2)) / pxPerImagePx, dy: (p.y - (box.y + box.height / 2)) / pxPerImagePx };
  };
  const before = await offsetFromCentre();
  for (const tab of ['comparison', 'report', 'measurements', 'session', 'measurements']) {
    await page.getByTestId(`tab-${tab}`).click();
    await page.waitForTimeout(150);
    await expect(zoomText).toHaveText(zoomed!);
    const now = await offsetFromCentre();
    expect(Math.abs(now.dx - before.dx), tab).toBeLessThan(3);
    expect(Math.abs(now.dy - before.dy), tab).toBeLessThan(3);
  }
});

test('MR overlay: slice fields, a scale bar of the true length; H hides and shows the outlines', async ({ page }) => {
  await page.goto('./');
  await openSampleFiles(page);
  await showSeries(page, 'MR axial thigh STIR');
  const panel = overlay(page);
  await expect(panel.getByTestId('overlay-slice')).toHaveText(/^Im \d+ · Loc -?\d+\.\d mm · Thk \d+\.\d mm$/);
  await expect(page.getByTestId('series-number').first()).toContainText('Series');
  // The bar's length on screen is its label's length in mm at the image's column spacing.
  const label = (await panel.getByTestId('scale-bar-label').textContent())!;
  const [, value, unit] = /^([0-9.]+) (mm|cm)$/.exec(label)!;
  const lengthMm = Number(value) * (unit === 'cm' ? 10 : 1);
  const barWidth = (await panel.getByTestId('scale-bar').boundingBox())!.width;
  const a = await imageToClient(page, 0, 0);
  const b = await imageToClient(page, 100, 0);
  const screenPxPerColumn = (b.x - a.x) / 100;
  const columnSpacingMm = sampleFile((f) => f.file.endsWith('mr-stir-axial-09.dcm')).calibration.columnSpacingMm!;
  expect(Math.abs(barWidth - (lengthMm / columnSpacingMm) * screenPxPerColumn)).toBeLessThan(1.5);

  await chooseTool(page, 'freehand');
  await traceOutline(page, sampleFile((f) => f.file.endsWith('mr-stir-axial-09.dcm')).nerves[0]!.outline);
  await expect(items(page)).toHaveCount(1);
  const svgLayer = panel.locator('svg.svg-layer');
  await expect(svgLayer).toBeVisible();
  await chooseTool(page, 'navigate');
  await page.keyboard.press('h');
  await expect(svgLayer).toBeHidden();
  await expect(page.getByTestId('toggle-annotations')).toHaveText('Show outlines');
  await page.keyboard.press('h');
  await expect(svgLayer).toBeVisible();
  await screenshot(page, 'workflow-mr-overlay');
});

test('length tool: a 100-pixel line on a 0.075 mm/px image reads 7.5 mm; the ellipse starts with D2 = D1/2 and is drawn', async ({ page }) => {
  const us = sampleFile((f) => f.description === 'Sciatic gluteal fold L');
  await openUs(page, us.description);
  await chooseTool(page, 'length');
  await dragImage(page, [100, 60], [200, 60]);
  await expect(overlay(page).locator('svg.svg-layer text').filter({ hasText: 'mm' })).toHaveText('7.5 mm');
  await expect(items(page)).toHaveCount(0); // a reading aid, not a stored measurement

  const [cx, cy] = us.nerves[0]!.centroid;
  await chooseTool(page, 'ellipse');
  await dragImage(page, [cx - 80, cy], [cx + 80, cy]);
  await expect(items(page)).toHaveCount(1);
  // D1 = 160 px × 0.075 mm = 12 mm, D2 = 6 mm: area = π·12·6/4.
  const area = numberIn(await items(page).first().textContent(), 'mm²');
  expect(Math.abs(area - (Math.PI * 12 * 6) / 4)).toBeLessThan(0.6);
  // The ellipse itself is drawn (a closed dashed outline), not only its two diameters.
  await expect(overlay(page).locator('svg.svg-layer [stroke-dasharray="4,3"]')).toHaveCount(1);
  await screenshot(page, 'workflow-length-and-ellipse');
});

test('calibration dialog: no pre-filled length; the pixel size it gives is shown before applying', async ({ page }) => {
  const uncal = sampleFile((f) => f.calibration.source === 'none');
  await openUs(page, uncal.description);
  await chooseTool(page, 'calibrate');
  await expect(page.getByTestId('tool-hint')).toContainText('known distance');
  await dragImage(page, [100, 100], [100, 260]);
  await expect(page.getByTestId('calibration-dialog')).toBeVisible();
  await expect(page.getByTestId('calibration-length')).toHaveValue('');
  await page.getByTestId('calibration-apply').click();
  await expect(page.getByTestId('calibration-dialog')).toBeVisible(); // nothing applied without a length
  await page.getByTestId('calibration-length').fill('10');
  // 4 significant digits of 10 mm over the line's length (the dialog states it to 0.1 px).
  const lengthPx = Number(/([0-9.]+) px long/.exec((await page.getByTestId('calibration-dialog').textContent())!)![1]);
  const shown = (await page.getByTestId('calibration-result').textContent())!;
  expect(shown).toMatch(/^Pixel size: 0\.0\d{4} mm\/px$/);
  expect(Math.abs(Number(/0\.0\d{4}/.exec(shown)![0]) - 10 / lengthPx)).toBeLessThan(0.00002);
  await page.getByTestId('calibration-apply').click();
  await expect(overlay(page).getByTestId('overlay-calibration')).toContainText('User calibration');
});

test('a Right image shown in the LEFT viewport is flagged on the image', async ({ page }) => {
  await page.goto('./');
  await openSampleFiles(page);
  await page.getByTestId('layout-compare').click();
  const left = page.locator('.viewport-panel').nth(0);
  await expect(left.getByTestId('overlay-bound-side')).toHaveText('LEFT viewport');
  await expect(left.getByTestId('overlay-side-mismatch')).toHaveCount(0);
  await left.getByTestId('viewport-element').click();
  await page
    .getByTestId('series-item')
    .filter({ has: page.getByTestId('series-description').getByText('Sciatic mid-thigh R', { exact: true }) })
    .click();
  await expect(left.getByTestId('overlay-side-mismatch')).toHaveText('⚠ RIGHT image in the LEFT viewport');
  await screenshot(page, 'workflow-side-mismatch');
});
