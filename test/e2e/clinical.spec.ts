/**
 * Issue 5 — EMG / NCS entry, pasted report tables, localization, nerve map, comparison settings and
 * the clinical report, in real Chromium. Every check reads what a person sees (text, SVG state).
 */
import { test, expect, type Locator, type Page } from '@playwright/test';
import { manifest, sampleFiles, screenshot, trackForeignRequests, trackPageErrors } from './helpers';
import { traceOutline } from './measure';

interface MuscleEntry {
  readonly muscle: string;
  readonly side?: 'L' | 'R';
  readonly fib?: string;
  readonly psw?: string;
  readonly recruitment?: string;
  readonly ins?: string;
}

async function openTab(page: Page, id: 'emg' | 'comparison' | 'map' | 'report' | 'measurements') {
  await page.getByTestId(`tab-${id}`).click();
}

/**
 * Add one EMG row the way a user does: "Add muscle" (the row starts "not recorded"), type the name,
 * press N ("All normal"), then choose what was abnormal.
 */
async function addMuscle(page: Page, entry: MuscleEntry): Promise<Locator> {
  await page.getByTestId('emg-add').click();
  const row = page.getByTestId('emg-row').last();
  const input = row.getByTestId('emg-muscle');
  await input.fill(entry.muscle);
  await input.press('Enter');
  await expect(row.getByTestId('emg-fib')).toHaveValue('');
  await row.getByTestId('emg-normal').click();
  if (entry.side) await row.getByTestId('emg-side').selectOption(entry.side);
  if (entry.ins) await row.getByTestId('emg-ins').selectOption({ label: entry.ins });
  if (entry.fib) await row.getByTestId('emg-fib').selectOption({ label: entry.fib });
  if (entry.psw) await row.getByTestId('emg-psw').selectOption({ label: entry.psw });
  if (entry.recruitment) await row.getByTestId('emg-recruitment').selectOption({ label: entry.recruitment });
  return row;
}

async function addStudy(page: Page, study: string, side: 'L' | 'R', values: { latency?: string; amplitude?: string; velocity?: string }) {
  await page.getByTestId('ncs-add').click();
  const row = page.getByTestId('ncs-row').last();
  await row.getByTestId('ncs-nerve').selectOption({ label: study });
  await row.getByTestId('ncs-side').selectOption(side);
  if (values.latency) await row.getByTestId('ncs-latency').fill(values.latency);
  if (values.amplitude) await row.getByTestId('ncs-amplitude').fill(values.amplitude);
  if (values.velocity) await row.getByTestId('ncs-velocity').fill(values.velocity);
  await row.getByTestId('ncs-velocity').press('Tab');
  return row;
}

function mapNode(page: Page, side: 'L' | 'R', node: string): Locator {
  return page.locator(`[data-testid="map-node"][data-side="${side}"][data-node="${node}"]`);
}

