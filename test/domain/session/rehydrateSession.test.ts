import { describe, expect, it } from 'vitest';
import { rehydrateSession } from '../../../src/domain/session';
import type { NerveMeasurement } from '../../../src/domain/measurement';
import { measurement, session, UNCALIBRATED } from './fixtures';

function tamperArea(m: NerveMeasurement, factor: number): NerveMeasurement {
  if (!m.metrics.calibrated) throw new Error('expected calibrated');
  return { ...m, metrics: { ...m.metrics, areaMm2: m.metrics.areaMm2 * factor } };
}

describe('rehydrateSession: derived values are recomputed, never trusted', () => {
  it('recomputes area from contour and calibration and reports a stored area that disagreed by more than 0.01 %', () => {
    const honest = measurement({ id: 'a', label: 'A1' });
    const tampered = tamperArea(measurement({ id: 'b', label: 'A2' }), 1.5);
    const { session: out, warnings, refused } = rehydrateSession(session([honest, tampered]));
    expect(refused).toEqual([]);
    expect(warnings).toEqual([
      {
        path: 'measurements[1].metrics.areaMm2',
        message: 'Measurement "A2" (measurements[1]): stored areaMm2 120 mm² disagreed with its outline (80 mm²); the recomputed value is used.',
      },
    ]);
    expect(out.measurements[1]!.metrics).toMatchObject({ calibrated: true, areaMm2: 80 });
  });

  it('tolerates differences below 0.01 % (floating point noise in another writer)', () => {
    const nearly = tamperArea(measurement({ id: 'a' }), 1 + 5e-5);
    expect(rehydrateSession(session([nearly])).warnings).toEqual([]);
  });

  it('reports stored mm values on a measurement whose calibration is "none", and gives pixels', () => {
    const calibrated = measurement({ id: 'a', label: 'A1' });
    const lying: NerveMeasurement = { ...calibrated, calibration: UNCALIBRATED };
    const { session: out, warnings } = rehydrateSession(session([lying]));
    expect(warnings[0]!.path).toBe('measurements[0].metrics.calibrated');
    expect(out.measurements[0]!.metrics).toMatchObject({ calibrated: false, areaPx2: 8000, perimeterPx: 360 });
  });

  it('leaves out, and reports, a measurement whose contour crosses itself', () => {
    const bowTie = measurement({ id: 'a', label: 'A1' });
    const crossed: NerveMeasurement = { ...bowTie, contour: [{ x: 0, y: 0 }, { x: 10, y: 10 }, { x: 10, y: 0 }, { x: 0, y: 10 }] };
    const { session: out, warnings, refused } = rehydrateSession(session([crossed, measurement({ id: 'b' })]));
    expect(out.measurements.map((m) => m.id)).toEqual(['b']);
    expect(refused).toEqual([{ index: 0, id: 'a', label: 'A1', reason: 'The trace crosses itself; redraw it without loops.' }]);
    expect(warnings[0]).toEqual({
      path: 'measurements[0].contour',
      message: 'Measurement "A1" (measurements[0]) was left out: The trace crosses itself; redraw it without loops.',
    });
  });

  it('recomputes a user calibration from its line', () => {
    const s = session([]);
    const wrong = { ...s, calibrations: [{ ...s.calibrations[0]!, calibration: { source: 'user' as const, rowSpacingMm: 0.2, columnSpacingMm: 0.2 } }] };
    const { session: out, warnings } = rehydrateSession(wrong);
    expect(out.calibrations[0]!.calibration).toMatchObject({ rowSpacingMm: 0.1, columnSpacingMm: 0.1 });
    expect(warnings[0]!.message).toBe(
      'Calibration 1: stored pixel size 0.2 × 0.2 mm disagreed with its line (0.1 × 0.1 mm); the line is used.',
    );
  });

  it('warns about a measurement on an image the session does not list', () => {
    const { warnings } = rehydrateSession(session([measurement({ id: 'a', label: 'A1', sop: '1.2.3' })]));
    expect(warnings).toEqual([
      {
        path: 'measurements[0].image.sopInstanceUid',
        message: 'Measurement "A1" (measurements[0]) refers to an image that is not among the session\'s studies (1.2.3).',
      },
    ]);
  });
});
