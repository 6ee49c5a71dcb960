/**
 * Issue 20 — hostile strings from DICOM files and imported sessions (markup, a Vue-style
 * "{{ }}" template, a right-to-left override, control characters) are shown as text in every
 * view that shows them: study browser, viewport overlay, measurements panel, Report tab and the
 * print report. Nothing runs, nothing is evaluated, nothing becomes an element; the override
 * cannot leak out of the name it is in.
 */
import { test, expect, type Locator, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SAMPLE_DIR, expectPainted, sampleFiles, screenshot, trackPageErrors } from './helpers';
import { readBack, uid, writePart10 } from '../../scripts/samples/dicom.ts';

const RLO = '\u202e';
/** DICOM text is read as ISO-IR 6 / Latin-1 bytes, so it can carry markup and control characters but no bidi override. */
const HOSTILE_DICOM = `<img src=x onerror="window.__pwned=1">{{ 7*7 }} gpj.exe \u0007\u001b[31m<b>bold</b>`;
/** A session is UTF-8 JSON: the same, with a right-to-left override. */
const HOSTILE = `<img src=x onerror="window.__pwned=2">{{ 7*7 }} ${RLO}gpj.exe \u0007\u001b[31m<b>bold</b>`;
const dir = mkdtempSync(join(tmpdir(), 'nervetrace-hostile-text-'));

function hostileDicom(): string {
  const ds = readBack(new Uint8Array(readFileSync(`${SAMPLE_DIR}us/us-sciatic-gluteal-R.dcm`)));
  delete ds._vrMap;
  const bytes = writePart10(
    {
      ...ds,
      _vrMap: { PixelData: 'OB' },
      PatientName: `Hostile^${HOSTILE_DICOM}`,
      PatientID: '{{ 7*7 }}',
      StudyDescription: HOSTILE_DICOM,
      SeriesDescription: HOSTILE_DICOM,
      StudyInstanceUID: uid(21, 1),
      SeriesInstanceUID: uid(21, 1, 1),
      SOPInstanceUID: uid(21, 1, 1, 1),
    },
    '1.2.840.10008.1.2.1',
  );
  const path = join(dir, 'hostile-text.dcm');
  writeFileSync(path, bytes);
  return path;
}

/** The sample session with a hostile measurement label and a hostile custom site name. */
function hostileSession(): string {
  const session = JSON.parse(readFileSync(`${SAMPLE_DIR}sample-session.json`, 'utf8')) as {
    measurements: { label: string; site: string }[];
  };
  session.measurements[0]!.label = HOSTILE;
  session.measurements[1]!.site = `custom:${HOSTILE}`;
  const path = join(dir, 'hostile-session.json');
  writeFileSync(path, JSON.stringify(session));
  return path;
}

/** One of the elements' text holds the hostile string exactly, as characters. */
async function expectHoldsAsText(locator: Locator, what: string, hostile = HOSTILE) {
  const texts = await locator.evaluateAll((els) => els.map((el) => el.textContent ?? ''));
  expect(texts.some((t) => t.includes(hostile)), `${what}: ${JSON.stringify(texts)}`).toBe(true);
}

async function expectNothingRan(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator('b', { hasText: 'bold' })).toHaveCount(0);
}

test('hostile DICOM and session strings are text in the study browser, overlay, panel, report and print', async ({ page }) => {
  const errors = trackPageErrors(page);
  const dialogs: string[] = [];
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  await page.goto('./');
  await page.getByTestId('tab-session').click();
  await page.getByTestId('import-input').setInputFiles(hostileSession());
  await expect(page.getByTestId('session-notice')).toContainText('Imported hostile-session.json (10 measurements)');
  await page.getByTestId('file-input').setInputFiles([...sampleFiles(), hostileDicom()]);
  await expect(page.getByTestId('waiting-banner')).toHaveCount(0);

  // Study browser and overlay (DICOM strings).
  const browser = page.getByTestId('study-browser');
  await expectHoldsAsText(browser.locator('.patient-name'), 'patient name', HOSTILE_DICOM);
  await expect(browser.locator('.patient-name small').filter({ hasText: '{{ 7*7 }}' })).toHaveCount(1);
  await expectHoldsAsText(browser.locator('.study-description'), 'study description', HOSTILE_DICOM);
  const series = page.getByTestId('series-description');
  await expectHoldsAsText(series, 'series description', HOSTILE_DICOM);
  await page.getByTestId('series-item').filter({ has: page.getByTestId('series-description').filter({ hasText: 'gpj.exe' }) }).click();
  await expectHoldsAsText(page.locator('.viewport-panel').first().getByTestId('overlay-modality'), 'overlay', HOSTILE_DICOM);
  await expectPainted(page);
  // An override cannot leak out of a name into the text around it: the names are bidi-isolated.
  for (const locator of [browser.locator('.patient-name bdi').first(), browser.locator('.study-description').first(), series.first(), page.getByTestId('overlay-modality').locator('bdi')]) {
    expect(await locator.evaluate((el) => getComputedStyle(el).unicodeBidi)).toBe('isolate');
  }
  await screenshot(page, 'hostile-text-browser');

  // Measurements panel and Report tab (imported session strings).
  await page.getByTestId('tab-measurements').click();
  await expectHoldsAsText(page.getByTestId('measurement-item'), 'measurement label');
  // The label's override does not reorder the area and circumference written after it.
  const label = page.getByTestId('measurement-item').locator('strong').filter({ hasText: 'gpj.exe' });
  expect(await label.evaluate((el) => getComputedStyle(el).unicodeBidi)).toBe('isolate');
  await page.getByTestId('tab-report').click();
  await expectHoldsAsText(page.getByTestId('report-panel'), 'report');
  await expectNothingRan(page);

  // Print report.
  await page.getByTestId('tab-session').click();
  await page.getByTestId('print-report').click();
  const report = page.getByTestId('print-view');
  await expect(report.getByTestId('print-measurement-row')).toHaveCount(10);
  await expectHoldsAsText(report.getByTestId('print-measurement-row'), 'print row');
  await screenshot(page, 'hostile-text-print');
  await expectNothingRan(page);
  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
});
