/**
 * Issues 6 and 8 — nothing lost, everything exportable: autosave to IndexedDB and restore on
 * reload (measurements re-attach to their images by SOP Instance UID), an abrupt close loses
 * nothing, session import refuses hostile or broken files without touching the current session,
 * CSV / DICOM SR downloads, the printed report as PDF, and a storage failure that offers an export.
 */
import { test, expect, type Download, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { ROOT, SAMPLE_DIR, manifest, openSampleFiles, screenshot, showSeries, trackPageErrors, type ManifestFile } from './helpers';
import { traceOutline, numberIn } from './measure';
import { pdfText } from './pdfText';

const DOWNLOADS = `${ROOT}test-results/session-downloads/`;

// Several traces with the mouse, reloads and new pages per test: more than the default minute on a busy machine.
test.describe.configure({ timeout: 120_000 });

function file(predicate: (f: ManifestFile) => boolean): ManifestFile {
  const found = manifest().files.find(predicate);
  if (!found) throw new Error('sample missing');
  return found;
}

const openSample = openSampleFiles;

/** Trace the sciatic nerve on the left and the right gluteal-fold ultrasound images. */
async function traceBothSides(page: Page) {
  await page.getByTestId('tool-freehand').click();
  for (const description of ['Sciatic gluteal fold L', 'Sciatic gluteal fold R']) {
    await showSeries(page, description);
    const before = await page.getByTestId('measurement-item').count();
    await traceOutline(page, file((f) => f.description === description).nerves[0]!.outline);
    await expect(page.getByTestId('measurement-item')).toHaveCount(before + 1);
  }
}

/** "A1 58.2 mm² · 29.4 mm freehand" for every measurement, in panel order. */
async function panelTexts(page: Page): Promise<string[]> {
  await page.getByTestId('tab-measurements').click();
  return (await page.getByTestId('measurement-item').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
}

async function waitForAutosave(page: Page, measurements: number) {
  await page.getByTestId('tab-session').click();
  await expect(page.getByTestId('session-status')).toContainText('saved automatically in this browser at');
  await expect(page.getByTestId('saved-session').filter({ hasText: `${measurements} measurement` })).toHaveCount(1);
}

async function saveDownload(page: Page, testId: string): Promise<{ download: Download; path: string }> {
  mkdirSync(DOWNLOADS, { recursive: true });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const path = `${DOWNLOADS}${download.suggestedFilename()}`;
  await download.saveAs(path);
  return { download, path };
}

/** Outlines drawn by Cornerstone in the viewport's SVG layer. */
function contoursOnScreen(page: Page) {
  return page.locator('.viewport-panel').first().locator('svg path, svg polyline');
}

test('autosave: a reload restores the session; opening the same files brings the contours and the same numbers back', async ({ page }) => {
  const errors = trackPageErrors(page);
  await page.goto('./');
  await openSample(page);
  await traceBothSides(page);
  const before = await panelTexts(page);
  expect(before).toHaveLength(2);

  // Export JSON (de-identified by default): a download with both measurements and no patient.
  await page.getByTestId('tab-session').click();
  const { path } = await saveDownload(page, 'export-json');
  const exported = JSON.parse(readFileSync(path, 'utf8'));
  expect(exported.schemaVersion).toBe(2);
  expect(exported.measurements).toHaveLength(2);
  expect(exported.patient).toBeUndefined();
  expect(exported.measurements[0].image.fileName).toMatch(/^image-\d{4}\.dcm$/);
  await waitForAutosave(page, 2);

  await page.reload();
  // Restored without the images: the panel has the numbers, a banner says they wait for their images.
  await expect(page.getByTestId('start-screen')).toBeVisible();
  await expect(page.getByTestId('waiting-banner')).toContainText('2 measurements waiting for their images');
  expect(await panelTexts(page)).toEqual(before);
  await page.getByTestId('tab-session').click();
  await expect(page.getByTestId('session-notice')).toContainText('Restored the last session');
  await expect(page.getByTestId('session-waiting')).toContainText('2 measurements waiting');
  await screenshot(page, 'session-restored-waiting');

  // Opening the same files again re-attaches the measurements to their images.
  await openSample(page);
  await expect(page.getByTestId('waiting-banner')).toHaveCount(0);
  for (const description of ['Sciatic gluteal fold L', 'Sciatic gluteal fold R']) {
    await showSeries(page, description);
    await expect.poll(() => contoursOnScreen(page).count()).toBeGreaterThan(0);
  }
  expect(await panelTexts(page)).toEqual(before);
  await screenshot(page, 'session-reattached');
  // The same session continues (no second saved session was made).
  await page.getByTestId('tab-session').click();
  await expect(page.getByTestId('saved-session')).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('no work lost: the page is closed abruptly; a new page in the same browser finds every measurement', async ({ context }) => {
  const page = await context.newPage();
  await page.goto('./');
  await openSample(page);
  const mr = file((f) => f.file.endsWith('mr-stir-axial-09.dcm'));
  await showSeries(page, 'MR axial thigh STIR');
  await page.getByTestId('frame-slider').fill('8');
  await expect(page.locator('.viewport-panel').first().getByTestId('overlay-position')).toHaveText('Image 9/16');
  await page.getByTestId('tool-freehand').click();
  for (const nerve of mr.nerves) await traceOutline(page, nerve.outline);
  await showSeries(page, 'Sciatic mid-thigh R');
  await traceOutline(page, file((f) => f.description === 'Sciatic mid-thigh R').nerves[0]!.outline);
  await expect(page.getByTestId('measurement-item')).toHaveCount(3);
  const before = await panelTexts(page);
  // No waiting for a save confirmation: a second later the page is killed without unload handlers.
  await page.waitForTimeout(1000);
  await page.close({ runBeforeUnload: false });

  const again = await context.newPage();
  await again.goto('./');
  await expect(again.getByTestId('waiting-banner')).toContainText('3 measurements waiting for their images');
  expect(await panelTexts(again)).toEqual(before);
  await openSample(again);
  await showSeries(again, 'MR axial thigh STIR');
  await expect(again.getByTestId('waiting-banner')).toHaveCount(0);
  expect(await panelTexts(again)).toEqual(before);
});

test('import: broken and hostile files are refused with the path of the problem; the current session is untouched', async ({ page }) => {
  const errors = trackPageErrors(page);
  await page.goto('./');
  await openSample(page);
  await page.getByTestId('tool-freehand').click();
  await showSeries(page, 'Sciatic gluteal fold L');
  await traceOutline(page, file((f) => f.description === 'Sciatic gluteal fold L').nerves[0]!.outline);
  await expect(page.getByTestId('measurement-item')).toHaveCount(1);
  await page.getByTestId('tab-session').click();
  const { path } = await saveDownload(page, 'export-json');
  const good = readFileSync(path, 'utf8');
  const session = JSON.parse(good);
  // A second measurement after the export: the current session differs from the file.
  await showSeries(page, 'Sciatic gluteal fold R');
  await traceOutline(page, file((f) => f.description === 'Sciatic gluteal fold R').nerves[0]!.outline);
  await page.getByTestId('tab-measurements').click();
  await expect(page.getByTestId('measurement-item')).toHaveCount(2);
  const current = await panelTexts(page);

  const area = session.measurements[0].metrics.areaMm2 as number;
  const bad: Array<[string, string, RegExp]> = [
    ['syntax.json', good.slice(0, good.length / 2), /is not valid JSON: .*\(line \d+, column \d+\)/],
    ['version.json', JSON.stringify({ ...session, schemaVersion: 3 }), /^schemaVersion: Unsupported session schema version 3/],
    ['proto.json', good.replace('"contour": [', '"__proto__": { "polluted": true }, "contour": ['), /forbidden key "__proto__" at measurements\[0\]\.__proto__/],
    // V8 gives no position for this one; its message quotes the offending field.
    ['nan.json', good.replace(`"areaMm2": ${area}`, '"areaMm2": NaN'), /is not valid JSON: Unexpected token 'N', .*"areaMm2": NaN/],
    [
      'string.json',
      JSON.stringify({ ...session, measurements: [{ ...session.measurements[0], metrics: { ...session.measurements[0].metrics, areaMm2: '58.2' } }] }),
      /^measurements\[0\]\.metrics\.areaMm2: expected a finite number, got text "58\.2"/,
    ],
    [
      'huge.json',
      JSON.stringify({ ...session, emg: Array.from({ length: 20_000 }, () => ({ muscle: 'tibialis-anterior', side: 'R' })) }),
      /^emg: has 20000 items, more than the limit of 10000/,
    ],
  ];
  await page.getByTestId('tab-session').click();
  for (const [name, text, expected] of bad) {
    await page.getByTestId('import-input').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect(page.getByTestId('import-error')).toContainText(`${name} was not imported; the current session is unchanged.`);
    await expect(page.getByTestId('import-issue').first()).toHaveText(expected);
    await expect(page.getByTestId('import-confirm')).toHaveCount(0);
    if (name === 'proto.json') await screenshot(page, 'session-import-refused');
  }
  expect(await page.evaluate(() => (Object.prototype as Record<string, unknown>).polluted)).toBeUndefined();
  expect(await panelTexts(page)).toEqual(current);

  // The valid file: confirmation (the current session has measurements), then it replaces it.
  await page.getByTestId('tab-session').click();
  await page.getByTestId('import-input').setInputFiles(path);
  await expect(page.getByTestId('import-confirm')).toContainText('Replace the current session (2 measurements)');
  await page.getByTestId('import-cancel').click();
  expect(await panelTexts(page)).toEqual(current);
  await page.getByTestId('tab-session').click();
  await page.getByTestId('import-input').setInputFiles(path);
  await page.getByTestId('import-replace').click();
  await expect(page.getByTestId('session-notice')).toContainText('Imported');
  const imported = await panelTexts(page);
  expect(imported).toEqual([current[0]]);
  // The previous session is still in the list and can be reopened.
  await page.getByTestId('tab-session').click();
  await expect(page.getByTestId('saved-session')).toHaveCount(2);
  await page.getByTestId('saved-open').and(page.locator(':not([disabled])')).first().click();
  await expect(page.getByTestId('session-notice')).toContainText('Opened the session');
  expect(await panelTexts(page)).toEqual(current);
  expect(errors).toEqual([]);
});

test('exports: measurements CSV (one row per measurement, mm²), left/right CSV, DICOM SR', async ({ page }) => {
  await page.goto('./');
  await openSample(page);
  await traceBothSides(page);
  const texts = await panelTexts(page);
  await page.getByTestId('tab-session').click();

  const csv = readFileSync((await saveDownload(page, 'export-csv')).path, 'utf8').trim().split(/\r?\n/);
  expect(csv).toHaveLength(3);
  const header = csv[0]!.split(',');
  const areaColumn = header.indexOf('Area (mm2)');
  expect(areaColumn).toBeGreaterThan(0);
  const csvAreas = csv.slice(1).map((line) => Number(line.split(',')[areaColumn]));
  const panelAreas = texts.map((t) => numberIn(t, 'mm²'));
  expect(csvAreas.map((a) => a.toFixed(1)).sort()).toEqual(panelAreas.map((a) => a.toFixed(1)).sort());

  const lr = readFileSync((await saveDownload(page, 'export-csv-lr')).path, 'utf8').trim().split(/\r?\n/);
  expect(lr).toHaveLength(2);
  expect(lr[0]).toContain('Left mean (mm2)');
  expect(lr[1]).toContain('Sciatic');

  const sr = (await saveDownload(page, 'export-sr')).path;
  const bytes = readFileSync(sr);
  expect(bytes.subarray(128, 132).toString('latin1')).toBe('DICM');
  // dcmtk is installed by scripts/test.mjs; when present, dsrdump must read the file without a
  // complaint and show the areas in UCUM mm2.
  const dump = spawnSync('dsrdump', [sr], { encoding: 'utf8' });
  if ((dump.error as NodeJS.ErrnoException | undefined)?.code !== 'ENOENT') {
    expect(dump.status, dump.stderr).toBe(0);
    expect(dump.stderr).toBe('');
    expect(dump.stdout).toContain('Imaging Measurement Report');
    expect(dump.stdout).toMatch(/"Area"\)="[0-9.]+" \(mm2,UCUM/);
  }
  await expect(page.getByTestId('export-message')).toContainText('(de-identified)');
});

test('printed report: sample session with EMG, key images with their contours, printed to PDF', async ({ page }) => {
  const errors = trackPageErrors(page);
  await page.goto('./');
  await page.getByTestId('tab-session').click();
  await page.getByTestId('import-input').setInputFiles(`${SAMPLE_DIR}sample-session.json`);
  await expect(page.getByTestId('session-notice')).toContainText('Imported sample-session.json (10 measurements)');
  await openSample(page);
  await expect(page.getByTestId('waiting-banner')).toHaveCount(0);

  await page.getByTestId('export-identified').check();
  await page.getByTestId('print-report').click();
  const report = page.getByTestId('print-view');
  await expect(report.getByTestId('key-images')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  await expect(report.getByTestId('key-image')).toHaveCount(5);
  await expect(report.locator('[data-testid="key-image"][data-status="ready"]')).toHaveCount(5);
  await expect(report.getByTestId('print-measurement-row')).toHaveCount(10);
  // Every key image is a real picture: loaded and not blank.
  const sizes = await report.locator('figure img').evaluateAll((imgs) =>
    (imgs as HTMLImageElement[]).map((img) => ({ w: img.naturalWidth, h: img.naturalHeight, done: img.complete })),
  );
  expect(sizes.every((s) => s.done && s.w > 300 && s.h > 200)).toBe(true);
  for (const section of ['measurements', 'asymmetry', 'electrodiagnosis', 'localization', 'concordance', 'limitations']) {
    await expect(report.getByTestId(`print-section-${section}`)).toBeVisible();
  }
  const domText = (await report.getByTestId('print-page').innerText()).replace(/\s+/g, ' ');
  for (const expected of ['NerveTrace clinical report', 'Left–right comparison', 'EMG localization', 'Imaging and EMG', 'Limitations', 'Key images', 'mm²']) {
    expect(domText).toContain(expected);
  }
  await screenshot(page, 'session-print-view');
  await report.locator('figure').first().screenshot({ path: `${ROOT}test/e2e/screenshots/session-key-image.png` });

  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  // What the print stylesheet lays out (only the report, flowing over pages).
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('#app')).toBeHidden();
  await page.screenshot({ path: `${ROOT}test/e2e/screenshots/session-print-media.png`, fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  mkdirSync(DOWNLOADS, { recursive: true });
  writeFileSync(`${DOWNLOADS}report.pdf`, pdf);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(10_000);
  // The PDF's own text (decoded from its content streams and font maps, no external tool).
  const text = pdfText(pdf).replace(/\s+/g, ' ');
  for (const expected of ['NerveTrace clinical report', 'Measurements', 'Left–right comparison', 'EMG localization', 'Imaging and EMG', 'Limitations', 'Key images', 'Sciatic nerve']) {
    expect(text, `PDF text should contain "${expected}"`).toContain(expected);
  }
  expect(text).toMatch(/\d+\.\d mm²/);
  await page.getByTestId('print-close').click();
  await expect(report).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('IndexedDB quota error: a visible warning offers to export the session, which downloads everything', async ({ page }) => {
  await page.addInitScript(() => {
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.goto('./');
  await openSample(page);
  await page.getByTestId('tool-freehand').click();
  await showSeries(page, 'Sciatic gluteal fold R');
  await traceOutline(page, file((f) => f.description === 'Sciatic gluteal fold R').nerves[0]!.outline);
  const warning = page.getByTestId('storage-warning');
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('Your work is not being saved');
  await expect(warning).toContainText('storage for this page is full');
  await screenshot(page, 'session-quota-warning');
  const { path } = await saveDownload(page, 'storage-export');
  const backup = JSON.parse(readFileSync(path, 'utf8'));
  expect(backup.measurements).toHaveLength(1);
  // The measurement is still in the page.
  await expect(page.getByTestId('measurement-item')).toHaveCount(1);
});

test('DICOM SR round trip: an identified SR imported back restores the measurements on their images', async ({ page }) => {
  const errors = trackPageErrors(page);
  await page.goto('./');
  await openSample(page);
  await traceBothSides(page);
  const before = (await panelTexts(page)).sort();
  await page.getByTestId('tab-session').click();
  await page.getByTestId('export-identified').check();
  const sr = (await saveDownload(page, 'export-sr')).path;

  // Remove both measurements, then bring them back from the SR.
  await page.getByTestId('tab-measurements').click();
  for (let i = 0; i < 2; i++) {
    await page.getByTestId('measurement-item').first().click();
    await page.getByTestId('measurement-delete').click();
  }
  await expect(page.getByTestId('measurement-item')).toHaveCount(0);
  await page.getByTestId('tab-session').click();
  await page.getByTestId('import-sr-input').setInputFiles(sr);
  await expect(page.getByTestId('export-message')).toContainText('Imported 2 measurements');
  await page.getByTestId('tab-measurements').click();
  await expect(page.getByTestId('measurement-item')).toHaveCount(2);
  expect((await panelTexts(page)).sort()).toEqual(before);
  // They re-attach to their image: clicking one shows its series.
  await page.getByTestId('measurement-item').first().click();
  await expect(page.locator('.viewport-panel').first().getByTestId('overlay-modality')).toContainText('Sciatic gluteal fold');
  expect(errors).toEqual([]);
});
