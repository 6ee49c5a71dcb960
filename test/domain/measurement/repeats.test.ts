/**
 * Issue 12, "repeats you can manage": an excluded repeat is kept but left out of the mean; traced
 * and ellipse areas are never pooled silently; a group with calibrated and uncalibrated members
 * gives the mm² mean of the calibrated ones and says how many were left out. The comparison
 * (and so the report and the left/right CSV) follows the same rules.
 */
import { describe, expect, it } from 'vitest';
import { comparisonInputs, groupRepeatedMeasurements, type MeasurementMethod, type NerveMeasurement } from '../../../src/domain/measurement';
import { compareSides } from '../../../src/domain/comparison';
import { DEFAULT_REFERENCE_SET } from '../../../src/domain/reference';
import type { SpatialCalibration, Uncalibrated } from '../../../src/domain/calibration';

const mm: SpatialCalibration = { source: 'us-region', rowSpacingMm: 0.1, columnSpacingMm: 0.1, regionIndex: 0 };
const px: Uncalibrated = { source: 'none', rowSpacingMm: null, columnSpacingMm: null };

function m(id: string, area: number, options: { side?: 'L' | 'R'; method?: MeasurementMethod; calibrated?: boolean; excluded?: boolean } = {}): NerveMeasurement {
  const calibrated = options.calibrated ?? true;
  return {
    id,
    label: id,
    nerve: 'sciatic',
    site: 'gluteal-fold',
    side: options.side ?? 'L',
    sideSource: 'ImageLaterality',
    modality: 'US',
    method: options.method ?? 'freehand',
    image: { studyInstanceUid: 's', seriesInstanceUid: 'se', sopInstanceUid: id, frameIndex: 0 },
    contour: [],
    calibration: calibrated ? mm : px,
    metrics: calibrated ? { calibrated: true, areaMm2: area, perimeterMm: 30, calibration: mm } : { calibrated: false, areaPx2: area, perimeterPx: 300, calibration: px },
    intensity: null,
    ...(options.excluded ? { excluded: true } : {}),
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
  };
}

describe('an excluded repeat is kept but left out of the mean', () => {
  const groups = groupRepeatedMeasurements([m('a', 50), m('b', 52), m('c', 80, { excluded: true })]);
  it('the group keeps all three members and counts the excluded one', () => {
    expect(groups).toHaveLength(1);
    expect(groups[0]!.measurements.map((x) => x.id)).toEqual(['a', 'b', 'c']);
    expect(groups[0]!.excludedCount).toBe(1);
  });
  it('the mean is of the included repeats only (51, n=2)', () => {
    expect(groups[0]!.area).toMatchObject({ count: 2, mean: 51 });
  });
  it('the comparison does not see the excluded value', () => {
    expect(comparisonInputs([m('a', 50), m('c', 80, { excluded: true })]).flatMap((i) => i.valuesMm2)).toEqual([50]);
  });
});

describe('traced (freehand, spline) and ellipse areas are summarised apart unless pooled', () => {
  const ms = [m('f', 50), m('s', 54, { method: 'spline' }), m('e', 40, { method: 'ellipse' })];
  it('freehand and spline are one family; the ellipse is its own group', () => {
    const groups = groupRepeatedMeasurements(ms);
    expect(groups.map((g) => [g.methods, g.area!.count, g.area!.mean])).toEqual([
      ['trace', 2, 52],
      ['ellipse', 1, 40],
    ]);
  });
  it('pooled by the user: one group marked pooled', () => {
    const groups = groupRepeatedMeasurements(ms, { poolMethods: true });
    expect(groups.map((g) => [g.methods, g.area!.count])).toEqual([['pooled', 3]]);
    expect(groups[0]!.area!.mean).toBeCloseTo(48, 9);
  });
  it('the comparison compares each family on its own, named in its label, unless pooled', () => {
    const withRight = [...ms, m('r', 100, { side: 'R' }), m('re', 90, { side: 'R', method: 'ellipse' })];
    const apart = compareSides(comparisonInputs(withRight), DEFAULT_REFERENCE_SET);
    expect(apart.map((c) => [c.label, c.leftMeanMm2, c.rightMeanMm2])).toEqual([
      ['Sciatic nerve, gluteal fold (traced)', 52, 100],
      ['Sciatic nerve, gluteal fold (ellipse)', 40, 90],
    ]);
    expect(apart[0]!.limitations.join(' ')).toContain('summarised separately (not pooled)');
    const pooled = compareSides(comparisonInputs(withRight, { poolMethods: true }), DEFAULT_REFERENCE_SET);
    expect(pooled.map((c) => [c.label, c.leftMeanMm2, c.rightMeanMm2])).toEqual([['Sciatic nerve, gluteal fold', 48, 95]]);
  });
  it('a segment measured with one method only is compared as before (no method in its label)', () => {
    const one = compareSides(comparisonInputs([m('a', 50), m('b', 100, { side: 'R' })]), DEFAULT_REFERENCE_SET);
    expect(one.map((c) => [c.label, c.method])).toEqual([['Sciatic nerve, gluteal fold', undefined]]);
  });
});

describe('a group with calibrated and uncalibrated members', () => {
  const groups = groupRepeatedMeasurements([m('a', 50), m('b', 54), m('u', 9000, { calibrated: false })]);
  it('gives the mm² mean of the calibrated members with their n, and how many were left out', () => {
    expect(groups[0]).toMatchObject({ calibrated: true, uncalibratedLeftOut: 1, area: { count: 2, mean: 52 } });
  });
  it('a group with no calibrated member is summarised in px²', () => {
    const only = groupRepeatedMeasurements([m('u', 9000, { calibrated: false }), m('v', 9100, { calibrated: false })]);
    expect(only[0]).toMatchObject({ calibrated: false, uncalibratedLeftOut: 0, area: { count: 2, mean: 9050 } });
  });
  it('the comparison uses the calibrated values and says the pixel ones were not compared', () => {
    const [c] = compareSides(comparisonInputs([m('a', 50), m('b', 54), m('u', 9000, { calibrated: false }), m('r', 100, { side: 'R' })]), DEFAULT_REFERENCE_SET);
    expect(c!.left!.summary).toMatchObject({ count: 2, meanMm2: 52 });
    expect(c!.limitations).toContain('Left values were measured without a millimetre calibration (pixels) and were not compared.');
  });
});
