import { describe, it, expect } from 'vitest';
import { calibrationFromUserLine, resolveCalibration, type SpatialCalibration } from '../../../src/domain/calibration';
import { rectangle } from '../shapes';
import { dualView, region } from './regions';

const userCal = (): SpatialCalibration => {
  const r = calibrationFromUserLine({ x: 0, y: 0 }, { x: 100, y: 0 }, 5);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

describe('resolving which calibration applies', () => {
  it('the user calibration wins over ultrasound regions and PixelSpacing', () => {
    const r = resolveCalibration({ userCalibration: userCal(), ultrasoundRegions: dualView, pixelSpacing: [0.3, 0.3] }, rectangle(380, 10, 40, 40));
    expect(r.ok && r.value.source).toBe('user');
    expect(r.ok && r.value.rowSpacingMm).toBeCloseTo(0.05, 12);
  });

  it('an invalid user calibration is refused, not skipped', () => {
    const bad = { source: 'user', rowSpacingMm: 0, columnSpacingMm: 0.1 } as const;
    const r = resolveCalibration({ userCalibration: bad, pixelSpacing: [0.3, 0.3] });
    expect(r.ok).toBe(false);
  });

  it('the ultrasound region containing the trace wins over PixelSpacing', () => {
    const r = resolveCalibration({ ultrasoundRegions: dualView, pixelSpacing: [0.3, 0.3] }, rectangle(500, 10, 20, 20));
    expect(r.ok && r.value.source).toBe('us-region');
    expect(r.ok && r.value.source === 'us-region' && r.value.regionIndex).toBe(1);
    expect(r.ok && r.value.rowSpacingMm).toBeCloseTo(0.2, 12);
  });

  it('with spatial regions, a trace crossing regions FAILS instead of falling back to PixelSpacing', () => {
    const r = resolveCalibration({ ultrasoundRegions: dualView, pixelSpacing: [0.3, 0.3] }, rectangle(380, 10, 40, 40));
    expect(r.ok).toBe(false);
  });

  it('with spatial regions, a trace outside them FAILS instead of falling back to PixelSpacing', () => {
    const r = resolveCalibration({ ultrasoundRegions: dualView, pixelSpacing: [0.3, 0.3] }, rectangle(10, 350, 20, 20));
    expect(r.ok).toBe(false);
  });

  it('a centimetre region with a broken delta FAILS rather than falling back to PixelSpacing', () => {
    const r = resolveCalibration({ ultrasoundRegions: [region({ physicalDeltaY: -0.01 })], pixelSpacing: [0.3, 0.3] }, rectangle(10, 10, 5, 5));
    expect(r.ok).toBe(false);
  });

  it('regions without centimetre units (Doppler only) leave PixelSpacing in charge', () => {
    const doppler = region({ physicalUnitsXDirection: 4, physicalUnitsYDirection: 7 });
    const r = resolveCalibration({ ultrasoundRegions: [doppler], pixelSpacing: [0.3, 0.4] }, rectangle(10, 10, 5, 5));
    expect(r.ok && r.value.source).toBe('pixel-spacing');
    expect(r.ok && r.value.rowSpacingMm).toBe(0.3);
    expect(r.ok && r.value.columnSpacingMm).toBe(0.4);
  });

  it('without a trace, a single spatial region (or several with one scale) is used', () => {
    const one = resolveCalibration({ ultrasoundRegions: [region()] });
    expect(one.ok && one.value.source).toBe('us-region');
    const same = resolveCalibration({ ultrasoundRegions: [region(), region({ minX0: 400, maxX1: 799 })] });
    expect(same.ok && same.value.source === 'us-region' && same.value.regionIndex).toBe(0);
  });

  it('without a trace, several regions with different scales cannot be chosen between', () => {
    const r = resolveCalibration({ ultrasoundRegions: dualView, pixelSpacing: [0.3, 0.3] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/draw the trace first/);
  });

  it('without a trace, a broken centimetre region is refused', () => {
    expect(resolveCalibration({ ultrasoundRegions: [region({ physicalDeltaX: 0 })], pixelSpacing: [0.3, 0.3] }).ok).toBe(false);
  });

  it('PixelSpacing is used when there are no ultrasound regions', () => {
    const r = resolveCalibration({ pixelSpacing: [0.5, 0.6] }, rectangle(0, 0, 5, 5));
    expect(r.ok && r.value).toMatchObject({ source: 'pixel-spacing', rowSpacingMm: 0.5, columnSpacingMm: 0.6 });
  });

  it('nothing to go on → explicitly uncalibrated, in pixels, never a guessed scale', () => {
    for (const sources of [{}, { ultrasoundRegions: [] }]) {
      const r = resolveCalibration(sources, rectangle(0, 0, 5, 5));
      expect(r).toEqual({
        ok: true,
        value: {
          source: 'none',
          rowSpacingMm: null,
          columnSpacingMm: null,
          description: 'uncalibrated: no PixelSpacing or ultrasound region',
        },
      });
    }
  });

  it('an invalid PixelSpacing → uncalibrated, saying why', () => {
    const r = resolveCalibration({ pixelSpacing: [0, 0.5] });
    expect(r.ok && r.value.source).toBe('none');
    expect(r.ok && r.value.description).toMatch(/^PixelSpacing ignored: PixelSpacing \(0028,0030\) must be two positive numbers/);
  });
});
