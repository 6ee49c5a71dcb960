/**
 * Separable Gaussian blur fast enough for 2048 × 2048 phantoms: a direct convolution with the
 * sampled Gaussian for small σ (where a box approximation would be coarse), three box passes of
 * running sums for larger σ (Kovesi's widths, so the variance matches σ² exactly; the shape is
 * within a few per cent of a Gaussian). Edges repeat the border value, like ultrasound.ts's
 * gaussianBlur, which it replaces here only for speed.
 */

const DIRECT_MAX_SIGMA = 2.5;

/** Blurs n lines of length len (element i of line l at offset l*lineStep + i*step) in place via tmp. */
function directLines(data: Float32Array, tmp: Float32Array, len: number, n: number, step: number, lineStep: number, sigma: number): void {
  const rad = Math.max(1, Math.ceil(3 * sigma));
  const k = new Float32Array(2 * rad + 1);
  let sum = 0;
  for (let i = -rad; i <= rad; i++) {
    k[i + rad] = Math.exp(-(i * i) / (2 * sigma * sigma));
    sum += k[i + rad]!;
  }
  for (let i = 0; i < k.length; i++) k[i] = k[i]! / sum;
  for (let l = 0; l < n; l++) {
    const base = l * lineStep;
    for (let i = 0; i < len; i++) tmp[i] = data[base + i * step]!;
    for (let i = 0; i < len; i++) {
      let s = 0;
      if (i >= rad && i + rad < len) {
        for (let j = -rad; j <= rad; j++) s += k[j + rad]! * tmp[i + j]!;
      } else {
        for (let j = -rad; j <= rad; j++) {
          const q = i + j < 0 ? 0 : i + j >= len ? len - 1 : i + j;
          s += k[j + rad]! * tmp[q]!;
        }
      }
      data[base + i * step] = s;
    }
  }
}

/** Box widths (odd) for three passes whose total variance is σ² (Kovesi 2010). */
function boxWidths(sigma: number): number[] {
  const n = 3;
  let wl = Math.floor(Math.sqrt((12 * sigma * sigma) / n + 1));
  if (wl % 2 === 0) wl--;
  const wu = wl + 2;
  const m = Math.round((12 * sigma * sigma - n * wl * wl - 4 * n * wl - 3 * n) / (-4 * wl - 4));
  return Array.from({ length: n }, (_, i) => (i < m ? wl : wu));
}

function boxLines(data: Float32Array, tmp: Float32Array, len: number, n: number, step: number, lineStep: number, sigma: number): void {
  const widths = boxWidths(sigma);
  for (let l = 0; l < n; l++) {
    const base = l * lineStep;
    for (let i = 0; i < len; i++) tmp[i] = data[base + i * step]!;
    for (const w of widths) {
      const r = (w - 1) / 2;
      const at = (q: number): number => tmp[q < 0 ? 0 : q >= len ? len - 1 : q]!;
      let s = 0;
      for (let j = -r; j <= r; j++) s += at(j);
      // Write into data, then copy back to tmp for the next pass.
      for (let i = 0; i < len; i++) {
        data[base + i * step] = s / w;
        s += at(i + r + 1) - at(i - r);
      }
      for (let i = 0; i < len; i++) tmp[i] = data[base + i * step]!;
    }
  }
}

export function fastGaussianBlur(src: Float32Array, w: number, h: number, sx: number, sy: number): Float32Array {
  const out = Float32Array.from(src);
  const tmp = new Float32Array(Math.max(w, h));
  if (sx > 0) (sx <= DIRECT_MAX_SIGMA ? directLines : boxLines)(out, tmp, w, h, 1, w, sx);
  if (sy > 0) (sy <= DIRECT_MAX_SIGMA ? directLines : boxLines)(out, tmp, h, w, w, 1, sy);
  return out;
}
