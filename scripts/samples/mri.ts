/**
 * Synthetic axial STIR-like MR slice through both thighs.
 *
 * Patient coordinates are DICOM LPS in mm: +x = patient LEFT, +y = POSTERIOR. With
 * ImageOrientationPatient 1\0\0\0\1\0 the column index grows towards the patient's left,
 * so the patient's RIGHT thigh is drawn on the image's LEFT (radiological convention).
 *
 * Contrast (12-bit): fat suppressed (dark), muscle intermediate, nerve fascicles and slow-flow
 * veins bright, cortical bone and arterial flow voids very dark, Rician noise in air.
 */
import { type Ellipse, type PixelMap, clamp, ellipseSignedDistance } from './geometry.ts';
import { type Fascicle, placeFascicles } from './nerve.ts';
import { Rng } from './prng.ts';
import type { Side } from './manifest.ts';

export interface MrNerve {
  readonly ellipse: Ellipse;
  readonly fascicles: readonly Fascicle[];
  readonly marginMm: number;
  readonly fascicleSignal: number;
  readonly stromaSignal: number;
}

export interface MrThigh {
  readonly side: Side;
  readonly cx: number;
  readonly cy: number;
  /** Skin semi-axes (mm): medio-lateral and antero-posterior. */
  readonly skinMl: number;
  readonly skinAp: number;
  readonly nerve: MrNerve;
}

interface Seed {
  readonly m: number;
  readonly p: number;
  readonly signal: number;
}

/** Muscle compartments at mid-thigh in local (m = medial mm, p = posterior mm) coordinates. */
const MUSCLES: readonly Seed[] = [
  { m: 2, p: -44, signal: 392 }, // rectus femoris
  { m: -36, p: -16, signal: 368 }, // vastus lateralis
  { m: -42, p: 10, signal: 374 }, // vastus lateralis (posterior part)
  { m: -6, p: -27, signal: 381 }, // vastus intermedius
  { m: 24, p: -34, signal: 376 }, // vastus medialis
  { m: 40, p: -16, signal: 402 }, // sartorius
  { m: 52, p: 10, signal: 396 }, // gracilis
  { m: 32, p: 0, signal: 386 }, // adductor longus
  { m: 22, p: 19, signal: 362 }, // adductor magnus
  { m: 17, p: 40, signal: 406 }, // semimembranosus
  { m: 8, p: 50, signal: 394 }, // semitendinosus
  { m: -15, p: 41, signal: 384 }, // biceps femoris long head
  { m: -22, p: 24, signal: 377 }, // biceps femoris short head
];

const FEMUR = { m: -4, p: -6, r: 13, cortex: 5.5 };
/** Vessels: superficial femoral artery (flow void), femoral vein, profunda vessels, great saphenous vein. */
const VESSELS = [
  { m: 20, p: -18, r: 3.0, signal: 55 },
  { m: 25.5, p: -12, r: 3.8, signal: 1350 },
  { m: 3, p: 13, r: 2.0, signal: 1100 },
];

const S_SKIN = 520;
const S_FAT = 95;
const S_FASCIA = 70;
const S_MARROW = 140;
const S_CORTEX = 22;
const S_PERINEURAL_FAT = 85;
const S_SEPTUM = 115;

function toLocal(t: MrThigh, x: number, y: number): [number, number] {
  const sgn = t.side === 'R' ? 1 : -1; // medial is towards x = 0
  return [(x - t.cx) * sgn, y - t.cy];
}

export function localToPatient(t: MrThigh, m: number, p: number): [number, number] {
  const sgn = t.side === 'R' ? 1 : -1;
  return [t.cx + m * sgn, t.cy + p];
}

function skinRadius(t: MrThigh, phi: number): number {
  const c = Math.cos(phi);
  const s = Math.sin(phi);
  const base = 1 / Math.sqrt((c / t.skinMl) ** 2 + (s / t.skinAp) ** 2);
  // Slightly flattened medial side, fuller posterolateral contour.
  return base * (1 + 0.035 * Math.cos(2 * phi + 0.6) - 0.03 * Math.max(0, c) ** 4 + 0.02 * Math.sin(3 * phi + 1.1));
}

