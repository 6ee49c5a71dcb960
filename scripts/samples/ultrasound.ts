/**
 * Synthetic B-mode ultrasound of the sciatic nerve in transverse section.
 *
 * Model: an echogenicity map (tissue reflectivity, 0..~1.3) is built in tissue
 * coordinates (X = lateral mm, D = depth mm from the transducer face), blurred by a
 * point-spread function, multiplied by Rayleigh-distributed speckle (magnitude of a
 * smoothed complex Gaussian field), attenuated with depth and log-compressed to 8 bits.
 * Everything outside the scan rectangle is black apart from the depth scale and markers.
 */
import { type Ellipse, type PixelMap, clamp, ellipseOffset, ellipseRho, ellipseSignedDistance, mmToPx, segmentDistance, smoothstep } from './geometry.ts';
import { type Fascicle, type NerveStyle, discCoverage, placeFascicles } from './nerve.ts';
import { Rng } from './prng.ts';

/** Scan rectangle in pixel coordinates, inclusive (as in RegionLocationMinX0..MaxY1). */
export interface RegionBox {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

export interface UsView {
  readonly width: number;
  readonly height: number;
  readonly region: RegionBox;
  /** mm per column and per row inside the region. */
  readonly dxMm: number;
  readonly dyMm: number;
  /** Tissue X (mm) seen at column region.x0 (changes when the probe slides). */
  readonly lateralOffsetMm: number;
}

/** Pixel <-> tissue-mm mapping of a view: X = lateralOffset + (col - x0) dx, D = (row - y0) dy. */
export function usPixelMap(v: UsView): PixelMap {
  return { col0: v.region.x0 - v.lateralOffsetMm / v.dxMm, row0: v.region.y0, columnSpacingMm: v.dxMm, rowSpacingMm: v.dyMm };
}

export interface Bone {
  /** Lateral position of the apex (mm), depth of the apex (mm), half width (mm), curvature (1/mm). */
  readonly x: number;
  readonly depth: number;
  readonly halfWidth: number;
  readonly curvature: number;
}

/** Anechoic vessel lumen (mm) with an echogenic wall. */
export interface Lumen {
  readonly x: number;
  readonly y: number;
  readonly r: number;
  readonly wallEcho: number;
}

interface Streak {
  readonly ax: number;
  readonly ay: number;
  readonly bx: number;
  readonly by: number;
  readonly halfWidth: number;
  readonly echo: number;
  readonly layer: number;
}

export interface UsTissue {
  readonly seed: string;
  readonly fatDepthMm: number;
  readonly nerve: Ellipse;
  readonly fascicles: readonly Fascicle[];
  readonly style: NerveStyle;
  readonly enlarged: boolean;
  readonly planeSlope: number;
  readonly bone: Bone | null;
  readonly lumens: readonly Lumen[];
  readonly phases: readonly number[];
  streaks: Streak[];
}

const L_SKIN = 0;
const L_DERMIS = 1;
const L_FAT = 2;
const L_FASCIA = 3;
const L_MUSCLE1 = 4;
const L_PLANE = 5;
const L_MUSCLE2 = 6;
const LAYER_ECHO = [0.9, 0.32, 0.07, 0.7, 0.11, 0.42, 0.12];

export interface TissueOptions {
  readonly seed: string;
  readonly fatDepthMm: number;
  readonly nerve: Ellipse;
  readonly fascicles: readonly Fascicle[];
  readonly style: NerveStyle;
  readonly enlarged: boolean;
  readonly planeSlope: number;
  readonly bone: Bone | null;
  readonly lumens?: readonly Lumen[];
  /** Lateral range (mm) over which muscle texture is generated. */
  readonly xRangeMm: readonly [number, number];
  readonly depthMm: number;
}

export function makeTissue(o: TissueOptions): UsTissue {
  const rng = new Rng(`${o.seed}/tissue`);
  const phases = Array.from({ length: 6 }, () => rng.range(0, 2 * Math.PI));
  const t: UsTissue = {
    seed: o.seed,
    fatDepthMm: o.fatDepthMm,
    nerve: o.nerve,
    fascicles: o.fascicles,
    style: o.style,
    enlarged: o.enlarged,
    planeSlope: o.planeSlope,
    bone: o.bone,
    lumens: o.lumens ?? [],
    phases,
    streaks: [],
  };
  // Muscle "starry night" texture (perimysium) and fibrous septa in the fat.
  const [xlo, xhi] = o.xRangeMm;
  const area = (xhi - xlo) * o.depthMm;
  const halo = ellipseOffset(o.nerve, 2.0);
  const n = Math.round(area * 1.6);
  for (let i = 0; i < n; i++) {
    const x = rng.range(xlo, xhi);
    const y = rng.range(0, o.depthMm);
    const layer = layerAt(t, x, y);
    if (ellipseRho(halo, x, y) < 1.15) continue;
    let len: number;
    let ang: number;
    let hw: number;
    let echo: number;
    const u = rng.next();
    if (layer === L_MUSCLE1 || layer === L_MUSCLE2) {
      const base = layer === L_MUSCLE1 ? 0.1 : -0.2;
      if (u < 0.025) {
        // Perimysial septum: longer, faint.
        len = rng.range(2.5, 7);
        ang = base + rng.gaussian() * 0.2;
        hw = rng.range(0.05, 0.08);
        echo = rng.range(0.12, 0.25);
      } else {
        // Fibre bundles cut across: short bright dashes ("starry night").
        len = rng.range(0.15, 1.3);
        ang = base + rng.gaussian() * 0.35;
        hw = rng.range(0.04, 0.08);
        echo = rng.range(0.12, 0.36);
      }
    } else if (layer === L_FAT) {
      if (u > 0.05) continue;
      len = rng.range(2, 6);
      ang = rng.gaussian() * 0.5;
      hw = rng.range(0.04, 0.07);
      echo = rng.range(0.12, 0.25);
    } else {
      continue;
    }
    const dx = (Math.cos(ang) * len) / 2;
    const dy = (Math.sin(ang) * len) / 2;
    t.streaks.push({ ax: x - dx, ay: y - dy, bx: x + dx, by: y + dy, halfWidth: hw, echo, layer });
  }
  return t;
}

function fasciaDepth(t: UsTissue, x: number): number {
  const p = t.phases;
  return t.fatDepthMm + 0.7 * Math.sin(x / 7 + p[0]!) + 0.3 * Math.sin(x / 2.3 + p[1]!);
}

function planeDepth(t: UsTissue, x: number): number {
  const p = t.phases;
  return t.nerve.cy - 0.2 * t.nerve.b + t.planeSlope * (x - t.nerve.cx) + 0.5 * Math.sin(x / 5 + p[2]!);
}

function layerAt(t: UsTissue, x: number, d: number): number {
  if (d < 0.45) return L_SKIN;
  if (d < 1.5) return L_DERMIS;
  const f = fasciaDepth(t, x);
  if (d < f) return L_FAT;
  if (d < f + 0.5) return L_FASCIA;
  const pl = planeDepth(t, x);
  if (Math.abs(d - pl) < 0.3) return L_PLANE;
  return d < pl ? L_MUSCLE1 : L_MUSCLE2;
}

function baseEcho(t: UsTissue, x: number, d: number): number {
  return LAYER_ECHO[layerAt(t, x, d)]!;
}

/** Bone: bright curved surface and acoustic shadow beneath it (applied after the soft tissue). */
function applyBone(t: UsTissue, x: number, d: number, e: number): number {
  const b = t.bone;
  if (!b) return e;
  const dx = x - b.x;
  const surf = b.depth + b.curvature * dx * dx;
  const lateral = smoothstep(b.halfWidth, b.halfWidth - 0.8, Math.abs(dx));
  if (lateral <= 0) return e;
  if (Math.abs(d - surf) < 0.45) return e + (1.35 - e) * lateral;
  if (d > surf) return e + (0.04 * e - e) * lateral;
  return e;
}

/** Echogenicity map (width*height, zero outside the region). */
export function renderEcho(t: UsTissue, v: UsView): Float32Array {
  const { width, region } = v;
  const map = usPixelMap(v);
  const E = new Float32Array(v.width * v.height);
  const layer = new Uint8Array(v.width * v.height);
  const toX = (col: number): number => (col - map.col0) * v.dxMm;
  const toD = (row: number): number => (row - map.row0) * v.dyMm;

  // 1. Layers, bone and acoustic shadow (2x2 supersampling).
  for (let r = region.y0; r <= region.y1; r++) {
    for (let c = region.x0; c <= region.x1; c++) {
      let s = 0;
      for (const oy of [-0.25, 0.25]) for (const ox of [-0.25, 0.25]) s += baseEcho(t, toX(c + ox), toD(r + oy));
      E[r * width + c] = s / 4;
      layer[r * width + c] = layerAt(t, toX(c), toD(r));
    }
  }

  // 2. Muscle texture and fat septa.
  const soft = Math.max(v.dxMm, v.dyMm);
  for (const s of t.streaks) {
    const [c0, r0] = mmToPx(map, [Math.min(s.ax, s.bx) - 0.5, Math.min(s.ay, s.by) - 0.5]);
    const [c1, r1] = mmToPx(map, [Math.max(s.ax, s.bx) + 0.5, Math.max(s.ay, s.by) + 0.5]);
    for (let r = Math.max(region.y0, Math.floor(r0)); r <= Math.min(region.y1, Math.ceil(r1)); r++) {
      for (let c = Math.max(region.x0, Math.floor(c0)); c <= Math.min(region.x1, Math.ceil(c1)); c++) {
        const i = r * width + c;
        if (layer[i] !== s.layer) continue;
        const cov = discCoverage(segmentDistance(toX(c), toD(r), s.ax, s.ay, s.bx, s.by), s.halfWidth, soft);
        if (cov > 0) E[i] = E[i]! + s.echo * cov;
      }
    }
  }

  // Bone surface and shadow (after the texture so the shadow hides it too).
  if (t.bone) {
    for (let r = region.y0; r <= region.y1; r++) {
      for (let c = region.x0; c <= region.x1; c++) {
        let s = 0;
        const e = E[r * width + c]!;
        for (const oy of [-0.25, 0.25]) for (const ox of [-0.25, 0.25]) s += applyBone(t, toX(c + ox), toD(r + oy), e);
        E[r * width + c] = s / 4;
      }
    }
  }

  // 3. Nerve: perineural fat halo, hyperechoic epineurial rim OUTSIDE the outline, fascicles inside.
  const nerve = t.nerve;
  const rimMm = t.enlarged ? 0.5 : 0.55;
  const halo: Ellipse = { ...nerve, a: nerve.a + 2.4, b: nerve.b + 1.5 };
  const fasc = placeFascicles(nerve, t.fascicles, t.style.marginMm);
  const interior = t.enlarged ? 0.2 : 0.3;
  const fascEcho = t.enlarged ? 0.075 : 0.06;
  const rimEcho = t.enlarged ? 0.95 : 1.1;
  const haloRng = new Rng(`${t.seed}/halo`);
  const haloEcho = 0.36 + haloRng.range(-0.03, 0.03);
  const reach = Math.max(halo.a, halo.b) + 0.5;
  const [hc0, hr0] = mmToPx(map, [nerve.cx - reach, nerve.cy - reach]);
  const [hc1, hr1] = mmToPx(map, [nerve.cx + reach, nerve.cy + reach]);
  const sub = [-1 / 3, 0, 1 / 3];
  for (let r = Math.max(region.y0, Math.floor(hr0)); r <= Math.min(region.y1, Math.ceil(hr1)); r++) {
    for (let c = Math.max(region.x0, Math.floor(hc0)); c <= Math.min(region.x1, Math.ceil(hc1)); c++) {
      const i = r * width + c;
      const bg = E[i]!;
      let sum = 0;
      for (const oy of sub) {
        for (const ox of sub) {
          const x = toX(c + ox);
          const d = toD(r + oy);
          const sd = ellipseSignedDistance(nerve, x, d);
          let val: number;
          if (sd < 0) {
            val = interior;
            for (const f of fasc) {
              const dd = (x - f.x) ** 2 + (d - f.y) ** 2;
              if (dd < f.r * f.r) {
                val = fascEcho;
                break;
              }
            }
          } else if (sd < rimMm) {
            val = rimEcho;
          } else {
            const rho = ellipseRho(halo, x, d);
            const w = smoothstep(1.0, 0.8, rho);
            val = bg + (haloEcho - bg) * w;
          }
          sum += val;
        }
      }
      E[i] = sum / 9;
    }
  }

  // 4. Vessel lumens (anechoic, echogenic wall).
  for (const l of t.lumens) {
    const [lc0, lr0] = mmToPx(map, [l.x - l.r - 0.6, l.y - l.r - 0.6]);
    const [lc1, lr1] = mmToPx(map, [l.x + l.r + 0.6, l.y + l.r + 0.6]);
    for (let r = Math.max(region.y0, Math.floor(lr0)); r <= Math.min(region.y1, Math.ceil(lr1)); r++) {
      for (let c = Math.max(region.x0, Math.floor(lc0)); c <= Math.min(region.x1, Math.ceil(lc1)); c++) {
        const i = r * width + c;
        const dist = Math.hypot(toX(c) - l.x, toD(r) - l.y);
        const inside = discCoverage(dist, l.r, soft);
        const wall = discCoverage(dist, l.r + 0.3, soft) - inside;
        E[i] = E[i]! * (1 - inside - wall) + 0.008 * inside + l.wallEcho * wall;
      }
    }
  }

  // 5. Point-spread function: wider laterally than axially.
  return gaussianBlur(E, v.width, v.height, 1.0, 0.6);
}

/** Separable Gaussian blur with clamped edges. */
export function gaussianBlur(src: Float32Array, w: number, h: number, sx: number, sy: number): Float32Array {
  const kernel = (s: number): Float32Array => {
    const rad = Math.max(1, Math.ceil(3 * s));
    const k = new Float32Array(2 * rad + 1);
    let sum = 0;
    for (let i = -rad; i <= rad; i++) {
      const val = Math.exp(-(i * i) / (2 * s * s));
      k[i + rad] = val;
      sum += val;
    }
    for (let i = 0; i < k.length; i++) k[i] = k[i]! / sum;
    return k;
  };
  const kx = kernel(sx);
  const ky = kernel(sy);
  const rx = (kx.length - 1) / 2;
  const ry = (ky.length - 1) / 2;
  const tmp = new Float32Array(w * h);
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0;
      for (let k = -rx; k <= rx; k++) s += kx[k + rx]! * src[y * w + clamp(x + k, 0, w - 1)]!;
      tmp[y * w + x] = s;
    }
  }
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0;
      for (let k = -ry; k <= ry; k++) s += ky[k + ry]! * tmp[clamp(y + k, 0, h - 1) * w + x]!;
      out[y * w + x] = s;
    }
  }
  return out;
}

