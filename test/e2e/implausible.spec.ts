/**
 * Issue 20 — implausible values are refused, not computed, in the viewer:
 * - absurd Modality LUT / window values on a 16-bit MR slice (RescaleSlope 0, RescaleIntercept
 *   -1e308, WindowCenter/Width 1e308, width 0) open without freezing the tab — a click answers
 *   within 1 s — paint, and the overlay warns that the full range is shown (saneDisplayValues);
 * - a PixelSpacing or ultrasound PhysicalDelta outside the physical range (plausibility.ts) opens
 *   UNCALIBRATED with the sentence naming the value, and a trace on it stays in px.
 */
import { test, expect, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SAMPLE_DIR, expectPainted, sampleFile, screenshot, showSeries, trackPageErrors } from './helpers';
import { traceOutline } from './measure';
import { readBack, uid, writePart10, type Dataset } from '../../scripts/samples/dicom.ts';
import { MUTANTS } from '../robustness/structureMutants.ts';
import { makeDicom } from '../helpers/makeDicom';

const MR = sampleFile((f) => f.file === 'mr/mr-stir-axial-09.dcm');
const US = sampleFile((f) => f.file === 'us/us-sciatic-gluteal-L.dcm');
const dir = mkdtempSync(join(tmpdir(), 'nervetrace-implausible-'));

/** A copy of a sample with some attributes changed, its own UIDs and a series description naming the case. */
function variant(sample: string, n: number, description: string, change: (ds: Dataset) => void): string {
  const ds = readBack(new Uint8Array(readFileSync(`${SAMPLE_DIR}${sample}`)));
  delete ds._vrMap;
  change(ds);
  const bytes = writePart10(
    {
      ...ds,
      _vrMap: { PixelData: ds.BitsAllocated === 16 ? 'OW' : 'OB' },
      SeriesDescription: description,
      StudyInstanceUID: uid(20, n),
      SeriesInstanceUID: uid(20, n, 1),
      SOPInstanceUID: uid(20, n, 1, 1),
    },
    '1.2.840.10008.1.2.1',
  );
  const path = join(dir, `case-${n}.dcm`);
  writeFileSync(path, bytes);
  return path;
}

const LUT_CASES: { name: string; change: (ds: Dataset) => void; warning: RegExp }[] = [
  { name: 'RescaleSlope 0', change: (ds) => Object.assign(ds, { RescaleSlope: 0, RescaleIntercept: 0 }), warning: /RescaleSlope 0 cannot be displayed/ },
  { name: 'RescaleIntercept -1e308', change: (ds) => Object.assign(ds, { RescaleSlope: 1, RescaleIntercept: -1e308 }), warning: /RescaleIntercept -1e\+308 cannot be displayed/ },
  { name: 'Window 1e308', change: (ds) => Object.assign(ds, { WindowCenter: 1e308, WindowWidth: 1e308 }), warning: /WindowCenter 1e\+308, WindowWidth 1e\+308/ },
  {
    name: 'all at once',
    change: (ds) => Object.assign(ds, { RescaleSlope: 0, RescaleIntercept: -1e308, WindowCenter: 1e308, WindowWidth: 1e308 }),
    warning: /RescaleSlope 0 cannot be displayed/,
  },
  { name: 'Window width 0', change: (ds) => Object.assign(ds, { WindowCenter: 500, WindowWidth: 0 }), warning: /WindowWidth 0\)/ },
];

/** The page answers: a click opens the help within 1 s, Esc closes it. */
async function expectResponsive(page: Page, what: string) {
  const started = Date.now();
  await page.getByTestId('help-button').click({ timeout: 1000 });
  await expect(page.getByTestId('help-overlay'), what).toBeVisible({ timeout: 1000 });
  expect(Date.now() - started, what).toBeLessThan(1000);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('help-overlay')).toHaveCount(0);
}

