import { describe, expect, it } from 'vitest';
import { nearestSlice, patientToPixel, pixelToPatient, sameOrientation, slicePlane, slicePosition } from '../../../src/domain/suv';

describe('slice geometry on one frame of reference', () => {
  // Coronal: columns towards patient left (+x), rows downwards (−z); PET 3 mm, CT 1.5 mm
  const pet = slicePlane([-190.5, 30, -1.5], [1, 0, 0, 0, 0, -1], [3, 3])!;
  const ct = slicePlane([-191.25, 30, -0.75], [1, 0, 0, 0, 0, -1], [1.5, 1.5])!;

  it('pixel → patient → pixel is the identity', () => {
    const p = pixelToPatient(pet, 94.5, 50.2);
    expect(p[0]).toBeCloseTo(93, 9);
    expect(p[2]).toBeCloseTo(-152.1, 9);
    const back = patientToPixel(pet, p);
    expect(back.x).toBeCloseTo(94.5, 9);
    expect(back.y).toBeCloseTo(50.2, 9);
  });

  it('a CT pixel maps onto the PET pixel at the same patient position', () => {
    const q = patientToPixel(pet, pixelToPatient(ct, 189.5, 100.5));
    expect(q.x).toBeCloseTo(94.5, 9);
    expect(q.y).toBeCloseTo(50, 9);
  });

  it('slices are placed by their position along the normal; the nearest is found', () => {
    expect(Math.abs(slicePosition(pet))).toBeCloseTo(30, 9);
    expect(nearestSlice([24, 27, 30, 33, 36].map((y) => -y), -31)).toBe(2);
    expect(sameOrientation(pet, ct)).toBe(true);
    expect(sameOrientation(pet, slicePlane([0, 0, 0], [1, 0, 0, 0, 1, 0], [1, 1])!)).toBe(false);
  });

  it('missing geometry gives no plane', () => {
    expect(slicePlane(null, [1, 0, 0, 0, 1, 0], [1, 1])).toBeNull();
    expect(slicePlane([0, 0, 0], [1, 0, 0, 0, 1, 0], [0, 1])).toBeNull();
  });
});
