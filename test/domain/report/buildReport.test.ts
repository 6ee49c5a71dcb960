import { describe, expect, it } from 'vitest';
import type { MeasurementSummaryInput } from '../../../src/domain/comparison';
import { CONVENTIONAL_NCS_LIMITS, type NcsRow, type NeedleEmgRow } from '../../../src/domain/emg';
import { CHEN_DUTCH_SET, WIDER_SPREAD_SET, withThresholdOverride, type NerveId, type SiteId } from '../../../src/domain/reference';
import {
  analyseClinicalCase,
  buildClinicalReport,
  clinicalReportToText,
  type ClinicalCaseInput,
  type ClinicalReport,
  type ReportSectionId,
} from '../../../src/domain/report';
import type { Side } from '../../../src/domain/types';
import { CASES, abnormal, normal } from '../localization/fixtures';

const m = (nerve: NerveId, site: SiteId, side: Side, valuesMm2: number[], extra: Partial<MeasurementSummaryInput> = {}): MeasurementSummaryInput => ({
  nerve,
  site,
  modality: 'US',
  side,
  valuesMm2,
  ...extra,
});

/** Twofold right sciatic enlargement at the gluteal fold (S1, S9). */
const RIGHT_SCIATIC_ENLARGED = [m('sciatic', 'gluteal-fold', 'R', [110, 112, 114]), m('sciatic', 'gluteal-fold', 'L', [55, 56, 57])];

function input(over: Partial<ClinicalCaseInput> = {}): ClinicalCaseInput {
  return { measurements: [], emg: [], ncs: [], referenceSet: CHEN_DUTCH_SET, ncsLimits: CONVENTIONAL_NCS_LIMITS, ...over };
}

const section = (r: ClinicalReport, id: ReportSectionId) => r.sections.find((s) => s.id === id)!;
const texts = (r: ClinicalReport, id: ReportSectionId) => section(r, id).entries.map((e) => e.text);
const allText = (r: ClinicalReport) => clinicalReportToText(r);

describe('buildClinicalReport — the reference set is named in every report', () => {
  it('names the built-in default set, even for an empty case', () => {
    const r = buildClinicalReport(input());
    expect(r.referenceSetLine).toBe('Reference set: "Chen 2018 / Dutch table" (built-in)');
    expect(texts(r, 'reference')[0]).toMatch(/^Sciatic nerve limits from Chen 2018/);
    expect(clinicalReportToText(r).split('\n')[2]).toBe('Reference set: "Chen 2018 / Dutch table" (built-in)');
    expect(texts(r, 'measurements')).toEqual(['No calibrated nerve measurement with a side: nerve size not assessed.']);
    expect(texts(r, 'electrodiagnosis')).toEqual(['No needle EMG or nerve-conduction findings entered.']);
    expect(texts(r, 'localization')).toEqual(['No EMG or nerve-conduction findings entered: nothing to localize.']);
    expect(r.sections.map((s) => s.id)).toEqual([
      'reference',
      'measurements',
      'asymmetry',
      'electrodiagnosis',
      'localization',
      'concordance',
      'limitations',
      'sources',
    ]);
  });

  it('names a user-edited set as such, with the set it was based on, and lists the user threshold', () => {
    const edited = withThresholdOverride(CHEN_DUTCH_SET, {
      nerve: 'sciatic',
      site: 'distal-thigh-above-bifurcation',
      modality: 'US',
      upperLimitMm2: 60,
    });
    if (!edited.ok) throw new Error(edited.error);
    const r = buildClinicalReport(input({ referenceSet: edited.value }));
    expect(r.referenceSetLine).toBe('Reference set: "Chen 2018 / Dutch table (user-edited)" (user-edited, based on "Chen 2018 / Dutch table")');
    expect(texts(r, 'reference')).toContain('User value: Sciatic nerve, distal thigh, above the bifurcation (US) upper limit 60.0 mm² (user).');
    expect(texts(r, 'limitations')).toContain('Values marked (user) were entered by the user.');
  });

  it('a session ratio threshold is reported with the source "user"', () => {
    const r = buildClinicalReport(input({ ratioThreshold: 1.3 }));
    expect(texts(r, 'reference').join('\n')).toContain('ratio larger/smaller ≥ 1.30 (user)');
  });
});

