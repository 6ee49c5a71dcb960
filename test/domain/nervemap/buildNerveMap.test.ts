import { describe, expect, it } from 'vitest';
import { compareSides, type MeasurementSummaryInput } from '../../../src/domain/comparison';
import { relateImagingToEmg } from '../../../src/domain/concordance';
import { localizeLesions, NERVE_GRAPH, type LocalizationInput } from '../../../src/domain/localization';
import { buildNerveMap, type NerveMap } from '../../../src/domain/nervemap';
import { CHEN_DUTCH_SET } from '../../../src/domain/reference';
import type { Side } from '../../../src/domain/types';
import { CASES } from '../localization/fixtures';
import { PATTERNS } from '../localization/patterns';
import { FDG_AVID_SUVMAX, relateFdgToEmg, type SuvMeasurement } from '../../../src/domain/suv';

function mapOf(emgCase: LocalizationInput | null, measurements: MeasurementSummaryInput[] = []): NerveMap {
  const localization = localizeLesions(emgCase ?? { emg: [] });
  const comparisons = compareSides(measurements, CHEN_DUTCH_SET);
  return buildNerveMap({ localization, comparisons, concordance: relateImagingToEmg(comparisons, localization) });
}

const node = (map: NerveMap, side: Side, id: string) => map.nodes.find((n) => n.side === side && n.id === id)!;
const edge = (map: NerveMap, side: Side, from: string, to: string) => map.edges.find((e) => e.side === side && e.from === from && e.to === to)!;

describe('buildNerveMap', () => {
  it('has every graph node on both sides, untested when nothing was entered', () => {
    const map = mapOf(null);
    expect(map.nodes).toHaveLength(NERVE_GRAPH.length * 2);
    expect(map.nodes.every((n) => n.state === 'untested' && n.lesion === null && n.imaging === null)).toBe(true);
    expect(map.edges.every((e) => e.state === 'plain')).toBe(true);
    expect(node(map, 'R', 'sciatic-trunk')).toMatchObject({ label: 'Right sciatic nerve (trunk)', shortLabel: 'Sciatic' });
  });

  it('sciatic pattern: the right sciatic trunk is the lesion; its branches are lesion territory; abnormal and normal nodes marked', () => {
    const map = mapOf(CASES.sciaticPeronealPredominant);
    expect(node(map, 'R', 'sciatic-trunk')).toMatchObject({ state: 'lesion', lesion: 'best' });
    expect(node(map, 'R', 'sciatic-trunk').lesionExplains).toContain('biceps femoris (short head)');
    expect(node(map, 'R', 'deep-peroneal').lesionExplains).toEqual([]);
    expect(node(map, 'R', 'deep-peroneal')).toMatchObject({ state: 'abnormal', findingsState: 'abnormal' });
    expect(node(map, 'R', 'deep-peroneal').findings.map((f) => f.label)).toEqual(
      expect.arrayContaining(['tibialis anterior', 'extensor digitorum brevis', 'peroneal motor to extensor digitorum brevis']),
    );
    expect(node(map, 'R', 'superior-gluteal')).toMatchObject({ state: 'normal' });
    expect(node(map, 'L', 'sciatic-trunk').state).toBe('untested');
    expect(edge(map, 'R', 'sciatic-trunk', 'sciatic-peroneal-division').state).toBe('lesion-territory');
    expect(edge(map, 'R', 'common-peroneal-fibular-head', 'deep-peroneal').state).toBe('lesion-territory');
    // The nerve leading into the lesion carries the abnormal findings but is not itself below the lesion.
    expect(edge(map, 'R', 'sacral-plexus', 'sciatic-trunk').state).toBe('abnormal-path');
    expect(edge(map, 'R', 'sacral-plexus', 'superior-gluteal').state).toBe('plain');
  });

  it('paraspinals colour their own root; limb muscles with that root are listed as probable root supply', () => {
    const map = mapOf(CASES.l5Radiculopathy);
    const l5 = node(map, 'R', 'root-L5');
    expect(l5.lesion).toBe('best');
    expect(l5.findings.map((f) => f.label)).toEqual(['paraspinals L5']);
    expect(l5.rootSupplied.map((f) => f.label)).toEqual(expect.arrayContaining(['tibialis anterior', 'extensor hallucis longus']));
    // Sensory responses are postganglionic: not listed under a root.
    expect(l5.rootSupplied.some((f) => f.label.includes('sensory'))).toBe(false);
    expect(edge(map, 'R', 'root-L5', 'sacral-plexus').state).toBe('lesion-territory');
  });

  it('fibular head pattern: the runner-up (sciatic peroneal division) is marked as an alternative site', () => {
    const map = mapOf(CASES.peronealAtFibularHead);
    expect(node(map, 'R', 'common-peroneal-fibular-head').state).toBe('lesion');
    expect(node(map, 'R', 'sciatic-peroneal-division').lesion).toBe('alternative');
  });

  it('imaging: measured sites are placed on their node with the verdict; the worst state wins', () => {
    const map = mapOf(CASES.sciaticPeronealPredominant, [
      { nerve: 'sciatic', site: 'gluteal-fold', modality: 'US', side: 'R', valuesMm2: [110, 112, 114] },
      { nerve: 'sciatic', site: 'gluteal-fold', modality: 'US', side: 'L', valuesMm2: [55, 56, 57] },
      { nerve: 'sciatic', site: 'distal-thigh-above-bifurcation', modality: 'US', side: 'R', valuesMm2: [60] },
    ]);
    const right = node(map, 'R', 'sciatic-trunk');
    expect(right.imaging).toBe('enlarged');
    expect(right.measuredSites.map((s) => [s.site, s.imaging])).toEqual([
      ['gluteal-fold', 'enlarged'],
      ['distal-thigh-above-bifurcation', 'not-judged'],
    ]);
    expect(right.measuredSites[0]!.text).toBe('112.0 ± 2.0 mm² (mean ± SD of 3), above the upper limit 58.3 mm² (S1)');
    expect(right.measuredSites[1]!.text).toBe('60.0 mm² (one measurement); no reference upper limit');
    expect(right.measuredSites[0]!.concordance).toMatch(/Agrees: same side and nerve/);
    expect(node(map, 'L', 'sciatic-trunk').imaging).toBe('normal');
  });
});

