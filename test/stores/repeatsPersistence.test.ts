/**
 * Issue 12: what the user chose about repeats and reference sets is saved with the session and
 * comes back on reload — an excluded repeat (`excluded: true`), pooled methods
 * (`options.poolMethods`), and every user-edited reference set, including one that is not selected.
 */
import { describe, expect, it } from 'vitest';
import { measureContour, type NerveMeasurement } from '../../src/domain/measurement';
import { DEFAULT_REFERENCE_SET, withAsymmetryOverride } from '../../src/domain/reference';
import { parseSession, rehydrateSession, serializeSession } from '../../src/domain/session';
import { DEFAULT_NCS_LIMITS } from '../../src/domain/emg';
import { CLINICAL_SNAPSHOT_VERSION } from '../../src/stores/clinicalSnapshot';
import { buildSession, storeStateFromSession } from '../../src/stores/sessionState';

const calibration = { source: 'us-region' as const, rowSpacingMm: 0.075, columnSpacingMm: 0.075, regionIndex: 0 };
function repeat(id: string, excluded = false): NerveMeasurement {
  const contour = [{ x: 10, y: 10 }, { x: 30, y: 10 }, { x: 30, y: 25 }, { x: 10, y: 25 }];
  const metrics = measureContour(contour, calibration);
  if (!metrics.ok) throw new Error(metrics.error);
  return {
    id,
    label: id,
    nerve: 'sciatic',
    site: 'gluteal-fold',
    side: 'L',
    sideSource: 'ImageLaterality',
    modality: 'US',
    method: 'freehand',
    image: { studyInstanceUid: '1.2.3', seriesInstanceUid: '1.2.3.1', sopInstanceUid: '1.2.3.1.1', frameIndex: 0 },
    contour,
    calibration,
    metrics: metrics.value,
    intensity: null,
    ...(excluded ? { excluded: true } : {}),
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

const edited = withAsymmetryOverride(DEFAULT_REFERENCE_SET, { defaultRatio: 1.7 });
if (!edited.ok) throw new Error(edited.error);

function saveAndReload(poolMethods: boolean) {
  const session = buildSession({
    appVersion: '0.1.0',
    createdAt: '2026-01-01T00:00:00.000Z',
    now: '2026-01-01T00:00:00.000Z',
    images: [],
    knownStudies: [],
    calibrations: [],
    measurements: [repeat('A1'), repeat('A2', true)],
    poolMethods,
    clinical: {
      version: CLINICAL_SNAPSHOT_VERSION,
      emg: [],
      ncs: [],
      // The built-in set is selected; the user-edited one is not.
      referenceSet: DEFAULT_REFERENCE_SET,
      userReferenceSets: [edited.ok ? edited.value : DEFAULT_REFERENCE_SET],
      ratioThreshold: null,
      ncsLimitSetId: DEFAULT_NCS_LIMITS.id,
    },
  });
  const parsed = parseSession(serializeSession(session));
  if (!parsed.ok) throw new Error(parsed.error);
  return { json: JSON.parse(serializeSession(session)), state: storeStateFromSession(rehydrateSession(parsed.value).session) };
}

describe('repeats and reference sets survive save → reload', () => {
  it('an excluded repeat stays excluded (and the others carry no flag)', () => {
    const { json, state } = saveAndReload(false);
    expect(json.measurements.map((m: { excluded?: boolean }) => m.excluded)).toEqual([undefined, true]);
    expect(state.measurements.map((m) => m.excluded === true)).toEqual([false, true]);
  });
  it('pooled methods are saved only when chosen and come back', () => {
    expect(saveAndReload(true).json.options.poolMethods).toBe(true);
    expect(saveAndReload(true).state.poolMethods).toBe(true);
    expect(saveAndReload(false).json.options.poolMethods).toBeUndefined();
    expect(saveAndReload(false).state.poolMethods).toBe(false);
  });
  it('a user-edited reference set that is not selected is kept', () => {
    const { json, state } = saveAndReload(false);
    expect(json.referenceSet.id).toBe(DEFAULT_REFERENCE_SET.id);
    expect(state.clinical.referenceSet.id).toBe(DEFAULT_REFERENCE_SET.id);
    expect(state.clinical.userReferenceSets.map((s) => s.asymmetry.defaultRatio)).toEqual([1.7]);
  });
});
