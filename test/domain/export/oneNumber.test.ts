/**
 * Issue 12, "one number per measurement": a measurement stores its numbers at full precision and
 * every view and export shows THAT stored number — rounded to one decimal where a person reads it
 * (panel, image label, printed report), at full precision where a program reads it (session JSON,
 * both CSVs, DICOM SR) — and reloading a session never "corrects" the app's own measurement.
 * The ellipse is the case that failed: its area is π·D1·D2/4 from the diameters, while the exports
 * and the reload recomputed it from the 72-point outline polygon (48.9 mm² in the UI, 48.83 in CSV/SR).
 */
import { describe, expect, it } from 'vitest';
import { buildMeasurementReportSr, measurementsCsv, readMeasurementReportSr, sideBySideCsv } from '../../../src/domain/export';
import { readPart10, type Dataset } from '../../../src/domain/export/sr/dcmjsAdapter';
import {
  formatArea,
  formatAreaMm2,
  formatLength,
  measureContour,
  measureEllipseByDiameters,
  type Diameter,
  type NerveMeasurement,
} from '../../../src/domain/measurement';
import { buildClinicalReport } from '../../../src/domain/report';
import { parseSession, rehydrateSession, serializeSession, type Session } from '../../../src/domain/session';
import type { Calibration } from '../../../src/domain/types';
import { analyseSession } from '../../../src/cli/sessionAnalysis';
import { measurement, NOW, session, SOP_L, SOP_R, SERIES_L, SERIES_R, STUDY, usRegion } from '../session/fixtures';

function ellipse(id: string, side: 'L' | 'R', d1: Diameter, d2: Diameter, calibration: Calibration): NerveMeasurement {
  const measured = measureEllipseByDiameters(d1, d2, calibration);
  if (!measured.ok) throw new Error(measured.error);
  return {
    id,
    label: id,
    nerve: 'sciatic',
    site: 'mid-thigh',
    side,
    sideSource: 'ImageLaterality',
    modality: 'US',
    method: 'ellipse',
    image: { studyInstanceUid: STUDY, seriesInstanceUid: side === 'L' ? SERIES_L : SERIES_R, sopInstanceUid: side === 'L' ? SOP_L : SOP_R, frameIndex: 0 },
    contour: measured.value.outline,
    diameters: [d1, d2],
    calibration,
    metrics: measured.value.metrics,
    intensity: null,
    createdAt: NOW,
    updatedAt: NOW,
  };
}

const cal = usRegion(0.075);
// About 48.9 mm² by the formula; its 72-point outline polygon measures 0.13 % less (48.8…).
const E1 = ellipse('E1', 'R', [{ x: 200, y: 300 }, { x: 300.7, y: 300 }], [{ x: 250.35, y: 245 }, { x: 250.35, y: 355 }], cal);
const T1 = measurement({ id: 'T1', side: 'L', site: 'mid-thigh', calibration: cal });
// Pooled, so that the two sides (one ellipse, one trace) form one left/right comparison.
const base = session([E1, T1], { calibrations: [] });
const fixture: Session = { ...base, options: { ...base.options, poolMethods: true } };

const areaOf = (m: NerveMeasurement) => (m.metrics.calibrated ? m.metrics.areaMm2 : NaN);
const perimeterOf = (m: NerveMeasurement) => (m.metrics.calibrated ? m.metrics.perimeterMm : NaN);

function csvRows(text: string): Record<string, string>[] {
  const [header, ...lines] = text.trimEnd().split('\r\n').map((l) => l.split(','));
  return lines.map((cells) => Object.fromEntries(cells.map((c, i) => [header![i]!, c])));
}

/** NUM values of the SR by concept code value, in document order. */
function srNumbers(bytes: Uint8Array, codeValue: string): number[] {
  const ds = readPart10(bytes);
  if (!ds.ok) throw new Error(ds.error);
  const out: number[] = [];
  const walk = (item: Dataset) => {
    const concept = (item.ConceptNameCodeSequence as Dataset[] | undefined)?.[0];
    if (item.ValueType === 'NUM' && concept?.CodeValue === codeValue) {
      out.push(Number((item.MeasuredValueSequence as Dataset[])[0]!.NumericValue));
    }
    for (const child of (item.ContentSequence as Dataset[] | undefined) ?? []) walk(child);
  };
  walk(ds.value);
  return out;
}

