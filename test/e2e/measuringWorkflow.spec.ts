/**
 * Issue 12 — measuring as a sonographer does: repeated traces that start on the last contour,
 * other tools used over traced nerves, refused edits and undo, and a view that stays put.
 * A stored number changes only when the user changes that measurement.
 */
import { test, expect, type Page } from '@playwright/test';
import { openSampleFiles, sampleFile, screenshot, showSeries, trackPageErrors } from './helpers';
import { traceOutline, dragImage, numberIn, imageToClient } from './measure';

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
  await page.getByTestId('tool-freehand').click();
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
  await page.getByTestId('tool-freehand').click();
  await traceOutline(page, nerve.outline);
  await expect(items(page)).toHaveCount(1);
  const traced = await items(page).first().textContent();

  await page.getByTestId('tool-ellipse').click();
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
  await page.getByTestId('tool-freehand').click();
  await traceOutline(page, nerve.outline);
  await expect(items(page)).toHaveCount(1);
  const traced = await items(page).first().textContent();

  await page.getByTestId('tool-spline').click();
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
  await page.getByTestId('tool-spline').click();
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
  await page.getByTestId('tool-navigate').click();
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
