/**
 * From reflectivity to an 8-bit B-mode frame, the way a scanner forms it:
 *
 *  1. Echo field: each pixel scatters with a complex Gaussian amplitude √E·w plus a coherent
 *     specular part S; the point-spread function (a Gaussian, wider laterally than axially)
 *     filters it. Where E is uniform the envelope |field| is Rayleigh distributed (mean/sd ≈ 1.91)
 *     and its grain is longer laterally than axially, as in real speckle.
 *  2. Attenuation: the one-way α (dB/mm) summed down each column (the beams of a linear probe),
 *     two-way; softened laterally by the beam width. Blood attenuates little (brighter below a
 *     vessel: posterior enhancement), bone nearly everything (shadow).
 *  3. Electronic noise added to the received signal, then time-gain compensation: a slope in dB
 *     per mm that does not quite match the tissue's attenuation, slider bumps, a focal-zone gain.
 *  4. Log compression to a fixed dynamic range, quantised to 0..255.
 */
import { Rng } from '../prng.ts';
import { fastGaussianBlur as gaussianBlur } from './blur.ts';
import type { EchoMaps, Grid } from './echo.ts';
import { tissueD } from './echo.ts';
import type { Scene } from './scene.ts';

/**
 * Point-spread function (Gaussian σ, mm) by nerve: the deep sciatic is scanned at ~10 MHz, the
 * popliteal nerves at ~13 MHz, the superficial common peroneal at ~15 MHz (finer resolution).
 * Lateral σ ≈ 2.2 × axial: the beam is wider than the pulse is long.
 */
export const PSF_MM = {
  sciatic: { lateral: 0.22, axial: 0.1 },
  tibial: { lateral: 0.18, axial: 0.08 },
  'common-peroneal': { lateral: 0.15, axial: 0.068 },
} as const;
/** Displayed dynamic range (dB) and the envelope level (dB re unit reflectivity) shown black. */
export const DISPLAY = { dynamicRangeDb: 40, floorDb: -25 } as const;

export interface ComplexImage {
  readonly re: Float32Array;
  readonly im: Float32Array;
}

/** Sum of squared weights of the blur kernel (the variance it leaves of unit white noise). */
function kernelEnergy(sx: number, sy: number): number {
  const pad = (s: number): number => 2 * Math.max(1, Math.ceil(3 * s)) + 1;
  const w = 2 * pad(sx) + 1;
  const h = 2 * pad(sy) + 1;
  const impulse = new Float32Array(w * h);
  impulse[Math.floor(h / 2) * w + Math.floor(w / 2)] = 1;
  const k = gaussianBlur(impulse, w, h, sx, sy);
  let e = 0;
  for (const v of k) e += v * v;
  return e;
}

/**
 * The complex echo field of reflectivity E (mean power) and specular amplitude S (optional),
 * filtered by a Gaussian PSF of σ (sx, sy) pixels. Unit-mean-power speckle where E = 1.
 * Computed on a frame padded by the kernel reach (edge values repeated) so the frame's edges get
 * the same speckle as its middle, not the streaks a clamped blur leaves.
 */
export function echoField(E: Float32Array, S: Float32Array | null, w: number, h: number, sx: number, sy: number, seed: string): ComplexImage {
  const rng = new Rng(`${seed}/speckle`);
  // Each of re, im of the blurred white noise has variance energy; |.|² has mean 2·energy.
  const norm = 1 / Math.sqrt(2 * kernelEnergy(sx, sy));
  const px = Math.ceil(3 * sx) + 1;
  const py = Math.ceil(3 * sy) + 1;
  const W = w + 2 * px;
  const H = h + 2 * py;
  const re = new Float32Array(W * H);
  const im = new Float32Array(W * H);
  for (let Y = 0; Y < H; Y++) {
    const y = Math.min(h - 1, Math.max(0, Y - py));
    for (let X = 0; X < W; X++) {
      const x = Math.min(w - 1, Math.max(0, X - px));
      const i = y * w + x;
      const a = Math.sqrt(E[i]!) * norm;
      re[Y * W + X] = a * rng.gaussian() + (S ? S[i]! : 0);
      im[Y * W + X] = a * rng.gaussian();
    }
  }
  const bre = gaussianBlur(re, W, H, sx, sy);
  const bim = gaussianBlur(im, W, H, sx, sy);
  const outRe = new Float32Array(w * h);
  const outIm = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    outRe.set(bre.subarray((y + py) * W + px, (y + py) * W + px + w), y * w);
    outIm.set(bim.subarray((y + py) * W + px, (y + py) * W + px + w), y * w);
  }
  return { re: outRe, im: outIm };
}

