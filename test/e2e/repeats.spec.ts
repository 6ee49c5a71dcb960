/**
 * Issue 12 (numbers, repeats, SR, print) — in real Chromium, as a user works:
 * - excluding a repeat changes the group's mean, is one undo step, and the flag is in the CSV and JSON;
 * - the same stored number in the panel, the CSV and the JSON; a reload shows no correction banner;
 * - a group with calibrated and uncalibrated repeats gives the calibrated mean, its n and how many were left out;
 * - after a DICOM SR import the image label and the panel show the same calibrated value;
 * - an unselected user-edited reference set survives a reload; the import confirmation is on screen;
 * - printing logs no errors, and the printed sources list every key the text cites.
 */
import { test, expect, type ConsoleMessage, type Download, type Page } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { ROOT, SAMPLE_DIR, openSampleFiles, sampleFile, screenshot, showSeries, trackPageErrors, type ManifestFile } from './helpers';
import { traceOutline } from './measure';
import { pdfText } from './pdfText';

const RESULTS = process.env.NERVETRACE_RESULTS || `${ROOT}test-results`;
const DOWNLOADS = `${RESULTS}/repeats-downloads/`;

test.describe.configure({ timeout: 150_000 });

/** Console errors (e.g. Chromium's "attribute transform: Expected number, translate(NaN NaN)"). */
function trackConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

async function saveDownload(page: Page, testId: string): Promise<{ download: Download; path: string }> {
  mkdirSync(DOWNLOADS, { recursive: true });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const path = `${DOWNLOADS}${download.suggestedFilename()}`;
  await download.saveAs(path);
  return { download, path };
}

/** Split RFC 4180 lines without quoted line breaks into records by header. */
function csvRecords(text: string): Record<string, string>[] {
  const split = (line: string) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.slice(0, -1).map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"'));
  const [header, ...lines] = text.trimEnd().split(/\r\n/);
  const names = split(header!);
  return lines.map((l) => Object.fromEntries(split(l).map((c, i) => [names[i]!, c])));
}

