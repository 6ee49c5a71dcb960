import { describe, expect, it } from 'vitest';
import { MEASUREMENT_CSV_HEADER, measurementsCsv, sideBySideCsv, SIDE_BY_SIDE_CSV_HEADER } from '../../../src/domain/export';
import type { Calibration } from '../../../src/domain/types';
import { measurement, rect, session, UNCALIBRATED, usRegion } from '../session/fixtures';

/** Split RFC 4180 text without quoted line breaks (enough for these tables). */
function rows(text: string): Record<string, string>[] {
  const lines = text.trimEnd().split('\r\n');
  const split = (line: string) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.slice(0, -1).map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"'));
  const header = split(lines[0]!);
  return lines.slice(1).map((l) => Object.fromEntries(split(l).map((c, i) => [header[i]!, c])));
}

const anisotropic: Calibration = { source: 'pixel-spacing', rowSpacingMm: 0.5, columnSpacingMm: 0.25 };

describe('measurementsCsv: one row per measurement', () => {
  const s = session([
    measurement({ id: 'a', label: 'A1', contour: rect(10, 10, 100, 80), calibration: usRegion(0.1) }),
    measurement({ id: 'b', label: '=cmd|calc', side: 'L', contour: rect(0, 0, 40, 20), calibration: anisotropic, modality: 'MR' }),
    measurement({ id: 'c', label: 'no scale, "raw"', side: null, calibration: UNCALIBRATED }),
  ]);
  const table = rows(measurementsCsv(s));

  it('has the documented header and one row per measurement', () => {
    expect(measurementsCsv(s).split('\r\n')[0]).toBe(MEASUREMENT_CSV_HEADER.join(','));
    expect(table).toHaveLength(3);
  });

  it('gives the stored mm values at full precision (the one rounding rule: 1 decimal in the UI only), with pixel values and the calibration beside them', () => {
    // The very number stored (and shown as 80.0 mm² in the UI), not a re-rounded one.
    const stored = s.measurements[0]!.metrics;
    expect(stored.calibrated && Number(table[0]!['Area (mm2)'])).toBe(stored.calibrated && stored.areaMm2);
    expect(table[0]).toMatchObject({
      Label: 'A1',
      Nerve: 'Sciatic nerve',
      Site: 'Gluteal fold',
      Side: 'R',
      'Side source': 'ImageLaterality',
      Modality: 'US',
      Method: 'freehand',
      'Area (px2)': '8000',
      'Perimeter (px)': '360',
      'Calibration source': 'us-region',
      'Row spacing (mm/px)': '0.1',
      'Column spacing (mm/px)': '0.1',
      'Echogenicity/signal mean': '87.50',
      'Echogenicity/signal SD': '12.25',
      'Frame index (0-based)': '0',
      'File name': 'Smith_John_right.dcm',
      Created: '2025-03-01T10:00:00.000Z',
      'Excluded from mean': 'no',
    });
    expect(Number(table[0]!['Area (mm2)'])).toBeCloseTo(80, 9);
    expect(Number(table[0]!['Circumference (mm)'])).toBeCloseTo(36, 9);
  });

  it('keeps row and column spacing apart for anisotropic pixels (40 × 20 px at 0.25 × 0.5 mm = 100 mm²)', () => {
    expect(table[1]).toMatchObject({ 'Area (mm2)': '100', 'Circumference (mm)': '40', 'Row spacing (mm/px)': '0.5', 'Column spacing (mm/px)': '0.25' });
  });

  it('leaves mm cells empty for an uncalibrated measurement but gives the pixel values', () => {
    expect(table[2]).toMatchObject({ 'Area (mm2)': '', 'Circumference (mm)': '', 'Area (px2)': '8000', 'Calibration source': 'none', Side: '' });
  });

  it('neutralises formula-like labels and quotes commas', () => {
    expect(table[1]!.Label).toBe("'=cmd|calc");
    expect(table[2]!.Label).toBe('no scale, "raw"');
  });
});

describe('sideBySideCsv: one row per nerve, site and modality', () => {
  const values = (side: 'L' | 'R', widths: number[]) =>
    widths.map((w, i) => measurement({ id: `${side}${i}`, side, contour: rect(0, 0, w, 100), calibration: usRegion(0.1) }));
  // Left 50, 52, 54 mm²; right 100, 102, 104 mm² at the gluteal fold (limit 58.3, S1).
  const s = session([...values('L', [50, 52, 54]), ...values('R', [100, 102, 104])]);
  const table = rows(sideBySideCsv(s));

  it('has the documented header', () => {
    expect(sideBySideCsv(s).split('\r\n')[0]).toBe(SIDE_BY_SIDE_CSV_HEADER.join(','));
  });

  it('gives each side n / mean / SD, the difference, ratio, limit with its source and the verdict', () => {
    expect(table).toHaveLength(1);
    expect(table[0]).toMatchObject({
      Nerve: 'Sciatic nerve',
      Site: 'Gluteal fold',
      Modality: 'US',
      'Left n': '3',
      'Right n': '3',
      'Upper limit (mm2)': '58.3',
      'Limit source': 'S1: Chen 2018, J Med Ultrasound 26:85 (n = 200)',
      'Reference set': 'Chen 2018 / Dutch table',
      Verdict: 'enlarged',
      'Enlarged side': 'R',
      Asymmetry: 'asymmetric',
      'Larger side': 'R',
    });
    // Full precision: the same doubles the report rounds to one decimal.
    const close = (column: string, value: number) => expect(Number(table[0]![column])).toBeCloseTo(value, 9);
    close('Left mean (mm2)', 52);
    close('Left SD (mm2)', 2);
    close('Right mean (mm2)', 102);
    close('Right SD (mm2)', 2);
    close('Difference (mm2)', 50);
    close('Ratio (larger/smaller)', 102 / 52);
    expect(table[0]!['Verdict text']).toMatch(/^Right enlarged: 102\.0 mm² > upper limit 58\.3 mm² \(S1\)\./);
  });

  it('uses the session ratio threshold', () => {
    const strict = rows(sideBySideCsv({ ...session(values('L', [50]).concat(values('R', [54]))), options: { ratioThreshold: 1.05, ncsLimitSetId: 'conventional' } }));
    expect(strict[0]).toMatchObject({ Asymmetry: 'asymmetric' });
  });
});