/** Complex white noise filtered along the columns only (σ sy pixels), unit mean power. */
function receiverNoise(w: number, h: number, sy: number, seed: string): ComplexImage {
  const rng = new Rng(seed);
  const norm = 1 / Math.sqrt(2 * kernelEnergy(0, sy));
  const re = new Float32Array(w * h);
  const im = new Float32Array(w * h);
  for (let i = 0; i < re.length; i++) {
    re[i] = rng.gaussian() * norm;
    im[i] = rng.gaussian() * norm;
  }
  return { re: gaussianBlur(re, w, h, 0, sy), im: gaussianBlur(im, w, h, 0, sy) };
}

/** Two-way amplitude attenuation factor per pixel (columns = beam lines), laterally softened. */
export function attenuation(alpha: Float32Array, g: Grid, beamSigmaPx: number): Float32Array {
  const { width, height } = g;
  const db = new Float32Array(width * height);
  for (let c = 0; c < width; c++) {
    let sum = 0;
    for (let r = 0; r < height; r++) {
      const i = r * width + c;
      // Attenuation up to the middle of this pixel.
      sum += alpha[i]! * g.dy * 0.5;
      db[i] = 2 * sum;
      sum += alpha[i]! * g.dy * 0.5;
    }
  }
  const soft = gaussianBlur(db, width, height, beamSigmaPx, 0.5);
  const out = new Float32Array(width * height);
  for (let i = 0; i < out.length; i++) out[i] = 10 ** (-soft[i]! / 20);
  return out;
}

/** Gain in dB at depth d (mm): imperfect TGC plus a focal-zone boost and near-field roll-off. */
export function gainDb(s: Scene, d: number): number {
  let g = s.tgcDbPerMm * d;
  for (const b of s.tgcBumps) g += b.db * Math.exp(-(((d - b.depth) / b.width) ** 2));
  g += 2 * Math.exp(-(((d - s.focusDepthMm) / 4) ** 2));
  g -= 3 * Math.exp(-d / 1.5);
  return g;
}

export function bmode(s: Scene, maps: EchoMaps, g: Grid, seed: string): Uint8Array {
  const { width, height } = g;
  const psf = PSF_MM[s.spec.nerve];
  const sx = psf.lateral / g.dx;
  const sy = psf.axial / g.dy;
  const field = echoField(maps.E, maps.S, width, height, sx, sy, seed);
  const att = attenuation(maps.alpha, g, sx);
  // Receiver noise at a fixed level before the gain: independent from one beam line (column) to
  // the next, band-limited along the line like the echoes.
  const noise = receiverNoise(width, height, sy, `${seed}/noise`);
  const noiseAmp = 10 ** (-68 / 20);
  const out = new Uint8Array(width * height);
  const { dynamicRangeDb, floorDb } = DISPLAY;
  for (let r = 0; r < height; r++) {
    const gain = 10 ** (gainDb(s, tissueD(g, r)) / 20);
    for (let c = 0; c < width; c++) {
      const i = r * width + c;
      const a = att[i]!;
      const re = field.re[i]! * a + noise.re[i]! * noiseAmp;
      const im = field.im[i]! * a + noise.im[i]! * noiseAmp;
      const env = gain * Math.sqrt(re * re + im * im);
      const dbv = 20 * Math.log10(env + 1e-12);
      const v = (255 * (dbv - floorDb)) / dynamicRangeDb;
      out[i] = v <= 0 ? 0 : v >= 255 ? 255 : Math.round(v);
    }
  }
  return out;
}
