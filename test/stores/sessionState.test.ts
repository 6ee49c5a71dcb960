import { describe, expect, it } from 'vitest';
import { measureContour, type NerveMeasurement } from '../../src/domain/measurement';
import { DEFAULT_REFERENCE_SET } from '../../src/domain/reference';
import { parseSession, rehydrateSession, serializeSession, validateSession, type SessionStudy } from '../../src/domain/session';
import { DEFAULT_NCS_LIMITS } from '../../src/domain/emg';
import type { UserCalibrationRecord } from '../../src/stores/calibrationStore';
import { CLINICAL_SNAPSHOT_VERSION, type ClinicalSnapshot } from '../../src/stores/clinicalSnapshot';
import {
  buildSession,
  calibrationRecordFromSession,
  describeSession,
  mergeStudies,
  sessionCalibrationFromRecord,
  sessionContentKey,
  sessionHasContent,
  storeStateFromSession,
  studiesFromImages,
  waitingMeasurements,
  type OpenImage,
  type SessionSources,
} from '../../src/stores/sessionState';

function image(sop: string, overrides: Partial<OpenImage['meta']> = {}, fileName = `${sop}.dcm`): OpenImage {
  return {
    fileName,
    meta: {
      studyInstanceUid: '1.2.840.1',
      seriesInstanceUid: '1.2.840.1.1',
      sopInstanceUid: sop,
      sopClassUid: '1.2.840.10008.5.1.4.1.1.6.1',
      modality: 'US',
      studyDescription: 'Sciatic study',
      seriesDescription: 'Sciatic R',
      numberOfFrames: 1,
      imageLaterality: 'R',
      laterality: null,
      frameLaterality: null,
      patientName: 'Doe^Jane',
      patientId: 'P-001',
      ...overrides,
    },
  };
}

function measurement(id: string, sop: string, side: 'L' | 'R' = 'R'): NerveMeasurement {
  const contour = [
    { x: 10, y: 10 },
    { x: 30, y: 10 },
    { x: 30, y: 25 },
    { x: 10, y: 25 },
  ];
  const calibration = { source: 'us-region' as const, rowSpacingMm: 0.075, columnSpacingMm: 0.075, regionIndex: 0 };
  const metrics = measureContour(contour, calibration);
  if (!metrics.ok) throw new Error(metrics.error);
  return {
    id,
    label: id.toUpperCase(),
    nerve: 'sciatic',
    site: 'gluteal-fold',
    side,
    sideSource: 'ImageLaterality',
    modality: 'US',
    method: 'freehand',
    image: { studyInstanceUid: '1.2.840.1', seriesInstanceUid: '1.2.840.1.1', sopInstanceUid: sop, frameIndex: 0, fileName: `${sop}.dcm` },
    contour,
    calibration,
    metrics: metrics.value,
    intensity: { mean: 80, sd: 12, pixelCount: 300 },
    createdAt: '2026-02-01T10:00:00.000Z',
    updatedAt: '2026-02-01T10:00:00.000Z',
  };
}

const clinical: ClinicalSnapshot = {
  version: CLINICAL_SNAPSHOT_VERSION,
  emg: [
    { id: 'emg-1', muscle: 'tibialis-anterior', side: 'R', fibrillations: 2, recruitment: 'reduced' },
    { id: 'emg-2', muscle: '', side: 'R' }, // a row being typed: no muscle yet
  ],
  ncs: [{ id: 'ncs-1', nerve: 'fibular-motor-edb', kind: 'motor', side: 'R', amplitude: 1.2, noResponse: false }],
  referenceSet: DEFAULT_REFERENCE_SET,
  userReferenceSets: [],
  ratioThreshold: 1.6,
  ncsLimitSetId: DEFAULT_NCS_LIMITS.id,
};

const userCalibration: UserCalibrationRecord = {
  scope: 'image',
  seriesInstanceUid: '1.2.840.1.1',
  sopInstanceUid: '1.2.840.1.1.2',
  calibration: { source: 'user', rowSpacingMm: 0.1, columnSpacingMm: 0.1, description: 'user line' },
  line: { start: { x: 0, y: 0 }, end: { x: 100, y: 0 }, knownLengthMm: 10 },
};

function sources(overrides: Partial<SessionSources> = {}): SessionSources {
  return {
    appVersion: '0.1.0',
    createdAt: '2026-02-01T09:00:00.000Z',
    now: '2026-02-01T10:05:00.000Z',
    images: [image('1.2.840.1.1.1'), image('1.2.840.1.1.2')],
    knownStudies: [],
    calibrations: [userCalibration],
    measurements: [measurement('a1', '1.2.840.1.1.1'), measurement('a2', '1.2.840.1.1.2')],
    clinical,
    ...overrides,
  };
}

