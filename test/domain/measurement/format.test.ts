import { describe, it, expect } from 'vitest';
import { formatArea, formatAreaMm2, formatLength, formatLengthMm, type ContourMetrics } from '../../../src/domain/measurement';

const mm = (areaMm2: number, perimeterMm: number): ContourMetrics => ({
  calibrated: true,
  areaMm2,
  perimeterMm,
  calibration: { source: 'pixel-spacing', rowSpacingMm: 0.1, columnSpacingMm: 0.1 },
});
const px = (areaPx2: number, perimeterPx: number): ContourMetrics => ({
  calibrated: false,
  areaPx2,
  perimeterPx,
  calibration: { source: 'none', rowSpacingMm: null, columnSpacingMm: null },
});

describe('what the user reads', () => {
  it('calibrated area and perimeter to one decimal with units', () => {
    expect(formatArea(mm(58.23, 29.36))).toBe('58.2 mm²');
    expect(formatLength(mm(58.23, 29.36))).toBe('29.4 mm');
  });

  it('uncalibrated values are whole pixels, always flagged', () => {
    expect(formatArea(px(1234.4, 140.6))).toBe('1234 px² (uncalibrated)');
    expect(formatLength(px(1234.4, 140.6))).toBe('141 px (uncalibrated)');
  });

  it('bare mm helpers serve other measurements (ellipse, diameters)', () => {
    expect(formatAreaMm2(7.04)).toBe('7.0 mm²');
    expect(formatLengthMm(3)).toBe('3.0 mm');
    expect(formatAreaMm2(0.04)).toBe('0.0 mm²');
  });

  it('never prints "-0.0" or "NaN"', () => {
    expect(formatLengthMm(-0.01)).toBe('0.0 mm');
    expect(formatAreaMm2(Number.NaN)).toBe('— mm²');
  });
});
