/**
 * The PACS store without a server (the DICOMweb client replaced by a fake): saving writes an SR
 * of this study's measurements with the study's own Patient/Study modules; a refusal or a login
 * request leaves every measurement as it was; loading a stored report brings measurements back once.
 */
import { readFileSync } from 'node:fs';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { readDicomMetadata } from '../../src/dicom';
import { readMeasurementReportSr } from '../../src/domain/export';
import { readPart10 } from '../../src/domain/export/sr/dcmjsAdapter';
import { measureContour, type NerveMeasurement } from '../../src/domain/measurement';
import { PacsRequestError, type StoredReport } from '../../src/pacs';
import { useMeasurementStore } from '../../src/stores/measurementStore';
import { usePacsStore } from '../../src/stores/pacsStore';
import { useStudyStore } from '../../src/stores/studyStore';

const stored: Uint8Array[] = [];
let refuse: PacsRequestError | null = null;

vi.mock('../../src/pacs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/pacs')>();
  class FakeClient {
    async store(bytes: Uint8Array) {
      if (refuse) throw refuse;
      stored.push(bytes);
    }
    async listReports(): Promise<StoredReport[]> {
      return stored.map((_, i) => ({ studyInstanceUid: STUDY, seriesInstanceUid: '1.2.3', sopInstanceUid: `1.2.3.${i}`, when: `2026-01-0${i + 1}`, device: 'NerveTrace', author: '', measurementCount: 1 }));
    }
    async retrieveReport(report: StoredReport) {
      return stored[Number(report.sopInstanceUid.split('.').pop())]!;
    }
  }
  return { ...actual, PacsClient: FakeClient };
});
vi.mock('../../src/viewer/wadors', () => ({ setFrameRequestHeaders: () => undefined }));

const FILE = 'sample-dicom/us/us-sciatic-gluteal-R.dcm';
const meta = (() => {
  const read = readDicomMetadata(new Uint8Array(readFileSync(FILE)), FILE);
  if (!read.ok) throw new Error(read.error);
  return read.value;
})();
const STUDY = meta.studyInstanceUid!;

function traced(): NerveMeasurement {
  const contour = [{ x: 300, y: 200 }, { x: 360, y: 200 }, { x: 360, y: 240 }, { x: 300, y: 240 }];
  const calibration = { source: 'us-region' as const, rowSpacingMm: 0.075, columnSpacingMm: 0.075, regionIndex: 0 };
  const metrics = measureContour(contour, calibration);
  if (!metrics.ok) throw new Error(metrics.error);
  return {
    id: 'm1', label: 'R1', nerve: 'sciatic', site: 'gluteal-fold', side: 'R', sideSource: 'ImageLaterality', modality: 'US', method: 'freehand',
    image: { studyInstanceUid: STUDY, seriesInstanceUid: meta.seriesInstanceUid!, sopInstanceUid: meta.sopInstanceUid!, frameIndex: 0, fileName: FILE },
    contour, calibration, metrics: metrics.value, intensity: null, createdAt: '2026-03-01T08:00:00.000Z', updatedAt: '2026-03-01T08:00:00.000Z',
  };
}

beforeEach(() => {
  setActivePinia(createPinia());
  stored.length = 0;
  refuse = null;
  useStudyStore().openRemote([{ fileName: 'PACS / 1', meta, imageIds: ['wadors:x/frames/1'] }]);
  usePacsStore().current = { studyInstanceUid: STUDY, description: 'US', patientStudy: { PatientName: 'PHANTOM^SCIATIC', PatientID: 'NT-0001', StudyInstanceUID: STUDY, StudyDate: '20250314', AccessionNumber: 'NTUS0001', PatientSex: 'O' } };
});

describe('pacs store', () => {
  it('saves this study’s measurements as an identified SR with the study’s Patient and Study modules', async () => {
    useMeasurementStore().add(traced());
    const pacs = usePacsStore();
    await pacs.saveReport();
    expect(pacs.error).toBe('');
    expect(pacs.notice).toContain('Saved 1 measurement to the PACS');
    expect(stored).toHaveLength(1);
    const d = readPart10(stored[0]!);
    if (!d.ok) throw new Error(d.error);
    expect(d.value).toMatchObject({ StudyInstanceUID: STUDY, PatientID: 'NT-0001', AccessionNumber: 'NTUS0001', PatientSex: 'O' });
    const back = readMeasurementReportSr(stored[0]!);
    expect(back.ok && back.value.measurements.map((m) => m.metrics)).toEqual([traced().metrics]);
    expect(pacs.reports).toHaveLength(1);
  });

  it('a login request or a refusal is one sentence and no measurement is touched', async () => {
    const measurements = useMeasurementStore();
    measurements.add(traced());
    const before = measurements.measurements;
    refuse = new PacsRequestError({ kind: 'login', message: 'The PACS asked for a login to store the report: enter your PACS user name and password.' });
    const pacs = usePacsStore();
    await pacs.saveReport();
    expect(pacs.error).toBe(refuse.message);
    expect(pacs.needsLogin).toBe(true);
    expect(pacs.dialogOpen).toBe(true);
    expect(measurements.measurements).toBe(before);
  });

  it('says so when there is nothing of this study to save', async () => {
    const pacs = usePacsStore();
    await pacs.saveReport();
    expect(pacs.error).toContain('no measurement on this study');
    expect(stored).toHaveLength(0);
  });

  it('loads a stored report once: its measurements come back, a second load adds nothing', async () => {
    const measurements = useMeasurementStore();
    measurements.add(traced());
    const pacs = usePacsStore();
    await pacs.saveReport();
    measurements.remove('m1');
    expect(measurements.measurements).toHaveLength(0);
    await pacs.loadReport(pacs.reports[0]!);
    expect(measurements.measurements.map((m) => [m.id, m.label, m.metrics])).toEqual([['m1', 'R1', traced().metrics]]);
    await pacs.loadReport(pacs.reports[0]!);
    expect(measurements.measurements).toHaveLength(1);
    expect(pacs.notice).toContain('Loaded 0 measurements');
  });
});
