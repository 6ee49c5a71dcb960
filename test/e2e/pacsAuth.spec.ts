/**
 * Issue 15 — a PACS with a login (PACS_USER/PACS_PASSWORD: Orthanc's HTTP Basic authentication)
 * behind a reverse proxy, as in the README's nginx example: the viewer is served without a login
 * and `/dicom-web/` is passed to Orthanc (here by the test's request routing). A wrong password gives
 * the message, the right one opens the study; a study deleted meanwhile is said plainly.
 * Its own Orthanc (PACS_E2E_PORT + 1, default 8143).
 */
import { test, expect } from '@playwright/test';
import { expectPainted, screenshot, trackPageErrors } from './helpers';
import { startPacs, type PacsServer } from './pacsServer';

const PORT = Number(process.env.PACS_E2E_PORT || 8142) + 1;
let pacs: PacsServer;

test.beforeAll(async () => {
  pacs = await startPacs(PORT, { user: 'sono', password: 'right-pw', samples: true });
});
test.afterAll(async () => {
  await pacs?.stop();
});

test('with authentication on: the login is asked for, a wrong password is refused, the right one works', async ({ page }) => {
  const errors = trackPageErrors(page);
  // The reverse proxy: /dicom-web/ on the viewer's origin goes to Orthanc, headers and all.
  await page.route('**/dicom-web/**', async (route) => {
    const url = new URL(route.request().url());
    const response = await route.fetch({ url: `${pacs.base}${url.pathname}${url.search}` });
    await route.fulfill({ response });
  });
  // Orthanc itself refuses a request without the login.
  expect((await fetch(`${pacs.base}/dicom-web/studies`)).status).toBe(401);

  // Served at the root, the viewer is told where the PACS is (?pacs=), as the README says.
  await page.goto('./?pacs=%2Fdicom-web');
  await page.getByTestId('start-open-pacs').click();
  await expect(page.getByTestId('pacs-error')).toHaveText('The PACS asked for a login to load the study list: enter your PACS user name and password.');
  await page.getByTestId('pacs-user').fill('sono');
  await page.getByTestId('pacs-password').fill('wrong-pw');
  await page.getByTestId('pacs-search').click();
  await expect(page.getByTestId('pacs-error')).toContainText('asked for a login');
  await expect(page.getByTestId('pacs-study')).toHaveCount(0);
  await screenshot(page, 'pacs-login-refused');

  await page.getByTestId('pacs-password').fill('right-pw');
  await page.getByTestId('pacs-search').click();
  await expect(page.getByTestId('pacs-study')).toHaveCount(2);
  await expect(page.getByTestId('pacs-error')).toHaveCount(0);

  // A study deleted on the server after the list was shown.
  const mr = page.getByTestId('pacs-study').filter({ hasText: 'MR' });
  const studies = (await (await fetch(`${pacs.base}/studies?expand`, { headers: pacs.auth })).json()) as { ID: string; MainDicomTags: { StudyDescription: string } }[];
  const mrId = studies.find((s) => s.MainDicomTags.StudyDescription.startsWith('MR'))!.ID;
  expect((await fetch(`${pacs.base}/studies/${mrId}`, { method: 'DELETE', headers: pacs.auth })).status).toBe(200);
  await mr.getByTestId('pacs-open-study').click();
  await expect(page.getByTestId('pacs-error')).toContainText('The study is no longer on the PACS (it may have been deleted meanwhile)');

  // The ultrasound study opens and its frames (fetched by the image loader) carry the login too.
  await page.getByTestId('pacs-study').filter({ hasText: 'US' }).getByTestId('pacs-open-study').click();
  await expect(page.getByTestId('series-item').first()).toBeVisible();
  await expectPainted(page);
  expect(errors).toEqual([]);
  // Frames still being prefetched through the proxy when the page closes are not a failure.
  await page.unrouteAll({ behavior: 'ignoreErrors' });
});
