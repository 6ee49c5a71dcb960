/**
 * FDG PET/CT: open the synthetic PET/CT sample, fuse PET over CT, draw a region and a line down
 * the FDG-avid left sciatic nerve with the mouse, read SUVmax within 1 % of the manifest's truth,
 * and find it in the report, the SUV CSV and the exported DICOM SR (dsrdump shows the unit).
 */
import { expect, test, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, SAMPLE_DIR, canvasStats, screenshot, trackPageErrors } from './helpers';
import { readRealPet, realPetFiles, spoilElement } from '../fixtures/pet/realPet';

test.describe.configure({ timeout: 120_000 });
test.use({ viewport: { width: 1600, height: 1000 } });

/** The README picture; rewritten only on request, like test/e2e/readme.spec.ts does for its own. */
const README_PETCT = `${ROOT}test/e2e/readme/petct.png`;
const README_PETCT_MAP = `${ROOT}test/e2e/readme/petct-nerve-map.png`;

const truth = JSON.parse(readFileSync(`${SAMPLE_DIR}petct/manifest.json`, 'utf8'));
const left = truth.truth.leftSciatic;
const DOWNLOADS = `${ROOT}test-results/petct-downloads/`;

/** PET pixel → CT pixel, from the manifest's grids (same frame of reference, same plane). */
function petToCt([x, y]: [number, number]): [number, number] {
  const { pet, ct } = truth.grids;
  return [(pet.x0 + x * pet.spacingMm - ct.x0) / ct.spacingMm, (ct.z0 - (pet.z0 - y * pet.spacingMm)) / ct.spacingMm];
}

/** Click image points (pixel centres at integers) on an overlay whose viewBox is the image. */
async function clickPoints(page: Page, testId: string, points: [number, number][]) {
  const overlay = page.getByTestId(testId);
  await overlay.scrollIntoViewIfNeeded();
  const box = (await overlay.boundingBox())!;
  const columns = Number(await overlay.getAttribute('data-columns'));
  const rows = Number(await overlay.getAttribute('data-rows'));
  for (const [x, y] of points) {
    await page.mouse.click(box.x + ((x + 0.5) / columns) * box.width, box.y + ((y + 0.5) / rows) * box.height);
  }
}

const suvIn = (text: string): number => Number(/SUVmax (\d+\.\d)/.exec(text)![1]);