/** Noise-free signal at a point (patient mm). */
function signalAt(thighs: readonly MrThigh[], placed: ReadonlyArray<ReadonlyArray<{ x: number; y: number; r: number }>>, x: number, y: number): number {
  for (let ti = 0; ti < thighs.length; ti++) {
    const t = thighs[ti]!;
    const [m, p] = toLocal(t, x, y);
    const r = Math.hypot(m, p);
    if (r > t.skinMl + 8 && r > t.skinAp + 8) continue;
    const phi = Math.atan2(p, m);
    const rs = skinRadius(t, phi);
    if (r > rs) continue;
    if (r > rs - 1.6) return S_SKIN;
    const fat = 8.5 + 4.5 * Math.max(0, Math.sin(phi)) + 3 * Math.max(0, Math.cos(phi));
    const rf = rs - 1.6 - fat;
    // Great saphenous vein in the medial subcutaneous fat.
    const gsvM = (rf + (rs - 1.6)) / 2;
    if (Math.hypot(m - gsvM * Math.cos(0.08), p - gsvM * Math.sin(0.08)) < 2.0) return 1200;
    if (r > rf + 0.5) return S_FAT;
    if (r > rf - 0.5) return S_FASCIA;

    // Sciatic nerve with thin perineural fat rim.
    const nv = t.nerve;
    const sd = ellipseSignedDistance(nv.ellipse, x, y);
    if (sd < 0) {
      for (const f of placed[ti]!) if ((x - f.x) ** 2 + (y - f.y) ** 2 < f.r * f.r) return nv.fascicleSignal;
      return nv.stromaSignal;
    }
    if (sd < 1.0) return S_PERINEURAL_FAT;

    // Femur with posterior linea aspera.
    const fm = m - FEMUR.m;
    const fp = p - FEMUR.p;
    const fr = Math.hypot(fm, fp);
    const fphi = Math.atan2(fp, fm);
    const dphi = Math.atan2(Math.sin(fphi - Math.PI / 2), Math.cos(fphi - Math.PI / 2));
    const rOuter = FEMUR.r + 3 * Math.exp(-((dphi / 0.28) ** 2));
    if (fr < FEMUR.r - FEMUR.cortex) return S_MARROW;
    if (fr < rOuter) return S_CORTEX;

    for (const v of VESSELS) if (Math.hypot(m - v.m, p - v.p) < v.r) return v.signal;

    // Muscles: warped Voronoi cells separated by thin fatty septa.
    const wm = m + 2.2 * Math.sin(p / 9 + 0.7);
    const wp = p + 2.2 * Math.sin(m / 11 + 1.9);
    let d1 = Infinity;
    let d2 = Infinity;
    let s1 = 380;
    for (const sd0 of MUSCLES) {
      const d = Math.hypot(wm - sd0.m, wp - sd0.p);
      if (d < d1) {
        d2 = d1;
        d1 = d;
        s1 = sd0.signal;
      } else if (d < d2) {
        d2 = d;
      }
    }
    if (d2 - d1 < 0.9) return S_SEPTUM;
    return s1 * (1 + 0.035 * Math.sin(m / 3.1 + p / 4.7) * Math.sin(p / 2.3));
  }
  return 0;
}

export interface MrSliceSpec {
  readonly rows: number;
  readonly columns: number;
  readonly map: PixelMap;
  readonly thighs: readonly MrThigh[];
  readonly seed: string;
  readonly noiseSigma: number;
}

/** Renders one slice to 12-bit values in a Uint16Array (4x4 supersampling for partial-volume edges). */
export function renderMrSlice(spec: MrSliceSpec): Uint16Array {
  const { rows, columns, map } = spec;
  const placed = spec.thighs.map((t) => placeFascicles(t.nerve.ellipse, t.nerve.fascicles, t.nerve.marginMm));
  const rng = new Rng(`${spec.seed}/noise`);
  const out = new Uint16Array(rows * columns);
  const n = 4;
  const offs = Array.from({ length: n }, (_, k) => (k + 0.5) / n - 0.5);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const x = (c - map.col0) * map.columnSpacingMm;
      const y = (r - map.row0) * map.rowSpacingMm;
      let s = 0;
      // Cheap early-out for air far from both thighs.
      let near = false;
      for (const t of spec.thighs) {
        const [m, p] = toLocal(t, x, y);
        if ((m / (t.skinMl + 6)) ** 2 + (p / (t.skinAp + 6)) ** 2 < 1.2) near = true;
      }
      if (near) {
        for (const oy of offs) for (const ox of offs) s += signalAt(spec.thighs, placed, x + ox * map.columnSpacingMm, y + oy * map.rowSpacingMm);
        s /= n * n;
      }
      // Receive-coil shading: posterior (spine/table) elements slightly stronger.
      s *= 1 + 0.1 * clamp(y / 90, -1, 1) - 0.05 * Math.abs(x / 180);
      const n1 = rng.gaussian() * spec.noiseSigma;
      const n2 = rng.gaussian() * spec.noiseSigma;
      out[r * columns + c] = clamp(Math.round(Math.hypot(s + n1, n2)), 0, 4095);
    }
  }
  return out;
}
