import { describe, expect, it } from 'vitest';
import { scaleBar, scaleBarLabel } from '../../../src/domain/calibration/scaleBar';

describe('scaleBar', () => {
  it('picks a 1-2-5 length whose bar is at most the target width, drawn at the true scale', () => {
    // 0.075 mm per image column shown at 1.5 screen px per column: 0.05 mm per screen px.
    const bar = scaleBar(0.075, 1.5, 100)!;
    expect(bar.lengthMm).toBe(5);
    expect(bar.widthPx).toBeCloseTo(100, 9);
    const mr = scaleBar(0.7, 1.2, 100)!; // 58.3 mm wanted
    expect(mr.lengthMm).toBe(50);
    expect(mr.widthPx).toBeCloseTo((50 / 0.7) * 1.2, 9);
    expect(mr.widthPx).toBeLessThanOrEqual(100);
  });

  it('draws no bar for a scale that is not a positive number', () => {
    expect(scaleBar(0, 1)).toBeNull();
    expect(scaleBar(0.1, 0)).toBeNull();
    expect(scaleBar(Number.NaN, 1)).toBeNull();
  });

  it('labels in mm below 1 cm and in cm from 1 cm', () => {
    expect(scaleBarLabel(5)).toBe('5 mm');
    expect(scaleBarLabel(0.5)).toBe('0.5 mm');
    expect(scaleBarLabel(20)).toBe('2 cm');
  });
});