test('PET/CT sample: fused view, SUV region and line along the left sciatic nerve, SUVmax in the report, CSV and SR', async ({ page }) => {
  const errors = trackPageErrors(page);
  await page.goto('./');
  await page.getByTestId('start-open-petct-sample').click();
  await expect(page.getByTestId('petct')).toBeVisible();
  await expect(page.getByTestId('suv-source')).toContainText('Units BQML: weight 72 kg / dose 370.0 MBq decayed 3600 s');
  await expect(page.getByTestId('petct-fused-canvas')).toBeVisible();

  // Linked scrolling by position: the middle CT slice shows the PET slice at the same position.
  await expect(page.getByTestId('petct-position')).toContainText('CT 5/9 at 30.0 mm; PET 3/5 at 30.0 mm');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('petct-position')).toContainText('CT 6/9 at 31.5 mm; PET 3/5 at 30.0 mm');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('petct-position')).toContainText('CT 7/9 at 33.0 mm; PET 4/5 at 33.0 mm');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(page.getByTestId('petct-position')).toContainText('PET 3/5 at 30.0 mm');

  // The fused canvas shows colour (PET over grey CT) where the nerve is hot.
  const hot = await page.getByTestId('petct-fused-canvas').evaluate((canvas: HTMLCanvasElement, [x, y]) => {
    const d = canvas.getContext('2d')!.getImageData(Math.round(x), Math.round(y), 1, 1).data;
    return [d[0], d[1], d[2]];
  }, petToCt(left.petLine[1]));
  expect(hot[0]! - hot[2]!).toBeGreaterThan(30); // hot iron over grey CT, not grey

  // Region around the nerve at mid-thigh, drawn on the fused view (CT pixels).
  await page.getByTestId('suv-tool-region').click();
  await clickPoints(page, 'petct-fused-overlay', left.petRegion.map(petToCt));
  await page.getByTestId('suv-finish').click();
  const drawnRegion = (await page.getByTestId('suv-sentence').first().textContent())!;
  await page.getByTestId('tab-report').click();
  await expect(page.getByTestId('report-fdg')).toContainText(drawnRegion);

  // Undo is one step per drawing, like every measurement: Ctrl+Z removes the region and its SUV from
  // the panel and the report; Ctrl+Y brings back the very same numbers.
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('suv-sentence')).toHaveCount(0);
  await expect(page.getByTestId('report-fdg')).toHaveCount(0);
  await expect(page.getByTestId('suv-undo')).toBeDisabled();
  await page.keyboard.press('Control+y');
  await expect(page.getByTestId('suv-sentence')).toHaveText([drawnRegion]);
  await expect(page.getByTestId('report-fdg')).toContainText(drawnRegion);
  // Deleting is one step too (the toolbar buttons do the same as the keys).
  await page.getByTestId('suv-delete-S1').click();
  await expect(page.getByTestId('suv-sentence')).toHaveCount(0);
  await page.getByTestId('suv-undo').click();
  await expect(page.getByTestId('suv-sentence')).toHaveText([drawnRegion]);
  // Back to the narrow panel, so the PET/CT view and the profile have their room (README picture).
  await page.getByTestId('tab-measurements').click();
  // Line down the nerve.
  await page.getByTestId('suv-tool-line').click();
  await clickPoints(page, 'petct-fused-overlay', left.petLine.map(petToCt));
  await page.getByTestId('suv-finish').click();

  const sentences = page.getByTestId('suv-sentence');
  await expect(sentences).toHaveCount(2);
  const regionText = (await sentences.nth(0).textContent())!;
  const lineText = (await sentences.nth(1).textContent())!;
  expect(regionText).toMatch(/in a region on the left sciatic nerve at mid-thigh/);
  expect(lineText).toMatch(/^SUVmax \d\.\d along the left sciatic nerve at mid-thigh/);
  for (const t of [regionText, lineText]) expect(Math.abs(suvIn(t) / left.suvMax - 1)).toBeLessThan(0.01);
  await expect(page.getByTestId('suv-profile-max')).toContainText(`SUVmax ${left.suvMax.toFixed(1)}`);
  await screenshot(page, 'petct-fused');
  if (process.env.NERVETRACE_README_SCREENSHOT) await page.screenshot({ path: README_PETCT });

  // Side by side: PET | CT with the same measurements drawn on the PET.
  await page.getByTestId('petct-side-by-side').click();
  await expect(page.getByTestId('petct-pet-canvas')).toBeVisible();
  await expect(page.getByTestId('petct-ct-canvas')).toBeVisible();
  await expect(page.getByTestId('petct-pet-overlay').locator('polygon')).toHaveCount(1);
  await screenshot(page, 'petct-side-by-side');
  await page.getByTestId('petct-fused').click();

  // Report.
  await page.getByTestId('tab-report').click();
  await expect(page.getByTestId('report-fdg')).toContainText(`SUVmax ${left.suvMax.toFixed(1)} along the left sciatic nerve at mid-thigh`);

  // Nerve map: the FDG-avid segment is drawn on the left sciatic trunk at mid-thigh (orange ring, its
  // SUVmax written beside it, named in the legend), apart from the size markers; the right side has none.
  await page.getByTestId('tab-map').click();
  const ring = page.locator('[data-testid="map-fdg"][data-side="L"][data-site="sciatic|mid-thigh"]');
  await expect(ring).toHaveAttribute('data-fdg', 'avid');
  await expect(ring.getByTestId('map-fdg-text')).toHaveText(`FDG SUVmax ${left.suvMax.toFixed(1)}`);
  await expect(page.locator('[data-testid="map-fdg"][data-side="R"]')).toHaveCount(0);
  await expect(page.locator('[data-testid="map-node"][data-side="L"][data-node="sciatic-trunk"]')).toHaveAttribute('aria-label', /FDG-avid on PET/);
  await expect(page.getByTestId('map-legend-fdg-avid')).toHaveText('FDG-avid on PET (SUVmax ≥ 2.5, convention)');
  await ring.locator('circle').click();
  await expect(page.getByTestId('map-details-fdg')).toContainText(`FDG-avid S1: ${drawnRegion}`);
  await expect(page.getByTestId('map-details-fdg')).toContainText(`P1: SUVmax ${left.suvMax.toFixed(1)} along the left sciatic nerve at mid-thigh`);
  await screenshot(page, 'petct-nerve-map');
  if (process.env.NERVETRACE_README_SCREENSHOT) await page.getByTestId('nerve-map').screenshot({ path: README_PETCT_MAP });

  // CSV and SR.
  mkdirSync(DOWNLOADS, { recursive: true });
  await page.getByTestId('tab-session').click();
  const save = async (testId: string) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
    const path = `${DOWNLOADS}${download.suggestedFilename()}`;
    await download.saveAs(path);
    return path;
  };
  const csv = readFileSync(await save('export-csv-suv'), 'utf8').trim().split(/\r?\n/);
  expect(csv).toHaveLength(3);
  expect(csv[1]).toMatch(/^S1,region,Sciatic nerve,Mid-thigh,L,4\.6\d,/);
  const sr = await save('export-sr');
  const dump = spawnSync('dsrdump', [sr], { encoding: 'utf8' });
  if ((dump.error as NodeJS.ErrnoException | undefined)?.code !== 'ENOENT') {
    expect(dump.status, dump.stderr).toBe(0);
    expect(dump.stderr).toBe('');
    expect(dump.stdout).toMatch(/"SUVbw"\)="4\.6\d*" \(g\/ml\{SUVbw\},UCUM/);
  }
  expect(errors).toEqual([]);
});