describe('nerve size against the thresholds (S1) and left–right asymmetry (S9)', () => {
  const r = buildClinicalReport(input({ measurements: RIGHT_SCIATIC_ENLARGED }));

  it('gives mean ± SD of the repeated values per side, with the limit and its source', () => {
    expect(texts(r, 'measurements')).toEqual([
      'Left sciatic nerve, gluteal fold (US): 56.0 ± 1.0 mm² (mean ± SD of 3: 55.0, 56.0 and 57.0), within the upper limit of 58.3 mm² (S1).',
      'Right sciatic nerve, gluteal fold (US): 112.0 ± 2.0 mm² (mean ± SD of 3: 110.0, 112.0 and 114.0), above the upper limit of 58.3 mm² (S1).',
    ]);
    expect(section(r, 'measurements').entries.map((e) => e.tone)).toEqual(['normal', 'abnormal']);
  });

  it('reports the asymmetry with the larger side and each rule with its source', () => {
    const [entry] = section(r, 'asymmetry').entries;
    expect(entry!.text).toBe('Sciatic nerve, gluteal fold (US): asymmetric, right larger — difference 56.0 mm², ratio 2.00.');
    expect(entry!.details).toEqual(['Left–right difference 56.0 mm² ≥ 16.4 mm² (S9)', 'Ratio larger/smaller 2.00 ≥ 1.50 (convention)']);
    expect(entry!.tone).toBe('abnormal');
  });

  it('lists every source the printed text cites, those named in the set description (S3, S4, S5) included', () => {
    const sources = texts(r, 'sources');
    const cited = new Set(
      [r.referenceSetLine, ...r.sections.filter((s) => s.id !== 'sources').flatMap((s) => s.entries.flatMap((e) => [e.text, ...(e.details ?? [])]))]
        .join('\n')
        .match(/\bS\d{1,2}\b/g),
    );
    expect(sources.map((line) => line.split(':')[0])).toEqual([...cited].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))));
    expect(sources).toContain('S1: Chen 2018, J Med Ultrasound 26:85 (n = 200)');
    expect(sources).toContain('S5: Practical Neurology, Dutch reference table');
    expect(sources).toContain('S9: Tagliafico 2012, Muscle Nerve 46:717');
    expect(texts(r, 'limitations')).toContain(
      'Values marked (convention) are textbook conventions not checked against a published source; they are editable defaults.',
    );
  });

  it('a different reference set changes the limit and is named: 56.0 mm² is within S1 (58.3) but above S2 (55.3)', () => {
    const wide = buildClinicalReport(input({ measurements: RIGHT_SCIATIC_ENLARGED, referenceSet: WIDER_SPREAD_SET }));
    expect(wide.referenceSetLine).toBe('Reference set: "Wider-spread cohort (S2) at the gluteal fold" (built-in)');
    expect(texts(wide, 'measurements')[0]).toContain('56.0 ± 1.0 mm² (mean ± SD of 3: 55.0, 56.0 and 57.0), above the upper limit of 55.3 mm² (S2)');
  });
});

describe('no reference is never invented', () => {
  it('the sciatic nerve above the bifurcation has no threshold: size not judged, one side only: asymmetry not assessable', () => {
    const r = buildClinicalReport(input({ measurements: [m('sciatic', 'distal-thigh-above-bifurcation', 'R', [60])] }));
    expect(texts(r, 'measurements')).toEqual([
      'Right sciatic nerve, distal thigh, above the bifurcation (US): 60.0 mm² (one measurement); no upper limit for this site in "Chen 2018 / Dutch table" — size not judged against a norm.',
    ]);
    expect(texts(r, 'asymmetry')).toEqual([
      'Sciatic nerve, distal thigh, above the bifurcation (US): the left side was not measured — asymmetry cannot be assessed.',
    ]);
    expect(allText(r)).not.toMatch(/above the upper limit|within the upper limit/);
  });

  it('uncalibrated values are never compared and say so', () => {
    const r = buildClinicalReport(input({ measurements: [m('tibial', 'popliteal-fossa', 'L', [400], { calibrated: false })] }));
    expect(texts(r, 'measurements')).toEqual(['No calibrated nerve measurement with a side: nerve size not assessed.']);
    expect(texts(r, 'limitations').join('\n')).toContain('without a millimetre calibration (pixels) and were not compared');
  });

  it('the fibular head / popliteal fossa ratio (S8) is reported under the fibular head', () => {
    const r = buildClinicalReport(
      input({
        measurements: [
          m('common-peroneal', 'fibular-head', 'R', [14]),
          m('common-peroneal', 'popliteal-fossa', 'R', [10]),
          m('common-peroneal', 'fibular-head', 'L', [9]),
          m('common-peroneal', 'popliteal-fossa', 'L', [9]),
        ],
      }),
    );
    const right = section(r, 'measurements').entries.find((e) => e.text.startsWith('Right common peroneal (fibular) nerve, fibular head'))!;
    expect(right.tone).toBe('abnormal');
    expect(right.details).toEqual(['Fibular head / popliteal fossa ratio 1.40 ≥ 1.11 (S8): focal enlargement at the fibular head.']);
  });
});