describe('one number per measurement: every view and export shows the same stored value', () => {
  it('the fixture is the failing case: the ellipse formula and its outline polygon differ in the second decimal', () => {
    const polygon = measureContour(E1.contour, cal);
    expect(polygon.ok && polygon.value.calibrated && polygon.value.areaMm2.toFixed(2)).not.toBe(areaOf(E1).toFixed(2));
    expect(formatArea(E1.metrics)).toBe('48.9 mm²');
  });

  it('UI and print round the stored value to one decimal with the one formatter', () => {
    for (const m of [E1, T1]) {
      expect(formatArea(m.metrics)).toBe(`${areaOf(m).toFixed(1)} mm²`);
      expect(formatLength(m.metrics)).toBe(`${perimeterOf(m).toFixed(1)} mm`);
      expect(formatAreaMm2(areaOf(m))).toBe(formatArea(m.metrics));
    }
  });

  it('session JSON keeps the stored doubles exactly', () => {
    const back = JSON.parse(serializeSession(fixture)) as Session;
    expect(back.measurements.map(areaOf)).toEqual([areaOf(E1), areaOf(T1)]);
    expect(back.measurements.map(perimeterOf)).toEqual([perimeterOf(E1), perimeterOf(T1)]);
  });

  it('measurements CSV: the stored doubles at full precision', () => {
    const rows = csvRows(measurementsCsv(fixture));
    expect(rows.map((r) => Number(r['Area (mm2)']))).toEqual([areaOf(E1), areaOf(T1)]);
    expect(rows.map((r) => Number(r['Circumference (mm)']))).toEqual([perimeterOf(E1), perimeterOf(T1)]);
    // The pixel columns of the ellipse are the same formula in pixels: area / (0.075 mm)².
    expect(Number(rows[0]!['Area (px2)'])).toBeCloseTo(areaOf(E1) / 0.075 ** 2, 9);
  });

  it('left/right CSV: a single repeat\'s mean is the stored double itself', () => {
    const [row] = csvRows(sideBySideCsv(fixture));
    expect(Number(row!['Right mean (mm2)'])).toBe(areaOf(E1));
    expect(Number(row!['Left mean (mm2)'])).toBe(areaOf(T1));
  });

  it('DICOM SR: the NUM values are the stored numbers (DS holds 16 characters) and read back as the same measurement', () => {
    const built = buildMeasurementReportSr(fixture, { identified: true });
    if (!built.ok) throw new Error(built.error);
    const areas = srNumbers(built.value, '42798000');
    expect(areas).toHaveLength(2);
    areas.forEach((a, i) => expect(Math.abs(a - areaOf([E1, T1][i]!)) / a).toBeLessThan(1e-13));
    const back = readMeasurementReportSr(built.value);
    if (!back.ok) throw new Error(back.error);
    expect(back.value.warnings).toEqual([]);
    expect(back.value.measurements.map((m) => m.method)).toEqual(['ellipse', 'freehand']);
    back.value.measurements.forEach((m, i) => {
      expect(Math.abs(areaOf(m) - areaOf([E1, T1][i]!)) / areaOf(m)).toBeLessThan(1e-12);
      expect(formatArea(m.metrics)).toBe(formatArea([E1, T1][i]!.metrics));
    });
  });

  it('printed/clinical report: states the stored value with the same one-decimal rule', () => {
    const { input, analysis } = analyseSession(fixture);
    const text = buildClinicalReport(input, analysis).sections.flatMap((s) => s.entries.map((e) => e.text)).join('\n');
    expect(text).toContain(formatAreaMm2(areaOf(E1)));
    expect(text).toContain(formatAreaMm2(areaOf(T1)));
    expect(analysis.comparisons[0]!.rightMeanMm2).toBe(areaOf(E1));
  });
});

describe('save → reload never corrects the app\'s own measurement', () => {
  it('an ellipse, a trace and an uncalibrated trace reload with no warning and identical numbers', () => {
    const uncalibrated = measurement({ id: 'U1', side: 'R', calibration: { source: 'none', rowSpacingMm: null, columnSpacingMm: null } });
    const saved = session([E1, T1, uncalibrated]);
    const parsed = parseSession(serializeSession(saved));
    if (!parsed.ok) throw new Error(parsed.error);
    const { session: reloaded, warnings } = rehydrateSession(parsed.value);
    expect(warnings).toEqual([]);
    expect(reloaded.measurements.map((m) => m.metrics)).toEqual(saved.measurements.map((m) => m.metrics));
  });

  it('a stored number that truly disagrees (an edited file) is still reported', () => {
    const edited = { ...E1, metrics: { ...E1.metrics, areaMm2: 60 } } as NerveMeasurement;
    const { warnings } = rehydrateSession(session([edited]));
    expect(warnings.map((w) => w.path)).toEqual(['measurements[0].metrics.areaMm2']);
  });
});
