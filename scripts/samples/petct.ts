/**
 * Synthetic FDG PET/CT of both thighs in CORONAL slices (so a nerve runs down the image and a line
 * can be drawn along it). Patient coordinates are DICOM LPS in mm: +x = patient LEFT,
 * +y = POSTERIOR, +z = SUPERIOR. ImageOrientationPatient 1\0\0\0\0\-1: columns grow towards the
 * patient's left (the patient's right thigh is on the image's left), rows grow downwards (inferior).
 *
 * Truth is analytic: every structure has one SUV (the nerves a SUV that varies along z), evaluated
 * at pixel centres; the nerves are noise-free so their SUVmax is exactly the truth.
 */
import { Rng } from './prng.ts';

export type Structure = 'air' | 'skin' | 'fat' | 'muscle' | 'perineural-fat' | 'nerve-R' | 'nerve-L';

/** Both thighs as cylinders along z that taper towards the knee. */
export const THIGH = { cxMm: 95, semiMlMm: 72, semiApMm: 68, taper: 0.22, skinMm: 2, fatMm: 12 } as const;
/** Sciatic nerves: 2 mm medial to the thigh axis, 30 mm posterior; the left one thickened. */
export const NERVE = { medialMm: 2, yMm: 30, radiusRightMm: 4, radiusLeftMm: 6, rimMm: 1.5 } as const;
/** Field of view in z: from the gluteal fold (z = 0) down to z = -420 mm. */
export const Z_TOP = 0;

export const SUV = { air: 0, skin: 0.8, fat: 0.3, muscle: 0.8, perineuralFat: 0.3, rightNerve: 1.1 } as const;
/** Left sciatic FDG uptake along z: a plateau of 4.6 at mid-thigh (z -150 to -200 mm), ramps above and below. */
export const LEFT_NERVE_UPTAKE = { base: 1.2, plateau: 4.6, rampStartZ: -60, plateauTopZ: -150, plateauBottomZ: -200, rampEndZ: -330, distal: 2.0 } as const;

export const HU = { air: -1000, skin: 20, fat: -100, muscle: 45, perineuralFat: -90, nerve: 30 } as const;

export function leftNerveSuv(z: number): number {
  const u = LEFT_NERVE_UPTAKE;
  if (z >= u.rampStartZ) return u.base;
  if (z > u.plateauTopZ) return u.base + ((u.plateau - u.base) * (u.rampStartZ - z)) / (u.rampStartZ - u.plateauTopZ);
  if (z >= u.plateauBottomZ) return u.plateau;
  if (z > u.rampEndZ) return u.plateau + ((u.distal - u.plateau) * (u.plateauBottomZ - z)) / (u.plateauBottomZ - u.rampEndZ);
  return u.distal;
}

/** x of the left (+x) or right thigh axis. */
export const thighX = (side: 'L' | 'R'): number => (side === 'L' ? THIGH.cxMm : -THIGH.cxMm);
/** x of a sciatic nerve's axis (medial = towards x = 0). */
export const nerveX = (side: 'L' | 'R'): number => thighX(side) + (side === 'L' ? -NERVE.medialMm : NERVE.medialMm);

export function structureAt(x: number, y: number, z: number): Structure {
  const side: 'L' | 'R' = x >= 0 ? 'L' : 'R';
  const scale = 1 - THIGH.taper * Math.min(1, Math.max(0, (Z_TOP - z) / 420));
  const dx = (x - thighX(side)) / (THIGH.semiMlMm * scale);
  const dy = y / (THIGH.semiApMm * scale);
  const rho = Math.hypot(dx, dy); // 1 at the skin
  if (rho > 1) return 'air';
  const radius = Math.min(THIGH.semiMlMm, THIGH.semiApMm) * scale;
  const depth = (1 - rho) * radius;
  if (depth < THIGH.skinMm) return 'skin';
  if (depth < THIGH.skinMm + THIGH.fatMm) return 'fat';
  const r = side === 'L' ? NERVE.radiusLeftMm : NERVE.radiusRightMm;
  const d = Math.hypot(x - nerveX(side), y - NERVE.yMm);
  if (d <= r) return side === 'L' ? 'nerve-L' : 'nerve-R';
  if (d <= r + NERVE.rimMm) return 'perineural-fat';
  return 'muscle';
}

export function suvOf(s: Structure, z: number): number {
  switch (s) {
    case 'air':
      return SUV.air;
    case 'skin':
      return SUV.skin;
    case 'fat':
      return SUV.fat;
    case 'perineural-fat':
      return SUV.perineuralFat;
    case 'muscle':
      return SUV.muscle;
    case 'nerve-R':
      return SUV.rightNerve;
    case 'nerve-L':
      return leftNerveSuv(z);
  }
}

export interface CoronalGrid {
  readonly rows: number;
  readonly columns: number;
  readonly spacingMm: number;
  /** Patient x of column 0 and z of row 0 (pixel centres). */
  readonly x0: number;
  readonly z0: number;
}

export const colX = (g: CoronalGrid, c: number): number => g.x0 + c * g.spacingMm;
export const rowZ = (g: CoronalGrid, r: number): number => g.z0 - r * g.spacingMm;
export const xToCol = (g: CoronalGrid, x: number): number => (x - g.x0) / g.spacingMm;
export const zToRow = (g: CoronalGrid, z: number): number => (g.z0 - z) / g.spacingMm;

/** SUV at each pixel centre of the coronal slice at y; muscle and fat get ±8 % deterministic noise. */
export function renderPetSuv(g: CoronalGrid, y: number, seed: string): Float64Array {
  const rng = new Rng(seed);
  const out = new Float64Array(g.rows * g.columns);
  for (let r = 0; r < g.rows; r++) {
    for (let c = 0; c < g.columns; c++) {
      const z = rowZ(g, r);
      const s = structureAt(colX(g, c), y, z);
      const noisy = s === 'muscle' || s === 'fat' || s === 'skin';
      out[r * g.columns + c] = suvOf(s, z) * (noisy ? 1 + 0.08 * (2 * rng.next() - 1) : 1);
    }
  }
  return out;
}

/** CT numbers (HU) with 2×2 supersampled edges and Gaussian noise (σ 8 HU inside the body). */
export function renderCtHu(g: CoronalGrid, y: number, seed: string): Int16Array {
  const rng = new Rng(seed);
  const out = new Int16Array(g.rows * g.columns);
  const hu: Record<Structure, number> = { air: HU.air, skin: HU.skin, fat: HU.fat, muscle: HU.muscle, 'perineural-fat': HU.perineuralFat, 'nerve-R': HU.nerve, 'nerve-L': HU.nerve };
  for (let r = 0; r < g.rows; r++) {
    for (let c = 0; c < g.columns; c++) {
      let sum = 0;
      let body = false;
      for (const oy of [-0.25, 0.25]) {
        for (const ox of [-0.25, 0.25]) {
          const s = structureAt(colX(g, c + ox), y, rowZ(g, r + oy));
          body ||= s !== 'air';
          sum += hu[s];
        }
      }
      out[r * g.columns + c] = Math.round(sum / 4 + (body ? rng.gaussian() * 8 : 0));
    }
  }
  return out;
}