describe('EMG findings and localization, never more certain than the domain', () => {
  const r = buildClinicalReport(input({ emg: CASES.sciaticPeronealPredominant.emg, ncs: CASES.sciaticPeronealPredominant.ncs }));

  it('lists abnormal muscles with their reasons and normal muscles by side', () => {
    const lines = texts(r, 'electrodiagnosis');
    expect(lines[0]).toBe(
      'Right tibialis anterior: fibrillation potentials 3+, positive sharp waves 3+, discrete recruitment (simple phase), increased insertional activity.',
    );
    expect(lines).toContain(
      'Normal needle EMG, right: tibialis posterior, biceps femoris (long head), gluteus maximus, gluteus medius, tensor fasciae latae, paraspinals L5, paraspinals S1.',
    );
    expect(lines).toContain('Right sural sensory: Amplitude 4.0 µV < 6.0 µV (convention); Amplitude 4.0 µV is 31 % of the other side (13.0 µV), below 50 % (convention).');
    expect(lines).toContain('Normal nerve conduction, left: sural sensory.');
  });

  it('peroneal-division-predominant sciatic pattern: the summary, the site, the reasoning and the alternatives', () => {
    const [summary, site, ...alternatives] = section(r, 'localization').entries;
    expect(summary!.text).toBe('Probable: Right sciatic neuropathy with peroneal-division predominance.');
    expect(summary!.details!.join('\n')).toContain(
      'Supports — Right: Biceps femoris short head abnormal → lesion at or above the sciatic peroneal division, not at the fibular head [Katirji & Wilbourn 1994; ref. S23]',
    );
    expect(site!.text).toBe('Most likely lesion site: Right sciatic nerve (trunk).');
    expect(alternatives[0]!.text).toMatch(/^Alternative 2: .* — explains \d+ of \d+ abnormal findings/);
    expect(texts(r, 'limitations')).toContain(
      'An EMG localization is an inference from the findings entered, never certain; root levels are probable, not certain [Phillips & Park 1991].',
    );
    expect(allText(r)).not.toMatch(/\bdefinite\b|\bcertainly\b/i);
  });

  it('without measurements, says where to image the EMG localization (convention)', () => {
    expect(texts(r, 'concordance')).toEqual([
      'No nerve was measured. To image the EMG localization: sciatic nerve — image from the sciatic notch to the bifurcation (US or MR neurography) (convention).',
    ]);
  });

  it('a conflicting study is reported as conflicting, not as a localization', () => {
    const c = buildClinicalReport(input({ emg: CASES.conflicting.emg, ncs: CASES.conflicting.ncs }));
    const [summary] = section(c, 'localization').entries;
    expect(summary!.text).toMatch(/^Conflicting findings:/);
    expect(summary!.tone).toBe('note');
  });

  it('a normal study says so', () => {
    const n = buildClinicalReport(input({ emg: CASES.normalStudy.emg, ncs: CASES.normalStudy.ncs }));
    expect(texts(n, 'localization')).toEqual(['No electrodiagnostic evidence of a lesion.']);
  });

  it('myokymic discharges raise an alert for radiation plexopathy (S30, S31)', () => {
    const emg: NeedleEmgRow[] = [
      abnormal('tibialis-anterior', 'L', { otherDischarges: ['myokymic'] }),
      abnormal('gastrocnemius-medial-head', 'L'),
      abnormal('gluteus-medius', 'L'),
      normal('paraspinals-L5', 'L'),
    ];
    const rep = buildClinicalReport(input({ emg }));
    const alert = section(rep, 'localization').entries.find((e) => e.text.startsWith('Alert:'))!;
    expect(alert.text).toContain('radiation plexopathy');
    expect(alert.text).toContain('[ref. S30; ref. S31]');
    expect(alert.tone).toBe('abnormal');
  });

  it('empty rows being typed (no muscle or nerve yet) are left out', () => {
    const blankEmg: NeedleEmgRow = { id: 'x', muscle: '  ', side: 'R', fibrillations: 0 };
    const blankNcs: NcsRow = { id: 'y', nerve: '', kind: 'motor', side: 'R', noResponse: false };
    const a = analyseClinicalCase(input({ emg: [blankEmg], ncs: [blankNcs] }));
    expect(a.emg).toEqual([]);
    expect(a.ncs).toEqual([]);
    expect(a.localization.notes).toEqual([]);
  });
});

