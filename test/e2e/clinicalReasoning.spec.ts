/**
 * Issue 13 — tables as real reports paste them (a PDF copy, a per-site machine export), misspelt
 * muscles offered for confirmation, focal demyelination across the fibular head, a generalized
 * polyneuropathy colouring both legs, and the patient's age selecting age-dependent limits. Real
 * Chromium; every check reads what a person sees.
 */
import { readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { screenshot, trackPageErrors } from './helpers';

const FIXTURES = 'test/fixtures/emg-tables/';
const fixture = (name: string): string => readFileSync(`${FIXTURES}${name}.txt`, 'utf8');

async function openTab(page: Page, id: 'emg' | 'map' | 'report') {
  await page.getByTestId(`tab-${id}`).click();
}

async function paste(page: Page, text: string) {
  await page.getByTestId('paste-input').fill(text);
}

test('a table copied out of a PDF: rows read left to right, footer and unread columns listed, a misspelt muscle confirmed by a click', async ({ page }) => {
  const errors = trackPageErrors(page);
  await page.goto('./');
  await openTab(page, 'emg');
  await paste(page, fixture('pdf-emg-single-space'));
  await expect(page.getByTestId('paste-detected')).toContainText('Detected an EMG table: 7 rows read.');
  const rows = page.getByTestId('paste-preview-row');
  await expect(rows).toHaveCount(7);
  await expect(rows.nth(0)).toContainText('Tibialis anterior');
  await expect(rows.nth(0)).toContainText('2+');
  await expect(rows.nth(0)).toContainText('reduced');
  await expect(rows.nth(0)).toContainText('fasciculations absent');
  const warnings = page.getByTestId('paste-warnings');
  await expect(warnings).toContainText('Page footer "Page 1 of 2" ignored.');
  await expect(warnings).toContainText('not read: "Fasc", "Amp", "Dur", "Poly", "Recrt".');
  await expect(warnings).toContainText('did you mean tibialis anterior? Kept as written until confirmed.');

  // The misspelt muscle stays as written until the user confirms the suggestion.
  const misspelt = rows.nth(5);
  await expect(misspelt).toContainText('Tibials anterior');
  await expect(misspelt).toContainText('not in list');
  await screenshot(page, 'reasoning-paste-pdf');
  await misspelt.getByTestId('paste-suggestion').click();
  await expect(misspelt).toContainText('Tibialis anterior');
  await expect(misspelt).not.toContainText('not in list');
  await expect(page.getByTestId('paste-suggestion')).toHaveCount(0);

  await page.getByTestId('paste-add').click();
  await expect(page.getByTestId('paste-notice')).toHaveText('Added 7 EMG rows.');
  await expect(page.getByTestId('emg-row')).toHaveCount(7);
  await expect(page.getByTestId('emg-row').nth(5).getByTestId('emg-muscle')).toHaveValue('Tibialis anterior');
  await expect(page.getByTestId('emg-row').nth(5).getByTestId('emg-side')).toHaveValue('L');
  expect(errors).toEqual([]);
});

test('a per-site machine export with conduction block across the fibular head localizes focal demyelination there', async ({ page }) => {
  const errors = trackPageErrors(page);
  await page.goto('./');
  await openTab(page, 'emg');
  await paste(page, fixture('natus-per-site'));
  await expect(page.getByTestId('paste-detected')).toContainText('Detected a conduction table: 5 rows read.');
  const rows = page.getByTestId('paste-preview-row');
  await expect(rows.nth(1)).toContainText('B Fib');
  await expect(rows.nth(1)).toContainText('300');
  await expect(rows.nth(2)).toContainText('A Fib');
  await screenshot(page, 'reasoning-paste-per-site');
  await page.getByTestId('paste-add').click();

  await paste(
    page,
    [
      'Muscle\tSide\tIns Act\tFib\tPSW\tAmp\tDur\tPoly\tRecruitment',
      'Tibialis anterior\tL\tNml\t0\t0\tNml\tNml\tNml\tDecr',
      'EHL\tL\tNml\t0\t0\tNml\tNml\tNml\tDecr',
      'Biceps femoris short head\tL\tNml\t0\t0\tNml\tNml\tNml\tFull',
      'Tibialis posterior\tL\tNml\t0\t0\tNml\tNml\tNml\tFull',
    ].join('\n'),
  );
  await page.getByTestId('paste-add').click();
  const summary = page.getByTestId('localization-summary');
  await expect(summary).toContainText('Left common peroneal neuropathy at the fibular head (focal demyelination)');
  await expect(summary).not.toContainText('Conflicting');

  await openTab(page, 'report');
  const localization = page.getByTestId('report-localization');
  await expect(localization).toContainText('Conduction block below the fibular head → above the fibular head: amplitude 4.5 → 1.6 mV (64 % drop ≥ 50 %) [EFNS/PNS 2010]');
  await expect(localization).toContainText('Focal slowing below the fibular head → above the fibular head: 26 m/s against 47 m/s');
  await screenshot(page, 'reasoning-report-demyelination');
  expect(errors).toEqual([]);
});

const PNP_NCS = [
  'Nerve\tLatency (ms)\t\tAmplitude\t\tCV (m/s)\t',
  '\tL\tR\tL\tR\tL\tR',
  'Sural sensory\tNR\tNR\tNR\tNR\t\t',
  'Superficial peroneal\tNR\tNR\tNR\tNR\t\t',
  'Peroneal motor (EDB)\t5.9\t5.7\t1.1\t1.3\t39\t40',
  'Tibial motor (AH)\t5.6\t5.5\t1.6\t1.9\t39\t39',
].join('\n');

const PNP_EMG = [
  'Muscle\tSide\tIns Act\tFib\tPSW\tAmp\tDur\tPoly\tRecruitment',
  'EDB\tL\tIncr\t2+\t2+\tIncr\tIncr\tNml\tDecr',
  'EDB\tR\tIncr\t2+\t2+\tIncr\tIncr\tNml\tDecr',
  'Abductor hallucis\tL\tIncr\t2+\t1+\tIncr\tNml\tNml\tDecr',
  'Abductor hallucis\tR\tIncr\t2+\t2+\tIncr\tNml\tNml\tDecr',
  'Tibialis anterior\tL\tNml\t1+\t0\tIncr\tNml\tNml\tDecr',
  'Tibialis anterior\tR\tNml\t1+\t0\tIncr\tNml\tNml\tDecr',
  'Vastus lateralis\tL\tNml\t0\t0\tNml\tNml\tNml\tFull',
  'Vastus lateralis\tR\tNml\t0\t0\tNml\tNml\tNml\tFull',
  'Biceps femoris short head\tL\tNml\t0\t0\tNml\tNml\tNml\tFull',
  'Biceps femoris short head\tR\tNml\t0\t0\tNml\tNml\tNml\tFull',
].join('\n');

test('a symmetric length-dependent pattern reads as a polyneuropathy and colours both legs distally, not two focal lesions', async ({ page }) => {
  const errors = trackPageErrors(page);
  await page.goto('./');
  await openTab(page, 'emg');
  await paste(page, PNP_NCS);
  await expect(page.getByTestId('paste-detected')).toContainText('Detected a conduction table: 8 rows read.');
  await expect(page.getByTestId('paste-warnings')).toContainText('L/R sub-columns under each measure');
  await page.getByTestId('paste-add').click();
  await paste(page, PNP_EMG);
  await page.getByTestId('paste-add').click();

  const summary = page.getByTestId('localization-summary');
  await expect(summary).toHaveText('Probable: Generalized length-dependent sensorimotor axonal polyneuropathy.');
  await expect(summary).not.toContainText('sciatic');

  await openTab(page, 'map');
  for (const side of ['L', 'R'] as const) {
    for (const node of ['deep-peroneal', 'superficial-peroneal', 'tibial', 'common-peroneal-fibular-head']) {
      await expect(page.locator(`[data-testid="map-node"][data-side="${side}"][data-node="${node}"]`)).toHaveAttribute('data-state', 'diffuse');
    }
    await expect(page.locator(`[data-testid="map-node"][data-side="${side}"][data-node="sciatic-trunk"]`)).not.toHaveAttribute('data-state', 'lesion');
  }
  await expect(page.getByTestId('map-legend')).toContainText('polyneuropathy (both legs, distal)');
  await page.locator('[data-testid="map-node"][data-side="L"][data-node="tibial"]').click();
  await expect(page.getByTestId('map-diffuse')).toHaveText('polyneuropathy: distal territory, both legs');
  await screenshot(page, 'reasoning-map-polyneuropathy');

  await openTab(page, 'report');
  await expect(page.getByTestId('report-localization')).toContainText('Diffuse process: generalized length-dependent sensorimotor axonal polyneuropathy (both legs, distal first).');
  expect(errors).toEqual([]);
});

test('the patient age selects the age-dependent sural limit (Tavee 2014); a bad age is refused with a sentence', async ({ page }) => {
  const errors = trackPageErrors(page);
  await page.goto('./');
  await openTab(page, 'emg');
  await paste(page, 'Nerve\tSide\tLat (ms)\tAmp\nSural\tR\t3.9\t2.5');
  await page.getByTestId('paste-add').click();
  await expect(page.getByTestId('ncs-flag').first()).toContainText('Amplitude 2.5 µV < 6.0 µV (convention)');
  await expect(page.getByTestId('patient-age-note')).toContainText('Unknown: the age-independent sural limit is used');

  const age = page.getByTestId('patient-age-input');
  await age.fill('seventy');
  await age.press('Enter');
  await expect(page.getByTestId('patient-age-error')).toHaveText('Enter the age in whole years (0–130), or leave it empty when unknown.');
  await age.fill('72');
  await age.press('Enter');
  await expect(page.getByTestId('patient-age-error')).toHaveCount(0);
  await expect(page.getByTestId('ncs-flag')).toHaveCount(0);
  await expect(page.getByTestId('localization-summary')).toHaveText('No electrodiagnostic evidence of a lesion.');
  await screenshot(page, 'reasoning-patient-age');
  expect(errors).toEqual([]);
});
