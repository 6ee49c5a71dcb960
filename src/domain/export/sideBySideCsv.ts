/**
 * The left–right comparison as a wide CSV table: one row per nerve, site and modality with each
 * side's count, mean and SD, the difference and ratio, the upper limit and its source, and the
 * verdict — computed by compareSides exactly as the report shows it. Means, SDs, difference and ratio
 * at full precision (the report rounds the same values to one decimal).
 */
import { compareSides, type SegmentComparison, type SideResult } from '../comparison';
import { comparisonInputs, exportNumber } from '../measurement';
import { describeSource, nerveLabel, siteLabel } from '../reference';
import type { Session } from '../session';
import { fixed, toCsv } from './csv';

export const SIDE_BY_SIDE_CSV_HEADER: readonly string[] = [
  'Nerve',
  'Site',
  'Modality',
  'Left n',
  'Left mean (mm2)',
  'Left SD (mm2)',
  'Right n',
  'Right mean (mm2)',
  'Right SD (mm2)',
  'Difference (mm2)',
  'Ratio (larger/smaller)',
  'Upper limit (mm2)',
  'Limit source',
  'Reference set',
  'Verdict',
  'Enlarged side',
  'Asymmetry',
  'Larger side',
  'Verdict text',
];

function sideCells(result: SideResult | null): string[] {
  if (!result) return ['0', '', ''];
  const s = result.summary;
  return [String(s.count), exportNumber(s.meanMm2), exportNumber(s.sdMm2)];
}

export function comparisonRow(c: SegmentComparison): string[] {
  return [
    nerveLabel(c.nerve),
    siteLabel(c.site),
    c.modality,
    ...sideCells(c.left),
    ...sideCells(c.right),
    exportNumber(c.differenceMm2),
    exportNumber(c.ratio),
    fixed(c.threshold?.upperLimitMm2, 1),
    c.threshold ? describeSource(c.threshold.source) : 'no reference',
    c.referenceSetName,
    c.verdict.kind,
    c.verdict.enlargedSides.join(' '),
    c.verdict.asymmetry,
    c.verdict.largerSide ?? '',
    c.verdict.text,
  ];
}

/** The comparison the session's options ask for (reference set and ratio threshold of the session). */
export function sessionComparisons(session: Session): SegmentComparison[] {
  const ratio = session.options.ratioThreshold;
  return compareSides(comparisonInputs(session.measurements, { poolMethods: session.options.poolMethods === true }), session.referenceSet, ratio !== null ? { ratioThreshold: ratio } : {});
}

export function sideBySideCsv(session: Session): string {
  return toCsv(SIDE_BY_SIDE_CSV_HEADER, sessionComparisons(session).map(comparisonRow));
}
