/**
 * Issue 20 — a pixel size outside the physical range (plausibility.ts: 0.001 to 20 mm) is no
 * calibration: the image is UNCALIBRATED with a sentence naming the value, and traces stay in px.
 */
import { describe, expect, it } from 'vitest';
import {
  PLAUSIBLE_PIXEL_SPACING_MM,
  calibrationFromPixelSpacing,
  calibrationFromUltrasoundRegion,
  calibrationFromUserLine,
  isPlausibleSpacingMm,
  resolveCalibration,
} from '../../../src/domain/calibration';
import { measureContour } from '../../../src/domain/measurement';
import { expectOneSentence } from '../../robustness/sentence';
import { rectangle } from '../shapes';
import { region } from './regions';

const square = rectangle(10, 10, 40, 40);

describe('the physical range of a pixel size', () => {
  it('is 1 µm to 20 mm, both ends included', () => {
    expect(PLAUSIBLE_PIXEL_SPACING_MM).toEqual({ minMm: 0.001, maxMm: 20 });
    for (const ok of [0.001, 0.01, 0.075, 0.7, 4, 20]) expect(isPlausibleSpacingMm(ok), String(ok)).toBe(true);
    for (const bad of [0, -0.5, 1e-320, 1e-308, 0.0009, 20.001, 1e5, 1e150, 1e308, NaN, Infinity]) {
      expect(isPlausibleSpacingMm(bad), String(bad)).toBe(false);
    }
  });
});

describe('PixelSpacing outside the range (issue 20 probe values)', () => {
  it.each([
    [[1e150, 1e150], 'PixelSpacing 1e+150 mm is not a physical pixel size'],
    [[1e308, 1e-308], 'PixelSpacing 1e+308\\1e-308 mm is not a physical pixel size'],
    [[100000, 100000], 'PixelSpacing 100000 mm is not a physical pixel size'],
    [[1e-320, 1e-320], 'PixelSpacing 1e-320 mm is not a physical pixel size'],
    [[0.5, 50], 'PixelSpacing 0.5\\50 mm is not a physical pixel size'],
  ])('%j is refused with its sentence, the image is UNCALIBRATED and a trace stays in px', (spacing, sentence) => {
    const direct = calibrationFromPixelSpacing(spacing);
    expect(direct.ok).toBe(false);
    if (direct.ok) return;
    expect(direct.error).toContain(sentence);
    expect(direct.error).toContain('NerveTrace accepts 0.001 to 20 mm per pixel');
    expectOneSentence(direct.error);

    const resolved = resolveCalibration({ pixelSpacing: spacing }, square);
    expect(resolved.ok && resolved.value.source).toBe('none');
    expect(resolved.ok && resolved.value.description).toBe(`PixelSpacing ignored: ${direct.error}`);
    const m = resolved.ok ? measureContour(square, resolved.value) : null;
    expect(m?.ok && m.value.calibrated).toBe(false);
    expect(m?.ok && !m.value.calibrated && m.value.areaPx2).toBe(1600);
  });

  it('the ends of the range are still millimetres', () => {
    const fine = resolveCalibration({ pixelSpacing: [0.001, 0.001] }, square);
    expect(fine.ok && fine.value.source).toBe('pixel-spacing');
    const coarse = resolveCalibration({ pixelSpacing: [20, 20] }, square);
    const m = coarse.ok ? measureContour(square, coarse.value) : null;
    expect(m?.ok && m.value.calibrated && m.value.areaMm2).toBe(1600 * 400);
  });
});

describe('ultrasound PhysicalDeltaX/Y outside the range (in cm: 0.0001 to 2)', () => {
  it.each([
    [{ physicalDeltaX: 1e20, physicalDeltaY: 1e20 }, 'Ultrasound region 0 PhysicalDeltaX and PhysicalDeltaY 1e+20 cm are not a physical pixel size'],
    [{ physicalDeltaX: 1e-308, physicalDeltaY: 1e-308 }, 'PhysicalDeltaX and PhysicalDeltaY 1e-308 cm are not a physical pixel size'],
    [{ physicalDeltaX: 0.0075, physicalDeltaY: 5 }, 'Ultrasound region 0 PhysicalDeltaY 5 cm is not a physical pixel size'],
  ])('%j: UNCALIBRATED with the sentence, with or without a trace, and the trace in px', (deltas, sentence) => {
    const r = region(deltas);
    const direct = calibrationFromUltrasoundRegion(r, 0);
    expect(direct.ok).toBe(false);
    if (!direct.ok) {
      expect(direct.error).toContain(sentence);
      expect(direct.error).toContain('NerveTrace accepts 0.0001 to 2 cm per pixel');
      expectOneSentence(direct.error);
    }
    for (const contour of [undefined, square]) {
      const resolved = resolveCalibration({ ultrasoundRegions: [r], pixelSpacing: [0.3, 0.3] }, contour);
      expect(resolved.ok && resolved.value.source, String(contour)).toBe('none');
      expect(resolved.ok && resolved.value.description).toContain(sentence);
    }
    const resolved = resolveCalibration({ ultrasoundRegions: [r] }, square);
    const m = resolved.ok ? measureContour(square, resolved.value) : null;
    expect(m?.ok && !m.value.calibrated && m.value.areaPx2).toBe(1600);
  });

  it('a trace in a plausible region of a dual view still gets millimetres', () => {
    const regions = [region({ physicalDeltaX: 1e20, physicalDeltaY: 1e20, maxX1: 299 }), region({ minX0: 300, maxX1: 599 })];
    const right = resolveCalibration({ ultrasoundRegions: regions }, rectangle(400, 10, 20, 20));
    expect(right.ok && right.value.source === 'us-region' && right.value.regionIndex).toBe(1);
    const left = resolveCalibration({ ultrasoundRegions: regions }, rectangle(10, 10, 20, 20));
    expect(left.ok && left.value.source).toBe('none');
  });
});

describe('a user calibration outside the range', () => {
  it('is refused with a sentence that names the pixel size', () => {
    const r = calibrationFromUserLine({ x: 0, y: 0 }, { x: 10, y: 0 }, 1e6);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toMatch(/^This line and length give 100000 mm per pixel, which is not a physical pixel size/);
      expectOneSentence(r.error);
    }
  });
  it('a stored user calibration with such a pixel size measures nothing in mm', () => {
    const stored = { source: 'user', rowSpacingMm: 1e150, columnSpacingMm: 1e150 } as const;
    expect(resolveCalibration({ userCalibration: stored }).ok).toBe(false);
    expect(measureContour(square, stored).ok).toBe(false);
  });
});

describe('areas and lengths that are not finite', () => {
  it('are refused, never returned', () => {
    const huge = rectangle(0, 0, 1e200, 1e200);
    const px = measureContour(huge, { source: 'none', rowSpacingMm: null, columnSpacingMm: null });
    expect(px.ok).toBe(false);
    const mm = measureContour(rectangle(0, 0, 1e160, 1e160), { source: 'pixel-spacing', rowSpacingMm: 10, columnSpacingMm: 10 });
    expect(mm.ok).toBe(false);
    if (!mm.ok) expectOneSentence(mm.error);
  });
});