/**
 * Complex Gaussian fields smoothed to speckle-grain size, normalised to unit mean power.
 * Several independent "looks" are averaged after detection (spatial compounding), which
 * softens the speckle the way modern scanners do.
 */
export interface ComplexField {
  readonly w: number;
  readonly h: number;
  readonly re: Float32Array[];
  readonly im: Float32Array[];
}

export function speckleField(seed: string, w: number, h: number, looks = 3, grainX = 2.0, grainY = 1.0): ComplexField {
  const rng = new Rng(`${seed}/speckle`);
  const re: Float32Array[] = [];
  const im: Float32Array[] = [];
  for (let l = 0; l < looks; l++) {
    const a = gaussianBlur(rng.fillGaussian(new Float32Array(w * h)), w, h, grainX, grainY);
    const b = gaussianBlur(rng.fillGaussian(new Float32Array(w * h)), w, h, grainX, grainY);
    let p = 0;
    for (let i = 0; i < a.length; i++) p += a[i]! * a[i]! + b[i]! * b[i]!;
    const k = 1 / Math.sqrt(p / a.length);
    for (let i = 0; i < a.length; i++) {
      a[i] = a[i]! * k;
      b[i] = b[i]! * k;
    }
    re.push(a);
    im.push(b);
  }
  return { w, h, re, im };
}