describe('buildSession', () => {
  it('references the open files (no pixel data), keeps measurements, calibrations and the clinical part, and is a valid session', () => {
    const session = buildSession(sources());
    expect(session.studies).toEqual([
      {
        studyInstanceUid: '1.2.840.1',
        description: 'Sciatic study',
        series: [
          {
            seriesInstanceUid: '1.2.840.1.1',
            modality: 'US',
            description: 'Sciatic R',
            laterality: 'R',
            instances: [
              { sopInstanceUid: '1.2.840.1.1.1', sopClassUid: '1.2.840.10008.5.1.4.1.1.6.1', fileName: '1.2.840.1.1.1.dcm', frames: 1 },
              { sopInstanceUid: '1.2.840.1.1.2', sopClassUid: '1.2.840.10008.5.1.4.1.1.6.1', fileName: '1.2.840.1.1.2.dcm', frames: 1 },
            ],
          },
        ],
      },
    ]);
    expect(session.patient).toEqual({ name: 'Doe^Jane', id: 'P-001', birthDate: '', accessionNumber: '' });
    expect(session.measurements.map((m) => m.id)).toEqual(['a1', 'a2']);
    expect(session.calibrations).toEqual([
      {
        scope: 'image',
        seriesInstanceUid: '1.2.840.1.1',
        sopInstanceUid: '1.2.840.1.1.2',
        calibration: { source: 'user', rowSpacingMm: 0.1, columnSpacingMm: 0.1, description: 'user line' },
        line: { start: { x: 0, y: 0 }, end: { x: 100, y: 0 }, knownLengthMm: 10 },
      },
    ]);
    // The EMG row still being typed (no muscle) cannot be part of a session.
    expect(session.emg.map((r) => r.id)).toEqual(['emg-1']);
    expect(session.ncs).toHaveLength(1);
    expect(session.options).toEqual({ ratioThreshold: 1.6, ncsLimitSetId: DEFAULT_NCS_LIMITS.id });
    expect(session.createdAt).toBe('2026-02-01T09:00:00.000Z');
    expect(session.updatedAt).toBe('2026-02-01T10:05:00.000Z');
    expect(JSON.stringify(session)).not.toMatch(/pixel ?data/i);
    const checked = validateSession(JSON.parse(serializeSession(session)));
    expect(checked.ok ? [] : checked.issues).toEqual([]);
  });

  it('files without UIDs cannot be referenced and are left out; a duplicate SOP Instance UID is referenced once', () => {
    const studies = studiesFromImages([
      image('1.2.3', {}),
      image('1.2.3', {}, 'copy-of-the-same.dcm'),
      image('', { sopInstanceUid: null }),
      image('1.2.4', { studyInstanceUid: null }),
    ]);
    expect(studies.flatMap((s) => s.series.flatMap((se) => se.instances.map((i) => i.fileName)))).toEqual(['1.2.3.dcm']);
  });

  it('keeps the restored session’s study references while their files are not open, merged with what is open', () => {
    const restored = buildSession(sources());
    const reopened = buildSession(sources({ images: [image('1.2.840.1.1.1')], knownStudies: restored.studies, knownPatient: restored.patient }));
    expect(reopened.studies).toEqual(restored.studies);
    const none = buildSession(sources({ images: [], knownStudies: restored.studies, knownPatient: restored.patient }));
    expect(none.studies).toEqual(restored.studies);
    expect(none.patient).toEqual(restored.patient);
  });

  it('a measurement on a file without UIDs gets stand-in references, so the session stays valid', () => {
    const orphan = { ...measurement('a9', ''), image: { studyInstanceUid: '', seriesInstanceUid: '', sopInstanceUid: '', frameIndex: 0, fileName: 'export.dcm' } };
    const session = buildSession(sources({ measurements: [orphan] }));
    expect(session.measurements[0]!.image).toEqual({
      studyInstanceUid: 'unknown-study',
      seriesInstanceUid: 'unknown-series',
      sopInstanceUid: 'unknown-image:export.dcm',
      frameIndex: 0,
      fileName: 'export.dcm',
    });
    expect(validateSession(JSON.parse(serializeSession(session))).ok).toBe(true);
  });

  it('mergeStudies adds other series and instances without duplicates', () => {
    const a: SessionStudy[] = studiesFromImages([image('1.1')]);
    const b: SessionStudy[] = studiesFromImages([image('1.1'), image('1.2'), image('2.1', { seriesInstanceUid: '9.9', seriesDescription: 'Other' })]);
    const merged = mergeStudies(a, b);
    expect(merged).toHaveLength(1);
    expect(merged[0]!.series.map((s) => [s.seriesInstanceUid, s.instances.map((i) => i.sopInstanceUid)])).toEqual([
      ['1.2.840.1.1', ['1.1', '1.2']],
      ['9.9', ['2.1']],
    ]);
  });
});