describe('nerve map for a polyneuropathy', () => {
  it('a length-dependent polyneuropathy colours the distal nerves of both legs (state "diffuse"), not one focal site per side', () => {
    const p = PATTERNS.find((x) => x.name.startsWith('length-dependent axonal polyneuropathy'))!;
    const localization = localizeLesions({ emg: p.emg, ncs: p.ncs });
    const map = buildNerveMap({ localization, comparisons: [], concordance: [] });
    for (const side of ['L', 'R'] as const) {
      for (const id of ['deep-peroneal', 'superficial-peroneal', 'tibial', 'common-peroneal-fibular-head'] as const) {
        const node = map.nodes.find((n) => n.id === id && n.side === side)!;
        expect(node.state).toBe('diffuse');
        expect(node.diffuse).toBe(true);
      }
      expect(map.nodes.find((n) => n.id === 'sciatic-trunk' && n.side === side)!.state).not.toBe('lesion');
      expect(map.edges.find((e) => e.to === 'tibial' && e.side === side)!.state).toBe('lesion-territory');
    }
    expect(map.nodes.filter((n) => n.state === 'lesion')).toEqual([]);
  });
});

describe('nerve map: FDG-avid segments (SUV measurements) are drawn like an enlarged cross-section', () => {
  const suv = (over: Partial<SuvMeasurement>): SuvMeasurement => ({
    id: 'suv-1',
    label: 'P1',
    kind: 'line',
    nerve: 'sciatic',
    site: 'mid-thigh',
    side: 'L',
    sideSource: 'user',
    image: { studyInstanceUid: '1.2.3', seriesInstanceUid: '1.2.3.4', sopInstanceUid: '1.2.3.4.5', frameIndex: 0, fileName: 'pet.dcm' },
    points: [{ x: 1, y: 1 }, { x: 1, y: 50 }],
    values: { suvMax: 4.6, maxAt: { x: 1, y: 20 }, suvMean: null, suvPeak: null, pixelCount: null, lengthMm: 150, maxDistanceMm: 60 },
    factor: 0.0003,
    factorSource: 'Units BQML: test.',
    weightEdited: false,
    doseEdited: false,
    createdAt: '2025-01-01T00:00:00.000Z',
    ...over,
  });
  function fdgMap(emgCase: LocalizationInput | null, measurements: SuvMeasurement[]): NerveMap {
    const localization = localizeLesions(emgCase ?? { emg: [] });
    return buildNerveMap({ localization, comparisons: [], concordance: [], fdg: relateFdgToEmg(measurements, localization) });
  }

  it('an SUVmax of 4.6 on the left sciatic nerve at mid-thigh marks the left sciatic trunk FDG-avid, with its sentence and EMG relation', () => {
    const map = fdgMap(CASES.sciaticPeronealPredominant, [suv({})]);
    const left = node(map, 'L', 'sciatic-trunk');
    expect(left.fdg).toBe('avid');
    expect(left.fdgSites).toEqual([
      expect.objectContaining({ measurementId: 'suv-1', nerve: 'sciatic', site: 'mid-thigh', fdg: 'avid', suvMax: 4.6, text: 'P1: SUVmax 4.6 along the left sciatic nerve at mid-thigh, 60 mm along a 150 mm line' }),
    ]);
    // The EMG case puts the lesion on the right sciatic nerve: the FDG evidence on the left disagrees.
    expect(left.fdgSites[0]!.concordance).toMatch(/FDG-avid.*the EMG lesion is on the other side/);
    // Only that node and side: the right side and the other nerves carry no FDG mark; EMG states are unchanged.
    expect(map.nodes.filter((n) => n.fdg !== null).map((n) => `${n.side}|${n.id}`)).toEqual(['L|sciatic-trunk']);
    expect(left.state).toBe(mapOf(CASES.sciaticPeronealPredominant).nodes.find((n) => n.side === 'L' && n.id === 'sciatic-trunk')!.state);
  });

  it(`below the convention's cut-off (SUVmax < ${FDG_AVID_SUVMAX}) the segment is marked measured but not avid; one avid measurement makes the node avid`, () => {
    const calm = suv({ id: 'suv-2', label: 'S1', kind: 'region', site: 'gluteal-fold', values: { suvMax: 1.1, maxAt: { x: 1, y: 1 }, suvMean: 0.9, suvPeak: 1.0, pixelCount: 20, lengthMm: null, maxDistanceMm: null } });
    expect(node(fdgMap(null, [calm]), 'L', 'sciatic-trunk').fdg).toBe('not-avid');
    const both = node(fdgMap(null, [calm, suv({})]), 'L', 'sciatic-trunk');
    expect(both.fdg).toBe('avid');
    expect(both.fdgSites.map((f) => f.fdg)).toEqual(['not-avid', 'avid']);
  });

  it('a common peroneal measurement at the fibular head lands on that node; one without a side is not drawn', () => {
    const map = fdgMap(CASES.peronealAtFibularHead, [suv({ nerve: 'common-peroneal', site: 'fibular-head', side: 'R' }), suv({ id: 'suv-3', side: null })]);
    expect(node(map, 'R', 'common-peroneal-fibular-head').fdg).toBe('avid');
    expect(node(map, 'R', 'common-peroneal-fibular-head').fdgSites[0]!.concordance).toMatch(/the EMG places the lesion at this segment/);
    expect(map.nodes.filter((n) => n.fdg !== null)).toHaveLength(1);
  });

  it('without SUV measurements no node has an FDG mark', () => {
    expect(mapOf(CASES.sciaticPeronealPredominant).nodes.every((n) => n.fdg === null && n.fdgSites.length === 0)).toBe(true);
  });
});