for (const [i, c] of LUT_CASES.entries()) {
  test(`absurd display values (${c.name}) on the first file opened: the tab answers within 1 s, paints and warns`, async ({ page }) => {
    const errors = trackPageErrors(page);
    const path = variant(MR.file, 1 + i, `LUT case ${c.name}`, c.change);
    await page.goto('./');
    // Alone: it goes through the first-look preview, then Cornerstone.
    await page.getByTestId('file-input').setInputFiles([path]);
    await expect(page.getByTestId('series-item')).toHaveCount(1);
    await expectResponsive(page, `${c.name}, just opened`);
    await expect(page.locator('.viewport-panel').getByTestId('overlay-modality')).toContainText(`LUT case ${c.name}`);
    await expectPainted(page);
    const warning = page.getByTestId('overlay-display-warning');
    await expect(warning).toHaveText(/^Display values replaced: .* shown over their full range\.$/);
    await expect(warning).toHaveText(c.warning);
    // A finite window is in force, from the pixels' full range.
    await expect(page.getByTestId('overlay-wl')).toHaveText(/^W \d+ L -?\d+$/);
    await expectResponsive(page, `${c.name}, painted`);
    if (c.name === 'all at once') await screenshot(page, 'implausible-lut');
    expect(errors).toEqual([]);
  });
}

test('the good MR slice has no display warning', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles([`${SAMPLE_DIR}${MR.file}`]);
  await expectPainted(page);
  await expect(page.getByTestId('overlay-wl')).toHaveText(/^W \d+ L \d+$/);
  await expect(page.getByTestId('overlay-display-warning')).toHaveCount(0);
});

const CALIBRATION_CASES: { name: string; sample: string; change: (ds: Dataset) => void; reason: string }[] = [
  {
    name: 'PixelSpacing 1e150',
    sample: 'mr/mr-stir-axial-09.dcm',
    change: (ds) => Object.assign(ds, { PixelSpacing: [1e150, 1e150] }),
    reason: 'PixelSpacing ignored: PixelSpacing 1e+150 mm is not a physical pixel size (NerveTrace accepts 0.001 to 20 mm per pixel).',
  },
  {
    name: 'PixelSpacing 1e-320',
    sample: 'mr/mr-stir-axial-09.dcm',
    change: (ds) => Object.assign(ds, { PixelSpacing: [1e-320, 1e-320] }),
    reason: 'PixelSpacing ignored: PixelSpacing 1e-320 mm is not a physical pixel size (NerveTrace accepts 0.001 to 20 mm per pixel).',
  },
  {
    name: 'PhysicalDelta 1e20 cm',
    sample: US.file,
    change: (ds) => {
      const [region] = ds.SequenceOfUltrasoundRegions as Dataset[];
      Object.assign(region!, { PhysicalDeltaX: 1e20, PhysicalDeltaY: 1e20 });
    },
    reason: 'Ultrasound region 0 PhysicalDeltaX and PhysicalDeltaY 1e+20 cm are not a physical pixel size (NerveTrace accepts 0.0001 to 2 cm per pixel).',
  },
];

for (const [i, c] of CALIBRATION_CASES.entries()) {
  test(`${c.name}: the image opens UNCALIBRATED with the reason, and a trace stays in px`, async ({ page }) => {
    const errors = trackPageErrors(page);
    const description = `Calibration case ${c.name}`;
    const path = variant(c.sample, 10 + i, description, c.change);
    await page.goto('./');
    await page.getByTestId('file-input').setInputFiles([`${SAMPLE_DIR}${US.file}`, path]);
    await expect(page.getByTestId('series-item')).toHaveCount(2);
    await showSeries(page, description);
    await expectPainted(page);
    const overlay = page.locator('.viewport-panel').first();
    await expect(overlay.getByTestId('overlay-calibration')).toHaveText('UNCALIBRATED');
    await expect(overlay.getByTestId('overlay-calibration')).toHaveClass(/uncalibrated/);
    await expect(overlay.getByTestId('overlay-calibration-reason')).toHaveText(c.reason);
    await page.getByTestId('tool-freehand').click();
    const outline = c.sample === US.file ? US.nerves[0]!.outline : MR.nerves[0]!.outline;
    await traceOutline(page, outline);
    const item = page.getByTestId('measurement-item').last();
    await expect(item).toContainText('px² (uncalibrated)');
    await expect(item).not.toContainText('mm');
    // No side guessed from the unphysical spacing (the MR slice has no laterality attribute).
    if (c.sample !== US.file) await expect(page.locator('td[data-side="?"]').getByTestId('measurement-item')).toHaveCount(1);
    if (i === 0) await screenshot(page, 'implausible-spacing');
    // The good image next to it is still in millimetres.
    await showSeries(page, US.description);
    await expect(overlay.getByTestId('overlay-calibration')).toHaveText('US region 0: 0.075 mm/px');
    await expect(overlay.getByTestId('overlay-calibration-reason')).toHaveCount(0);
    expect(errors).toEqual([]);
  });
}

