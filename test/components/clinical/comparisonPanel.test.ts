/**
 * The comparison panel, nerve map and report rendered (server-side, no browser) from measurements
 * placed in the measurement store — the end-to-end tests cannot draw measurements yet.
 */
import { describe, expect, it } from 'vitest';
import { createSSRApp, type Component } from 'vue';
import { renderToString } from 'vue/server-renderer';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import ComparisonPanel from '../../../src/components/clinical/ComparisonPanel.vue';
import NerveMap from '../../../src/components/clinical/NerveMap.vue';
import ReportPanel from '../../../src/components/clinical/ReportPanel.vue';
import { useMeasurementStore } from '../../../src/stores/measurementStore';
import { useClinicalStore } from '../../../src/stores/clinicalStore';
import { rectangleMeasurement } from '../../helpers/nerveMeasurements';
import { CASES } from '../../domain/localization/fixtures';

function setup(): Pinia {
  const pinia = createPinia();
  setActivePinia(pinia);
  useMeasurementStore().replaceAll([
    ...[110, 112, 114].map((a) => rectangleMeasurement('sciatic', 'gluteal-fold', 'R', a)),
    ...[55, 56, 57].map((a) => rectangleMeasurement('sciatic', 'gluteal-fold', 'L', a)),
    rectangleMeasurement('sciatic', 'distal-thigh-above-bifurcation', 'R', 60),
  ]);
  return pinia;
}

async function render(component: Component, pinia: Pinia): Promise<string> {
  const app = createSSRApp(component);
  app.use(pinia);
  return (await renderToString(app)).replace(/<!--[\s\S]*?-->/g, '');
}

describe('ComparisonPanel', () => {
  it('shows each side as mean ± SD (n) against the upper limit, the difference, the ratio, the verdict and the rules with sources', async () => {
    const pinia = setup();
    const html = await render(ComparisonPanel, pinia);
    expect(html).toContain('Chen 2018 / Dutch table');
    expect(html).toContain('112.0 ± 2.0 mm² (n = 3)');
    expect(html).toContain('56.0 ± 1.0 mm² (n = 3)');
    expect(html).toContain('above 58.3 mm² (S1)');
    expect(html).toContain('within 58.3 mm² (S1)');
    expect(html).toMatch(/data-testid="comparison-difference">56\.0 mm²/);
    expect(html).toMatch(/data-testid="comparison-ratio">2\.00/);
    expect(html).toContain('Enlarged: right');
    expect(html).toContain('Right enlarged: 112.0 mm² &gt; upper limit 58.3 mm² (S1).');
    expect(html).toContain('left–right difference 56.0 mm² ≥ 16.4 mm² (S9)');
  });

  it('a site without a published norm shows "no reference", never a number; a user threshold then applies', async () => {
    const pinia = setup();
    let html = await render(ComparisonPanel, pinia);
    const above = html.slice(html.indexOf('Sciatic nerve, distal thigh, above the bifurcation'));
    expect(above).toContain('60.0 mm² (n = 1)');
    expect(above).toContain('no reference');
    expect(above).toContain('Insufficient data');
    expect(above).toContain('neither size nor asymmetry can be judged');

    useClinicalStore().editThreshold({ nerve: 'sciatic', site: 'distal-thigh-above-bifurcation', modality: 'US', upperLimitMm2: 58 });
    html = await render(ComparisonPanel, pinia);
    expect(html).toContain('Chen 2018 / Dutch table (user-edited)');
    expect(html).toContain('above 58.0 mm² (user)');
  });
});

describe('NerveMap with measurements and EMG', () => {
  it('colours the lesion node and marks the enlarged measured site', async () => {
    const pinia = setup();
    const clinical = useClinicalStore();
    clinical.appendEmgRows(CASES.sciaticPeronealPredominant.emg);
    clinical.appendNcsRows(CASES.sciaticPeronealPredominant.ncs);
    const html = await render(NerveMap, pinia);
    expect(html).toMatch(/data-node="sciatic-trunk" data-side="R" data-state="lesion"[^>]*data-imaging="enlarged"/);
    expect(html).toMatch(/data-site="sciatic\|gluteal-fold" data-side="R" data-imaging="enlarged"/);
    expect(html).toMatch(/data-site="sciatic\|gluteal-fold" data-side="L" data-imaging="normal"/);
    expect(html).toMatch(/data-site="sciatic\|distal-thigh-above-bifurcation" data-side="R" data-imaging="not-judged"/);
    expect(html).not.toContain('v-html');
  });
});

describe('ReportPanel', () => {
  it('reports agreement of the enlarged right sciatic nerve with the EMG', async () => {
    const pinia = setup();
    const clinical = useClinicalStore();
    clinical.appendEmgRows(CASES.sciaticPeronealPredominant.emg);
    const html = await render(ReportPanel, pinia);
    expect(html).toContain('Reference set: &quot;Chen 2018 / Dutch table&quot; (built-in)');
    expect(html).toContain('Right sciatic nerve, gluteal fold (US): enlarged — agrees with the EMG');
  });
});