test('typing the peroneal-predominant sciatic pattern row by row moves the localization to the sciatic nerve', async ({ page, baseURL }) => {
  const errors = trackPageErrors(page);
  const foreign = trackForeignRequests(page, baseURL!.replace(/\/$/, ''));
  await page.goto('./');
  await openTab(page, 'emg');
  const summary = page.getByTestId('localization-summary');
  await expect(summary).toHaveText('No EMG or nerve-conduction findings entered: nothing to localize.');

  // Tibialis anterior alone: a distal (deep peroneal) lesion is possible.
  const ta = await addMuscle(page, { muscle: 'Tibialis anterior', side: 'R', ins: '↑', fib: '3+', psw: '3+', recruitment: 'Discrete' });
  await expect(ta.getByTestId('emg-muscle')).toHaveValue('Tibialis anterior');
  await expect(ta.getByTestId('emg-flag')).toHaveText('abnormal');
  await expect(page.getByTestId('emg-reasons').first()).toContainText('fibrillation potentials 3+');
  await expect(page.getByTestId('emg-reasons').first()).toContainText('discrete recruitment (simple phase)');
  await expect(summary).toContainText('deep peroneal');

  await addMuscle(page, { muscle: 'Extensor digitorum brevis', fib: '3+', psw: '2+', recruitment: 'Single unit' });
  await addMuscle(page, { muscle: 'Peroneus (fibularis) longus', fib: '2+', recruitment: 'Reduced' });
  // The short head is what separates the sciatic peroneal division from the fibular head (S22, S23).
  await addMuscle(page, { muscle: 'Biceps femoris (short head)', fib: '2+', recruitment: 'Reduced' });
  await expect(summary).not.toContainText('fibular head');
  await addMuscle(page, { muscle: 'Gastrocnemius (medial head)', fib: '1+' });
  for (const muscle of ['Gluteus maximus', 'Gluteus medius', 'Tensor fasciae latae', 'Paraspinals L5', 'Paraspinals S1']) {
    const row = await addMuscle(page, { muscle });
    await expect(row.getByTestId('emg-flag')).toHaveText('normal');
  }
  await addStudy(page, 'Sural sensory', 'R', { latency: '3.8', amplitude: '4' });
  await addStudy(page, 'Sural sensory', 'L', { latency: '3,6', amplitude: '13' });

  await expect(summary).toHaveText('Probable: Right sciatic neuropathy with peroneal-division predominance.');
  await expect(page.getByTestId('localization-confidence')).toHaveText('Probable');

  // The reduced sural response is flagged with its limit and source, in the warning colour.
  const sural = page.getByTestId('ncs-row').first();
  await expect(sural.getByTestId('ncs-unit')).toHaveText('µV');
  const flags = page.getByTestId('ncs-flag');
  await expect(flags.filter({ hasText: 'Amplitude 4.0 µV < 6.0 µV (convention)' })).toHaveCount(1);
  await expect(flags.filter({ hasText: 'below 50 %' })).toHaveCount(1);
  const flagColour = await flags.first().evaluate((el) => getComputedStyle(el).color);
  expect(flagColour).toBe('rgb(255, 176, 32)');
  await page.getByTestId('ncs-table').scrollIntoViewIfNeeded();
  await screenshot(page, 'clinical-ncs');

  // A muscle outside the controlled list is kept as free text with a hint.
  const free = await addMuscle(page, { muscle: 'Vastus intermedius' });
  await expect(free.getByTestId('emg-not-in-list')).toContainText('not in list');
  await screenshot(page, 'clinical-emg-entry');
  await free.getByTestId('emg-delete').click();
  await expect(page.getByTestId('emg-not-in-list')).toHaveCount(0);

  // The nerve map shows the right sciatic nerve as the lesion site, and its territory.
  await openTab(page, 'map');
  await expect(mapNode(page, 'R', 'sciatic-trunk')).toHaveAttribute('data-state', 'lesion');
  await expect(mapNode(page, 'R', 'sciatic-trunk').locator('.shape')).toHaveAttribute('fill', '#d64545');
  await expect(mapNode(page, 'R', 'deep-peroneal')).toHaveAttribute('data-state', 'abnormal');
  await expect(mapNode(page, 'R', 'superior-gluteal')).toHaveAttribute('data-state', 'normal');
  await expect(mapNode(page, 'R', 'root-L5')).toHaveAttribute('data-state', 'normal');
  await expect(mapNode(page, 'L', 'sciatic-trunk')).toHaveAttribute('data-state', 'untested');
  await expect(page.getByTestId('localization-reasoning')).toContainText(
    'Supports — Right: Biceps femoris short head abnormal → lesion at or above the sciatic peroneal division, not at the fibular head [Katirji & Wilbourn 1994; ref. S23]',
  );
  await mapNode(page, 'R', 'sciatic-peroneal-division').click();
  const details = page.getByTestId('map-details');
  await expect(details).toContainText('Right sciatic nerve, peroneal division');
  await expect(details).toContainText('biceps femoris (short head)');
  await screenshot(page, 'clinical-map-sciatic');

  await openTab(page, 'report');
  await expect(page.getByTestId('report-reference-set')).toHaveText('Reference set: "Chen 2018 / Dutch table" (built-in)');
  await expect(page.getByTestId('report-localization')).toContainText('Probable: Right sciatic neuropathy with peroneal-division predominance.');
  await expect(page.getByTestId('report-concordance')).toContainText('No nerve was measured. To image the EMG localization: sciatic nerve');
  await screenshot(page, 'clinical-report');
  expect(errors).toEqual([]);
  expect(foreign).toEqual([]);
});

const PASTED_EMG = [
  'Muscle\tSide\tIns Act\tFib\tPSW\tAmp\tDur\tPoly\tRecruitment',
  'Tib Ant\tR\tIncr\t++\t++\tNormal\tNormal\tNormal\tsimple phase',
  'EHL\tR\tIncr\t+\t+\tNormal\tNormal\tNormal\tmixed phase',
  'Peroneus longus\tR\tIncr\t++\t+\tNormal\tNormal\tNormal\tmixed phase',
  'Biceps femoris short head\tR\tNormal\t0\t0\tNormal\tNormal\tNormal\tfull',
  'Tib post\tR\tNormal\t0\t0\tNormal\tNormal\tNormal\tfull',
  'Gastrocnemius\tR\tNormal\t0\t0\tNormal\tNormal\tNormal\tfull',
  'Biceps femoris\tR\tNormal\t0\t0\tNormal\tNormal\tNormal\tfull',
  'Mystery muscle\tR\tNormal\t0\t0\tNormal\tNormal\tNormal\tfull',
].join('\n');

