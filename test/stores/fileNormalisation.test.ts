/**
 * Issue 21 — what the app reads from a file is normalised before it enters the session, so the app
 * can always save and re-import its own export. Property: any metadata the viewer can open (missing,
 * empty or over-long Modality, UIDs, descriptions, names) yields a session the importer accepts.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { measureContour, type NerveMeasurement } from '../../src/domain/measurement';
import { DEFAULT_REFERENCE_SET } from '../../src/domain/reference';
import { DEFAULT_NCS_LIMITS } from '../../src/domain/emg';
import { deidentifySession, parseSession, serializeSession } from '../../src/domain/session';
import { boundedUid, normalisationNotes, sameSopInstance } from '../../src/domain/session/normaliseText';
import { CLINICAL_SNAPSHOT_VERSION } from '../../src/stores/clinicalSnapshot';
import { buildSession, type OpenImage } from '../../src/stores/sessionState';

const text = (max: number) => fc.option(fc.string({ unit: 'binary', maxLength: max }), { nil: null });
/** UIDs as files carry them: usually short, sometimes absurdly long, empty or missing. */
const uidish = fc.oneof(text(70), text(400), fc.constant('1.2.3'));

const metaArb = fc.record({
  studyInstanceUid: uidish,
  seriesInstanceUid: uidish,
  sopInstanceUid: uidish,
  sopClassUid: uidish,
  modality: fc.oneof(text(40), fc.constantFrom('US', 'MR', '', ' ')),
  studyDescription: fc.oneof(text(80), fc.constant('d'.repeat(10_050))),
  seriesDescription: fc.oneof(text(80), fc.constant('s'.repeat(10_050))),
  numberOfFrames: fc.oneof(fc.integer({ min: -5, max: 5_000_000 }), fc.constant(Number.NaN)),
  imageLaterality: fc.constantFrom(null, 'L', 'R', 'B', 'x'),
  laterality: fc.constantFrom(null, 'L', 'R'),
  frameLaterality: fc.constantFrom(null, 'L'),
  patientName: fc.oneof(text(80), fc.constant('N'.repeat(300))),
  patientId: fc.oneof(text(80), fc.constant('I'.repeat(300))),
});

/** A measurement made in the viewer on that file (measurementSync copies the file's values as they are). */
function measuredOn(image: OpenImage, index: number): NerveMeasurement {
  const contour = [
    { x: 10, y: 10 },
    { x: 40, y: 10 },
    { x: 40, y: 30 },
  ];
  const calibration = { source: 'pixel-spacing' as const, rowSpacingMm: 0.2, columnSpacingMm: 0.2 };
  const metrics = measureContour(contour, calibration);
  if (!metrics.ok) throw new Error(metrics.error);
  const meta = image.meta;
  return {
    id: `m${index}`,
    label: `A${index}`,
    nerve: 'sciatic',
    site: 'mid-thigh',
    side: null,
    sideSource: 'unknown',
    modality: meta.modality ?? '',
    method: 'freehand',
    image: {
      studyInstanceUid: meta.studyInstanceUid ?? '',
      seriesInstanceUid: meta.seriesInstanceUid ?? '',
      sopInstanceUid: meta.sopInstanceUid ?? '',
      frameIndex: 0,
      fileName: image.fileName,
    },
    contour,
    calibration,
    metrics: metrics.value,
    intensity: null,
    createdAt: '2026-03-01T08:00:00.000Z',
    updatedAt: '2026-03-01T08:00:00.000Z',
  };
}

function sessionOf(images: OpenImage[]) {
  return buildSession({
    appVersion: '1.0.0',
    createdAt: '2026-03-01T08:00:00.000Z',
    now: '2026-03-01T09:00:00.000Z',
    images,
    knownStudies: [],
    calibrations: [],
    measurements: images.map(measuredOn),
    clinical: {
      version: CLINICAL_SNAPSHOT_VERSION,
      emg: [],
      ncs: [],
      referenceSet: DEFAULT_REFERENCE_SET,
      userReferenceSets: [],
      ratioThreshold: null,
      ncsLimitSetId: DEFAULT_NCS_LIMITS.id,
    },
  });
}

describe('file values entering a session', () => {
  it('property: any file metadata the viewer opens gives a session (and a de-identified export) the importer accepts', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ fileName: fc.oneof(fc.string({ maxLength: 30 }), fc.constant('f'.repeat(10_100))), meta: metaArb }), { minLength: 1, maxLength: 4 }), (files) => {
        const session = sessionOf(files);
        const own = parseSession(serializeSession(session));
        if (!own.ok) throw new Error(own.error);
        const exported = parseSession(serializeSession(deidentifySession(session, 'salt')));
        if (!exported.ok) throw new Error(exported.error);
      }),
      { numRuns: 300, seed: 21 },
    );
  });

  it('a missing Modality, a 17-character Modality and a 300-character StudyInstanceUID are stored bounded, with a note each', () => {
    const longUid = `1.2.${'9'.repeat(296)}`;
    const files: OpenImage[] = [
      { fileName: 'no-modality.dcm', meta: { ...metaBase(), modality: null, sopInstanceUid: '1.2.3.1' } },
      { fileName: 'long-modality.dcm', meta: { ...metaBase(), modality: 'ULTRASOUNDXXXXXXX', sopInstanceUid: '1.2.3.2' } },
      { fileName: 'long-uid.dcm', meta: { ...metaBase(), studyInstanceUid: longUid, sopInstanceUid: '1.2.3.3' } },
    ];
    const session = sessionOf(files);
    expect(parseSession(serializeSession(session)).ok).toBe(true);
    expect(session.measurements.map((m) => m.modality)).toEqual(['unknown', 'ULTRASOUNDXXXXXX', 'US']);
    const bounded = session.measurements[2]!.image.studyInstanceUid;
    expect(bounded).toHaveLength(256);
    expect(bounded).toBe(boundedUid(longUid));
    expect(boundedUid(`${longUid}1`)).not.toBe(bounded);
    expect(session.studies.map((s) => s.studyInstanceUid)).toContain(bounded);
    expect(sameSopInstance(longUid, boundedUid(longUid))).toBe(true);
    const notes = files.flatMap((f) => normalisationNotes(f.fileName, f.meta)).map((n) => n.message);
    expect(notes).toEqual([
      'no-modality.dcm: Modality missing, stored as "unknown".',
      'long-modality.dcm: Modality is 17 characters long, stored as its first 16.',
      'long-uid.dcm: StudyInstanceUID is 300 characters long, stored shortened with a hash of the whole.',
    ]);
  });
});

function metaBase(): OpenImage['meta'] {
  return {
    studyInstanceUid: '1.2.3',
    seriesInstanceUid: '1.2.3.0',
    sopInstanceUid: '1.2.3.0.1',
    sopClassUid: '1.2.840.10008.5.1.4.1.1.6.1',
    modality: 'US',
    studyDescription: 'Study',
    seriesDescription: 'Series',
    numberOfFrames: 1,
    imageLaterality: null,
    laterality: null,
    frameLaterality: null,
    patientName: 'Doe^Jane',
    patientId: 'P1',
  };
}