describe('imaging and EMG concordance', () => {
  it('enlarged right sciatic + EMG sciatic neuropathy on the right → agrees; never claims the lesion does not extend proximal (limb EMG cannot exclude it)', () => {
    const r = buildClinicalReport(
      input({ measurements: RIGHT_SCIATIC_ENLARGED, emg: CASES.sciaticPeronealPredominant.emg, ncs: CASES.sciaticPeronealPredominant.ncs }),
    );
    const lines = texts(r, 'concordance');
    expect(lines[0]).toBe('The EMG localization lies at the measured segment. Limb EMG cannot exclude involvement proximal to the muscles examined.');
    expect(lines.join('\n')).not.toMatch(/does not extend proximal/);
    expect(lines).toContain(
      'Right sciatic nerve, gluteal fold (US): enlarged — agrees with the EMG: same side and nerve: the EMG places the lesion at this segment (right sciatic nerve (trunk)).',
    );
    expect(lines).toContain(
      'Left sciatic nerve, gluteal fold (US): normal size — agrees with the EMG: the EMG lesion is on the other side (right sciatic nerve (trunk)).',
    );
    const right = section(r, 'concordance').entries.find((e) => e.text.startsWith('Right sciatic'))!;
    expect(right.details![0]).toBe(
      'EMG-abnormal muscles downstream: tibialis anterior, extensor digitorum brevis, peroneus (fibularis) longus, biceps femoris (short head), gastrocnemius (medial head).',
    );
    expect(texts(r, 'limitations')).toContain('A normal cross-sectional area does not exclude a nerve lesion.');
  });

  it('plexopathy on EMG with an enlarged sciatic nerve → partially; the lesion extends proximal: image the pelvis', () => {
    const r = buildClinicalReport(
      input({ measurements: RIGHT_SCIATIC_ENLARGED, emg: CASES.lumbosacralPlexopathy.emg, ncs: CASES.lumbosacralPlexopathy.ncs }),
    );
    const [overall] = section(r, 'concordance').entries;
    expect(overall!.text).toBe(
      'The EMG localization (right lumbosacral plexus, sacral part) extends proximal to the measured site (right sciatic nerve, gluteal fold (US)). Image next: lumbosacral plexus — image the pelvis (MR neurography).',
    );
    expect(texts(r, 'concordance')).toContain(
      'Right sciatic nerve, gluteal fold (US): enlarged — partially agrees with the EMG: the EMG localization (right lumbosacral plexus, sacral part) lies proximal to the measured site.',
    );
  });

  it('peroneal neuropathy at the fibular head with only the sciatic measured → the lesion is distal: image the fibular head', () => {
    const r = buildClinicalReport(
      input({ measurements: RIGHT_SCIATIC_ENLARGED, emg: CASES.peronealAtFibularHead.emg, ncs: CASES.peronealAtFibularHead.ncs }),
    );
    const lines = texts(r, 'concordance');
    expect(lines[0]).toBe(
      'The EMG places the lesion distal to the measured site. Image the distal site: common peroneal nerve — measure in the popliteal fossa and at the fibular head (US).',
    );
  });

  it('measurements without EMG: the imaging cannot be related', () => {
    const r = buildClinicalReport(input({ measurements: RIGHT_SCIATIC_ENLARGED }));
    expect(texts(r, 'concordance')).toEqual(['No EMG or nerve-conduction findings entered: the imaging cannot be related to the EMG.']);
  });

  it('an EMG lesion on a side that was not imaged says where to image it', () => {
    const r = buildClinicalReport(
      input({
        measurements: [m('sciatic', 'gluteal-fold', 'L', [50, 51])],
        emg: CASES.sciaticPeronealPredominant.emg,
        ncs: CASES.sciaticPeronealPredominant.ncs,
      }),
    );
    expect(texts(r, 'concordance')).toContain(
      'The EMG lesion on the right side was not imaged: sciatic nerve — image from the sciatic notch to the bifurcation (US or MR neurography) (convention).',
    );
  });
});

describe('clinicalReportToText', () => {
  it('prints the title, the reference set, each section with "- " entries and indented details', () => {
    const text = clinicalReportToText(buildClinicalReport(input({ measurements: RIGHT_SCIATIC_ENLARGED })));
    const lines = text.split('\n');
    expect(lines.slice(0, 3)).toEqual(['NerveTrace clinical report', '==========================', 'Reference set: "Chen 2018 / Dutch table" (built-in)']);
    expect(text).toContain('\nLeft–right asymmetry\n--------------------\n- Sciatic nerve, gluteal fold (US): asymmetric, right larger');
    expect(text).toContain('\n    · Left–right difference 56.0 mm² ≥ 16.4 mm² (S9)\n');
    expect(text.endsWith('\n')).toBe(true);
  });
});