/**
 * Speckle magnitude (mean of Rayleigh looks) for a w*h image. For a cine, `world` is a wider
 * field sampled with a horizontal shift (tissue moving under the probe) and mixed with a fresh
 * field (partial decorrelation between frames).
 */
export function speckleMagnitude(world: ComplexField, shiftPx: number, w: number, h: number, fresh?: ComplexField, freshWeight = 0): Float32Array {
  const out = new Float32Array(w * h);
  const a = Math.sqrt(1 - freshWeight);
  const b = Math.sqrt(freshWeight);
  const looks = world.re.length;
  for (let l = 0; l < looks; l++) {
    const wr = world.re[l]!;
    const wi = world.im[l]!;
    const fr = fresh?.re[l];
    const fi = fresh?.im[l];
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const j = y * world.w + clamp(x + shiftPx, 0, world.w - 1);
        let re = a * wr[j]!;
        let im = a * wi[j]!;
        if (fr && fi && b > 0) {
          re += b * fr[y * w + x]!;
          im += b * fi[y * w + x]!;
        }
        out[y * w + x] = out[y * w + x]! + Math.hypot(re, im) / looks;
      }
    }
  }
  return out;
}

/** Depth attenuation (partially compensated by TGC), speckle and log compression to 8 bits. */
export function toBMode(E: Float32Array, speckle: Float32Array, v: UsView): Uint8Array {
  const img = new Uint8Array(v.width * v.height);
  const { region } = v;
  const depthMax = (region.y1 - region.y0) * v.dyMm;
  const lo = -33;
  const hi = 3;
  for (let r = region.y0; r <= region.y1; r++) {
    const d = (r - region.y0) * v.dyMm;
    const gain = (1 - 0.35 * (d / depthMax)) * (1 + 0.25 * Math.exp(-d / 1.2));
    for (let c = region.x0; c <= region.x1; c++) {
      const i = r * v.width + c;
      const env = E[i]! * gain * speckle[i]!;
      const db = 20 * Math.log10(env + 1e-5);
      img[i] = Math.round(255 * clamp((db - lo) / (hi - lo), 0, 1));
    }
  }
  return img;
}

