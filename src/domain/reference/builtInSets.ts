import type { AsymmetryCriteria, ReferenceSet } from './types';

/**
 * Built-in reference sets — DATA, transcribed from the clinical reference §1.
 * Every entry names its source key. Nothing here is invented: a nerve/site the reference gives
 * no figure for (e.g. the sciatic nerve just above the bifurcation) has no threshold at all.
 */

/** Left–right criteria shared by the built-in sets (S8, S9; the 1.5 ratio is a convention). */
export const DEFAULT_ASYMMETRY: AsymmetryCriteria = {
  sciaticMinDifferenceMm2: 16.4,
  defaultRatio: 1.5,
  fibularHead: { differenceMm2: 1.7, ratio: 1.24, fhPfRatio: 1.11 },
  provenance: {
    sciaticMinDifferenceMm2: { source: 'S9' },
    defaultRatio: { source: 'convention', convention: true },
    fibularHead: { source: 'S8' },
  },
};

export const CHEN_DUTCH_SET: ReferenceSet = {
  id: 'chen2018-dutch',
  name: 'Chen 2018 / Dutch table',
  description:
    'Sciatic nerve limits from Chen 2018 (US, mean + 2 SD, S1) and Sinclair 2011 (MRI, S3); tibial and common ' +
    'fibular limits from the Dutch reference table (S4, S5). No norm exists for the sciatic nerve just above the bifurcation.',
  builtIn: true,
  thresholds: [
    {
      nerve: 'sciatic',
      site: 'gluteal-fold',
      modality: 'US',
      upperLimitMm2: 58.3,
      meanMm2: 52.7,
      sdMm2: 2.8,
      source: 'S1',
      note: 'Mean + 2 SD; S1 standard deviations are narrow.',
    },
    {
      nerve: 'sciatic',
      site: 'mid-thigh',
      modality: 'US',
      upperLimitMm2: 49.6,
      meanMm2: 44.4,
      sdMm2: 2.6,
      source: 'S1',
      note: 'Mean + 2 SD; S1 standard deviations are narrow.',
    },
    {
      nerve: 'sciatic',
      site: 'mid-thigh',
      modality: 'MR',
      upperLimitMm2: 64.4,
      source: 'S3',
      note: 'STIR; normal median 43.3 mm² (IQR 19.9).',
    },
    {
      nerve: 'tibial',
      site: 'popliteal-fossa',
      modality: 'US',
      upperLimitMm2: 22,
      source: 'S4, S5',
      note: 'Dutch table limit; the meta-analysis pooled mean (25.9 mm²) is higher and heterogeneous. Tibial limits depend on age and sex (S6).',
    },
    {
      nerve: 'common-peroneal',
      site: 'popliteal-fossa',
      modality: 'US',
      upperLimitMm2: 9,
      meanMm2: 7.9,
      source: 'S4, S5',
      note: 'Mean is the meta-analysis pooled mean.',
    },
    {
      nerve: 'common-peroneal',
      site: 'fibular-head',
      modality: 'US',
      upperLimitMm2: 11,
      meanMm2: 8.4,
      source: 'S4, S5',
      note: 'Mean is the meta-analysis pooled mean; a neuropathy cut-off of 11.7 mm² is reported by S8.',
    },
  ],
  asymmetry: DEFAULT_ASYMMETRY,
};

/** S2 cohort at the gluteal fold: lower mean, wider spread. Limit = mean + 2 SD (the usual definition, S6). */
const S2_MEAN = 32.9;
const S2_SD = 11.2;

export const WIDER_SPREAD_SET: ReferenceSet = {
  id: 's2-wider-spread',
  name: 'Wider-spread cohort (S2) at the gluteal fold',
  description:
    'Sciatic nerve at the gluteal fold from the S2 cohort (asymptomatic side of patients with S1 radicular symptoms, ' +
    '32.9 ± 11.2 mm², limit mean + 2 SD = 55.3 mm²). S2 gives no other site: the remaining limits are the Chen 2018 / ' +
    'Dutch table values, each with its own source.',
  builtIn: true,
  thresholds: [
    {
      nerve: 'sciatic',
      site: 'gluteal-fold',
      modality: 'US',
      upperLimitMm2: Math.round((S2_MEAN + 2 * S2_SD) * 10) / 10,
      meanMm2: S2_MEAN,
      sdMm2: S2_SD,
      source: 'S2',
      note: 'Mean + 2 SD (the usual definition, S6); measured on the asymptomatic side of patients with S1 radicular symptoms.',
    },
    ...CHEN_DUTCH_SET.thresholds.filter((t) => !(t.nerve === 'sciatic' && t.site === 'gluteal-fold')),
  ],
  asymmetry: DEFAULT_ASYMMETRY,
};

export const BUILT_IN_REFERENCE_SETS: readonly ReferenceSet[] = [CHEN_DUTCH_SET, WIDER_SPREAD_SET];

/** The set named in every report unless the user chooses another. */
export const DEFAULT_REFERENCE_SET: ReferenceSet = CHEN_DUTCH_SET;
