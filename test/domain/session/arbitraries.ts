/** fast-check generators of valid sessions: anisotropic calibrations, uncalibrated measurements, unicode text. */
import fc from 'fast-check';
import type { Calibration, ImagePoint } from '../../../src/domain/types';
import { measureContour, type NerveMeasurement } from '../../../src/domain/measurement';
import { BUILT_IN_REFERENCE_SETS, type NerveId, type SiteId } from '../../../src/domain/reference';
import { NCS_LIMIT_SETS, type NcsRow, type NeedleEmgRow } from '../../../src/domain/emg';
import type { Session, SessionStudy } from '../../../src/domain/session';

/** Finite doubles without -0 (JSON writes -0 as 0). */
export const finite = (min: number, max: number) =>
  fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((v) => (Object.is(v, -0) ? 0 : v));
export const positive = (min: number, max: number) => finite(min, max).filter((v) => v > 0);

export const unicodeText = (minLength: number, maxLength: number) => fc.string({ unit: 'grapheme', minLength, maxLength });
const nonBlank = unicodeText(1, 20).filter((s) => s.trim().length > 0);

export const isoDate = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());

export const uidArb = fc.array(fc.integer({ min: 1, max: 99999 }), { minLength: 3, maxLength: 8 }).map((parts) => `1.2.${parts.join('.')}`);

const nerveArb: fc.Arbitrary<NerveId> = fc.oneof(
  fc.constantFrom<NerveId>('sciatic', 'tibial', 'common-peroneal'),
  nonBlank.map((s): NerveId => `custom:${s}`),
);
const siteArb: fc.Arbitrary<SiteId> = fc.oneof(
  fc.constantFrom<SiteId>('gluteal-fold', 'mid-thigh', 'distal-thigh-above-bifurcation', 'popliteal-fossa', 'fibular-head', 'custom'),
  nonBlank.map((s): SiteId => `custom:${s}`),
);

export const calibrationArb: fc.Arbitrary<Calibration> = fc.oneof(
  fc.record(
    {
      source: fc.constantFrom('pixel-spacing' as const, 'us-region' as const, 'user' as const),
      rowSpacingMm: positive(1e-4, 10),
      columnSpacingMm: positive(1e-4, 10),
      regionIndex: fc.nat(5),
      description: unicodeText(0, 30),
    },
    { requiredKeys: ['source', 'rowSpacingMm', 'columnSpacingMm'] },
  ),
  fc.record(
    { source: fc.constant('none' as const), rowSpacingMm: fc.constant(null), columnSpacingMm: fc.constant(null), description: unicodeText(0, 30) },
    { requiredKeys: ['source', 'rowSpacingMm', 'columnSpacingMm'] },
  ),
);

/** A star-shaped (hence simple) polygon around a centre, with jittered radii. */
export const contourArb: fc.Arbitrary<ImagePoint[]> = fc
  .record({
    cx: finite(-1000, 1000),
    cy: finite(-1000, 1000),
    radius: finite(1, 400),
    radii: fc.array(finite(0.5, 1), { minLength: 3, maxLength: 40 }),
    phase: finite(0, Math.PI),
  })
  .map(({ cx, cy, radius, radii, phase }) =>
    radii.map((r, i) => {
      const t = phase + (2 * Math.PI * i) / radii.length;
      return { x: cx + radius * r * Math.cos(t), y: cy + radius * r * Math.sin(t) };
    }),
  );

const pointArb = fc.record({ x: finite(-1e4, 1e4), y: finite(-1e4, 1e4) });

export const measurementArb = (id: string): fc.Arbitrary<NerveMeasurement> =>
  fc
    .record({
      label: unicodeText(0, 12),
      nerve: nerveArb,
      site: siteArb,
      side: fc.constantFrom('L' as const, 'R' as const, null),
      sideSource: fc.constantFrom('ImageLaterality' as const, 'Laterality' as const, 'patient-coordinates' as const, 'user' as const, 'unknown' as const),
      modality: fc.constantFrom('US', 'MR', 'OT'),
      method: fc.constantFrom('freehand' as const, 'spline' as const, 'ellipse' as const),
      study: uidArb,
      series: uidArb,
      sop: uidArb,
      frameIndex: fc.nat(100),
      fileName: fc.option(unicodeText(1, 20), { nil: undefined }),
      contour: contourArb,
      diameters: fc.option(fc.tuple(fc.tuple(pointArb, pointArb), fc.tuple(pointArb, pointArb)), { nil: undefined }),
      calibration: calibrationArb,
      intensity: fc.option(fc.record({ mean: finite(0, 65535), sd: finite(0, 1000), pixelCount: fc.integer({ min: 1, max: 1e6 }) }), { nil: null }),
      createdAt: isoDate,
      updatedAt: isoDate,
    })
    .filter((r) => measureContour(r.contour, r.calibration).ok)
    .map((r): NerveMeasurement => {
      const metrics = measureContour(r.contour, r.calibration);
      if (!metrics.ok) throw new Error(metrics.error);
      return {
        id,
        label: r.label,
        nerve: r.nerve,
        site: r.site,
        side: r.side,
        sideSource: r.sideSource,
        modality: r.modality,
        method: r.method,
        image: {
          studyInstanceUid: r.study,
          seriesInstanceUid: r.series,
          sopInstanceUid: r.sop,
          frameIndex: r.frameIndex,
          ...(r.fileName !== undefined ? { fileName: r.fileName } : {}),
        },
        contour: r.contour,
        ...(r.diameters !== undefined ? { diameters: r.diameters } : {}),
        calibration: r.calibration,
        metrics: metrics.value,
        intensity: r.intensity,
        createdAt: r.createdAt,
        updatedAt: r.updatedAt,
      };
    });