async function importSession(page: Page, name: string, text: string) {
  await page.getByTestId('tab-session').click();
  await page.getByTestId('import-input').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

const sampleSession = () => readFileSync(`${SAMPLE_DIR}sample-session.json`, 'utf8');
/** The group summaries of one side of an ultrasound segment (the MR row of the same site is another segment). */
const summaryOf = (page: Page, side: 'L' | 'R', segment = 'Sciatic nerve, gluteal fold') =>
  page
    .getByTestId('measurement-segment')
    .filter({ has: page.locator('th', { hasText: new RegExp(`^${segment}\\s*US$`) }) })
    .locator(`td[data-side="${side}"]`)
    .getByTestId('group-summary');
/** The ellipse of the domain (measureEllipseByDiameters): D1 100 px across, D2 80 px down, at 0.075 mm/px. */
const SPACING = 0.075;
const D1 = [{ x: 400, y: 300 }, { x: 500, y: 300 }];
const D2 = [{ x: 450, y: 260 }, { x: 450, y: 340 }];
const ELLIPSE_AREA = (Math.PI * (100 * SPACING) * (80 * SPACING)) / 4;
function ellipseBeside(template: Record<string, unknown>) {
  const a = (100 * SPACING) / 2;
  const b = (80 * SPACING) / 2;
  const outline = Array.from({ length: 72 }, (_, i) => {
    const t = (2 * Math.PI * i) / 72;
    return { x: 450 + Math.cos(t) * 50, y: 300 + Math.sin(t) * 40 };
  });
  const calibration = template.calibration;
  return {
    ...template,
    id: 'ellipse-1',
    label: 'E1',
    method: 'ellipse',
    contour: outline,
    diameters: [D1, D2],
    metrics: { calibrated: true, areaMm2: ELLIPSE_AREA, perimeterMm: Math.PI * (3 * (a + b) - Math.sqrt((3 * a + b) * (a + 3 * b))), calibration },
    intensity: null,
  };
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const sd = (values: number[]) => Math.sqrt(values.reduce((a, v) => a + (v - mean(values)) ** 2, 0) / (values.length - 1));

test('exclude a repeat: the mean changes, one undo restores it, the flag is exported; a reload shows no correction', async ({ page }) => {
  const errors = trackPageErrors(page);
  await page.goto('./');
  const session = JSON.parse(sampleSession());
  // An ellipse as NerveTrace stores it (area π·D1·D2/4 from its diameters, its outline for display) beside A7.
  session.measurements.push(ellipseBeside(session.measurements.find((m: { label: string }) => m.label === 'A7')));
  await importSession(page, 'sample-session.json', JSON.stringify(session));
  await expect(page.getByTestId('session-notice')).toContainText('Imported sample-session.json (11 measurements)');
  // The app's own numbers come back as stored: nothing "corrected" (the ellipse was, from its outline polygon).
  await expect(page.getByTestId('rehydration-banner')).toHaveCount(0);
  // The panel works on the restored measurements without their images. (Opening the images first would
  // add undo steps of its own: re-attaching rewrites each contour at Cornerstone's float32 precision.)

  const left = session.measurements.filter((m: { side: string; site: string; modality: string }) => m.side === 'L' && m.site === 'gluteal-fold' && m.modality === 'US');
  const areas: number[] = left.map((m: { metrics: { areaMm2: number } }) => m.metrics.areaMm2);
  expect(areas).toHaveLength(3);
  await page.getByTestId('tab-measurements').click();
  await expect(summaryOf(page, 'L')).toHaveText(`mean ${mean(areas).toFixed(1)} ± ${sd(areas).toFixed(1)} mm² (n=3)`);

  // Untick A3: kept and marked, left out of the mean.
  const a3 = page.locator('.repeat').filter({ has: page.locator('[data-label="A3"]') });
  await a3.getByTestId('measurement-include').uncheck();
  const kept = areas.slice(0, 2);
  await expect(summaryOf(page, 'L')).toHaveText(`mean ${mean(kept).toFixed(1)} ± ${sd(kept).toFixed(1)} mm² (n=2, 1 excluded)`);
  await expect(page.locator('[data-label="A3"]')).toHaveAttribute('data-excluded', 'true');
  await expect(page.locator('[data-label="A3"]')).toContainText('excluded');
  await screenshot(page, 'repeats-excluded');

  // One undo step brings it back; redo excludes it again.
  await page.keyboard.press('Control+z');
  await expect(summaryOf(page, 'L')).toHaveText(`mean ${mean(areas).toFixed(1)} ± ${sd(areas).toFixed(1)} mm² (n=3)`);
  await page.keyboard.press('Control+y');
  await expect(summaryOf(page, 'L')).toContainText('(n=2, 1 excluded)');

  // Traced and ellipse repeats are summarised apart until the user pools them.
  const midThigh = summaryOf(page, 'L', 'Sciatic nerve, mid-thigh');
  const a7 = session.measurements.find((m: { label: string }) => m.label === 'A7').metrics.areaMm2 as number;
  await expect(midThigh).toHaveText([`Traced: mean ${a7.toFixed(1)} mm² (n=1)`, `Ellipse: mean ${ELLIPSE_AREA.toFixed(1)} mm² (n=1)`]);
  await page.getByTestId('pool-methods').check();
  await expect(midThigh).toHaveText(`Traced + ellipse pooled: mean ${mean([a7, ELLIPSE_AREA]).toFixed(1)} ± ${sd([a7, ELLIPSE_AREA]).toFixed(1)} mm² (n=2)`);

  // The comparison follows: the left mean is of A1 and A2.
  await page.getByTestId('tab-session').click();
  const csv = csvRecords(readFileSync((await saveDownload(page, 'export-csv')).path, 'utf8'));
  const json = JSON.parse(readFileSync((await saveDownload(page, 'export-json')).path, 'utf8'));
  expect(csv.map((r) => [r.Label, r['Excluded from mean']])).toContainEqual(['A3', 'yes']);
  expect(csv.filter((r) => r['Excluded from mean'] === 'yes')).toHaveLength(1);
  expect(json.measurements.filter((m: { excluded?: boolean }) => m.excluded === true).map((m: { label: string }) => m.label)).toEqual(['A3']);
  // One number: the CSV holds exactly the JSON's stored doubles (full precision), the panel rounds them.
  for (const row of csv) {
    const stored = json.measurements.find((m: { label: string }) => m.label === row.Label).metrics.areaMm2 as number;
    expect(Number(row['Area (mm2)'])).toBe(stored);
  }
  const lr = csvRecords(readFileSync((await saveDownload(page, 'export-csv-lr')).path, 'utf8'));
  const gluteal = lr.find((r) => r.Site === 'Gluteal fold' && r.Modality === 'US')!;
  expect(gluteal['Left n']).toBe('2');
  const exportedKept = json.measurements.filter((m: { label: string }) => m.label === 'A1' || m.label === 'A2').map((m: { metrics: { areaMm2: number } }) => m.metrics.areaMm2);
  expect(Number(gluteal['Left mean (mm2)'])).toBeCloseTo(mean(exportedKept), 9);

  // Reload: the same session, the exclusion kept, no correction banner.
  await expect(page.getByTestId('session-status')).toContainText('saved automatically in this browser at');
  await page.waitForTimeout(800); // the autosave debounce (300 ms) after the last change
  await page.reload();
  await expect(page.getByTestId('waiting-banner')).toContainText('11 measurements waiting');
  await expect(page.getByTestId('rehydration-banner')).toHaveCount(0);
  await page.getByTestId('tab-session').click();
  await expect(page.getByTestId('session-notice')).toContainText('Restored the last session');
  await expect(page.getByTestId('session-warnings')).toHaveCount(0);
  await page.getByTestId('tab-measurements').click();
  await expect(summaryOf(page, 'L')).toContainText('(n=2, 1 excluded)');
  await expect(summaryOf(page, 'L', 'Sciatic nerve, mid-thigh')).toContainText('Traced + ellipse pooled');
  expect(json.options.poolMethods).toBe(true);
  expect(errors).toEqual([]);
});

test('a group with calibrated and uncalibrated repeats shows the calibrated mean with its n and says how many were left out', async ({ page }) => {
  const errors = trackPageErrors(page);
  await page.goto('./');
  const session = JSON.parse(sampleSession());
  await importSession(page, 'sample-session.json', JSON.stringify(session));
  await expect(page.getByTestId('session-notice')).toContainText('Imported sample-session.json');
  await openSampleFiles(page);
  const right: number[] = session.measurements
    .filter((m: { side: string; site: string; modality: string }) => m.side === 'R' && m.site === 'gluteal-fold' && m.modality === 'US')
    .map((m: { metrics: { areaMm2: number } }) => m.metrics.areaMm2);

  // A fourth right gluteal-fold repeat, traced on the image without a scale (px only).
  const uncalibrated = sampleFile((f) => f.description === 'Sciatic gluteal fold R uncalibrated');
  await showSeries(page, uncalibrated.description);
  await page.getByTestId('tool-freehand').click();
  await traceOutline(page, uncalibrated.nerves[0]!.outline);
  await page.getByTestId('tab-measurements').click();
  await expect(page.locator('td[data-side="R"]').getByTestId('measurement-item').filter({ hasText: 'px² (uncalibrated)' })).toHaveCount(1);
  await expect(summaryOf(page, 'R')).toHaveText(`mean ${mean(right).toFixed(1)} ± ${sd(right).toFixed(1)} mm² (n=3, 1 uncalibrated left out)`);
  await screenshot(page, 'repeats-mixed-calibration');

  // The comparison uses the same three and says the pixel repeat was not compared.
  await page.getByTestId('tab-comparison').click();
  await expect(page.getByTestId('comparison-panel')).toContainText('Right values were measured without a millimetre calibration');
  expect(errors).toEqual([]);
});

test('DICOM SR import: the image label and the panel show the same calibrated value', async ({ page }) => {
  const errors = trackPageErrors(page);
  await page.goto('./');
  // A session with one trace on the image without a scale, calibrated by the user from its depth ticks (10 mm = 160 px).
  const file = sampleFile((f) => f.description === 'Sciatic gluteal fold R uncalibrated') as ManifestFile & {
    studyInstanceUid: string;
    seriesInstanceUid: string;
    sopInstanceUid: string;
    depthTicks: { x: number };
  };
  const template = JSON.parse(sampleSession());
  const user = { source: 'user', rowSpacingMm: 0.0625, columnSpacingMm: 0.0625, description: 'User calibration: 0.0625 mm/px' };
  const outline = file.nerves[0]!.outline.map(([x, y]) => ({ x, y }));
  let twiceArea = 0;
  let perimeter = 0;
  outline.forEach((p, i) => {
    const q = outline[(i + 1) % outline.length]!;
    twiceArea += p.x * q.y - q.x * p.y;
    perimeter += Math.hypot(q.x - p.x, q.y - p.y);
  });
  const measurement = {
    ...template.measurements[3],
    id: 'user-calibrated-1',
    label: 'A1',
    image: { studyInstanceUid: file.studyInstanceUid, seriesInstanceUid: file.seriesInstanceUid, sopInstanceUid: file.sopInstanceUid, frameIndex: 0, fileName: file.file },
    contour: outline,
    calibration: user,
    metrics: { calibrated: true, areaMm2: (Math.abs(twiceArea) / 2) * 0.0625 ** 2, perimeterMm: perimeter * 0.0625, calibration: user },
  };
  const session = {
    ...template,
    emg: [],
    ncs: [],
    calibrations: [
      {
        scope: 'image',
        seriesInstanceUid: file.seriesInstanceUid,
        sopInstanceUid: file.sopInstanceUid,
        calibration: user,
        line: { start: { x: file.depthTicks.x, y: 40 }, end: { x: file.depthTicks.x, y: 200 }, knownLengthMm: 10 },
      },
    ],
    measurements: [measurement],
  };
  await importSession(page, 'user-calibrated.json', JSON.stringify(session));
  await expect(page.getByTestId('session-notice')).toContainText('Imported user-calibrated.json (1 measurement)');
  await openSampleFiles(page);
  await page.getByTestId('tab-measurements').click();
  const item = page.getByTestId('measurement-item').first();
  await expect(item).toContainText(/A1 \d+\.\d mm²/);
  const panelArea = /A1 (\d+\.\d mm²)/.exec((await item.textContent()) ?? '')![1]!;
  await item.click();
  const labels = page.locator('.viewport-panel').first().locator('svg text');
  await expect(labels.filter({ hasText: `A1 = ${panelArea}` })).toHaveCount(1);

  // Export the SR, start a new session (no user calibration any more), import the SR.
  await page.getByTestId('tab-session').click();
  await page.getByTestId('export-identified').check();
  const sr = (await saveDownload(page, 'export-sr')).path;
  await page.getByTestId('session-new').click();
  await page.getByTestId('tab-measurements').click();
  await expect(page.getByTestId('measurement-item')).toHaveCount(0);
  await page.getByTestId('tab-session').click();
  await page.getByTestId('import-sr-input').setInputFiles(sr);
  await expect(page.getByTestId('export-message')).toContainText('Imported 1 measurement');
  await expect(page.getByTestId('export-message')).toContainText('user calibration was added');
  await page.getByTestId('tab-measurements').click();
  await expect(page.getByTestId('measurement-item').first()).toContainText(`A1 ${panelArea}`);
  await page.getByTestId('measurement-item').first().click();
  await expect(page.getByTestId('detail-calibration')).toContainText('User calibration');
  // The label on the image: the same mm² value, not pixels.
  await expect(labels.filter({ hasText: `A1 = ${panelArea}` })).toHaveCount(1);
  await expect(labels.filter({ hasText: 'px²' })).toHaveCount(0);
  await screenshot(page, 'repeats-sr-import-label');
  expect(errors).toEqual([]);
});

test('an unselected user-edited reference set survives a reload; the import confirmation is on screen', async ({ page }) => {
  await page.goto('./');
  await importSession(page, 'sample-session.json', sampleSession());
  await expect(page.getByTestId('session-notice')).toContainText('Imported sample-session.json');

  // Change the ratio (creates a user set), then switch back to the built-in set.
  await page.getByTestId('tab-comparison').click();
  const picker = page.getByTestId('reference-set-select');
  await page.getByTestId('reference-set-details').locator('summary').click();
  await page.getByTestId('ratio-input').fill('1.7');
  await page.getByTestId('ratio-apply').click();
  await expect(page.getByTestId('reference-set-name')).toHaveText('Chen 2018 / Dutch table (user-edited)');
  const options = () => picker.locator('option').allTextContents();
  expect(await options()).toContain('Chen 2018 / Dutch table (user-edited)');
  await picker.selectOption({ label: 'Chen 2018 / Dutch table' });
  await expect(page.getByTestId('reference-set-name')).toHaveText('Chen 2018 / Dutch table');
  await page.waitForTimeout(800); // the autosave debounce (300 ms)
  await page.reload();
  await page.getByTestId('tab-comparison').click();
  await expect(page.getByTestId('reference-set-name')).toHaveText('Chen 2018 / Dutch table');
  expect(await options()).toContain('Chen 2018 / Dutch table (user-edited)');
  await picker.selectOption({ label: 'Chen 2018 / Dutch table (user-edited)' });
  await expect(page.getByTestId('reference-set-editor')).toContainText('now 1.70 (user)');

  // Importing over a session with measurements asks first, in a dialog on screen (not below the fold).
  await page.setViewportSize({ width: 1280, height: 600 });
  await importSession(page, 'again.json', sampleSession());
  const dialog = page.getByTestId('import-confirm');
  await expect(dialog).toBeVisible();
  await expect(dialog).toBeInViewport();
  await expect(page.getByTestId('import-replace')).toBeFocused();
  await screenshot(page, 'repeats-import-confirm');
  await page.getByTestId('import-cancel').click();
  await expect(dialog).toHaveCount(0);
});

test('print: no page or console errors, and the printed sources list every key the text cites', async ({ page }) => {
  const pageErrors = trackPageErrors(page);
  const consoleErrors = trackConsoleErrors(page);
  await page.goto('./');
  await importSession(page, 'sample-session.json', sampleSession());
  await expect(page.getByTestId('session-notice')).toContainText('Imported sample-session.json');
  await openSampleFiles(page);
  await page.getByTestId('tab-session').click();
  await page.getByTestId('print-report').click();
  const report = page.getByTestId('print-view');
  await expect(report.getByTestId('key-images')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });

  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  mkdirSync(DOWNLOADS, { recursive: true });
  const pdfPath = `${DOWNLOADS}repeats-report.pdf`;
  writeFileSync(pdfPath, pdf);
  // Page images to look at (poppler's pdftoppm, when installed).
  spawnSync('pdftoppm', ['-png', '-r', '50', pdfPath, `${DOWNLOADS}repeats-report-page`]);

  // Every source key cited in the printed text is listed under Sources.
  const text = pdfText(pdf).replace(/\s+/g, ' ');
  const [body, sources] = text.split(/\bSources\b(?!.*\bSources\b)/);
  const cited = new Set(body!.match(/\bS\d{1,2}\b/g));
  const listed = new Set(sources!.match(/\bS\d{1,2}(?=:)/g));
  expect(cited.size).toBeGreaterThan(3);
  expect([...cited].filter((key) => !listed.has(key))).toEqual([]);

  await page.getByTestId('print-close').click();
  expect(pageErrors).toEqual([]);
  expect(consoleErrors).toEqual([]);
});
