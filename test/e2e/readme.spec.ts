/**
 * The README screenshot: the sample study opened from the start screen, shown Left | Right.
 * Every run saves it to test/e2e/screenshots/readme-viewer.png (not committed). The committed copy
 * test/e2e/readme/viewer.png, which README.md shows, is only rewritten on request —
 * NERVETRACE_README_SCREENSHOT=1 — so that a test run never changes a tracked file (several people
 * run the tests in one work tree); a run without it says when the committed copy is out of date.
 * Renderings differ by a few antialiased pixels from run to run, so "changed" means more than that.
 */
import { test, expect, type BrowserContext } from '@playwright/test';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { ROOT, SCREENSHOT_DIR, expectPainted, manifest, trackPageErrors } from './helpers';

const README_SCREENSHOT = `${ROOT}test/e2e/readme/viewer.png`;

test.use({ viewport: { width: 1600, height: 1000 } });

/** Number of pixels that differ by more than 2 grey levels in any channel (Infinity if sizes differ). */
async function changedPixels(context: BrowserContext, a: Buffer, b: Buffer): Promise<number> {
  const page = await context.newPage(); // about:blank: no app CSP in the way
  try {
    return await page.evaluate(
      async ([a64, b64]) => {
        const pixels = async (base64: string) => {
          const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
          const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
          const ctx = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
          ctx.drawImage(bitmap, 0, 0);
          return ctx.getImageData(0, 0, bitmap.width, bitmap.height);
        };
        const [pa, pb] = [await pixels(a64), await pixels(b64)];
        if (pa.width !== pb.width || pa.height !== pb.height) return Infinity;
        let changed = 0;
        for (let i = 0; i < pa.data.length; i += 4) {
          for (let k = 0; k < 3; k++) {
            if (Math.abs(pa.data[i + k]! - pb.data[i + k]!) > 2) {
              changed++;
              break;
            }
          }
        }
        return changed;
      },
      [a.toString('base64'), b.toString('base64')] as const,
    );
  } finally {
    await page.close();
  }
}

test('README screenshot: sample study, Left | Right layout', async ({ page }) => {
  const errors = trackPageErrors(page);
  await page.goto('./');
  await page.getByTestId('start-open-sample').click();
  await expect(page.getByTestId('series-item')).toHaveCount(new Set(manifest().files.map((f) => f.description)).size);
  await page.getByTestId('layout-compare').click();
  const panels = page.locator('.viewport-panel');
  await expect(panels).toHaveCount(2);
  await expect(panels.nth(0).getByTestId('overlay-laterality')).toHaveText('Laterality: LEFT');
  await expect(panels.nth(1).getByTestId('overlay-laterality')).toHaveText('Laterality: RIGHT');
  await expectPainted(page, 0);
  await expectPainted(page, 1);
  // Thumbnails render after the study opens; wait until every one has painted (or given up).
  await expect
    .poll(() =>
      page.locator('.thumbnail').evaluateAll((thumbs) =>
        thumbs.every((t) => {
          if (t.querySelector('.thumbnail-failed')) return true;
          const canvas = t.querySelector('canvas');
          const data = canvas?.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
          return !!data && data.some((v, i) => i % 4 !== 3 && v > 0);
        }),
      ),
    )
    .toBe(true);
  await page.mouse.move(0, 0);
  const shot = await page.screenshot();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  writeFileSync(`${SCREENSHOT_DIR}readme-viewer.png`, shot);
  const committed = existsSync(README_SCREENSHOT) ? readFileSync(README_SCREENSHOT) : null;
  const changed = !committed || (await changedPixels(page.context(), committed, shot)) > 20;
  if (process.env.NERVETRACE_README_SCREENSHOT === '1') {
    if (changed) {
      mkdirSync(`${ROOT}test/e2e/readme`, { recursive: true });
      writeFileSync(README_SCREENSHOT, shot);
    }
  } else if (changed) {
    const note = 'test/e2e/readme/viewer.png is out of date; refresh it with NERVETRACE_README_SCREENSHOT=1';
    test.info().annotations.push({ type: 'note', description: note });
    console.log(note);
  }
  expect(errors).toEqual([]);
});