test('a pasted EMG table with "simple phase" and "++" is previewed with its warnings, then colours the nerve map', async ({ page }) => {
  const errors = trackPageErrors(page);
  await page.goto('./');
  await openTab(page, 'map');
  await expect(mapNode(page, 'R', 'common-peroneal-fibular-head')).toHaveAttribute('data-state', 'untested');
  const untestedFill = await mapNode(page, 'R', 'deep-peroneal').locator('.shape').getAttribute('fill');

  await openTab(page, 'emg');
  await page.getByTestId('paste-input').fill(PASTED_EMG);
  await expect(page.getByTestId('paste-detected')).toContainText('Detected an EMG table: 8 rows read.');
  const preview = page.getByTestId('paste-preview-row');
  await expect(preview).toHaveCount(8);
  // "simple phase" is discrete recruitment; "++" is grade 2+.
  await expect(preview.nth(0)).toContainText('Tibialis anterior');
  await expect(preview.nth(0)).toContainText('2+');
  await expect(preview.nth(0)).toContainText('discrete');
  await expect(preview.nth(1)).toContainText('reduced');
  const warnings = page.getByTestId('paste-warning');
  await expect(warnings).toHaveCount(2);
  await expect(warnings.nth(0)).toContainText('Line 8');
  await expect(warnings.nth(0)).toContainText('could mean biceps femoris (long head) or biceps femoris (short head)');
  await expect(warnings.nth(1)).toContainText('Line 9');
  await expect(warnings.nth(1)).toContainText('not in the vocabulary');
  await screenshot(page, 'clinical-paste-preview');

  await page.getByTestId('paste-add').click();
  await expect(page.getByTestId('paste-notice')).toHaveText('Added 8 EMG rows.');
  await expect(page.getByTestId('emg-row')).toHaveCount(8);
  await expect(page.getByTestId('emg-row').nth(0).getByTestId('emg-recruitment')).toHaveValue('discrete');
  await expect(page.getByTestId('emg-row').nth(0).getByTestId('emg-fib')).toHaveValue('2');
  await expect(page.getByTestId('emg-not-in-list')).toHaveCount(2);
  await expect(page.getByTestId('localization-summary')).toHaveText('Probable: Right common peroneal neuropathy at the fibular head.');

  // A conduction table is recognised by its header and added the same way.
  await page.getByTestId('paste-input').fill('Nerve\tSide\tLat (ms)\tAmp\tCV (m/s)\nSup peroneal\tR\tNR\tNR\tNR\nSural\tR\t3.5\t15\t48');
  await expect(page.getByTestId('paste-detected')).toContainText('Detected a conduction table: 2 rows read.');
  await expect(page.getByTestId('paste-preview-row').nth(0)).toContainText('no response');
  await page.getByTestId('paste-add').click();
  await expect(page.getByTestId('ncs-row')).toHaveCount(2);
  await expect(page.getByTestId('ncs-flag').first()).toContainText('No response');

  await openTab(page, 'map');
  const fibularHead = mapNode(page, 'R', 'common-peroneal-fibular-head');
  await expect(fibularHead).toHaveAttribute('data-state', 'lesion');
  await expect(fibularHead.locator('.shape')).toHaveAttribute('fill', '#d64545');
  const deep = mapNode(page, 'R', 'deep-peroneal');
  await expect(deep).toHaveAttribute('data-state', 'abnormal');
  expect(await deep.locator('.shape').getAttribute('fill')).not.toBe(untestedFill);
  await expect(mapNode(page, 'R', 'superficial-peroneal')).toHaveAttribute('data-state', 'abnormal');
  await expect(mapNode(page, 'R', 'sciatic-peroneal-division')).toHaveAttribute('data-state', 'normal');
  await expect(mapNode(page, 'R', 'sciatic-peroneal-division')).toHaveAttribute('data-lesion', 'alternative');
  await expect(page.locator('[data-edge="R:common-peroneal-fibular-head>deep-peroneal"]')).toHaveAttribute('data-state', 'lesion-territory');
  await screenshot(page, 'clinical-map-fibular-head');

  // Replace swaps the whole EMG table for the pasted rows.
  await openTab(page, 'emg');
  await page.getByTestId('paste-input').fill('Muscle\tSide\tFib\tRecruitment\nGastrocnemius\tL\t0\tfull');
  await page.getByTestId('paste-replace').click();
  await expect(page.getByTestId('emg-row')).toHaveCount(1);
  await page.getByTestId('paste-input').fill('no header here');
  await expect(page.getByTestId('paste-add')).toBeDisabled();
  await expect(page.getByTestId('paste-warning')).toContainText('No header row');
  await page.getByTestId('paste-cancel').click();
  await expect(page.getByTestId('paste-input')).toHaveValue('');
  expect(errors).toEqual([]);
});

