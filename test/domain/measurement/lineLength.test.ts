import { describe, expect, it } from 'vitest';
import { measureLineLength } from '../../../src/domain/measurement';

describe('measureLineLength', () => {
  it('uses the column spacing along x and the row spacing along y (anisotropic pixels)', () => {
    const cal = { source: 'us-region', rowSpacingMm: 0.1, columnSpacingMm: 0.2 } as const;
    const horizontal = measureLineLength({ x: 0, y: 0 }, { x: 10, y: 0 }, cal);
    const vertical = measureLineLength({ x: 0, y: 0 }, { x: 0, y: 10 }, cal);
    expect(horizontal).toMatchObject({ calibrated: true, lengthMm: 2 });
    expect(vertical).toMatchObject({ calibrated: true, lengthMm: 1 });
    const diagonal = measureLineLength({ x: 0, y: 0 }, { x: 3, y: 4 }, { source: 'pixel-spacing', rowSpacingMm: 0.5, columnSpacingMm: 0.5 });
    expect(diagonal.calibrated && diagonal.lengthMm).toBeCloseTo(2.5, 12);
  });

  it('stays in pixels, marked uncalibrated, when the image has no scale', () => {
    const result = measureLineLength({ x: 0, y: 0 }, { x: 3, y: 4 }, { source: 'none', rowSpacingMm: null, columnSpacingMm: null });
    expect(result).toMatchObject({ calibrated: false, lengthPx: 5 });
  });
});