test('PET/CT: an edited weight changes SUV and is marked edited; a bad value is refused in one sentence', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('start-open-petct-sample').click();
  await expect(page.getByTestId('suv-source')).toContainText('weight 72 kg');
  await page.getByTestId('suv-weight').fill('-3');
  await page.getByTestId('suv-apply-edits').click();
  await expect(page.getByTestId('petct-message')).toHaveText('Enter the weight in kg and the dose in MBq as positive numbers.');
  await expect(page.getByTestId('suv-source')).toContainText('weight 72 kg');
  await page.getByTestId('suv-weight').fill('144');
  await page.getByTestId('suv-apply-edits').click();
  await expect(page.getByTestId('suv-edited')).toContainText('weight 144 kg');
  await expect(page.getByTestId('suv-source')).toContainText('weight 144 kg (edited)');
  await page.getByTestId('suv-tool-line').click();
  await clickPoints(page, 'petct-fused-overlay', left.petLine.map(petToCt));
  await page.getByTestId('suv-finish').click();
  const text = (await page.getByTestId('suv-sentence').first().textContent())!;
  expect(Math.abs(suvIn(text) / (2 * left.suvMax) - 1)).toBeLessThan(0.01);
  expect(text).toContain('(weight edited)');
});

/*
 * Real public PET slices (test/fixtures/pet/SOURCES.md): the QIN-HEADNECK slice inside the npm package
 * dicomweb-client is always here; the ACRIN-FLT-Breast slices only when placed here (none is committed).
 * Expected numbers: the QIBA formula by hand from dcmdump (realPet.ts).
 */
const realPet = realPetFiles();
const alwaysHere = realPet.present.find(({ f }) => f.origin.kind === 'dependency')!;