const emgArb: fc.Arbitrary<NeedleEmgRow> = fc.record(
  {
    id: nonBlank,
    muscle: nonBlank,
    side: fc.constantFrom('L' as const, 'R' as const),
    insertionalActivity: fc.constantFrom('normal' as const, 'increased' as const, 'decreased' as const),
    fibrillations: fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const, 4 as const),
    positiveSharpWaves: fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const, 4 as const),
    otherDischarges: fc.subarray(['complex-repetitive', 'myokymic', 'fasciculations'] as const),
    recruitment: fc.constantFrom('full' as const, 'reduced' as const, 'discrete' as const, 'single-unit' as const, 'none' as const),
    sourceLine: fc.integer({ min: 1, max: 500 }),
  },
  { requiredKeys: ['muscle', 'side'] },
);

const ncsArb: fc.Arbitrary<NcsRow> = fc.record(
  {
    id: nonBlank,
    nerve: nonBlank,
    kind: fc.constantFrom('motor' as const, 'sensory' as const, 'h-reflex' as const),
    side: fc.constantFrom('L' as const, 'R' as const),
    stimulationSite: unicodeText(0, 10),
    latencyMs: finite(0, 100),
    amplitude: finite(0, 100),
    velocityMs: finite(0, 100),
    noResponse: fc.boolean(),
  },
  { requiredKeys: ['nerve', 'kind', 'side', 'noResponse'] },
);

const studyArb: fc.Arbitrary<SessionStudy> = fc.record({
  studyInstanceUid: uidArb,
  description: unicodeText(0, 20),
  series: fc.array(
    fc.record({
      seriesInstanceUid: uidArb,
      modality: fc.constantFrom('US', 'MR'),
      description: unicodeText(0, 20),
      laterality: fc.constantFrom('L' as const, 'R' as const, null),
      instances: fc.array(
        fc.record({
          sopInstanceUid: uidArb,
          sopClassUid: fc.option(uidArb, { nil: null }),
          fileName: unicodeText(0, 20),
          frames: fc.integer({ min: 1, max: 300 }),
        }),
        { maxLength: 3 },
      ),
    }),
    { maxLength: 3 },
  ),
});

export const sessionArb: fc.Arbitrary<Session> = fc
  .record(
    {
      version: nonBlank,
      createdAt: isoDate,
      updatedAt: isoDate,
      patient: fc.record({ name: unicodeText(0, 20), id: unicodeText(0, 10), birthDate: fc.constant('19700101'), accessionNumber: unicodeText(0, 10) }),
      studies: fc.array(studyArb, { maxLength: 2 }),
      calibrations: fc.array(
        fc.oneof(
          fc.record({
            scope: fc.constant('image' as const),
            seriesInstanceUid: uidArb,
            sopInstanceUid: uidArb,
            calibration: fc.record({ source: fc.constant('user' as const), rowSpacingMm: positive(1e-3, 5), columnSpacingMm: positive(1e-3, 5) }),
          }),
          fc.record({
            scope: fc.constant('series' as const),
            seriesInstanceUid: uidArb,
            calibration: fc.record({ source: fc.constant('user' as const), rowSpacingMm: positive(1e-3, 5), columnSpacingMm: positive(1e-3, 5) }),
            line: fc.record({ start: pointArb, end: pointArb, knownLengthMm: positive(0.1, 100), pixelAspect: positive(0.1, 10) }),
          }),
        ),
        { maxLength: 3 },
      ),
      measurementCount: fc.nat(6),
      emg: fc.array(emgArb, { maxLength: 4 }),
      ncs: fc.array(ncsArb, { maxLength: 4 }),
      referenceSet: fc.oneof(
        fc.constantFrom(...BUILT_IN_REFERENCE_SETS),
        fc.record({ name: nonBlank, id: nonBlank }).map(({ name, id }) => ({ ...BUILT_IN_REFERENCE_SETS[0]!, id, name, builtIn: false, basedOn: 'chen2018-dutch' })),
      ),
      ratioThreshold: fc.option(positive(1.0001, 5), { nil: null }),
      ncsLimitSetId: fc.constantFrom(...NCS_LIMIT_SETS.map((s) => s.id)),
    },
    { requiredKeys: ['version', 'createdAt', 'updatedAt', 'studies', 'calibrations', 'measurementCount', 'emg', 'ncs', 'referenceSet', 'ratioThreshold', 'ncsLimitSetId'] },
  )
  .chain((r) =>
    fc.tuple(...Array.from({ length: r.measurementCount }, (_, i) => measurementArb(`m-${i}`))).map((measurements): Session => ({
      schemaVersion: 2,
      app: { name: 'NerveTrace', version: r.version },
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      ...(r.patient !== undefined ? { patient: r.patient } : {}),
      studies: r.studies,
      calibrations: r.calibrations,
      measurements,
      emg: r.emg,
      ncs: r.ncs,
      referenceSet: r.referenceSet,
      options: { ratioThreshold: r.ratioThreshold, ncsLimitSetId: r.ncsLimitSetId },
    })),
  );
