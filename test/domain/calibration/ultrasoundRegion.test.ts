import { describe, it, expect } from 'vitest';
import {
  calibrationFromUltrasoundRegion,
  isSpatialRegion,
  regionContainsContour,
  selectUltrasoundRegion,
} from '../../../src/domain/calibration';
import { pt, rectangle } from '../shapes';
import { dualView, region } from './regions';

describe('which ultrasound regions are spatial', () => {
  it('centimetres on both axes with positive deltas and a real rectangle is spatial', () => {
    expect(isSpatialRegion(region())).toBe(true);
  });

  it.each([
    ['x in seconds (M-mode / spectral)', { physicalUnitsXDirection: 4 }],
    ['y in cm/s (Doppler velocity)', { physicalUnitsYDirection: 7 }],
    ['no units', { physicalUnitsXDirection: 0, physicalUnitsYDirection: 0 }],
    ['percent', { physicalUnitsXDirection: 1, physicalUnitsYDirection: 1 }],
  ])('non-centimetre units are not spatial: %s', (_name, o) => {
    expect(isSpatialRegion(region(o))).toBe(false);
  });

  it.each([
    ['zero delta', { physicalDeltaX: 0 }],
    ['negative delta', { physicalDeltaY: -0.01 }],
    ['NaN delta', { physicalDeltaX: Number.NaN }],
    ['inverted x bounds', { minX0: 400, maxX1: 10 }],
    ['empty y bounds', { minY0: 50, maxY1: 50 }],
  ])('unusable geometry is not spatial: %s', (_name, o) => {
    expect(isSpatialRegion(region(o))).toBe(false);
  });
});

describe('contour containment', () => {
  it('requires every point inside; bounds are inclusive', () => {
    const r = region({ minX0: 10, minY0: 10, maxX1: 20, maxY1: 20 });
    expect(regionContainsContour(r, rectangle(10, 10, 10, 10))).toBe(true);
    expect(regionContainsContour(r, rectangle(10, 10, 10.5, 10))).toBe(false);
    expect(regionContainsContour(r, [])).toBe(false);
  });
});

describe('choosing the ultrasound region for a trace', () => {
  it('uses the second region when the trace lies in the second region', () => {
    const r = selectUltrasoundRegion(dualView, rectangle(500, 100, 50, 40));
    expect(r.ok && r.value.index).toBe(1);
    expect(r.ok && r.value.region).toBe(dualView[1]);
  });

  it('uses the first region when the trace lies in the first region', () => {
    const r = selectUltrasoundRegion(dualView, rectangle(100, 100, 50, 40));
    expect(r.ok && r.value.index).toBe(0);
  });

  it('refuses a trace that crosses from one region into the other', () => {
    const r = selectUltrasoundRegion(dualView, rectangle(380, 100, 40, 40));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/crosses the border of ultrasound region/);
  });

  it('refuses a trace outside every region', () => {
    const r = selectUltrasoundRegion(dualView, rectangle(100, 400, 20, 20));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/outside every calibrated ultrasound region/);
  });

  it('ignores non-spatial regions (a Doppler strip) even when the trace lies inside them', () => {
    const doppler = region({ minY0: 300, maxY1: 599, physicalUnitsXDirection: 4, physicalUnitsYDirection: 7 });
    const r = selectUltrasoundRegion([region(), doppler], rectangle(100, 400, 20, 20));
    expect(r.ok).toBe(false);
    const inside = selectUltrasoundRegion([doppler, region()], rectangle(100, 100, 20, 20));
    expect(inside.ok && inside.value.index).toBe(1);
  });

  it('refuses when the image has no spatial region at all', () => {
    const r = selectUltrasoundRegion([region({ physicalUnitsXDirection: 4 })], rectangle(1, 1, 5, 5));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/no calibrated ultrasound region/);
  });

  it('refuses, naming the region, when the containing centimetre region has a broken pixel size', () => {
    const r = selectUltrasoundRegion([region({ physicalDeltaX: -0.01 })], rectangle(1, 1, 5, 5));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/region 0 contains the trace but its pixel size is invalid/);
  });

  it('nested regions with the same scale (colour box inside B-mode) are not ambiguous: lowest index wins', () => {
    const colourBox = region({ regionDataType: 2, minX0: 100, maxX1: 200, minY0: 50, maxY1: 150 });
    const r = selectUltrasoundRegion([region(), colourBox], rectangle(120, 60, 10, 10));
    expect(r.ok && r.value.index).toBe(0);
  });

  it('overlapping regions with different scales are refused', () => {
    const zoom = region({ minX0: 100, maxX1: 200, minY0: 50, maxY1: 150, physicalDeltaX: 0.005, physicalDeltaY: 0.005 });
    const r = selectUltrasoundRegion([region(), zoom], rectangle(120, 60, 10, 10));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/different scales/);
  });

  it('refuses an empty trace', () => {
    expect(selectUltrasoundRegion(dualView, []).ok).toBe(false);
  });
});

describe('calibration from an ultrasound region', () => {
  it('converts cm per pixel to mm per pixel (×10)', () => {
    const r = calibrationFromUltrasoundRegion(region({ physicalDeltaX: 0.0123, physicalDeltaY: 0.0123 }), 2);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.source).toBe('us-region');
      expect(r.value.rowSpacingMm).toBeCloseTo(0.123, 12);
      expect(r.value.columnSpacingMm).toBeCloseTo(0.123, 12);
      expect(r.value.regionIndex).toBe(2);
    }
  });

  it('PhysicalDeltaY becomes the row spacing (y) and PhysicalDeltaX the column spacing (x)', () => {
    const r = calibrationFromUltrasoundRegion(region({ physicalDeltaX: 0.01, physicalDeltaY: 0.02 }), 0);
    expect(r.ok && r.value.rowSpacingMm).toBeCloseTo(0.2, 12);
    expect(r.ok && r.value.columnSpacingMm).toBeCloseTo(0.1, 12);
    expect(r.ok && r.value.description).toBe('US region 0: 0.200 × 0.100 mm/px (row × column)');
  });

  it('describes an isotropic region as one number', () => {
    const r = calibrationFromUltrasoundRegion(region(), 0);
    expect(r.ok && r.value.description).toBe('US region 0: 0.100 mm/px');
  });

  it('rule: a negative delta is refused, not made positive with abs()', () => {
    for (const o of [{ physicalDeltaX: -0.01 }, { physicalDeltaY: -0.01 }]) {
      const r = calibrationFromUltrasoundRegion(region(o), 0);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/invalid pixel size/);
    }
  });

  it('rule: zero and non-finite deltas are refused', () => {
    for (const o of [{ physicalDeltaX: 0 }, { physicalDeltaY: Number.NaN }, { physicalDeltaX: Number.POSITIVE_INFINITY }]) {
      expect(calibrationFromUltrasoundRegion(region(o), 0).ok).toBe(false);
    }
  });

  it('a non-centimetre region gives no distance scale', () => {
    const r = calibrationFromUltrasoundRegion(region({ physicalUnitsXDirection: 4 }), 1);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/not in centimetres/);
  });

  it('an inverted rectangle is refused', () => {
    expect(calibrationFromUltrasoundRegion(region({ minX0: 500, maxX1: 10 }), 0).ok).toBe(false);
  });

  it('trace point exactly on a region edge still counts as inside', () => {
    expect(selectUltrasoundRegion(dualView, [pt(400, 0), pt(799, 0), pt(799, 299)]).ok).toBe(true);
  });
});
