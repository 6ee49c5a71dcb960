/**
 * Issue 15 — work where the images live: the sample study stored into a real Orthanc through the
 * project's own `npm run pacs -- --load` (STOW-RS), opened from the study list (QIDO-RS, WADO-RS),
 * traced, saved back as a DICOM SR, found again from a fresh browser, and the same pixels as from disk.
 * One Orthanc for this file (PACS_E2E_PORT, default 8142), serving the build at /nervetrace/.
 */
import { test, expect, type Page } from '@playwright/test';
import { displayedGrid } from './displayedGrid';
import { expectPainted, gridDifference, sampleFile, SAMPLE_DIR, screenshot, showSeries, trackPageErrors, openSampleFiles } from './helpers';
import { numberIn, traceOutline } from './measure';
import { startPacs, type PacsServer } from './pacsServer';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDicomMetadata } from '../../src/dicom';

/**
 * The sample study (its ultrasound and MR folders; the follow-up visits in sample-dicom/followup
 * are another study and are not loaded here) and what `--load` must store of it.
 */
const SAMPLE_STUDY_DIRS = ['us', 'mr'];
function sampleFolderCounts() {
  const files = SAMPLE_STUDY_DIRS.flatMap((dir) =>
    readdirSync(join(SAMPLE_DIR, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.dcm'))
      .map((f) => join(dir, f)),
  );
  const patients = new Set<string>();
  const studies = new Set<string>();
  for (const f of files) {
    const meta = readDicomMetadata(new Uint8Array(readFileSync(join(SAMPLE_DIR, f))), f);
    if (!meta.ok) continue;
    patients.add(meta.value.patientId ?? '');
    studies.add(meta.value.studyInstanceUid ?? '');
  }
  return { instances: files.length, patients: patients.size, studies: studies.size };
}

const PORT = Number(process.env.PACS_E2E_PORT || 8142);
let pacs: PacsServer;
let viewerUrl = '';
let loadOutput = '';

// Started empty, then the sample study stored with `npm run pacs -- --load` (in beforeAll, so a
// worker restarted after a failure has the same data).
test.beforeAll(async () => {
  pacs = await startPacs(PORT);
  viewerUrl = `${pacs.base}/nervetrace/index.html`;
  loadOutput = SAMPLE_STUDY_DIRS.map((dir) => pacs.load(join(SAMPLE_DIR, dir))).join('');
});
test.afterAll(async () => {
  await pacs?.stop();
});

async function openPacsStudy(page: Page, modality: 'US' | 'MR', query = '') {
  await page.goto(`${viewerUrl}${query}`);
  await page.getByTestId('start-open-pacs').click();
  await expect(page.getByTestId('pacs-study')).toHaveCount(2);
  await page.getByTestId('pacs-search-modality').selectOption(modality);
  await page.getByTestId('pacs-search').click();
  await expect(page.getByTestId('pacs-study')).toHaveCount(1);
  await page.getByTestId('pacs-open-study').click();
  await expect(page.getByTestId('pacs-dialog')).toHaveCount(0);
  await expect(page.getByTestId('series-item').first()).toBeVisible();
}

test('npm run pacs -- --load stores the sample study through STOW-RS and names what it stored', async () => {
  const expected = sampleFolderCounts();
  const stored = [...loadOutput.matchAll(/Stored (\d+) of (\d+) DICOM files/g)].map((m) => [Number(m[1]), Number(m[2])]);
  expect(stored.length).toBe(SAMPLE_STUDY_DIRS.length);
  expect(stored.reduce((sum, [n]) => sum + n!, 0)).toBe(expected.instances);
  expect(stored.every(([n, of]) => n === of)).toBe(true);
  expect(await pacs.counts()).toMatchObject(expected);
  // The viewer is served by Orthanc itself, module scripts with a JavaScript MIME type.
  const page = await fetch(`${pacs.base}/nervetrace/index.html`);
  expect(page.status).toBe(200);
  const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(await page.text())?.[1];
  expect(script).toBeTruthy();
  expect((await fetch(`${pacs.base}/nervetrace/${script}`)).headers.get('content-type')).toMatch(/javascript/);
});

test('open from the study list, trace, save to PACS; a fresh browser finds the report and the same area', async ({ page, browser }) => {
  const errors = trackPageErrors(page);
  const before = await pacs.counts();
  // Search by patient name (any part of it, any case) finds the patient's two studies.
  await page.goto(viewerUrl);
  await page.getByTestId('start-open-pacs').click();
  await page.getByTestId('pacs-search-name').fill('phantom');
  await page.getByTestId('pacs-search').click();
  await expect(page.getByTestId('pacs-study')).toHaveCount(2);
  await page.getByTestId('pacs-search-name').fill('nobody');
  await page.getByTestId('pacs-search').click();
  await expect(page.getByTestId('pacs-empty')).toBeVisible();
  await page.getByTestId('pacs-search-name').fill('');
  await page.getByTestId('pacs-close').click();

  await openPacsStudy(page, 'US');
  await expect(page.getByTestId('pacs-notice')).toContainText('Opened 9 images from the PACS');
  const us = sampleFile((f) => f.description === 'Sciatic gluteal fold R');
  await showSeries(page, us.description);
  await expectPainted(page);
  // Calibration from the Sequence of Ultrasound Regions in the WADO-RS metadata.
  await expect(page.locator('.viewport-panel').first().getByTestId('overlay-calibration')).toContainText('0.075 mm/px');
  await page.getByTestId('tool-freehand').click();
  await traceOutline(page, us.nerves[0]!.outline);
  await expect(page.getByTestId('measurement-item')).toHaveCount(1);
  const area = numberIn(await page.getByTestId('measurement-item').textContent(), 'mm²');
  expect(Math.abs(area - us.nerves[0]!.areaMm2) / us.nerves[0]!.areaMm2).toBeLessThan(0.05);

  await page.getByTestId('pacs-save').click();
  await expect(page.getByTestId('pacs-notice')).toContainText('Saved 1 measurement to the PACS as a DICOM SR');
  await expect(page.getByTestId('pacs-report')).toHaveCount(1);
  await screenshot(page, 'pacs-saved');
  // The SR joined the measured study: no second patient or study (OHIF #3148).
  const after = await pacs.counts();
  expect(after.patients).toBe(before.patients);
  expect(after.studies).toBe(before.studies);
  expect(after.instances).toBe(before.instances + 1);
  expect(errors).toEqual([]);

  // Another workstation: nothing in its browser storage.
  const context = await browser.newContext();
  const fresh = await context.newPage();
  const freshErrors = trackPageErrors(fresh);
  await openPacsStudy(fresh, 'US');
  await expect(fresh.getByTestId('pacs-notice')).toContainText('1 NerveTrace report is stored with this study');
  await expect(fresh.getByTestId('measurement-item')).toHaveCount(0);
  await fresh.getByTestId('pacs-reports').locator('summary').click();
  await expect(fresh.getByTestId('pacs-report')).toContainText('1 measurement');
  await fresh.getByTestId('pacs-load-report').click();
  await expect(fresh.getByTestId('pacs-notice')).toContainText('Loaded 1 measurement');
  await expect(fresh.getByTestId('measurement-item')).toHaveCount(1);
  expect(numberIn(await fresh.getByTestId('measurement-item').textContent(), 'mm²')).toBe(area);
  await expect(fresh.locator('td[data-side="R"]').getByTestId('measurement-item')).toHaveCount(1);
  // Loading it again adds nothing.
  await fresh.getByTestId('pacs-load-report').click();
  await expect(fresh.getByTestId('pacs-notice')).toContainText('Loaded 0 measurements');
  await expect(fresh.getByTestId('measurement-item')).toHaveCount(1);
  await screenshot(fresh, 'pacs-report-loaded');
  expect(freshErrors).toEqual([]);
  await context.close();
});

/** Decoded-pixel checksum of the image on screen (test seam in viewportRegistry.ts). */
async function checksum(page: Page) {
  let value: { checksum: number; length: number } | null = null;
  await expect
    .poll(async () => {
      value = await page.evaluate(() =>
        (window as unknown as { nervetraceViewports: Record<string, { pixelChecksum(): { checksum: number; length: number } | null }> }).nervetraceViewports[
          'vp-main'
        ]!.pixelChecksum(),
      );
      return value !== null;
    })
    .toBe(true);
  return value!;
}

test('the sample ultrasound, MR and compressed images from the PACS have the same decoded pixels as from disk', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const series = [
    'Sciatic gluteal fold L',
    'Sciatic mid-thigh R colour Doppler',
    'Sciatic gluteal fold L cine',
    'Sciatic gluteal fold L JPEG baseline',
    'MR axial thigh STIR',
    'MR axial thigh STIR RLE',
    'MR axial thigh STIR JPEG-LS',
    'MR axial thigh STIR JPEG 2000',
    'MR axial thigh STIR Explicit VR Big Endian',
    'MR axial thigh STIR Deflated',
  ];
  await openPacsStudy(page, 'US');
  await page.getByTestId('open-pacs').click();
  await page.getByTestId('pacs-search-modality').selectOption('MR');
  await page.getByTestId('pacs-search').click();
  await page.getByTestId('pacs-open-study').click();
  await expect(page.getByTestId('series-item')).toHaveCount(15);

  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const disk = await context.newPage();
  await disk.goto('./');
  await openSampleFiles(disk);
  for (const description of series) {
    await showSeries(page, description);
    await showSeries(disk, description);
    const [fromPacs, fromDisk] = [await checksum(page), await checksum(disk)];
    expect(fromPacs, description).toEqual(fromDisk);
  }
  await context.close();
});

// Issue 18: study click → first image. The frame the viewport opens on is fetched once, as soon
// as the study's metadata is read, and shown as a labelled preview while the image loader registers
// the study and decodes and draws that same answer; the viewport then takes over with the same
// image, and its tools work. The viewer's use of the answer is held back (test seam
// ?pacsViewerHoldMs=) so that the preview is seen for certain.
for (const modality of ['US', 'MR'] as const) {
  test(`a study opened from the PACS is previewed from the frame the viewer opens on, then the viewer takes over: ${modality}`, async ({ page }) => {
    const errors = trackPageErrors(page);
    const frameRequests: { url: string; type: string }[] = [];
    page.on('request', (r) => void (/\/frames\//.test(r.url()) && frameRequests.push({ url: r.url(), type: r.resourceType() })));
    await openPacsStudy(page, modality, '?pacsViewerHoldMs=4000');
    const label = page.getByTestId('first-look-label');
    await expect(label).toHaveText(/^Preview of .+ \/ \d+ — loading the viewer…$/);
    await expect(page.locator('.viewport-panel[data-interactive]')).toHaveCount(0);
    const previewed = /^Preview of (.+) \/ \d+/.exec((await label.textContent()) ?? '')![1]!;
    const preview = await displayedGrid(page, '[data-testid=first-look]');
    expect(preview.lit).toBeGreaterThan(0.1);
    await screenshot(page, `pacs-first-look-${modality}`);

    await expect(page.locator('.viewport-panel[data-interactive]')).toHaveCount(1, { timeout: 15_000 });
    await expect(page.getByTestId('first-look')).toHaveCount(0);
    // The series previewed is the one on screen, drawn the same (same slice, window and place).
    await expect(page.locator('.viewport-panel').first().getByTestId('overlay-modality')).toContainText(previewed);
    await expectPainted(page);
    const viewer = await displayedGrid(page, '[data-testid=viewport-element] canvas');
    expect(gridDifference(preview, viewer)).toBeLessThan(2);
    // One request for that frame, shared by the preview and the viewer.
    const opened = frameRequests.find((r) => r.type === 'fetch')!.url;
    expect(frameRequests.filter((r) => r.url === opened)).toHaveLength(1);
    expect(errors).toEqual([]);
  });
}

// Issue 18: a cine from the PACS. Orthanc's DICOMweb 1.7 reads the whole stored instance for every
// frame request, so the frames after the first come in one frame-list request (…/frames/2,3,…)
// instead of one request each; every frame must still be shown in its own place, with the pixels
// it has on disk.
test('a cine from the PACS is fetched in two requests (its first frame, then the rest in one list) and shows every frame in order', async ({ page, browser }) => {
  test.setTimeout(90_000);
  const errors = trackPageErrors(page);
  const cine = sampleFile((f) => f.frames > 1);
  // The manifest lists each file's SOP Instance UID (ManifestFile does not type it).
  const sop = (cine as unknown as { sopInstanceUid: string }).sopInstanceUid;
  const cineRequests: string[] = [];
  page.on('request', (r) => void (r.url().includes(`/instances/${sop}/frames/`) && cineRequests.push(r.url())));
  await openPacsStudy(page, 'US');
  await showSeries(page, cine.description);
  const position = page.locator('.viewport-panel').first().getByTestId('overlay-position');
  await expect(position).toHaveText(`Frame 1/${cine.frames}`);
  await page.getByTestId('cine-toggle').click();
  await expect.poll(async () => Number((await position.textContent())!.match(/Frame (\d+)/)![1]), { timeout: 10_000 }).toBeGreaterThan(3);
  await page.getByTestId('cine-toggle').click();
  await expect(page.getByTestId('cine-toggle')).toHaveText('Play');
  await expect.poll(() => cineRequests.length).toBe(2);
  expect(cineRequests[0]).toMatch(/\/frames\/1$/);
  expect(cineRequests[1]).toMatch(new RegExp(`/frames/${Array.from({ length: cine.frames - 1 }, (_, i) => i + 2).join(',')}$`));

  // Frames in their places: the same decoded pixels as the same frame from disk.
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const disk = await context.newPage();
  await disk.goto('./');
  await openSampleFiles(disk);
  await showSeries(disk, cine.description);
  for (const p of [page, disk]) {
    await p.getByTestId('viewport-element').first().hover();
    await p.keyboard.press('Home');
    await expect(p.locator('.viewport-panel').first().getByTestId('overlay-position')).toHaveText(`Frame 1/${cine.frames}`);
  }
  for (const frame of [2, 17, cine.frames]) {
    for (const p of [page, disk]) {
      await p.getByTestId('viewport-element').first().hover();
      if (frame === cine.frames) await p.keyboard.press('End');
      else for (let i = frame - (frame === 2 ? 1 : 2); i > 0; i--) await p.keyboard.press('ArrowDown');
      await expect(p.locator('.viewport-panel').first().getByTestId('overlay-position')).toHaveText(`Frame ${frame}/${cine.frames}`);
    }
    expect(await checksum(page), `frame ${frame}`).toEqual(await checksum(disk));
  }
  expect(cineRequests).toHaveLength(2);
  await screenshot(page, 'pacs-cine-frame-last');
  await context.close();
  expect(errors).toEqual([]);
});
