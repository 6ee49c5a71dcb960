/**
 * The report other viewers read: @cornerstonejs/adapters (what OHIF uses) gets each outline back as
 * a closed planar freehand ROI with the same points and the label; dciodvfy (dicom3tools) finds no
 * error; the Patient and Study modules are the measured study's own when given (PACS storage).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adaptersSR } from '@cornerstonejs/adapters';
import { metaData } from '@cornerstonejs/core';
import { afterAll, describe, expect, it } from 'vitest';
import { buildMeasurementReportSr, readMeasurementReportSr } from '../../../src/domain/export';
import { readPart10 } from '../../../src/domain/export/sr/dcmjsAdapter';
import { measurement, rect, session, SOP_L, SOP_R, STUDY, UNCALIBRATED } from '../session/fixtures';

const PATIENT_STUDY = {
  PatientName: 'PHANTOM^SCIATIC',
  PatientID: 'NT-0001',
  IssuerOfPatientID: '',
  PatientBirthDate: '19700101',
  PatientSex: 'F',
  StudyInstanceUID: STUDY,
  StudyDate: '20250321',
  StudyTime: '141500',
  ReferringPhysicianName: 'REF^DOC',
  StudyID: '42',
  AccessionNumber: 'NTUS0001',
  StudyDescription: 'US sciatic nerves bilateral',
};

const measurements = [
  measurement({ id: 'a', label: 'L gluteal', side: 'L', contour: rect(10.25, 20.5, 100, 80) }),
  measurement({ id: 'b', label: 'R gluteal', side: 'R', contour: rect(30, 40, 50, 60) }),
  measurement({ id: 'c', label: 'R uncal', side: 'R', contour: rect(5, 6, 20, 30), calibration: UNCALIBRATED }),
];
const calibrated = measurements.slice(0, 2);

function report(): Uint8Array {
  const built = buildMeasurementReportSr(session(measurements), { identified: true, patientStudy: PATIENT_STUDY, observerName: 'Sono^Grapher' });
  if (!built.ok) throw new Error(built.error);
  return built.value;
}

describe('the measurement report read by @cornerstonejs/adapters (OHIF)', () => {
  it('gives back each calibrated outline as a closed PlanarFreehandROI on its image with the same points and the label', () => {
    // Identity image plane: world (x, y, 0) = image (column, row), so points compare directly.
    metaData.addProvider((type: string) =>
      type === 'imagePlaneModule'
        ? { imagePositionPatient: [0, 0, 0], rowCosines: [1, 0, 0], columnCosines: [0, 1, 0], rowPixelSpacing: 1, columnPixelSpacing: 1, rows: 480, columns: 640 }
        : undefined,
    );
    const dataset = readPart10(report());
    if (!dataset.ok) throw new Error(dataset.error);
    // The adapters key images by "SOPInstanceUID:frame" (frame 1 for single-frame images).
    const imageIds: Record<string, string> = { [`${SOP_L}:1`]: 'test:left', [`${SOP_R}:1`]: 'test:right' };
    const state = adaptersSR.Cornerstone3D.MeasurementReport.generateToolState(dataset.value, imageIds, metaData, {}) as Record<
      string,
      { annotation: { metadata: { referencedImageId: string }; data: { label?: string; contour: { polyline: number[][]; closed: boolean } } } }[]
    >;
    // An uncalibrated outline has no Area NUM (no pixel-unit numbers are written), and adapters 5.14
    // then fail on it (PlanarFreehandROI reads NUMGroup.MeasuredValueSequence unconditionally): skipped.
    const rois = state.PlanarFreehandROI ?? [];
    expect(rois).toHaveLength(calibrated.length);
    for (const [roi, original] of rois.map((r, i) => [r, calibrated[i]!] as const)) {
      expect(roi.annotation.metadata.referencedImageId).toBe(original.side === 'L' ? 'test:left' : 'test:right');
      expect(roi.annotation.data.contour.closed).toBe(true);
      expect(roi.annotation.data.label).toBe(original.label);
      // The SCOORD holds corner-origin coordinates (+0.5); Cornerstone, like NerveTrace, puts pixel
      // centres at whole numbers, so the outline comes back as the very points that were traced.
      const expected = original.contour.map((p) => [p.x, p.y, 0]);
      expect(roi.annotation.data.contour.polyline.map((p) => [...p].map((v) => Math.round(v * 1e4) / 1e4))).toEqual(expected);
    }
  });
});

describe('the report for a PACS study', () => {
  it('carries the measured study’s Patient and Study modules, SNOMED CT finding sites and UCUM units', () => {
    const dataset = readPart10(report());
    if (!dataset.ok) throw new Error(dataset.error);
    const d = dataset.value as Record<string, unknown>;
    expect(d.StudyInstanceUID).toBe(STUDY);
    expect(d.PatientID).toBe('NT-0001');
    expect(d.PatientSex).toBe('F');
    expect(d.StudyDate).toBe('20250321');
    expect(d.AccessionNumber).toBe('NTUS0001');
    expect(d.StudyID).toBe('42');
    const text = JSON.stringify(d);
    expect(text).toContain('"CodeValue":"363698007","CodingSchemeDesignator":"SCT"');
    expect(text).toContain('"CodingSchemeDesignator":"SCT","CodeMeaning":"Sciatic nerve structure"');
    expect(text).toContain('"CodeValue":"mm2","CodingSchemeDesignator":"UCUM"');
    expect(text).toContain('Sono^Grapher');
  });

  it('reads back into the same measurements (numbers recomputed from the outlines)', () => {
    const back = readMeasurementReportSr(report());
    if (!back.ok) throw new Error(back.error);
    expect(back.value.measurements.map((m) => [m.id, m.label, m.nerve, m.side, m.metrics])).toEqual(
      measurements.map((m) => [m.id, m.label, m.nerve, m.side, m.metrics]),
    );
  });

  it('refuses a study other than the measured one', () => {
    const built = buildMeasurementReportSr(session(measurements), { identified: true, patientStudy: { ...PATIENT_STUDY, StudyInstanceUID: '1.2.3' } });
    expect(built.ok).toBe(false);
  });
});

const dciodvfyAvailable = spawnSync('dciodvfy', [], { encoding: 'utf8' }).error === undefined;
if (!dciodvfyAvailable) console.warn('SKIPPED: dciodvfy (Debian dicom3tools) is not installed; install dicom3tools to run it.');
const dir = mkdtempSync(join(tmpdir(), 'nervetrace-dciodvfy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!dciodvfyAvailable)('dciodvfy (dicom3tools) checks the report against the IOD', () => {
  it('reports no error', () => {
    const file = join(dir, 'sr.dcm');
    writeFileSync(file, report());
    const run = spawnSync('dciodvfy', ['-new', file], { encoding: 'utf8' });
    const errors = `${run.stdout}\n${run.stderr}`.split('\n').filter((l) => /^Error/.test(l));
    expect(errors).toEqual([]);
  });
});
