/**
 * The edge map the assisted (livewire) tracer walks on, built from the STORED pixel values of a
 * frame — never from the rendered canvas — so the display window cannot change the outline.
 *
 * Values go through the modality rescale, are scaled by the frame's own robust range (1st–99th
 * percentile), smoothed by a Gaussian (speckle reduction), and differentiated (central
 * differences). Work is done lazily in tiles, only where the path search goes, so a 2048×2048
 * frame costs no more than a small one until the user traces across all of it.
 */

/** A frame as stored: row-major values, one or more samples per pixel (RGB averaged). */
export interface StoredFrame {
  readonly width: number;
  readonly height: number;
  readonly pixels: ArrayLike<number>;
  readonly samplesPerPixel?: number;
  readonly rescaleSlope?: number;
  readonly rescaleIntercept?: number;
}

export interface EdgeMapOptions {
  /** Standard deviation of the speckle-reducing Gaussian, in pixels (the map the path follows). */
  readonly sigmaPx: number;
  /**
   * When set, the map is of echo AMPLITUDE: each range-normalised value v (log-compressed grey
   * level) is first taken to exp((v − 1) · amplitudeDb / 20 · ln 10), i.e. the frame's robust range
   * is assumed to span amplitudeDb decibels (see AssistedOptions.linearRangeDb). Done tile by tile.
   */
  readonly amplitudeDb?: number;
}

const TILE = 32;
/** At most this many values are sorted to find the robust range. */
const RANGE_SAMPLES = 65_536;

export class EdgeMap {
  readonly width: number;
  readonly height: number;
  /** Gradient of the smoothed, range-normalised values (per pixel), valid where the tile is done. */
  readonly gx: Float32Array;
  readonly gy: Float32Array;
  /** The smoothed values themselves, valid where the tile is done. */
  readonly smooth: Float32Array;
  private readonly values: Float32Array;
  private readonly tilesX: number;
  private readonly tileDone: Uint8Array;
  private readonly kernel: Float32Array;
  private readonly radius: number;
  private readonly scratchH: Float32Array;
  private readonly scratchS: Float32Array;
  /** exp factor per unit of normalised value (0: values used as they are). */
  private readonly amplitudeK: number;
  private readonly rowScratch: Float32Array;

  /** values: range-normalised modality values (see normalisedValues), shared between scales. */
  constructor(values: Float32Array, width: number, height: number, options: EdgeMapOptions) {
    this.width = width;
    this.height = height;
    this.values = values;
    this.gx = new Float32Array(width * height);
    this.gy = new Float32Array(width * height);
    this.smooth = new Float32Array(width * height);
    this.tilesX = Math.ceil(width / TILE);
    this.tileDone = new Uint8Array(this.tilesX * Math.ceil(height / TILE));
    this.radius = Math.max(1, Math.ceil(3 * options.sigmaPx));
    this.kernel = gaussianKernel(options.sigmaPx, this.radius);
    const span = TILE + 2 + 2 * this.radius;
    this.scratchH = new Float32Array(span * (TILE + 2));
    this.scratchS = new Float32Array((TILE + 2) * (TILE + 2));
    this.amplitudeK = options.amplitudeDb ? (options.amplitudeDb / 20) * Math.LN10 : 0;
    this.rowScratch = new Float32Array(span);
  }

  /** Makes sure the gradient at pixel index i is computed. */
  ensure(i: number): void {
    const x = i % this.width;
    const y = (i - x) / this.width;
    const t = ((y / TILE) | 0) * this.tilesX + ((x / TILE) | 0);
    if (!this.tileDone[t]) this.computeTile(t);
  }

  /** Gradient at a point between pixel centres (bilinear), for sub-pixel refinement. */
  gradientAt(x: number, y: number): [number, number] {
    const cx = Math.min(Math.max(x, 0), this.width - 1);
    const cy = Math.min(Math.max(y, 0), this.height - 1);
    const x0 = Math.min(Math.floor(cx), this.width - 2 < 0 ? 0 : this.width - 2);
    const y0 = Math.min(Math.floor(cy), this.height - 2 < 0 ? 0 : this.height - 2);
    const x1 = Math.min(x0 + 1, this.width - 1);
    const y1 = Math.min(y0 + 1, this.height - 1);
    const fx = cx - x0;
    const fy = cy - y0;
    const w = this.width;
    const idx = [y0 * w + x0, y0 * w + x1, y1 * w + x0, y1 * w + x1] as const;
    for (const i of idx) this.ensure(i);
    const weights = [(1 - fx) * (1 - fy), fx * (1 - fy), (1 - fx) * fy, fx * fy];
    let gx = 0;
    let gy = 0;
    for (let k = 0; k < 4; k++) {
      gx += weights[k]! * this.gx[idx[k]!]!;
      gy += weights[k]! * this.gy[idx[k]!]!;
    }
    return [gx, gy];
  }

