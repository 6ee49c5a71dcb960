/** Mouse helpers for tracing in a viewport, in image pixel coordinates. */
import { expect, type Page } from '@playwright/test';

export async function imageToClient(page: Page, x: number, y: number, slotId = 'vp-main') {
  const point = await page.evaluate(
    ([slot, px, py]) =>
      (window as unknown as { nervetraceViewports: Record<string, { imageToClient(x: number, y: number): { x: number; y: number } | null }> })
        .nervetraceViewports[slot as string]!.imageToClient(px as number, py as number),
    [slotId, x, y] as const,
  );
  expect(point).not.toBeNull();
  return point!;
}

/** Press, drag through every outline point and release back at the start (a closed freehand trace). */
export async function traceOutline(page: Page, outline: readonly (readonly [number, number])[], slotId = 'vp-main') {
  const points = [];
  for (const [x, y] of outline) points.push(await imageToClient(page, x, y, slotId));
  await page.mouse.move(points[0]!.x, points[0]!.y);
  await page.mouse.down();
  for (const p of points.slice(1)) await page.mouse.move(p.x, p.y);
  await page.mouse.move(points[0]!.x, points[0]!.y);
  await page.mouse.up();
}

export async function dragImage(page: Page, from: readonly [number, number], to: readonly [number, number], slotId = 'vp-main') {
  const a = await imageToClient(page, from[0], from[1], slotId);
  const b = await imageToClient(page, to[0], to[1], slotId);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(b.x, b.y, { steps: 10 });
  await page.mouse.up();
}

/** Numbers out of "A1 = 58.2 mm²" style text. */
export function numberIn(text: string | null, unit: string): number {
  const match = new RegExp(`([0-9]+(?:\\.[0-9]+)?) ${unit}(?![²\\w])`).exec(text ?? '');
  if (!match) throw new Error(`No "${unit}" value in: ${text}`);
  return Number(match[1]);
}

/**
 * Choose a tool from the toolbar at a person's pace. Cornerstone holds a press on the image up to
 * 400 ms to tell a double click from two clicks, so a drag that starts right after the previous
 * gesture and the tool click can be taken for the old tool.
 */
export async function chooseTool(page: Page, mode: string) {
  await page.getByTestId(`tool-${mode}`).click();
  await expect(page.getByTestId(`tool-${mode}`)).toHaveAttribute('aria-pressed', 'true');
  await page.waitForTimeout(450);
}
