/**
 * Issue 16 — the nerve along its course and over time. The two-visit sample is opened from the
 * Profile tab; the plot's points are read back from their SVG coordinates (through the y axis'
 * own tick marks) and, with the table and the follow-up, checked against the measurements stored
 * in the sample session files (computed here from the files, not by the app). Clicking a point goes
 * to its measurement; the CSV, the session JSON and the printed report carry the same numbers.
 */
import { test, expect, type Page } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { ROOT, SAMPLE_DIR, screenshot, trackPageErrors } from './helpers';
import { pdfText } from './pdfText';

const DOWNLOADS = `${ROOT}test-results/profile-downloads/`;
const README_SHOT = `${ROOT}test/e2e/readme/profile.png`;
test.describe.configure({ timeout: 120_000 });

interface StoredMeasurement {
  id: string;
  label: string;
  site: string;
  side: 'L' | 'R';
  excluded?: boolean;
  metrics: { calibrated: boolean; areaMm2?: number };
}
const SITES = ['gluteal-fold', 'mid-thigh', 'distal-thigh-above-bifurcation'] as const;
const SITE_LABEL = { 'gluteal-fold': 'Gluteal fold', 'mid-thigh': 'Mid-thigh', 'distal-thigh-above-bifurcation': 'Distal thigh, above the bifurcation' };

function stored(file: string): StoredMeasurement[] {
  return (JSON.parse(readFileSync(`${SAMPLE_DIR}followup/${file}`, 'utf8')) as { measurements: StoredMeasurement[] }).measurements;
}

/** Mean and sample SD of the included stored areas at a site and side. */
function expected(file: string, site: string, side: 'L' | 'R') {
  const areas = stored(file)
    .filter((m) => m.site === site && m.side === side && !m.excluded)
    .map((m) => m.metrics.areaMm2!);
  const mean = areas.reduce((a, b) => a + b, 0) / areas.length;
  const sd = Math.sqrt(areas.reduce((a, b) => a + (b - mean) ** 2, 0) / (areas.length - 1));
  return { mean, sd, n: areas.length };
}

async function loadTwoVisitSample(page: Page) {
  await page.goto('./');
  await page.getByTestId('start-open-sample').click();
  await expect(page.getByTestId('series-item').first()).toBeVisible();
  await page.getByTestId('tab-profile').click();
  await page.getByTestId('profile-load-sample').click();
  await expect(page.getByTestId('profile-message')).toContainText('Loaded visit-1-session.json as this session and visit-2-session.json as a second visit.');
  await expect(page.getByTestId('followup-table')).toBeVisible();
}

/** Values of the plot's mean points, mapped from their SVG y back to mm² through two tick marks. */
async function plottedMeans(page: Page) {
  const plot = page.getByTestId('profile-plot').first();
  const ticks = await plot.getByTestId('profile-y-tick').evaluateAll((gs) =>
    gs.map((g) => ({ value: Number(g.querySelector('text')!.textContent), y: Number(g.querySelector('line')!.getAttribute('y1')) })),
  );
  expect(ticks.length).toBeGreaterThanOrEqual(3);
  const [a, b] = [ticks[0]!, ticks[ticks.length - 1]!];
  const perPixel = (b.value - a.value) / (b.y - a.y);
  const toValue = (y: number) => a.value + (y - a.y) * perPixel;
  const points = await plot.getByTestId('profile-mean').evaluateAll((cs) =>
    cs.map((c) => ({ side: c.getAttribute('data-side'), site: c.getAttribute('data-site'), cy: Number(c.getAttribute('cy')), id: c.getAttribute('data-measurement-id') })),
  );
  return { points: points.map((p) => ({ ...p, value: toValue(p.cy) })), tolerance: Math.abs(perPixel) * 0.6 };
}