describe('a session back into the stores', () => {
  it('round-trips: build → JSON → parse → rehydrate → store state → build gives the same content', () => {
    const first = buildSession(sources());
    const parsed = parseSession(serializeSession(first));
    if (!parsed.ok) throw new Error(parsed.error);
    const { session, warnings } = rehydrateSession(parsed.value);
    expect(warnings).toEqual([]);
    const state = storeStateFromSession(session);
    expect(state.measurements).toEqual(first.measurements);
    expect(state.clinical.emg).toEqual(first.emg);
    expect(state.clinical.referenceSet.id).toBe(DEFAULT_REFERENCE_SET.id);
    expect(state.clinical.userReferenceSets).toEqual([]); // a built-in set is matched by id
    const again = buildSession({
      ...sources(),
      images: [],
      knownStudies: state.studies,
      knownPatient: state.patient,
      calibrations: state.calibrations,
      measurements: state.measurements,
      clinical: state.clinical,
    });
    expect(sessionContentKey(again)).toBe(sessionContentKey(first));
  });

  it('a user-edited reference set comes back as a user set', () => {
    const edited = { ...DEFAULT_REFERENCE_SET, id: 'my-set', name: 'My set', builtIn: false };
    const session = buildSession(sources({ clinical: { ...clinical, referenceSet: edited } }));
    expect(storeStateFromSession(session).clinical.userReferenceSets.map((s) => s.id)).toEqual(['my-set']);
  });

  it('a calibration without its line gets one for the store but none is written back', () => {
    const lineless = { scope: 'series' as const, seriesInstanceUid: '1.2', calibration: { source: 'user' as const, rowSpacingMm: 0.2, columnSpacingMm: 0.1 } };
    const record = calibrationRecordFromSession(lineless);
    expect(record.calibration).toEqual({ source: 'user', rowSpacingMm: 0.2, columnSpacingMm: 0.1 });
    expect(record.line.knownLengthMm).toBeCloseTo(10);
    expect(sessionCalibrationFromRecord(record)).toEqual(lineless);
    // A line with a pixel aspect keeps it.
    const withAspect = { ...lineless, line: { start: { x: 0, y: 0 }, end: { x: 10, y: 10 }, knownLengthMm: 5, pixelAspect: 2 } };
    expect(sessionCalibrationFromRecord(calibrationRecordFromSession(withAspect))).toEqual(withAspect);
  });
});

describe('session helpers', () => {
  it('measurements wait for their images until a file with their SOP Instance UID is open', () => {
    const ms = [measurement('a1', '1.1'), measurement('a2', '1.2')];
    expect(waitingMeasurements(ms, new Set()).map((m) => m.id)).toEqual(['a1', 'a2']);
    expect(waitingMeasurements(ms, new Set(['1.2'])).map((m) => m.id)).toEqual(['a1']);
  });

  it('an empty session is not worth saving; the content key ignores the save time', () => {
    const empty = buildSession(sources({ images: [], calibrations: [], measurements: [], clinical: { ...clinical, emg: [], ncs: [] } }));
    expect(sessionHasContent(empty)).toBe(false);
    const full = buildSession(sources());
    expect(sessionHasContent(full)).toBe(true);
    expect(sessionContentKey({ ...full, updatedAt: '2030-01-01T00:00:00.000Z' })).toBe(sessionContentKey(full));
    expect(describeSession(full)).toBe('Sciatic study · 2 measurements');
    expect(describeSession(empty)).toBe('no images · 0 measurements');
  });
});

describe('visit date (issue 16)', () => {
  it('keeps the StudyDate of the open files, so a session dates its visit for the follow-up', () => {
    const [study] = studiesFromImages([image('1.2.840.1.1.1', { studyDate: '20250912' })]);
    expect(study!.studyDate).toBe('20250912');
    const [undated] = studiesFromImages([image('1.2.840.1.1.2')]);
    expect(undated).not.toHaveProperty('studyDate');
  });
});
