import { describe, it, expect } from 'vitest';
import { calibrationFromUserLine } from '../../../src/domain/calibration';
import { pt } from '../shapes';

describe('calibration from a user line of known length', () => {
  it('a 100 px horizontal line of 10 mm gives 0.1 mm per pixel on both axes', () => {
    const r = calibrationFromUserLine(pt(10, 20), pt(110, 20), 10);
    expect(r).toEqual({
      ok: true,
      value: { source: 'user', rowSpacingMm: 0.1, columnSpacingMm: 0.1, description: 'User calibration: 0.100 mm/px' },
    });
  });

  it('a diagonal 3-4-5 line uses its true pixel length', () => {
    const r = calibrationFromUserLine(pt(0, 0), pt(30, 40), 25);
    expect(r.ok && r.value.rowSpacingMm).toBeCloseTo(0.5, 12);
    expect(r.ok && r.value.columnSpacingMm).toBeCloseTo(0.5, 12);
  });

  it('with pixel aspect 2 (rows twice as far apart), a vertical line sets row spacing and column is half', () => {
    // 50 px vertical, 10 mm → row 0.2 mm, column 0.1 mm
    const r = calibrationFromUserLine(pt(0, 0), pt(0, 50), 10, 2);
    expect(r.ok && r.value.rowSpacingMm).toBeCloseTo(0.2, 12);
    expect(r.ok && r.value.columnSpacingMm).toBeCloseTo(0.1, 12);
  });

  it('with pixel aspect, the line measured back in mm equals the known length', () => {
    const r = calibrationFromUserLine(pt(3, 7), pt(40, 90), 17.5, 1.3);
    expect(r.ok).toBe(true);
    if (r.ok) {
      const mm = Math.hypot(37 * r.value.columnSpacingMm, 83 * r.value.rowSpacingMm);
      expect(mm).toBeCloseTo(17.5, 12);
      expect(r.value.rowSpacingMm / r.value.columnSpacingMm).toBeCloseTo(1.3, 12);
    }
  });

  it('refuses a zero-length line', () => {
    const r = calibrationFromUserLine(pt(5, 5), pt(5, 5), 10);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/zero length/);
  });

  it.each([0, -3, Number.NaN, Number.POSITIVE_INFINITY])('refuses a known length of %s', (len) => {
    const r = calibrationFromUserLine(pt(0, 0), pt(10, 0), len);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/known length/);
  });

  it('refuses a non-positive pixel aspect and non-finite end points', () => {
    expect(calibrationFromUserLine(pt(0, 0), pt(10, 0), 5, 0).ok).toBe(false);
    expect(calibrationFromUserLine(pt(0, 0), pt(10, 0), 5, -1).ok).toBe(false);
    expect(calibrationFromUserLine(pt(0, Number.NaN), pt(10, 0), 5).ok).toBe(false);
  });
});
