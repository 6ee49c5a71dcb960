/**
 * Paints CT (greyscale window) and PET (SUV window through a colour map, with opacity) into RGBA
 * pixels at the CT's resolution: each CT pixel centre is taken to patient coordinates and the PET
 * pixel there is looked up (nearest), so PET and CT line up by position on their frame of reference.
 */
import { patientToPixel, pixelToPatient, type SlicePlane } from '../../domain/suv';

export interface Window {
  readonly lower: number;
  readonly upper: number;
}

/** "Hot iron": black → red → yellow → white, 256 entries of RGB. */
export const HOT_IRON: Uint8Array = (() => {
  const lut = new Uint8Array(256 * 3);
  for (let i = 0; i < 256; i++) {
    const t = i / 255;
    lut[i * 3] = Math.round(255 * Math.min(1, t * 2.2));
    lut[i * 3 + 1] = Math.round(255 * Math.min(1, Math.max(0, (t - 0.4) * 2.2)));
    lut[i * 3 + 2] = Math.round(255 * Math.min(1, Math.max(0, (t - 0.75) * 4)));
  }
  return lut;
})();

/** Inverted grey (PET read as dark uptake on white, the usual MIP/PET look). */
export const INVERTED_GREY: Uint8Array = (() => {
  const lut = new Uint8Array(256 * 3);
  for (let i = 0; i < 256; i++) lut.fill(255 - i, i * 3, i * 3 + 3);
  return lut;
})();

const level = (v: number, w: Window): number => Math.min(255, Math.max(0, Math.round(((v - w.lower) / (w.upper - w.lower)) * 255)));

export interface CtLayer {
  readonly rows: number;
  readonly columns: number;
  readonly plane: SlicePlane;
  /** Hounsfield units (stored × slope + intercept). */
  readonly hu: Float64Array;
}

export interface PetLayer {
  readonly rows: number;
  readonly columns: number;
  readonly plane: SlicePlane;
  readonly suv: ArrayLike<number>;
}

export function renderFused(target: Uint8ClampedArray, ct: CtLayer, ctWindow: Window, pet: PetLayer | null, suvWindow: Window, opacity: number, lut: Uint8Array): void {
  for (let y = 0; y < ct.rows; y++) {
    // Patient position of this row's first pixel and the PET step per CT column, computed once per row.
    const start = pet ? patientToPixel(pet.plane, pixelToPatient(ct.plane, 0, y)) : null;
    const next = pet ? patientToPixel(pet.plane, pixelToPatient(ct.plane, 1, y)) : null;
    for (let x = 0; x < ct.columns; x++) {
      const i = y * ct.columns + x;
      const g = level(ct.hu[i]!, ctWindow);
      let [r, gg, b] = [g, g, g];
      if (pet && start && next) {
        const px = Math.round(start.x + (next.x - start.x) * x);
        const py = Math.round(start.y + (next.y - start.y) * x);
        if (px >= 0 && py >= 0 && px < pet.columns && py < pet.rows) {
          const k = level(pet.suv[py * pet.columns + px]!, suvWindow) * 3;
          const a = k === 0 ? 0 : opacity; // SUV below the window shows the CT alone
          r = r * (1 - a) + lut[k]! * a;
          gg = gg * (1 - a) + lut[k + 1]! * a;
          b = b * (1 - a) + lut[k + 2]! * a;
        }
      }
      target[i * 4] = r;
      target[i * 4 + 1] = gg;
      target[i * 4 + 2] = b;
      target[i * 4 + 3] = 255;
    }
  }
}

/** PET alone at its own resolution (side-by-side layout). */
export function renderPet(target: Uint8ClampedArray, pet: PetLayer, suvWindow: Window, lut: Uint8Array): void {
  for (let i = 0; i < pet.rows * pet.columns; i++) {
    const k = level(pet.suv[i]!, suvWindow) * 3;
    target[i * 4] = lut[k]!;
    target[i * 4 + 1] = lut[k + 1]!;
    target[i * 4 + 2] = lut[k + 2]!;
    target[i * 4 + 3] = 255;
  }
}
