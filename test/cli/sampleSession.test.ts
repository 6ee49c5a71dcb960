/**
 * sample-dicom/sample-session.json (scripts/make-sample-session.ts): the sample study's session
 * parses, its numbers agree with the domain, and the report finds what the case is built to show —
 * an enlarged right sciatic nerve, an EMG lesion of the right sciatic nerve, and agreement.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.ts';
import { memoryIo } from '../../src/cli/io.ts';
import type { SegmentComparison } from '../../src/domain/comparison/index.ts';
import type { ConcordanceEntry } from '../../src/domain/concordance/index.ts';
import { buildMeasurementReportSr, readMeasurementReportSr } from '../../src/domain/export/index.ts';
import type { LocalizationResult } from '../../src/domain/localization/index.ts';
import { parseSession, rehydrateSession } from '../../src/domain/session/index.ts';

const PATH = 'sample-dicom/sample-session.json';
const manifest = JSON.parse(readFileSync('sample-dicom/manifest.json', 'utf8')) as { files: Array<{ sopInstanceUid: string; file: string }> };

function report(...extra: string[]) {
  const io = memoryIo();
  const code = runCli(['report', PATH, ...extra], io);
  return { code, out: io.out(), err: io.err() };
}

describe('the sample session', () => {
  const parsed = parseSession(readFileSync(PATH, 'utf8'));

  it('parses, and rehydration finds nothing to correct', () => {
    if (!parsed.ok) throw new Error(parsed.error);
    const { warnings, refused } = rehydrateSession(parsed.value);
    expect(warnings).toEqual([]);
    expect(refused).toEqual([]);
    expect(parsed.value.measurements).toHaveLength(10);
  });

  it('refers to the real sample files by their UIDs', () => {
    if (!parsed.ok) throw new Error(parsed.error);
    for (const m of parsed.value.measurements) {
      const file = manifest.files.find((f) => f.sopInstanceUid === m.image.sopInstanceUid);
      expect(file?.file).toBe(m.image.fileName);
    }
  });

  it('report: right sciatic enlarged, EMG localizes to the right sciatic nerve, concordance agrees', () => {
    const r = report('--json');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const json = JSON.parse(r.out) as { comparisons: SegmentComparison[]; localization: LocalizationResult; concordance: ConcordanceEntry[] };
    expect(json.comparisons.map((c) => [c.site, c.modality, c.verdict.kind, c.verdict.enlargedSides])).toEqual([
      ['gluteal-fold', 'US', 'enlarged', ['R']],
      ['mid-thigh', 'US', 'enlarged', ['R']],
      ['mid-thigh', 'MR', 'enlarged', ['R']],
    ]);
    expect(json.localization.confidence).toBe('probable');
    expect(json.localization.alternatives[0]!.sites).toEqual([{ level: 'sciatic-trunk', side: 'R', label: 'Right sciatic nerve (trunk)' }]);
    expect(json.localization.summary).toBe('Probable: Right sciatic neuropathy with peroneal-division predominance.');
    const right = json.concordance.filter((e) => e.side === 'R');
    expect(right).toHaveLength(3);
    expect(right.every((e) => e.status === 'agrees' && e.sameSide === true && e.sameNerve === true && e.relation === 'at-segment')).toBe(true);
    expect(json.concordance.filter((e) => e.side === 'L').every((e) => e.status === 'agrees' && e.imaging === 'normal')).toBe(true);
  });

  it('report text says so in words', () => {
    const { out } = report();
    expect(out).toContain('- Right sciatic nerve, gluteal fold (US): 100.1 ± 3.4 mm² (mean ± SD of 3: 100.0, 103.6 and 96.8), above the upper limit of 58.3 mm² (S1).');
    expect(out).toContain('- Probable: Right sciatic neuropathy with peroneal-division predominance.');
    expect(out).toContain('- Most likely lesion site: Right sciatic nerve (trunk).');
    expect(out).toContain(
      '- Right sciatic nerve, gluteal fold (US): enlarged — agrees with the EMG: same side and nerve: the EMG places the lesion at this segment (right sciatic nerve (trunk)).',
    );
  });

  it('exports to an SR that reads back to the same measurements (numbers within 1e-6)', () => {
    if (!parsed.ok) throw new Error(parsed.error);
    const sr = buildMeasurementReportSr(parsed.value, { identified: true });
    if (!sr.ok) throw new Error(sr.error);
    const back = readMeasurementReportSr(sr.value);
    if (!back.ok) throw new Error(back.error);
    expect(back.value.warnings).toEqual([]);
    back.value.measurements.forEach((m, i) => {
      const original = parsed.value.measurements[i]!;
      expect(m.image).toEqual(original.image);
      expect([m.label, m.nerve, m.site, m.side, m.sideSource]).toEqual([original.label, original.nerve, original.site, original.side, original.sideSource]);
      if (!m.metrics.calibrated || !original.metrics.calibrated) throw new Error('expected calibrated');
      expect(Math.abs(m.metrics.areaMm2 - original.metrics.areaMm2) / original.metrics.areaMm2).toBeLessThan(1e-6);
      expect(Math.abs(m.metrics.perimeterMm - original.metrics.perimeterMm) / original.metrics.perimeterMm).toBeLessThan(1e-6);
    });
  });
});
