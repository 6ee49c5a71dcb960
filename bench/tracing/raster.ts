/** Dice overlap of two closed outlines, rasterised at pixel centres on a 4× finer grid. */
import type { ImagePoint } from '../../src/domain/types';

const SUPER = 4;

function fill(outline: readonly ImagePoint[], x0: number, y0: number, w: number, h: number): Uint8Array {
  const mask = new Uint8Array(w * h);
  const n = outline.length;
  for (let r = 0; r < h; r++) {
    const y = y0 + (r + 0.5) / SUPER;
    const xs: number[] = [];
    for (let i = 0; i < n; i++) {
      const a = outline[i]!;
      const b = outline[(i + 1) % n]!;
      if ((a.y <= y && b.y > y) || (b.y <= y && a.y > y)) xs.push(a.x + ((y - a.y) / (b.y - a.y)) * (b.x - a.x));
    }
    xs.sort((p, q) => p - q);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const c0 = Math.max(0, Math.ceil((xs[k]! - x0) * SUPER - 0.5));
      const c1 = Math.min(w - 1, Math.floor((xs[k + 1]! - x0) * SUPER - 0.5));
      for (let c = c0; c <= c1; c++) mask[r * w + c] = 1;
    }
  }
  return mask;
}

export function dice(a: readonly ImagePoint[], b: readonly ImagePoint[]): number {
  const all = [...a, ...b];
  const x0 = Math.floor(Math.min(...all.map((p) => p.x))) - 1;
  const y0 = Math.floor(Math.min(...all.map((p) => p.y))) - 1;
  const w = (Math.ceil(Math.max(...all.map((p) => p.x))) + 2 - x0) * SUPER;
  const h = (Math.ceil(Math.max(...all.map((p) => p.y))) + 2 - y0) * SUPER;
  const ma = fill(a, x0, y0, w, h);
  const mb = fill(b, x0, y0, w, h);
  let inter = 0;
  let sa = 0;
  let sb = 0;
  for (let i = 0; i < ma.length; i++) {
    sa += ma[i]!;
    sb += mb[i]!;
    inter += ma[i]! & mb[i]!;
  }
  return sa + sb > 0 ? (2 * inter) / (sa + sb) : 0;
}
