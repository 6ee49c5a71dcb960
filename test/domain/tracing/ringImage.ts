/**
 * A dark disc (the nerve) inside a bright ring (the rim) on a mid-grey background, with light
 * deterministic noise; optionally blurred like an ultrasound beam (Gaussian, sigma in px).
 */
export function ringImage(size = 96, radius = 20, rim = 6, noise = 8, blurPx = 0) {
  const c = size / 2;
  const pixels = new Uint16Array(size * size);
  let s = 12345;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const r = Math.hypot(x - c, y - c);
      const base = r < radius ? 40 : r < radius + rim ? 200 : 90;
      s = (s * 1103515245 + 12345) & 0x7fffffff;
      pixels[y * size + x] = base + ((s % 1000) / 1000 - 0.5) * noise;
    }
  }
  return { width: size, height: size, pixels: blurPx > 0 ? blur(pixels, size, blurPx) : pixels, centre: { x: c, y: c }, radius };
}

function blur(pixels: Uint16Array, size: number, sigma: number): Uint16Array {
  const r = Math.ceil(3 * sigma);
  const k = Array.from({ length: 2 * r + 1 }, (_, i) => Math.exp(-((i - r) ** 2) / (2 * sigma * sigma)));
  const total = k.reduce((a, b) => a + b, 0);
  const pass = (src: ArrayLike<number>, horizontal: boolean) => {
    const out = new Float64Array(size * size);
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        let s = 0;
        for (let j = -r; j <= r; j++) {
          const xx = horizontal ? Math.min(size - 1, Math.max(0, x + j)) : x;
          const yy = horizontal ? y : Math.min(size - 1, Math.max(0, y + j));
          s += k[j + r]! * src[yy * size + xx]!;
        }
        out[y * size + x] = s / total;
      }
    }
    return out;
  };
  return Uint16Array.from(pass(pass(pixels, true), false), Math.round);
}
