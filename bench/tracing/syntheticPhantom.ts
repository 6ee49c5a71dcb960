/**
 * A small stand-in phantom (used by the unit tests and by the benchmark only until the realistic
 * phantoms of scripts/samples/phantoms are available): a lumpy nerve, dark with brighter
 * fascicles, inside a bright rim of varying brightness with an optional gap, in speckle.
 */
import { seededRandom } from '../../scripts/sample-session/outlines.ts';

export interface SyntheticPhantom {
  readonly id: string;
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;
  readonly pixelSpacingMm: [number, number];
  readonly truth: { readonly outline: { x: number; y: number }[] };
}

export interface SyntheticSpec {
  readonly width: number;
  readonly height: number;
  readonly cx: number;
  readonly cy: number;
  readonly rx: number;
  readonly ry: number;
  readonly lumps?: number;
  readonly rimPx?: number;
  readonly rimContrast?: number;
  /** Angular range (radians) where the rim is missing. */
  readonly gap?: readonly [number, number];
  readonly speckle?: number;
  readonly seed?: number;
}

export function syntheticPhantom(id: string, spec: SyntheticSpec): SyntheticPhantom {
  const { width, height, cx, cy, rx, ry } = spec;
  const lumps = spec.lumps ?? 0.06;
  const rimPx = spec.rimPx ?? 5;
  const contrast = spec.rimContrast ?? 1;
  const random = seededRandom(spec.seed ?? 1);
  const phase = random() * 6.28;
  const radius = (t: number) => 1 + lumps * Math.cos(3 * t + phase) + (lumps / 2) * Math.cos(5 * t + 2 * phase);
  // Speckle: Rayleigh amplitude, lightly correlated (a 3-tap blur across the beam).
  const noise = new Float32Array(width * height);
  for (let i = 0; i < noise.length; i++) noise[i] = Math.sqrt(-2 * Math.log(1 - random() * 0.999999)) / 1.2533;
  const pixels = new Uint8Array(width * height);
  const amount = spec.speckle ?? 0.5;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const dx = (x - cx) / rx;
      const dy = (y - cy) / ry;
      const t = Math.atan2(dy, dx);
      const rho = Math.hypot(dx, dy) / radius(t);
      // Distance outside the border in pixels (approximate: along the ray).
      const outsidePx = (rho - 1) * Math.hypot(rx * Math.cos(t), ry * Math.sin(t)) * radius(t);
      const inGap = spec.gap && t > spec.gap[0] && t < spec.gap[1];
      let base = 70;
      if (outsidePx < 0) base = 45 + (Math.sin(x / 3) * Math.sin(y / 3) > 0.6 ? 25 : 0);
      else if (outsidePx < rimPx && !inGap) base = 70 + contrast * (110 + 40 * Math.cos(2 * t));
      const i = y * width + x;
      const n = (noise[i]! + noise[Math.min(i + 1, noise.length - 1)]! + noise[Math.max(i - 1, 0)]!) / 3;
      pixels[i] = Math.max(0, Math.min(255, Math.round(base * (1 - amount + amount * n))));
    }
  }
  const outline = Array.from({ length: 360 }, (_, k) => {
    const t = (2 * Math.PI * k) / 360;
    // The point on the border in direction t (from the centre in normalised coordinates).
    const r = radius(t);
    return { x: cx + rx * r * Math.cos(t), y: cy + ry * r * Math.sin(t) };
  });
  return { id, width, height, pixels, pixelSpacingMm: [0.1, 0.1], truth: { outline } };
}
