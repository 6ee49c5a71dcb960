import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildMeasurementReportSr, readMeasurementReportSr } from '../../../src/domain/export';
import { readPart10, writePart10, type Dataset } from '../../../src/domain/export/sr/dcmjsAdapter';
import { measurementMetrics, type NerveMeasurement } from '../../../src/domain/measurement';
import type { Session } from '../../../src/domain/session';
import type { Calibration } from '../../../src/domain/types';
import { measurementArb } from '../session/arbitraries';
import { measurement, rect, session, SOP_L, SOP_R, STUDY, UNCALIBRATED, usRegion } from '../session/fixtures';

const anisotropic: Calibration = { source: 'pixel-spacing', rowSpacingMm: 0.7, columnSpacingMm: 0.35, description: 'PixelSpacing 0.7\\0.35' };
const user: Calibration = { source: 'user', rowSpacingMm: 0.07462686567164179, columnSpacingMm: 0.07462686567164179 };

function build(s: Session, options = {}): Uint8Array {
  const r = buildMeasurementReportSr(s, { identified: true, ...options });
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

function read(bytes: Uint8Array) {
  const r = readMeasurementReportSr(bytes);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

const relClose = (a: number, b: number, tolerance = 1e-6) => Math.abs(a - b) <= tolerance * Math.max(Math.abs(a), Math.abs(b));

/** SR → measurement equals the original: same fields, contour to float32 precision, numbers within 1e-6. */
function expectSameMeasurement(back: NerveMeasurement, original: NerveMeasurement, contourTolerance = 1e-3) {
  const { contour, metrics, calibration, ...rest } = back;
  const { contour: c0, metrics: m0, calibration: cal0, ...rest0 } = original;
  expect(rest).toStrictEqual(structuredClone(rest0)); // fast-check builds null-prototype records
  expect(contour).toHaveLength(c0.length);
  contour.forEach((p, i) => {
    expect(Math.abs(p.x - c0[i]!.x)).toBeLessThanOrEqual(contourTolerance);
    expect(Math.abs(p.y - c0[i]!.y)).toBeLessThanOrEqual(contourTolerance);
  });
  expect(calibration.source).toBe(cal0.source);
  expect(calibration.description).toBe(cal0.description);
  expect(calibration.source !== 'none' ? calibration.regionIndex : undefined).toBe(cal0.source !== 'none' ? cal0.regionIndex : undefined);
  if (cal0.source !== 'none') {
    // Decimal strings (DS) hold 16 characters: at least 11 significant digits.
    expect(relClose(calibration.rowSpacingMm!, cal0.rowSpacingMm, 1e-10)).toBe(true);
    expect(relClose(calibration.columnSpacingMm!, cal0.columnSpacingMm, 1e-10)).toBe(true);
  } else expect(calibration).toMatchObject({ rowSpacingMm: null, columnSpacingMm: null });
  expect(metrics.calibrated).toBe(m0.calibrated);
  if (metrics.calibrated && m0.calibrated) {
    expect(relClose(metrics.areaMm2, m0.areaMm2)).toBe(true);
    expect(relClose(metrics.perimeterMm, m0.perimeterMm)).toBe(true);
  } else if (!metrics.calibrated && !m0.calibrated) {
    expect(relClose(metrics.areaPx2, m0.areaPx2)).toBe(true);
    expect(relClose(metrics.perimeterPx, m0.perimeterPx)).toBe(true);
  }
}

describe('buildMeasurementReportSr → readMeasurementReportSr', () => {
  const originals = [
    measurement({ id: 'a', label: 'A1', contour: rect(10.25, 20.5, 100, 80), calibration: usRegion(0.075) }),
    measurement({ id: 'b', label: 'Zwölf – ü ✓', side: 'L', nerve: 'custom:N. cutaneus femoris posterior', site: 'custom:10 cm above the popliteal crease', calibration: anisotropic }),
    measurement({ id: 'c', label: 'uncal', side: null, calibration: UNCALIBRATED }),
    measurement({ id: 'd', label: 'user', calibration: user, site: 'mid-thigh' }),
  ];
  const s = session(originals);

  it('restores every measurement: label, nerve, site, side, image, contour, calibration; numbers recomputed (1e-6)', () => {
    const { measurements, warnings } = read(build(s));
    expect(warnings).toEqual([]);
    expect(measurements).toHaveLength(originals.length);
    measurements.forEach((m, i) => expectSameMeasurement(m, originals[i]!));
  });

  it('round-trips arbitrary measurements (anisotropic, uncalibrated, unicode, custom, multi-frame) exactly on a 1/64-pixel grid', () => {
    const onGrid = (v: number) => Math.round(v * 64) / 64; // exact in float32, as SCOORD stores it
    const series = `${STUDY}.9`;
    fc.assert(
      fc.property(fc.tuple(measurementArb('m0'), measurementArb('m1'), measurementArb('m2')), (generated) => {
        const ms: NerveMeasurement[] = [];
        generated.forEach((m, i) => {
          const contour = m.contour.map((p) => ({ x: onGrid(p.x), y: onGrid(p.y) }));
          // Measured as the app measures it (an ellipse from its diameters); snapping can make a tiny outline degenerate.
          const metrics = measurementMetrics({ ...m, contour }, m.calibration);
          if (!metrics.ok) return;
          ms.push({
            ...m,
            contour,
            metrics: metrics.value,
            image: { ...m.image, studyInstanceUid: STUDY, seriesInstanceUid: series, sopInstanceUid: `${series}.${i + 1}` },
          });
        });
        fc.pre(ms.length > 0);
        const instances = ms.map((m) => ({ sopInstanceUid: m.image.sopInstanceUid, sopClassUid: '1.2.840.10008.5.1.4.1.1.3.1', fileName: 'f', frames: 101 }));
        const s = session(ms, {
          studies: [{ studyInstanceUid: STUDY, description: '', series: [{ seriesInstanceUid: series, modality: 'US', description: '', laterality: null, instances }] }],
        });
        const back = read(build(s));
        expect(back.warnings).toEqual([]);
        expect(back.measurements).toHaveLength(ms.length);
        back.measurements.forEach((m, i) => expectSameMeasurement(m, ms[i]!, 0));
      }),
      { numRuns: 25 },
    );
  }, 60_000);

  it('is de-identified by default: no patient identifiers, new UIDs, PatientIdentityRemoved YES', () => {
    const r = buildMeasurementReportSr(s, { salt: 'k' });
    if (!r.ok) throw new Error(r.error);
    const text = new TextDecoder('latin1').decode(r.value);
    for (const secret of ['Smith', 'PID-4711', '19600101', 'ACC-99', STUDY, SOP_L, SOP_R]) expect(text).not.toContain(secret);
    const ds = readPart10(r.value);
    expect(ds.ok && ds.value.PatientIdentityRemoved).toBe('YES');
    const back = read(r.value).measurements;
    expect(back[0]!.image.sopInstanceUid).toMatch(/^2\.25\.\d+$/);
    expect(back[0]!.image.fileName).toBe('image-0002.dcm');
  });

  it('keeps patient and UIDs when asked (identified)', () => {
    const ds = readPart10(build(s));
    expect(ds.ok && ds.value).toMatchObject({ PatientID: 'PID-4711', AccessionNumber: 'ACC-99', PatientBirthDate: '19600101', StudyInstanceUID: STUDY });
    expect(ds.ok && (ds.value.PatientName as Array<{ Alphabetic: string }>)[0]!.Alphabetic).toBe('Smith^John');
  });

  it('gives uncalibrated measurements no mm values and says why', () => {
    const ds = readPart10(build(session([measurement({ id: 'c', calibration: UNCALIBRATED })])));
    const text = JSON.stringify(ds.ok && ds.value);
    expect(text).not.toContain('"mm2"');
    expect(text).toContain('Uncalibrated: the image has no millimetre scale');
  });

  it('writes the frame number 1-based for multi-frame images and reads it back 0-based', () => {
    const cine = session([measurement({ id: 'f', frameIndex: 7 })], {});
    const withFrames = {
      ...cine,
      studies: cine.studies.map((st) => ({ ...st, series: st.series.map((se) => ({ ...se, instances: se.instances.map((i) => ({ ...i, frames: 30 })) })) })),
    };
    const bytes = build(withFrames);
    const ds = readPart10(bytes);
    expect(JSON.stringify(ds.ok && ds.value)).toContain('"ReferencedFrameNumber":8');
    expect(read(bytes).measurements[0]!.image.frameIndex).toBe(7);
  });

  it('reports a stored area that disagrees with the outline', () => {
    const bytes = build(session([measurement({ id: 'a', label: 'A1' })]));
    const ds = readPart10(bytes);
    if (!ds.ok) throw new Error(ds.error);
    const tampered = JSON.parse(JSON.stringify(ds.value).replace(/"NumericValue":"?80"?/, '"NumericValue":"95"')) as Dataset;
    const rewritten = writePart10(tampered, { implementationClassUid: '2.25.1', implementationVersionName: 'TEST' });
    const back = read(rewritten);
    expect(back.warnings).toEqual(['Measurement group 1: the stored area 95 disagreed with the outline (80); the recomputed value is used.']);
    expect(back.measurements[0]!.metrics).toMatchObject({ areaMm2: 80 });
  });

  it('refuses what it cannot reference or read, in one sentence', () => {
    const noClass = session([measurement({ id: 'a', label: 'A1' })]);
    const unknownClass = { ...noClass, studies: noClass.studies.map((st) => ({ ...st, series: st.series.map((se) => ({ ...se, instances: se.instances.map((i) => ({ ...i, sopClassUid: null })) })) })) };
    expect(buildMeasurementReportSr(unknownClass)).toEqual({
      ok: false,
      error: 'Measurement "A1": the SOP class of its image is not known to the session, so the report cannot reference the image.',
    });
    expect(buildMeasurementReportSr(session([]))).toEqual({ ok: false, error: 'The session has no measurements to report.' });
    const badUid = session([measurement({ id: 'a', label: 'A1', sop: 'img-1' })], {});
    const withBad = { ...badUid, studies: [{ ...badUid.studies[0]!, series: [{ ...badUid.studies[0]!.series[1]!, instances: [{ sopInstanceUid: 'img-1', sopClassUid: '1.2.3', fileName: 'x', frames: 1 }] }] }] };
    expect(buildMeasurementReportSr(withBad, { identified: true })).toEqual({
      ok: false,
      error: 'Measurement "A1": "img-1" is not a valid DICOM UID; export de-identified to replace it.',
    });
    expect(buildMeasurementReportSr(withBad).ok).toBe(true);
    expect(readMeasurementReportSr(new TextEncoder().encode('not dicom'))).toMatchObject({ ok: false });
  });
});

