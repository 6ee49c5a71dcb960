/**
 * An error nobody caught (a bug) is shown in a banner, not swallowed: the user is told, the
 * measurements already made stay, and the banner can be dismissed. Errors a specific handler has
 * already dealt with (the image decoders' bare-number rejections) are not shown again.
 */
import { test, expect } from '@playwright/test';
import { openSampleFiles, sampleFile, screenshot, showSeries } from './helpers';
import { chooseTool, traceOutline } from './measure';

test('an uncaught error and an unhandled rejection are shown in a banner; the trace already made stays', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto('./');
  await openSampleFiles(page);
  const us = sampleFile((f) => f.description === 'Sciatic gluteal fold R');
  await showSeries(page, us.description);
  await chooseTool(page, 'freehand');
  await traceOutline(page, us.nerves[0]!.outline);
  const items = page.getByTestId('measurement-item');
  await expect(items).toHaveCount(1);
  const stored = await items.first().textContent();
  await expect(page.getByTestId('unexpected-error')).toHaveCount(0);

  await page.evaluate(() => {
    setTimeout(() => {
      throw new Error('simulated bug in a click handler');
    });
    void Promise.reject(new Error('simulated failed promise'));
    // A decoder's bare-number rejection is absorbed by its own handler (decoderRejections.ts).
    void Promise.reject(12345);
  });
  const banner = page.getByTestId('unexpected-error');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('Something went wrong inside NerveTrace');
  await expect(banner).toContainText('Your measurements so far are kept');
  await expect(page.getByTestId('unexpected-error-message')).toHaveText(['simulated bug in a click handler', 'simulated failed promise'], { timeout: 2000 });
  // The error still reaches the console / the page's error event, for the developer.
  expect(pageErrors).toContain('simulated bug in a click handler');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toHaveText(stored!);
  await screenshot(page, 'unexpected-error-banner');

  await page.getByTestId('unexpected-error-dismiss').click();
  await expect(banner).toHaveCount(0);
  await expect(items).toHaveCount(1);
});
