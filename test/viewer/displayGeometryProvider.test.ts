import { describe, it, expect } from 'vitest';
import { saneImagePlane } from '../../src/viewer/displayGeometryProvider';

describe('display-only geometry for Cornerstone', () => {
  it('leaves a usable plane alone', () => {
    expect(saneImagePlane({ rowPixelSpacing: 0.7, columnPixelSpacing: 0.7, rowCosines: [1, 0, 0], columnCosines: [0, 1, 0], imagePositionPatient: [0, 0, 0] })).toBeNull();
    expect(saneImagePlane({ rowPixelSpacing: 0.5, columnPixelSpacing: 0.6 })).toBeNull();
  });
  it.each([0, -1, NaN, Infinity, null, 1e150, 1e-320, 100000])('replaces an unusable or unphysical spacing (%s) with 1 × 1 for display', (bad) => {
    const fixed = saneImagePlane({ rowPixelSpacing: bad, columnPixelSpacing: 0.7 })!;
    expect([fixed.rowPixelSpacing, fixed.columnPixelSpacing]).toEqual([1, 1]);
  });
  it('replaces broken orientation and position, keeping good spacing', () => {
    const fixed = saneImagePlane({ rowPixelSpacing: 0.7, columnPixelSpacing: 0.7, rowCosines: [NaN, 0, 0], columnCosines: [0, 1, 0], imagePositionPatient: [0, NaN, 0] })!;
    expect(fixed.rowPixelSpacing).toBe(0.7);
    expect(fixed.rowCosines).toEqual([1, 0, 0]);
    expect(fixed.imagePositionPatient).toEqual([0, 0, 0]);
  });
});