test('the comparison tab always names the reference set; editing a threshold or the ratio creates a user set', async ({ page }) => {
  const errors = trackPageErrors(page);
  await page.goto('./');
  await openTab(page, 'comparison');
  // Measurements are drawn in the viewer (another part of the app); without any, the panel says so.
  await expect(page.getByTestId('comparison-empty')).toBeVisible();
  await expect(page.getByTestId('comparison-set-name')).toHaveText('Chen 2018 / Dutch table');
  await expect(page.getByTestId('reference-set-name')).toHaveText('Chen 2018 / Dutch table');

  await page.getByTestId('reference-set-select').selectOption({ label: 'Wider-spread cohort (S2) at the gluteal fold' });
  await expect(page.getByTestId('comparison-set-name')).toHaveText('Wider-spread cohort (S2) at the gluteal fold');
  await page.getByTestId('reference-set-select').selectOption({ label: 'Chen 2018 / Dutch table' });

  await page.getByTestId('reference-set-details').locator('summary').click();
  const table = page.getByTestId('threshold-table');
  await expect(table).toContainText('Sciatic nerve, gluteal fold');
  await expect(table).not.toContainText('above the bifurcation');

  // The site without a published norm gets a threshold only when the user supplies one.
  await page.getByTestId('threshold-nerve').selectOption('sciatic');
  await page.getByTestId('threshold-site').selectOption('distal-thigh-above-bifurcation');
  await expect(page.getByTestId('threshold-limit')).toHaveValue('');
  await page.getByTestId('threshold-limit').fill('abc');
  await page.getByTestId('threshold-apply').click();
  await expect(page.getByTestId('threshold-error')).toContainText('positive number');
  await page.getByTestId('threshold-limit').fill('60');
  await page.getByTestId('threshold-apply').click();
  await expect(page.getByTestId('reference-set-name')).toHaveText('Chen 2018 / Dutch table (user-edited)');
  await expect(page.getByTestId('reference-set-user')).toBeVisible();
  await expect(page.getByTestId('comparison-set-name')).toHaveText('Chen 2018 / Dutch table (user-edited)');
  await expect(table).toContainText('Sciatic nerve, distal thigh, above the bifurcation');
  await expect(table.locator('tr', { hasText: 'above the bifurcation' })).toContainText('user');

  await page.getByTestId('ratio-input').fill('1.3');
  await page.getByTestId('ratio-apply').click();
  await expect(page.getByTestId('reference-set-editor')).toContainText('now 1.30 (user)');
  await page.getByTestId('ratio-input').fill('0.9');
  await page.getByTestId('ratio-apply').click();
  await expect(page.getByTestId('ratio-error')).toContainText('greater than 1');
  await screenshot(page, 'clinical-comparison-settings');

  await openTab(page, 'report');
  await expect(page.getByTestId('report-reference-set')).toHaveText(
    'Reference set: "Chen 2018 / Dutch table (user-edited)" (user-edited, based on "Chen 2018 / Dutch table")',
  );
  await expect(page.getByTestId('report-reference')).toContainText('ratio larger/smaller ≥ 1.30 (user)');
  await expect(page.getByTestId('report-measurements')).toContainText('No calibrated nerve measurement');
  expect(errors).toEqual([]);
});

/** Trace the sample nerve of one ultrasound series with the freehand tool (the viewer's own tool, with the mouse). */
async function traceSampleNerve(page: Page, description: string) {
  const file = manifest().files.find((f) => f.description === description)!;
  await page
    .getByTestId('series-item')
    .filter({ has: page.getByTestId('series-description').getByText(description, { exact: true }) })
    .click();
  await expect(page.locator('.viewport-panel').first().getByTestId('overlay-modality')).toContainText(description);
  await page.getByTestId('tool-freehand').click();
  await traceOutline(page, file.nerves[0]!.outline);
}

