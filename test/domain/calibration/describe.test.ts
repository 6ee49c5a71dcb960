import { describe, it, expect } from 'vitest';
import { describeCalibration } from '../../../src/domain/calibration';

describe('calibration overlay text', () => {
  it('PixelSpacing shows row × column to 3 decimals', () => {
    expect(describeCalibration({ source: 'pixel-spacing', rowSpacingMm: 0.5, columnSpacingMm: 0.6 })).toBe(
      'PixelSpacing 0.500 × 0.600 mm (row × column)',
    );
  });

  it('an ultrasound region shows its index and mm per pixel', () => {
    expect(describeCalibration({ source: 'us-region', rowSpacingMm: 0.1, columnSpacingMm: 0.1, regionIndex: 0 })).toBe(
      'US region 0: 0.100 mm/px',
    );
  });

  it('uncalibrated is shouted so nobody reads pixels as millimetres', () => {
    expect(describeCalibration({ source: 'none', rowSpacingMm: null, columnSpacingMm: null })).toBe('UNCALIBRATED');
  });

  it('very fine pixels keep three significant digits instead of rounding to 0.000', () => {
    expect(describeCalibration({ source: 'user', rowSpacingMm: 0.00234, columnSpacingMm: 0.00234 })).toBe(
      'User calibration: 0.00234 mm/px',
    );
  });

  it('is computed from the numbers, not from a stale stored description', () => {
    expect(
      describeCalibration({ source: 'pixel-spacing', rowSpacingMm: 0.2, columnSpacingMm: 0.2, description: 'something else' }),
    ).toBe('PixelSpacing 0.200 × 0.200 mm (row × column)');
  });
});