test('two-visit sample: the plotted points, the table and the follow-up are the stored measurements', async ({ page }) => {
  const errors = trackPageErrors(page);
  await page.setViewportSize({ width: 1600, height: 1000 });
  await loadTwoVisitSample(page);

  // Sites in anatomical order; the band only where a limit exists, "no reference" where none does.
  const plot = page.getByTestId('profile-plot').first();
  await expect(plot.getByTestId('profile-site-label')).toHaveText(SITES.map((s) => SITE_LABEL[s]));
  expect(await plot.getByTestId('profile-band').evaluateAll((bs) => bs.map((b) => [b.getAttribute('data-site'), b.getAttribute('data-limit')]))).toEqual([
    ['gluteal-fold', '58.3'],
    ['mid-thigh', '49.6'],
  ]);
  await expect(plot.getByTestId('profile-no-reference')).toHaveCount(1);

  // Each mean point, read back from its y coordinate, is the mean of the included stored repeats.
  const { points, tolerance } = await plottedMeans(page);
  expect(points).toHaveLength(6);
  for (const p of points) {
    const e = expected('visit-1-session.json', p.site!, p.side as 'L' | 'R');
    expect(Math.abs(p.value - e.mean), `${p.side} ${p.site}: plotted ${p.value.toFixed(2)}, stored mean ${e.mean.toFixed(2)}`).toBeLessThan(tolerance);
  }
  // Every stored repeat is a dot; the excluded one is drawn hollow and is not in the mean.
  const v1 = stored('visit-1-session.json');
  await expect(plot.getByTestId('profile-repeat')).toHaveCount(v1.length);
  const excluded = v1.filter((m) => m.excluded).map((m) => m.id);
  expect(excluded).toHaveLength(1);
  await expect(plot.locator(`[data-testid="profile-repeat"][data-excluded="true"]`)).toHaveCount(1);
  await expect(plot.locator(`[data-measurement-id="${excluded[0]}"]`)).toHaveAttribute('data-excluded', 'true');

  // The table shows the same means ± SD (n), to one decimal.
  for (const site of SITES) {
    const row = page.locator(`[data-testid="profile-row"][data-site="${site}"]`).first();
    for (const [side, cell] of [['L', 'profile-left'], ['R', 'profile-right']] as const) {
      const e = expected('visit-1-session.json', site, side);
      await expect(row.getByTestId(cell)).toHaveText(`${e.mean.toFixed(1)} ± ${e.sd.toFixed(1)} (n=${e.n})`);
    }
  }
  await expect(page.locator('[data-testid="profile-row"][data-site="gluteal-fold"]').first()).toContainText('Right: 1 repeat excluded');
  await expect(page.getByTestId('profile-variability').first()).toContainText('no published limit');

  // Follow-up: baseline 2025-03-14, latest 2025-09-12; the right nerve smaller at every site.
  const table = page.getByTestId('followup-table');
  await expect(table.locator('th').nth(4)).toHaveText('2025-03-14 (this session) baseline mean (mm2)');
  await expect(table.locator('th').nth(5)).toHaveText('2025-09-12 (visit-2-session.json) latest mean (mm2)');
  const rows = await table.getByTestId('followup-row').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim())));
  expect(rows).toHaveLength(6);
  for (const site of SITES) {
    for (const side of ['L', 'R'] as const) {
      const row = rows.find((r) => r[2] === SITE_LABEL[site] && r[3] === (side === 'L' ? 'Left' : 'Right'))!;
      const before = expected('visit-1-session.json', site, side).mean;
      const after = expected('visit-2-session.json', site, side).mean;
      expect(row[4]).toBe(before.toFixed(1));
      expect(row[5]).toBe(after.toFixed(1));
      expect(Number(row[6])).toBeCloseTo(after - before, 1);
      if (side === 'R') {
        expect(after).toBeLessThan(before);
        expect(row[9]).toBe('change above 10 % (convention) — no published detectable difference');
      }
    }
  }
  await page.getByTestId('followup-table').scrollIntoViewIfNeeded();
  await screenshot(page, 'profile-tab');
  // The whole tab (plot, table and follow-up) in one picture: a viewport tall enough for it.
  await page.setViewportSize({ width: 1600, height: 1900 });
  await page.getByTestId('profile-tab').evaluate((el) => el.closest('.tab-body')?.scrollTo({ top: 0 }));
  await page.getByTestId('profile-tab').screenshot({ path: `${ROOT}test/e2e/screenshots/profile-panel.png` });
  await page.setViewportSize({ width: 1600, height: 1000 });
  if (process.env.NERVETRACE_README_SCREENSHOT === '1') {
    mkdirSync(`${ROOT}test/e2e/readme`, { recursive: true });
    copyFileSync(`${ROOT}test/e2e/screenshots/profile-panel.png`, README_SHOT);
  }

  // A point goes to its measurement: selected, and its image on screen.
  const rightGluteal = points.find((p) => p.side === 'R' && p.site === 'gluteal-fold')!;
  const label = v1.find((m) => m.id === rightGluteal.id)!.label;
  await plot.locator(`[data-testid="profile-mean"][data-side="R"][data-site="gluteal-fold"]`).click();
  await expect(page.getByTestId('profile-selected')).toContainText(`Selected ${label}: right, gluteal fold`);
  await expect(page.locator('.viewport-panel').first().getByTestId('overlay-modality')).toContainText('Sciatic gluteal fold R');
  const distalLeft = v1.find((m) => m.site === 'distal-thigh-above-bifurcation' && m.side === 'L')!;
  await plot.locator(`[data-testid="profile-repeat"][data-measurement-id="${distalLeft.id}"]`).click();
  await expect(page.getByTestId('profile-selected')).toContainText(`Selected ${distalLeft.label}: left, distal thigh, above the bifurcation, ${distalLeft.metrics.areaMm2!.toFixed(1)} mm²`);
  await expect(page.locator('.viewport-panel').first().getByTestId('overlay-modality')).toContainText('Sciatic distal thigh L');

  // The CSV files hold the cells shown.
  mkdirSync(DOWNLOADS, { recursive: true });
  const [followUpDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('followup-export-csv').click()]);
  await followUpDownload.saveAs(`${DOWNLOADS}follow-up.csv`);
  const csvLines = readFileSync(`${DOWNLOADS}follow-up.csv`, 'utf8').trimEnd().split('\r\n');
  expect(csvLines).toHaveLength(7);
  for (const r of rows) expect(csvLines).toContain(r.map((c) => (/[",]/.test(c) ? `"${c}"` : c)).join(','));
  const [profileDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('profile-export-csv').click()]);
  await profileDownload.saveAs(`${DOWNLOADS}profile.csv`);
  const profileCsv = readFileSync(`${DOWNLOADS}profile.csv`, 'utf8');
  const e = expected('visit-1-session.json', 'gluteal-fold', 'R');
  expect(profileCsv).toContain(`,${e.mean.toFixed(1)},${e.sd.toFixed(1)},3,`);

  // Baseline and latest can be swapped by hand.
  await page.getByTestId('followup-baseline').selectOption({ label: '2025-09-12 (visit-2-session.json)' });
  await page.getByTestId('followup-latest').selectOption({ label: '2025-03-14 (this session)' });
  await expect(table.locator('th').nth(5)).toHaveText('2025-09-12 (visit-2-session.json) baseline mean (mm2)');
  await expect(table.getByTestId('followup-row').filter({ hasText: 'Right' }).first().locator('td').nth(6)).toHaveText(/^\+\d+\.\d$/);

  // The session JSON carries the same tables (visits by date only in a de-identified export).
  await page.getByTestId('tab-session').click();
  const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  await jsonDownload.saveAs(`${DOWNLOADS}session.json`);
  const exported = JSON.parse(readFileSync(`${DOWNLOADS}session.json`, 'utf8'));
  expect(exported.profileTables.profile.rows).toHaveLength(3);
  expect(exported.profileTables.followUp.columns[4]).toBe('2025-03-14 (visit 1) latest mean (mm2)');
  const jsonRight = exported.profileTables.followUp.rows.find((r: string[]) => r[2] === 'Gluteal fold' && r[3] === 'Right');
  expect(jsonRight[4]).toBe(expected('visit-1-session.json', 'gluteal-fold', 'R').mean.toFixed(1));
  expect(exported.patient).toBeUndefined();
  expect(errors).toEqual([]);
});

test('a session of another patient is refused as a visit, and nothing already shown changes', async ({ page }) => {
  const errors = trackPageErrors(page);
  await loadTwoVisitSample(page);
  const before = await page.getByTestId('followup-table').innerText();
  const other = JSON.parse(readFileSync(`${SAMPLE_DIR}followup/visit-2-session.json`, 'utf8'));
  other.patient.id = 'NT-0002';
  mkdirSync(DOWNLOADS, { recursive: true });
  writeFileSync(`${DOWNLOADS}other-patient.json`, JSON.stringify(other));
  await page.getByTestId('followup-file-input').setInputFiles(`${DOWNLOADS}other-patient.json`);
  await expect(page.getByTestId('followup-error')).toHaveText(
    'The sessions belong to different patients (NT-0001 in this session, NT-0002 in other-patient.json); a follow-up compares one patient.',
  );
  await expect(page.getByTestId('followup-visit')).toHaveCount(2);
  expect(await page.getByTestId('followup-table').innerText()).toBe(before);
  expect(errors).toEqual([]);
});

test('print report: the profile plot and the follow-up table are in the PDF', async ({ page }) => {
  const errors = trackPageErrors(page);
  await loadTwoVisitSample(page);
  await page.getByTestId('tab-session').click();
  await page.getByTestId('print-report').click();
  const section = page.getByTestId('print-profile');
  await expect(section.getByTestId('profile-plot')).toHaveCount(1);
  await expect(section.getByTestId('print-followup')).toBeVisible();
  await expect(section.getByTestId('print-followup').locator('th').nth(4)).toHaveText('2025-03-14 (visit 1) baseline mean (mm2)');
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  mkdirSync(DOWNLOADS, { recursive: true });
  writeFileSync(`${DOWNLOADS}report.pdf`, pdf);
  const text = pdfText(pdf).replace(/\s+/g, ' ');
  for (const expectedText of ['CSA profile along the nerve', 'Follow-up', 'Intranerve variability', 'no published detectable difference']) {
    expect(text, `PDF text should contain "${expectedText}"`).toContain(expectedText);
  }
  const right = expected('visit-1-session.json', 'gluteal-fold', 'R');
  expect(text).toContain(`${right.mean.toFixed(1)} ± ${right.sd.toFixed(1)} (n=3)`);
  await page.getByTestId('print-close').click();
  expect(errors).toEqual([]);
});