/** Depth scale outside the right edge of the region: 10 mm dashes and 5 mm dots. */
export interface DepthTicks {
  readonly x: number;
  readonly firstY: number;
  readonly majorRows: number[];
  readonly minorRows: number[];
}

export function drawDepthScale(img: Uint8Array, v: UsView, x: number): DepthTicks {
  const depthMax = (v.region.y1 - v.region.y0) * v.dyMm;
  const majorRows: number[] = [];
  const minorRows: number[] = [];
  for (let mm = 0; mm <= depthMax + 1e-9; mm += 5) {
    const row = v.region.y0 + Math.round(mm / v.dyMm);
    if (row > v.region.y1) break;
    const major = Math.round(mm) % 10 === 0;
    (major ? majorRows : minorRows).push(row);
    const half = major ? 5 : 1;
    for (let c = x - half; c <= x + half; c++) img[row * v.width + c] = major ? 255 : 200;
    if (!major) {
      img[(row - 1) * v.width + x] = 200;
      img[(row + 1) * v.width + x] = 200;
    }
    if (major && mm > 0) drawNumber(img, v.width, x + 8, row - 3, String(Math.round(mm / 10)), 210);
  }
  return { x, firstY: v.region.y0, majorRows, minorRows };
}

/** Focus marker (small left-pointing triangle) and probe orientation marker. */
export function drawMarkers(img: Uint8Array, v: UsView, focusDepthMm: number): void {
  const fr = v.region.y0 + Math.round(focusDepthMm / v.dyMm);
  const fx = v.region.x1 + 3;
  for (let k = 0; k < 4; k++) for (let dy = -k; dy <= k; dy++) img[(fr + dy) * v.width + fx + k] = 230;
  const ox = v.region.x0 + 2;
  const oy = v.region.y0 - 8;
  if (oy >= 0) for (let dy = 0; dy < 5; dy++) for (let dx = 0; dx < 5; dx++) img[(oy + dy) * v.width + ox + dx] = 220;
}