// Structure-aware mutants (test/robustness/structureMutants.ts) in the viewer: the refused ones
// are named with the reader's sentence while a good file opens and the tab stays responsive.
test('structure mutants: each refused one is named with its sentence, the good file paints, the tab answers', async ({ page }) => {
  const errors = trackPageErrors(page);
  const refused = MUTANTS.filter((mutant) => !mutant.expect.opens);
  const paths = refused.map((mutant, i) => {
    const path = join(dir, `refused-mutant-${i}.dcm`);
    writeFileSync(path, mutant.file);
    return path;
  });
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles([`${SAMPLE_DIR}${US.file}`, ...paths]);
  await expect(page.getByTestId('open-failure')).toHaveCount(refused.length);
  for (const [i, mutant] of refused.entries()) {
    const entry = page.getByTestId('open-failure').filter({ has: page.locator('.failure-file').getByText(`refused-mutant-${i}.dcm`, { exact: true }) });
    if (!mutant.expect.opens) await expect(entry.locator('.failure-reason'), mutant.name).toHaveText(mutant.expect.error);
  }
  await expect(page.getByTestId('series-item')).toHaveCount(1);
  await expectPainted(page);
  await expectResponsive(page, 'after the refused mutants');
  expect(errors).toEqual([]);
});

test('structure mutant with 1,000 ultrasound regions opens calibrated, and the tab answers', async ({ page }) => {
  const mutant = MUTANTS.find((x) => x.name.startsWith('1,000 ultrasound regions, all'))!;
  const path = join(dir, 'thousand-regions.dcm');
  writeFileSync(path, mutant.file);
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles([path]);
  await expect(page.getByTestId('series-item')).toHaveCount(1);
  await expect(page.locator('.viewport-panel').getByTestId('overlay-calibration')).toHaveText('US region 0: 0.100 mm/px');
  await expectResponsive(page, '1,000 regions');
});

// A 32-bit image holding values up to 4e9 froze the tab (Cornerstone's CPU lookup table spans the
// decoded range); boundedPixelRange.ts refuses it with a sentence and the tab stays responsive.
test('a 32-bit image with values up to 4e9 is refused with a sentence instead of freezing the tab', async ({ page }) => {
  const pixels = new Uint32Array(64 * 64).map((_, i) => (i % 2 ? 4_000_000_000 : i));
  const path = join(dir, 'uint32-wide.dcm');
  writeFileSync(
    path,
    makeDicom({
      attributes: { Modality: 'MR', Rows: 64, Columns: 64, BitsAllocated: 32, BitsStored: 32, HighBit: 31, PixelRepresentation: 0, SeriesDescription: 'uint32 wide range' },
      pixelData: new Uint8Array(pixels.buffer),
    }),
  );
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles([`${SAMPLE_DIR}${US.file}`, path]);
  await expect(page.getByTestId('series-item')).toHaveCount(2);
  await page.getByTestId('series-item').filter({ hasText: 'uint32 wide range' }).click();
  const sentence = /^The image could not be (decoded|displayed): its pixel values \(0 to 4000000000\) lie beyond the ±16777216 that can be displayed\.$/;
  await expect(page.locator('.viewport-error')).toContainText('its pixel values (0 to 4000000000) lie beyond the ±16777216 that can be displayed.');
  await expect(page.getByTestId('open-failure').filter({ hasText: 'uint32-wide.dcm' }).locator('.failure-reason')).toHaveText(sentence);
  await expectResponsive(page, '32-bit image');
  await showSeries(page, US.description);
  await expectPainted(page);
});
