/**
 * The tracing phantoms: which nerve, how big, what shape, how visible its rim, and what lies
 * around it. Sizes follow /work/shared/reference/clinical-reference.md §1 (sciatic 40–60 mm²
 * normal, tibial ~10–30, common peroneal ~5–12; a few enlarged ones above the usual upper limits).
 * The sciatic is flat proximally (gluteal fold), oval at mid-thigh and round distally.
 * Everything not listed here (harmonic phases, vessel side, texture) is drawn from a PRNG seeded
 * with the phantom id, so the list can grow without changing the existing phantoms.
 */
import type { KnownNerveId, KnownSiteId } from '../../../src/domain/reference/anatomy.ts';

export type PhantomNerve = KnownNerveId;
export type PhantomShapeKind = 'flat' | 'oval' | 'round' | 'irregular';
export type RimKind = 'clear' | 'faint' | 'gapped';

export interface PhantomSpec {
  readonly nerve: PhantomNerve;
  readonly shape: PhantomShapeKind;
  readonly index: number;
  readonly rim: RimKind;
  readonly site: KnownSiteId;
  readonly areaMm2: number;
  /** Long / short axis of the base curve. */
  readonly aspect: number;
  readonly rotationDeg: number;
  /** Centre depth below the skin (mm) and lateral offset from the frame centre (mm). */
  readonly depthMm: number;
  readonly lateralMm: number;
  readonly enlarged: boolean;
  /** [row, column] mm at the default frame size. */
  readonly spacingMm: readonly [number, number];
  /** A bone surface (femur, ischium, fibular head) deep to the nerve, shadowing what lies below. */
  readonly bone: boolean;
}

/** Default frame (columns × rows) of the files in sample-dicom/phantoms. */
export const DEFAULT_SIZE = { width: 400, height: 300 } as const;

const SCIATIC: readonly [number, number] = [0.085, 0.085];
const TIBIAL: readonly [number, number] = [0.06, 0.06];
const PERONEAL: readonly [number, number] = [0.045, 0.045];

type Row = [PhantomNerve, PhantomShapeKind, RimKind, number, number, number, number, number, boolean, (readonly [number, number])?, boolean?];
// nerve, shape, rim, area mm², aspect, rotation°, depth mm, lateral mm, enlarged, spacing, bone
const ROWS: Row[] = [
  ['sciatic', 'flat', 'clear', 52, 3.2, -6, 13, -1.5, false, SCIATIC, true],
  ['sciatic', 'flat', 'faint', 60, 3.6, 5, 14.5, 1, false],
  ['sciatic', 'flat', 'gapped', 110, 2.8, -3, 13.5, 0, true, SCIATIC, true],
  ['sciatic', 'flat', 'clear', 70, 3.0, 8, 12.5, 2, false, [0.075, 0.1]],
  ['sciatic', 'oval', 'gapped', 45, 2.0, 12, 14, -2, false],
  ['sciatic', 'oval', 'clear', 48, 1.7, -10, 15, 1.5, false, SCIATIC, true],
  ['sciatic', 'round', 'faint', 40, 1.15, 0, 14, 0.5, false],
  ['sciatic', 'round', 'clear', 44, 1.25, 20, 13, -1, false],
  ['sciatic', 'irregular', 'gapped', 65, 2.3, -8, 14, 1, false],
  ['sciatic', 'irregular', 'faint', 88, 1.6, 6, 13.5, -0.5, true, SCIATIC, true],
  ['tibial', 'round', 'clear', 18, 1.15, 0, 9, -1, false],
  ['tibial', 'round', 'gapped', 24, 1.2, 15, 10, 0.5, false],
  ['tibial', 'round', 'faint', 16, 1.1, 0, 9.5, 1, false, [0.06, 0.075]],
  ['tibial', 'oval', 'faint', 14, 1.7, -12, 8.5, 1, false],
  ['tibial', 'oval', 'clear', 28, 1.5, 8, 10, -0.5, false],
  ['tibial', 'flat', 'gapped', 20, 2.4, -4, 9, 0, false],
  ['tibial', 'irregular', 'faint', 12, 1.4, 25, 9, 1.5, false],
  ['tibial', 'irregular', 'clear', 38, 1.5, -6, 10, 0, true],
  ['common-peroneal', 'oval', 'clear', 8, 1.8, -10, 6, -0.5, false, PERONEAL, true],
  ['common-peroneal', 'oval', 'faint', 11, 2.0, 14, 6.5, 0.5, false],
  ['common-peroneal', 'oval', 'gapped', 10, 1.6, 0, 7, 0, false, PERONEAL, true],
  ['common-peroneal', 'flat', 'gapped', 7, 2.8, 6, 5.5, 0.5, false],
  ['common-peroneal', 'flat', 'clear', 9.5, 3.0, -4, 6, -0.5, false],
  ['common-peroneal', 'round', 'gapped', 6, 1.2, 0, 5.5, 0, false],
  ['common-peroneal', 'round', 'faint', 5.2, 1.1, 30, 6, 0.5, false],
  ['common-peroneal', 'irregular', 'clear', 13, 1.5, 10, 6.5, 0, false, PERONEAL, true],
  ['common-peroneal', 'irregular', 'gapped', 17, 1.7, -8, 6.5, -0.5, true],
];

function siteOf(nerve: PhantomNerve, shape: PhantomShapeKind, bone: boolean): KnownSiteId {
  if (nerve === 'sciatic') return shape === 'flat' ? 'gluteal-fold' : shape === 'round' ? 'distal-thigh-above-bifurcation' : 'mid-thigh';
  if (nerve === 'tibial') return 'popliteal-fossa';
  return bone ? 'fibular-head' : 'popliteal-fossa';
}

function defaultSpacing(nerve: PhantomNerve): readonly [number, number] {
  return nerve === 'sciatic' ? SCIATIC : nerve === 'tibial' ? TIBIAL : PERONEAL;
}

export const PHANTOM_SPECS: readonly PhantomSpec[] = (() => {
  const counts = new Map<string, number>();
  return ROWS.map(([nerve, shape, rim, areaMm2, aspect, rotationDeg, depthMm, lateralMm, enlarged, spacing, bone]) => {
    const key = `${nerve}-${shape}`;
    const index = (counts.get(key) ?? 0) + 1;
    counts.set(key, index);
    return {
      nerve,
      shape,
      index,
      rim,
      site: siteOf(nerve, shape, bone ?? false),
      areaMm2,
      aspect,
      rotationDeg,
      depthMm,
      lateralMm,
      enlarged,
      spacingMm: spacing ?? defaultSpacing(nerve),
      bone: bone ?? false,
    };
  });
})();

export const phantomId = (s: Pick<PhantomSpec, 'nerve' | 'shape' | 'index'>): string => `phantom-${s.nerve}-${s.shape}-${String(s.index).padStart(2, '0')}`;