// 3x5 bitmap digits for the depth-scale labels.
const DIGITS: Record<string, string> = {
  '0': '111101101101111',
  '1': '010110010010111',
  '2': '111001111100111',
  '3': '111001111001111',
  '4': '101101111001001',
  '5': '111100111001111',
  '6': '111100111101111',
  '7': '111001010010010',
  '8': '111101111101111',
  '9': '111101111001111',
};

export function drawNumber(img: Uint8Array, width: number, x: number, y: number, text: string, value: number): void {
  let cx = x;
  for (const ch of text) {
    const g = DIGITS[ch];
    if (!g) continue;
    for (let k = 0; k < 15; k++) if (g[k] === '1') img[(y + Math.floor(k / 3)) * width + cx + (k % 3)] = value;
    cx += 4;
  }
}

/** Colour-flow source: parabolic velocity profile in a disc (signed peak, arbitrary units). */
export interface Flow {
  readonly x: number;
  readonly y: number;
  readonly r: number;
  readonly peak: number;
}

/**
 * Colour Doppler overlay: grey B-mode to interleaved RGB, flow coloured inside the colour box
 * (red/yellow towards the probe, blue/cyan away), box outline and colour bar.
 */
export function dopplerRgb(grey: Uint8Array, v: UsView, boxMm: { x0: number; y0: number; x1: number; y1: number }, flows: readonly Flow[], seed: string): { rgb: Uint8Array; boxPx: RegionBox } {
  const rng = new Rng(`${seed}/doppler`);
  const map = usPixelMap(v);
  const rgb = new Uint8Array(v.width * v.height * 3);
  for (let i = 0; i < grey.length; i++) {
    const g = grey[i]!;
    rgb[3 * i] = g;
    rgb[3 * i + 1] = g;
    rgb[3 * i + 2] = g;
  }
  const [bc0, br0] = mmToPx(map, [boxMm.x0, boxMm.y0]);
  const [bc1, br1] = mmToPx(map, [boxMm.x1, boxMm.y1]);
  const boxPx = { x0: Math.round(bc0), y0: Math.round(br0), x1: Math.round(bc1), y1: Math.round(br1) };
  // Smooth random modulation so the colour blobs get irregular, partly filled edges.
  const bw = boxPx.x1 - boxPx.x0 + 1;
  const bh = boxPx.y1 - boxPx.y0 + 1;
  const mod = gaussianBlur(rng.fillGaussian(new Float32Array(bw * bh)), bw, bh, 2.5, 2.5);
  let sd = 0;
  for (let i = 0; i < mod.length; i++) sd += mod[i]! * mod[i]!;
  sd = Math.sqrt(sd / mod.length);
  for (let r = boxPx.y0; r <= boxPx.y1; r++) {
    for (let c = boxPx.x0; c <= boxPx.x1; c++) {
      const x = (c - map.col0) * v.dxMm;
      const y = (r - map.row0) * v.dyMm;
      let vel = 0;
      for (const f of flows) {
        const d2 = ((x - f.x) ** 2 + (y - f.y) ** 2) / (f.r * f.r);
        if (d2 < 1) vel += f.peak * (1 - d2);
      }
      vel *= 1 + (0.5 * mod[(r - boxPx.y0) * bw + (c - boxPx.x0)]!) / sd + 0.1 * rng.gaussian();
      if (Math.abs(vel) < 0.2) continue;
      const t = clamp(Math.abs(vel), 0, 1);
      const i = (r * v.width + c) * 3;
      if (vel > 0) {
        rgb[i] = Math.round(120 + 135 * Math.min(1, t * 1.6));
        rgb[i + 1] = Math.round(230 * t * t);
        rgb[i + 2] = Math.round(20 * t);
      } else {
        rgb[i] = Math.round(20 * t);
        rgb[i + 1] = Math.round(200 * t * t);
        rgb[i + 2] = Math.round(120 + 135 * Math.min(1, t * 1.6));
      }
    }
  }
  // Dotted box outline.
  const put = (c: number, r: number): void => {
    const i = (r * v.width + c) * 3;
    rgb[i] = 190;
    rgb[i + 1] = 190;
    rgb[i + 2] = 190;
  };
  for (let c = boxPx.x0; c <= boxPx.x1; c += 2) {
    put(c, boxPx.y0);
    put(c, boxPx.y1);
  }
  for (let r = boxPx.y0; r <= boxPx.y1; r += 2) {
    put(boxPx.x0, r);
    put(boxPx.x1, r);
  }
  // Colour bar left of the region: +velocity on top.
  const barX = 24;
  const barY = v.region.y0 + 20;
  const barH = 128;
  for (let k = 0; k < barH; k++) {
    const t = 1 - (2 * k) / (barH - 1);
    const a = Math.abs(t);
    const col: [number, number, number] =
      a < 0.04 ? [0, 0, 0] : t > 0 ? [Math.round(120 + 135 * Math.min(1, a * 1.6)), Math.round(230 * a * a), Math.round(20 * a)] : [Math.round(20 * a), Math.round(200 * a * a), Math.round(120 + 135 * Math.min(1, a * 1.6))];
    for (let dx = 0; dx < 10; dx++) {
      const i = ((barY + k) * v.width + barX + dx) * 3;
      rgb[i] = col[0];
      rgb[i + 1] = col[1];
      rgb[i + 2] = col[2];
    }
  }
  return { rgb, boxPx };
}