test('sciatic nerves traced on the sample study are compared left to right, placed on the map and related to the EMG', async ({ page }) => {
  const errors = trackPageErrors(page);
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(sampleFiles());
  await expect(page.getByTestId('series-item').first()).toBeVisible();
  // The sample phantom: right sciatic nerve at the gluteal fold 100 mm², left 50 mm².
  await traceSampleNerve(page, 'Sciatic gluteal fold R');
  await traceSampleNerve(page, 'Sciatic gluteal fold L');
  await expect(page.getByTestId('measurement-item')).toHaveCount(2);

  await openTab(page, 'comparison');
  const card = page.getByTestId('comparison-segment');
  await expect(card).toHaveCount(1);
  await expect(card.locator('h3')).toContainText('Sciatic nerve, gluteal fold');
  await expect(card).toHaveAttribute('data-verdict', 'enlarged');
  await expect(card.getByTestId('comparison-verdict')).toHaveText('Enlarged: right');
  const right = card.locator('tr[data-side="R"]');
  const left = card.locator('tr[data-side="L"]');
  const rightMean = Number(/([0-9.]+) mm²/.exec((await right.getByTestId('comparison-mean').textContent()) ?? '')![1]);
  const leftMean = Number(/([0-9.]+) mm²/.exec((await left.getByTestId('comparison-mean').textContent()) ?? '')![1]);
  expect(Math.abs(rightMean - 100) / 100).toBeLessThan(0.05);
  expect(Math.abs(leftMean - 50) / 50).toBeLessThan(0.05);
  await expect(right.getByTestId('comparison-mean')).toContainText('(n = 1)');
  await expect(right.getByTestId('comparison-vs-limit')).toHaveText('above 58.3 mm² (S1)');
  await expect(left.getByTestId('comparison-vs-limit')).toHaveText('within 58.3 mm² (S1)');
  await expect(card.getByTestId('comparison-rules')).toContainText('(S9)');
  await expect(card.getByTestId('comparison-verdict-text')).toContainText('Right enlarged');
  await screenshot(page, 'clinical-comparison-traced');

  // The EMG of the case reports, pasted: the enlarged right sciatic nerve agrees with the EMG.
  await openTab(page, 'emg');
  await page.getByTestId('paste-input').fill(
    [
      'Muscle\tSide\tFib\tPSW\tRecruitment',
      'Tibialis anterior\tR\t+++\t+++\tsimple phase',
      'EDB\tR\t+++\t++\tsingle unit',
      'Peroneus longus\tR\t++\t0\tmixed phase',
      'Biceps femoris short head\tR\t++\t0\tmixed phase',
      'Gastrocnemius medial head\tR\t+\t0\tfull',
      'Gluteus maximus\tR\t0\t0\tfull',
      'Gluteus medius\tR\t0\t0\tfull',
      'L5 paraspinals\tR\t0\t0\t',
    ].join('\n'),
  );
  await page.getByTestId('paste-add').click();
  await expect(page.getByTestId('localization-summary')).toContainText('Right sciatic neuropathy');

  await openTab(page, 'map');
  await expect(mapNode(page, 'R', 'sciatic-trunk')).toHaveAttribute('data-state', 'lesion');
  await expect(mapNode(page, 'R', 'sciatic-trunk')).toHaveAttribute('data-imaging', 'enlarged');
  await expect(page.locator('[data-testid="map-site"][data-side="R"][data-site="sciatic|gluteal-fold"]')).toHaveAttribute('data-imaging', 'enlarged');
  await expect(page.locator('[data-testid="map-site"][data-side="L"][data-site="sciatic|gluteal-fold"]')).toHaveAttribute('data-imaging', 'normal');
  await page.locator('[data-testid="map-site"][data-side="R"][data-site="sciatic|gluteal-fold"] polygon').click();
  await expect(page.getByTestId('map-details')).toContainText('Sciatic nerve, gluteal fold (US)');
  await screenshot(page, 'clinical-map-traced');

  await openTab(page, 'report');
  const concordance = page.getByTestId('report-concordance');
  await expect(concordance).toContainText('The EMG localization lies at the measured segment. Limb EMG cannot exclude involvement proximal to the muscles examined.');
  await expect(concordance).not.toContainText('does not extend proximal');
  await expect(concordance).toContainText('Right sciatic nerve, gluteal fold (US): enlarged — agrees with the EMG');
  await expect(page.getByTestId('report-measurements')).toContainText('above the upper limit of 58.3 mm² (S1)');
  await screenshot(page, 'clinical-report-traced');
  expect(errors).toEqual([]);
});