  /** Smoothed value at a point between pixel centres (bilinear; clamped to the frame). */
  smoothAt(x: number, y: number): number {
    const cx = Math.min(Math.max(x, 0), this.width - 1);
    const cy = Math.min(Math.max(y, 0), this.height - 1);
    const x0 = Math.floor(cx);
    const y0 = Math.floor(cy);
    const x1 = Math.min(x0 + 1, this.width - 1);
    const y1 = Math.min(y0 + 1, this.height - 1);
    const fx = cx - x0;
    const fy = cy - y0;
    const w = this.width;
    const a = y0 * w + x0;
    const b = y0 * w + x1;
    const c = y1 * w + x0;
    const d = y1 * w + x1;
    this.ensure(a);
    this.ensure(b);
    this.ensure(c);
    this.ensure(d);
    const s = this.smooth;
    return (1 - fy) * ((1 - fx) * s[a]! + fx * s[b]!) + fy * ((1 - fx) * s[c]! + fx * s[d]!);
  }

  private computeTile(t: number): void {
    const { width: W, height: H, values: v, kernel: k, radius: r } = this;
    const x0 = (t % this.tilesX) * TILE;
    const y0 = Math.floor(t / this.tilesX) * TILE;
    const x1 = Math.min(W, x0 + TILE);
    const y1 = Math.min(H, y0 + TILE);
    // The smoothed values are needed one pixel around the tile (central differences).
    const ex0 = Math.max(0, x0 - 1);
    const ex1 = Math.min(W, x1 + 1);
    const ey0 = Math.max(0, y0 - 1);
    const ey1 = Math.min(H, y1 + 1);
    const sy0 = Math.max(0, ey0 - r);
    const sy1 = Math.min(H, ey1 + r);
    const ew = ex1 - ex0;
    const h = this.scratchH;
    const am = this.amplitudeK;
    const src = this.rowScratch;
    for (let y = sy0; y < sy1; y++) {
      const row = y * W;
      const out = (y - sy0) * ew;
      // The row's values from ex0 − r to ex1 + r (clamped at the frame's edges), as amplitude if asked.
      for (let q = 0; q < ew + 2 * r; q++) {
        const x = ex0 - r + q;
        const value = v[row + (x < 0 ? 0 : x >= W ? W - 1 : x)]!;
        src[q] = am ? Math.exp(am * (value - 1)) : value;
      }
      for (let x = ex0; x < ex1; x++) {
        let s = 0;
        const base = x - ex0;
        for (let j = 0; j <= 2 * r; j++) s += k[j]! * src[base + j]!;
        h[out + x - ex0] = s;
      }
    }
    const s = this.scratchS;
    for (let y = ey0; y < ey1; y++) {
      for (let x = 0; x < ew; x++) {
        let acc = 0;
        for (let j = -r; j <= r; j++) {
          const yy = y + j < 0 ? 0 : y + j >= H ? H - 1 : y + j;
          acc += k[j + r]! * h[(yy - sy0) * ew + x]!;
        }
        s[(y - ey0) * ew + x] = acc;
      }
    }
    const at = (x: number, y: number) => s[(y - ey0) * ew + (x - ex0)]!;
    for (let y = y0; y < y1; y++) {
      const ya = Math.max(ey0, y - 1);
      const yb = Math.min(ey1 - 1, y + 1);
      for (let x = x0; x < x1; x++) {
        const xa = Math.max(ex0, x - 1);
        const xb = Math.min(ex1 - 1, x + 1);
        const i = y * W + x;
        this.smooth[i] = at(x, y);
        this.gx[i] = (at(xb, y) - at(xa, y)) / Math.max(1, xb - xa);
        this.gy[i] = (at(x, yb) - at(x, ya)) / Math.max(1, yb - ya);
      }
    }
    this.tileDone[t] = 1;
  }
}

function gaussianKernel(sigma: number, radius: number): Float32Array {
  const k = new Float32Array(2 * radius + 1);
  let sum = 0;
  for (let j = -radius; j <= radius; j++) {
    const w = Math.exp(-(j * j) / (2 * sigma * sigma));
    k[j + radius] = w;
    sum += w;
  }
  for (let j = 0; j < k.length; j++) k[j]! /= sum;
  return k;
}

/**
 * Modality values (rescale applied; RGB averaged) scaled so that the frame's 1st percentile is 0
 * and its 99th is 1: the edge costs are then the same for any linear rescale of the stored data.
 */
export function normalisedValues(frame: StoredFrame): Float32Array {
  const { width, height, pixels } = frame;
  if (!(width > 0 && height > 0) || pixels.length < width * height) {
    throw new RangeError('The frame has no pixel data of its stated size.');
  }
  const n = width * height;
  const spp = Math.max(1, Math.round(frame.samplesPerPixel ?? 1));
  const slope = frame.rescaleSlope ?? 1;
  const intercept = frame.rescaleIntercept ?? 0;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let raw: number;
    if (spp === 1) raw = pixels[i]!;
    else {
      raw = 0;
      for (let c = 0; c < Math.min(spp, 3); c++) raw += pixels[i * spp + c]!;
      raw /= Math.min(spp, 3);
    }
    out[i] = raw * slope + intercept;
  }
  const stride = Math.max(1, Math.floor(n / RANGE_SAMPLES));
  const sample = new Float32Array(Math.ceil(n / stride));
  for (let i = 0, k = 0; i < n; i += stride, k++) sample[k] = out[i]!;
  sample.sort();
  const lo = sample[Math.floor(0.01 * (sample.length - 1))]!;
  const hi = sample[Math.ceil(0.99 * (sample.length - 1))]!;
  const scale = hi > lo ? 1 / (hi - lo) : 1;
  for (let i = 0; i < n; i++) out[i] = (out[i]! - lo) * scale;
  return out;
}
