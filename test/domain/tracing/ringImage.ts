/** A dark disc (the nerve) inside a bright ring (the rim) on a mid-grey background, with light deterministic noise. */
export function ringImage(size = 96, radius = 20, rim = 6, noise = 8) {
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
  return { width: size, height: size, pixels, centre: { x: c, y: c }, radius };
}