test.describe('real PET files', () => {
  test('the QIN-HEADNECK slice inside the npm dependency is here (run npm ci otherwise)', () => {
    expect(alwaysHere).toBeDefined();
  });

  for (const { f, path } of realPet.present) {
    test(`${f.file}: shown, SUV source as computed by hand, the SUV under the pointer at the brightest pixel`, async ({ page }) => {
      const errors = trackPageErrors(page);
      readRealPet(path, f);
      await page.goto('./');
      await page.getByTestId('file-input').setInputFiles([path]);
      await expect(page.getByTestId('series-item')).toHaveCount(1);
      // The main viewer honours the file's own window (ACRIN 029: W 54281 L 30157 in Bq/ml, above its
      // brightest value), so the slice may be dim there but is drawn; the PET/CT view uses the SUV window.
      await expect.poll(async () => (await canvasStats(page)).nonBlack, { timeout: 20_000 }).toBeGreaterThan(100);
      await page.getByTestId('petct-toggle').click();
      await expect(page.getByTestId('suv-source')).toHaveText(f.source);
      await expect(page.getByTestId('petct-pet-not-shown')).toHaveCount(0);
      const painted = await page.getByTestId('petct-pet-canvas').evaluate((c: HTMLCanvasElement) => {
        const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i]! + d[i + 1]! + d[i + 2]! > 30) n++;
        return { n, w: c.width, h: c.height };
      });
      expect(painted.w).toBe(f.dcmdump.columns);
      expect(painted.n).toBeGreaterThan(500);
      // Hover the brightest pixel: the readout says SUV, with the value computed by hand.
      const overlay = page.getByTestId('petct-pet-overlay');
      const box = (await overlay.boundingBox())!;
      await page.mouse.move(box.x + ((f.brightest.column + 0.5) / f.dcmdump.columns) * box.width, box.y + ((f.brightest.row + 0.5) / f.dcmdump.rows) * box.height);
      await expect(page.getByTestId('suv-at-pointer')).toHaveText(
        `SUV ${f.brightest.suv.toFixed(1)} g/ml (${f.brightest.suv.toFixed(3)}) at PET pixel (${f.brightest.column}, ${f.brightest.row})`,
      );
      await screenshot(page, `petct-real-${f.file.replace(/\.dcm$/, '')}`);
      expect(errors).toEqual([]);
    });
  }

  test('the same real file with weight 0: SUV refused in one sentence, nothing labelled SUV, weight can be entered', async ({ page }) => {
    const { f, path } = alwaysHere;
    // Patient's Weight (0010,1030) DS overwritten with "0": a weight of 0 as some exports carry.
    const spoilt = spoilElement(readRealPet(path, f), f.syntax, 0x0010, 0x1030, 'DS', '0'.padEnd(String(f.dcmdump.patientWeightKg).length, ' '));
    const dir = mkdtempSync(join(tmpdir(), 'nt-pet-'));
    writeFileSync(join(dir, 'weight-0.dcm'), spoilt);
    await page.goto('./');
    await page.getByTestId('file-input').setInputFiles([join(dir, 'weight-0.dcm')]);
    await expect(page.getByTestId('series-item')).toHaveCount(1);
    await page.getByTestId('petct-toggle').click();
    const refusal = "SUV cannot be computed: the patient's weight (0010,1030) is missing or zero; enter it to compute SUV.";
    await expect(page.getByTestId('suv-source')).toHaveText(refusal);
    await expect(page.getByTestId('petct-pet-not-shown')).toHaveText(`PET not drawn: ${refusal}`);
    await expect(page.getByTestId('suv-tool-region')).toBeDisabled();
    const overlay = page.getByTestId('petct-pet-overlay');
    const box = (await overlay.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await expect(page.getByTestId('suv-at-pointer')).toHaveText(`No SUV: ${refusal}`);
    await expect(page.getByTestId('petct')).not.toContainText(/SUV \d/);
    // Entering the weight gives SUV, marked edited.
    await page.getByTestId('suv-weight').fill(String(f.dcmdump.patientWeightKg));
    await page.getByTestId('suv-apply-edits').click();
    await expect(page.getByTestId('suv-source')).toHaveText(f.source.replace('kg /', 'kg (edited) /'));
    // The "edited" note moves the view: measure it again.
    const after = (await overlay.boundingBox())!;
    await page.mouse.move(after.x + ((f.brightest.column + 0.5) / f.dcmdump.columns) * after.width, after.y + ((f.brightest.row + 0.5) / f.dcmdump.rows) * after.height);
    await expect(page.getByTestId('suv-at-pointer')).toContainText(`at PET pixel (${f.brightest.column}, ${f.brightest.row})`);
    await expect(page.getByTestId('suv-at-pointer')).toContainText(`SUV ${f.brightest.suv.toFixed(1)} g/ml (${f.brightest.suv.toFixed(3)})`);
    rmSync(dir, { recursive: true, force: true });
  });
});
