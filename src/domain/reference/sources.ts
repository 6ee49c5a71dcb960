/**
 * Source keys used by every clinical table in NerveTrace, as listed in the shared clinical
 * reference (`/work/shared/reference/clinical-reference.md`, "Sources"). A threshold, rule or
 * innervation entry names one of these keys so that the user can see where a number came from.
 *
 * Two keys are not literature: `convention` (a textbook convention not checked against a
 * retrieved source — ship as an editable default) and `user` (entered by the user).
 */
export const SOURCES = {
  S1: 'Chen 2018, J Med Ultrasound 26:85 (n = 200)',
  S2: 'Czech Slov Neurol Neurochir 2020, sciatic nerve in S1 radicular symptoms',
  S3: 'Sinclair 2011, JNNP 82:1283',
  S4: 'CSA reference values meta-analysis, part II, lower-extremity nerves',
  S5: 'Practical Neurology, Dutch reference table',
  S6: 'Grimm 2018, Clin Neurophysiol 129:1403 (PubMed 29729596)',
  S7: 'Visser 2013, Muscle Nerve 48:171',
  S8: 'Ann Rehabil Med 2016;40:1057',
  S9: 'Tagliafico 2012, Muscle Nerve 46:717',
  S10: 'Padua 2012 (PubMed 22499101)',
  S13: 'Chiropr Man Therap 2018, doi 10.1186/s12998-018-0215-x',
  S14: 'Ellipse vs tracing comparison, median nerve',
  S15: 'Reg Anesth Pain Med, sciatic nerve shape',
  S16: 'MR neurography of sciatic neuropathy, 3 T',
  S17: 'T2 mapping of the distal sciatic nerve',
  S18: 'MUAP norms (JNNP)',
  S19: 'Phillips & Park 1991',
  S21: 'PubMed 22581544',
  S22: 'Katirji & Wilbourn 1994',
  S23: 'Peroneal vs L5 differentiation',
  S24: 'Peroneal vs L5 differentiation',
  S25: 'AANEM workshop, lumbosacral plexopathies',
  S26: 'Electrodiagnostic studies, SNAP in radiculopathy',
  S27: 'Fibrillation onset',
  S28: 'MUAP norms (JNNP)',
  S30: 'Myokymic discharges in radiation plexopathy',
  S31: 'Myokymic discharges in radiation plexopathy',
  S32: 'Complex repetitive discharges',
  S33: 'Buschbacher, peroneal to EDB (n = 242)',
  S34: 'Buschbacher, tibial to AH (n = 250)',
  S35: 'Tibial to FDMB',
  S36: 'Sural norms',
  S37: 'AANEM normative data task force (Chen 2016, Muscle Nerve 54:371)',
  S38: 'Side-to-side NCS limits (PubMed 9533784)',
  'Tavee 2014': 'Tavee 2014, Muscle Nerve 49:564 — sural SNAP in the healthy elderly (n = 50, ≥ 60 years; lower limits 3 µV at 60–69, 1 µV at 70–74, absent acceptable from 75)',
  'EFNS/PNS 2010':
    'EFNS/PNS guideline on CIDP, Van den Bergh et al. 2010, Eur J Neurol 17:356 — demyelinating range (distal motor latency ≥ 50 % above the upper limit, velocity ≥ 30 % below the lower limit), partial conduction block ≥ 50 %',
  'innervation-table':
    'Clinical reference §2, lower-limb muscle → nerve → root table (textbook innervation; no single source key; root levels probable, S19)',
  convention: 'Textbook convention, not checked against a retrieved source (editable default)',
  user: 'Entered by the user',
} as const;

export type SourceKey = keyof typeof SOURCES;

export function isSourceKey(value: string): value is SourceKey {
  return Object.prototype.hasOwnProperty.call(SOURCES, value);
}

/**
 * Describe a source field, which may hold one key ("S1") or several ("S4, S5").
 * Unknown keys are returned as written (a user may cite something we do not list).
 */
export function describeSource(source: string): string {
  return source
    .split(/\s*,\s*/)
    .filter((key) => key.length > 0)
    .map((key) => (isSourceKey(key) ? `${key}: ${SOURCES[key]}` : key))
    .join('; ');
}
