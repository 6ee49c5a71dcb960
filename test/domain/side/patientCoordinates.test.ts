import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { imagePointToPatient, isNearAxial, NEAR_AXIAL_TOLERANCE_DEGREES, sideFromPatientCoordinates, type PatientGeometry } from '../../../src/domain/side';
import { pt } from '../shapes';

/** Axial slice, standard orientation: rows run to patient left (+x), columns to posterior (+y). */
const axial = (o: Partial<PatientGeometry> = {}): PatientGeometry => ({
  imageOrientationPatient: [1, 0, 0, 0, 1, 0],
  imagePositionPatient: [-128, -128, 40],
  rowSpacingMm: 1,
  columnSpacingMm: 1,
  ...o,
});

describe('image point → patient coordinates (LPS)', () => {
  it('the first pixel is at ImagePositionPatient', () => {
    expect(imagePointToPatient(pt(0, 0), axial())).toEqual([-128, -128, 40]);
  });

  it('moving along a row (x) follows the row cosines in steps of the COLUMN spacing; down a column (y) the column cosines in steps of the ROW spacing', () => {
    // PixelSpacing [row 2, column 0.5]
    const g = axial({ rowSpacingMm: 2, columnSpacingMm: 0.5 });
    expect(imagePointToPatient(pt(10, 0), g)).toEqual([-128 + 5, -128, 40]);
    expect(imagePointToPatient(pt(0, 10), g)).toEqual([-128, -128 + 20, 40]);
  });

  it('follows oblique orientations', () => {
    const s = Math.SQRT1_2;
    const g = axial({ imageOrientationPatient: [s, s, 0, 0, 0, -1], imagePositionPatient: [0, 0, 0] });
    const p = imagePointToPatient(pt(2, 3), g)!;
    expect(p[0]).toBeCloseTo(2 * s, 12);
    expect(p[1]).toBeCloseTo(2 * s, 12);
    expect(p[2]).toBeCloseTo(-3, 12);
  });

  it.each([
    ['zero row cosines', { imageOrientationPatient: [0, 0, 0, 0, 1, 0] }],
    ['non-orthogonal cosines', { imageOrientationPatient: [1, 0, 0, 1, 0, 0] }],
    ['non-unit cosines', { imageOrientationPatient: [2, 0, 0, 0, 1, 0] }],
    ['5 cosines', { imageOrientationPatient: [1, 0, 0, 0, 1] }],
    ['2-number position', { imagePositionPatient: [0, 0] }],
    ['NaN position', { imagePositionPatient: [0, Number.NaN, 0] }],
    ['zero spacing', { rowSpacingMm: 0 }],
  ])('degenerate geometry gives null: %s', (_name, o) => {
    expect(imagePointToPatient(pt(1, 1), axial(o as Partial<PatientGeometry>))).toBeNull();
  });
});

describe('side from patient coordinates', () => {
  it("on an axial image with IOP [1,0,0,0,1,0], a point in the right part of the pixel array is the patient's LEFT", () => {
    expect(sideFromPatientCoordinates(pt(200, 100), axial())).toEqual({ side: 'L', source: 'patient-coordinates', inferred: true });
    expect(sideFromPatientCoordinates(pt(50, 100), axial())).toEqual({ side: 'R', source: 'patient-coordinates', inferred: true });
  });

  it('uses the column spacing for x: swapping row and column spacing would flip this answer', () => {
    // x = -10 + 15·0.5 = -2.5 → R. With spacings swapped: -10 + 15·2 = +20 → L.
    const g = axial({ imagePositionPatient: [-10, 0, 0], rowSpacingMm: 2, columnSpacingMm: 0.5 });
    expect(sideFromPatientCoordinates(pt(15, 0), g)?.side).toBe('R');
  });

  it('uses the row spacing when the columns run left-right (image rotated 90°)', () => {
    // columns (y) run along patient +x: x = -10 + 6·2 = +2 → L. With column spacing 0.5 it would be -7 → R.
    const g = axial({ imageOrientationPatient: [0, 1, 0, 1, 0, 0], imagePositionPatient: [-10, 0, 0], rowSpacingMm: 2, columnSpacingMm: 0.5 });
    expect(sideFromPatientCoordinates(pt(0, 6), g)?.side).toBe('L');
  });

  it('a flipped image (row cosines toward patient right) reverses the answer', () => {
    const g = axial({ imageOrientationPatient: [-1, 0, 0, 0, 1, 0], imagePositionPatient: [128, -128, 0] });
    expect(sideFromPatientCoordinates(pt(200, 0), g)?.side).toBe('R');
  });

  it('points within 1 mm of the midline are too close to call', () => {
    expect(sideFromPatientCoordinates(pt(128.5, 10), axial())).toBeNull();
    expect(sideFromPatientCoordinates(pt(127.2, 10), axial())).toBeNull();
    expect(sideFromPatientCoordinates(pt(129, 10), axial())?.side).toBe('L');
  });

  it('respects a given midline', () => {
    // point at patient x = +20; midline at +30 → right of the midline
    expect(sideFromPatientCoordinates(pt(148, 0), axial(), 30)?.side).toBe('R');
  });

  it('degenerate orientation gives null', () => {
    expect(sideFromPatientCoordinates(pt(200, 0), axial({ imageOrientationPatient: [0, 0, 0, 0, 0, 0] }))).toBeNull();
  });

  it('property: on a standard axial image the side is L exactly when the point is > 1 mm to the patient-left of the midline', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 511, noNaN: true }), fc.double({ min: 0.1, max: 2, noNaN: true }), (x, col) => {
        const g = axial({ imagePositionPatient: [-256 * col, 0, 0], columnSpacingMm: col });
        const patientX = -256 * col + x * col;
        const r = sideFromPatientCoordinates(pt(x, 5), g);
        if (Math.abs(patientX) < 1) expect(r).toBeNull();
        else expect(r?.side).toBe(patientX > 0 ? 'L' : 'R');
      }),
    );
  });
});

describe('side is inferred only on a near-axial image (tolerance NEAR_AXIAL_TOLERANCE_DEGREES = 30°)', () => {
  const tilted = (degrees: number) => {
    const r = (degrees * Math.PI) / 180;
    // Rows along patient x; columns tilted from +y toward +z by `degrees` (normal tilts from z by the same angle).
    return axial({ imageOrientationPatient: [1, 0, 0, 0, Math.cos(r), Math.sin(r)] });
  };

  it('an oblique axial plane tilted 20° still gives the side', () => {
    expect(sideFromPatientCoordinates(pt(200, 100), tilted(20))?.side).toBe('L');
  });

  it('a plane tilted 40° from axial gives no side', () => {
    expect(sideFromPatientCoordinates(pt(200, 100), tilted(40))).toBeNull();
  });

  it('a sagittal image (the Philips WG04 MR2 orientation, oblique sagittal) gives no side', () => {
    const g = axial({ imageOrientationPatient: [0.569486, 0.822001, 0, 0, 0, -1] });
    expect(isNearAxial(g.imageOrientationPatient)).toBe(false);
    expect(sideFromPatientCoordinates(pt(200, 100), g)).toBeNull();
  });

  it('the boundary is the stated tolerance', () => {
    expect(isNearAxial(tilted(NEAR_AXIAL_TOLERANCE_DEGREES - 0.1).imageOrientationPatient)).toBe(true);
    expect(isNearAxial(tilted(NEAR_AXIAL_TOLERANCE_DEGREES + 0.1).imageOrientationPatient)).toBe(false);
  });
});
