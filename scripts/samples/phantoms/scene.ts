/**
 * The anatomy around one phantom nerve, in tissue millimetres (X lateral from the frame centre,
 * D depth below the skin): skin, subcutaneous fat, fascia, a deep compartment of muscle (sciatic,
 * common peroneal) or popliteal fat (tibial), an intermuscular fat plane carrying the nerve,
 * a neighbouring vessel, optionally a bone surface, and the nerve itself (border, rim brightness
 * along the border, fascicles). Independent of the pixel grid: any frame size renders the same scene.
 */
import { Rng } from '../prng.ts';
import type { PhantomSpec } from './catalogue.ts';
import { type NerveShape, type Harmonic, SHAPE_TABLE_SIZE, makeShape, signedDistance } from './shape.ts';

export interface Streak {
  readonly ax: number;
  readonly ay: number;
  readonly bx: number;
  readonly by: number;
  readonly halfWidth: number;
  /** Added reflectivity (negative for dark fat lobules). */
  readonly echo: number;
}

export interface Vessel {
  readonly x: number;
  readonly y: number;
  /** Lumen semi-axes (mm): veins are flattened by the probe. */
  readonly rx: number;
  readonly ry: number;
  readonly wallMm: number;
  readonly wallEcho: number;
  readonly kind: 'artery' | 'vein';
}

export interface BoneSurface {
  readonly x: number;
  readonly depth: number;
  readonly halfWidth: number;
  /** Depth increase per mm² of lateral distance (a convex surface). */
  readonly curvature: number;
}

export interface Fascicle {
  readonly x: number;
  readonly y: number;
  readonly r: number;
}

export interface Scene {
  readonly spec: PhantomSpec;
  readonly shape: NerveShape;
  /** Rim thickness (mm) and reflectivity at each φ step of the shape table. */
  readonly rimWidth: Float32Array;
  readonly rimEcho: Float32Array;
  /** Where the rim is gapped: arc-length intervals [from, to] (fractions 0..1, may wrap). */
  readonly gaps: ReadonlyArray<readonly [number, number]>;
  readonly interiorEcho: number;
  readonly fascicleEcho: number;
  readonly fascicles: readonly Fascicle[];
  /** Perineural fat around the rim: thickness (mm) and reflectivity. */
  readonly haloMm: number;
  readonly haloEcho: number;
  readonly fatDepthMm: number;
  readonly deep: 'muscle' | 'fat';
  readonly planeSlope: number;
  readonly phases: readonly number[];
  readonly streaks: readonly Streak[];
  readonly vessels: readonly Vessel[];
  readonly bone: BoneSurface | null;
  /** Time-gain compensation: dB per mm of depth (two-way) and slider bumps. */
  readonly tgcDbPerMm: number;
  readonly tgcBumps: ReadonlyArray<{ readonly depth: number; readonly db: number; readonly width: number }>;
  readonly focusDepthMm: number;
  /** Lateral and depth extent (mm) the texture is generated for; viewDepth = depth shown by the default frame. */
  readonly extent: { readonly x0: number; readonly x1: number; readonly depth: number; readonly viewDepth: number };
}

/** Rim and fascicle look by rim kind and by whether the nerve is enlarged. */
const RIM_ECHO = { clear: 4, faint: 0.9, gapped: 3.5 } as const;
const INTERIOR_ECHO = { clear: 0.8, faint: 0.7, gapped: 0.8 } as const;

function harmonicsFor(spec: PhantomSpec, rng: Rng): Harmonic[] {
  const irregular = spec.shape === 'irregular';
  const out: Harmonic[] = [];
  for (let order = 2; order <= 6; order++) {
    const amp = irregular ? rng.range(0.035, 0.085) / Math.sqrt(order - 1) : rng.range(0.004, 0.015);
    out.push({ order, amplitude: amp, phase: rng.range(0, 2 * Math.PI) });
  }
  if (irregular) out.push({ order: 1, amplitude: rng.range(0.03, 0.06), phase: rng.range(0, 2 * Math.PI) });
  return out;
}

/** Honeycomb of fascicles: a jittered hexagonal grid kept clear of the border by a margin. */
function placeFascicles(spec: PhantomSpec, shape: NerveShape, rng: Rng): Fascicle[] {
  // Fascicles are 0.5–1 mm across whatever the nerve (fewer in a small nerve); swollen in enlarged ones.
  const base = spec.nerve === 'sciatic' ? 1.3 : spec.nerve === 'tibial' ? 1.15 : 0.95;
  const spacing = base * (spec.enlarged ? 1.4 : 1);
  const rMin = spacing * (spec.enlarged ? 0.32 : 0.29);
  const rMax = spacing * (spec.enlarged ? 0.46 : 0.43);
  const margin = 0.12;
  const rowStep = (spacing * Math.sqrt(3)) / 2;
  const reach = shape.maxRadius + spacing;
  const out: Fascicle[] = [];
  const { cos, sin } = shape;
  for (let j = -Math.ceil(reach / rowStep); j <= Math.ceil(reach / rowStep); j++) {
    for (let i = -Math.ceil(reach / spacing); i <= Math.ceil(reach / spacing); i++) {
      const u = (i + (j & 1 ? 0.5 : 0)) * spacing + rng.range(-0.2, 0.2) * spacing;
      const v = j * rowStep + rng.range(-0.2, 0.2) * spacing;
      let r = rng.range(rMin, rMax);
      const x = shape.spec.cx + u * cos - v * sin;
      const y = shape.spec.cy + u * sin + v * cos;
      const rho = Math.hypot(u, v);
      let phi = Math.atan2(v, u);
      if (phi < 0) phi += 2 * Math.PI;
      const border = shape.radius[Math.round((phi / (2 * Math.PI)) * SHAPE_TABLE_SIZE) % SHAPE_TABLE_SIZE]!;
      // Shrink fascicles near the border (as real ones are packed), drop those that do not fit.
      const room = border - rho - margin;
      if (room < rMin * 0.7) continue;
      r = Math.min(r, room);
      out.push({ x, y, r });
    }
  }
  return out;
}

/** Smooth periodic noise along the border (sum of a few harmonics of arc length), mean 0. */
function borderNoise(rng: Rng, n: number, strength: number): Float32Array {
  const terms = Array.from({ length: 5 }, (_, k) => ({ k: k + 1, a: rng.range(0.4, 1) / (k + 1), p: rng.range(0, 2 * Math.PI) }));
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (const t of terms) s += t.a * Math.cos(2 * Math.PI * t.k * (i / n) + t.p);
    out[i] = strength * s;
  }
  return out;
}

function inGap(gaps: ReadonlyArray<readonly [number, number]>, f: number): number {
  // 1 inside a gap, 0 outside, with soft shoulders of 1.5 % of the circumference.
  let g = 0;
  for (const [a, b] of gaps) {
    const len = (b - a + 1) % 1;
    const t = (f - a + 1) % 1;
    const soft = 0.015;
    let w: number;
    if (t <= len) w = Math.min(1, Math.min(t, len - t) / soft + 0.5);
    else w = Math.max(0, 1 - Math.min(t - len, 1 - t) / soft - 0.5);
    g = Math.max(g, Math.max(0, Math.min(1, w)));
  }
  return g;
}

export function buildScene(id: string, spec: PhantomSpec, extent: Scene['extent']): Scene {
  const rng = new Rng(`${id}/scene`);
  const shape = makeShape({
    cx: spec.lateralMm,
    cy: spec.depthMm,
    areaMm2: spec.areaMm2,
    aspect: spec.aspect,
    exponent: spec.shape === 'flat' ? 2.4 : spec.shape === 'irregular' ? 2.15 : 2,
    rotationDeg: spec.rotationDeg,
    harmonics: harmonicsFor(spec, rng),
  });

  // Rim: thickness and brightness vary along the border; the beam sees the top and bottom of
  // the nerve (surfaces facing it) brighter than the sides; gapped rims lose it on 2–3 arcs.
  const n = SHAPE_TABLE_SIZE;
  const gaps: Array<[number, number]> = [];
  if (spec.rim === 'gapped') {
    const count = 2 + rng.int(2);
    for (let k = 0; k < count; k++) {
      const centre = (k + rng.range(0.15, 0.85)) / count;
      const half = rng.range(0.035, 0.07);
      gaps.push([(centre - half + 1) % 1, (centre + half) % 1]);
    }
  }
  const widthNoise = borderNoise(rng, n, 0.12);
  const echoNoise = borderNoise(rng, n, spec.rim === 'faint' ? 0.25 : 0.3);
  const thin = spec.nerve === 'sciatic' ? 0.5 : spec.nerve === 'tibial' ? 0.4 : 0.32;
  const rimWidth = new Float32Array(n);
  const rimEcho = new Float32Array(n);
  const base = RIM_ECHO[spec.rim] * (spec.enlarged ? 0.85 : 1);
  for (let i = 0; i < n; i++) {
    rimWidth[i] = thin * (1 + widthNoise[i]!);
    const facing = shape.facing[i]!;
    const angular = spec.rim === 'faint' ? 0.55 + 0.45 * facing * facing : 0.45 + 0.55 * facing * facing;
    const gap = inGap(gaps, shape.arcFraction[i]!);
    const e = base * angular * Math.max(0.3, 1 + echoNoise[i]!);
    // In a gap the rim fades to the reflectivity of the surrounding fat.
    rimEcho[i] = e * (1 - gap) + 0.35 * gap;
  }

  const deep = spec.nerve === 'tibial' ? 'fat' : 'muscle';
  const fatDepthMm = spec.nerve === 'sciatic' ? rng.range(4.5, 7) : spec.nerve === 'tibial' ? rng.range(3, 4.5) : rng.range(2, 3);
  const phases = Array.from({ length: 8 }, () => rng.range(0, 2 * Math.PI));

  // Neighbouring vessel: beside or below the nerve, clear of the rim and the perineural fat.
  const haloMm = spec.nerve === 'sciatic' ? rng.range(1.0, 1.8) : rng.range(0.6, 1.2);
  const vessels: Vessel[] = [];
  const vr = spec.nerve === 'sciatic' ? rng.range(1.1, 1.8) : spec.nerve === 'tibial' ? rng.range(2.0, 3.0) : rng.range(0.7, 1.1);
  const vesselKind: Vessel['kind'] = spec.nerve === 'tibial' ? 'vein' : rng.next() < 0.6 ? 'artery' : 'vein';
  const side = rng.next() < 0.5 ? -1 : 1;
  const angle = side > 0 ? rng.range(0.15, 0.9) : Math.PI - rng.range(0.15, 0.9);
  const rx = vesselKind === 'vein' ? vr * 1.25 : vr;
  const ry = vesselKind === 'vein' ? vr * 0.75 : vr;
  {
    // Walk outwards along the chosen direction until the vessel clears the nerve, its rim and halo.
    const dx = Math.cos(angle);
    const dy = Math.sin(angle);
    let dist = 0.5;
    for (; dist < 40; dist += 0.1) {
      const x = shape.spec.cx + dx * dist;
      const y = shape.spec.cy + dy * dist;
      if (signedDistance(shape, x, y).sd > Math.max(rx, ry) && clearOfNerve(shape, x, y, rx, ry, 0.6 + haloMm * 0.7)) break;
    }
    vessels.push({ x: shape.spec.cx + dx * dist, y: shape.spec.cy + dy * dist, rx, ry, wallMm: vesselKind === 'artery' ? 0.4 : 0.25, wallEcho: vesselKind === 'artery' ? 1.1 : 0.6, kind: vesselKind });
  }

  const bone: BoneSurface | null = spec.bone
    ? {
        x: shape.spec.cx + rng.range(-6, 6),
        depth: Math.min(0.82 * extent.viewDepth, shape.spec.cy + shape.maxRadius + rng.range(3, 6)),
        halfWidth: rng.range(7, 12),
        curvature: rng.range(0.02, 0.05),
      }
    : null;

  const streaks = makeStreaks(rng, extent, shape, haloMm, deep, fatDepthMm, phases, spec);
  const fascicles = placeFascicles(spec, shape, rng);
  return {
    spec,
    shape,
    rimWidth,
    rimEcho,
    gaps,
    interiorEcho: INTERIOR_ECHO[spec.rim] * (spec.enlarged ? 0.8 : 1),
    fascicleEcho: spec.enlarged ? 0.012 : 0.018,
    fascicles,
    haloMm,
    haloEcho: spec.rim === 'faint' ? 0.3 : 0.35,
    fatDepthMm,
    deep,
    planeSlope: rng.range(-0.15, 0.15),
    phases,
    streaks,
    vessels,
    bone,
    tgcDbPerMm: rng.range(1.65, 2.0),
    tgcBumps: Array.from({ length: 3 }, (_, k) => ({ depth: ((k + 0.5) / 3) * extent.depth, db: rng.range(-2.5, 2.5), width: extent.depth / 6 })),
    focusDepthMm: shape.spec.cy + rng.range(-1, 2),
    extent,
  };
}

/** True when an ellipse (semi-axes rx, ry, centre x, y) stays `gap` mm clear of the nerve border. */
function clearOfNerve(shape: NerveShape, x: number, y: number, rx: number, ry: number, gap: number): boolean {
  for (let i = 0; i < SHAPE_TABLE_SIZE; i += 16) {
    const phi = (2 * Math.PI * i) / SHAPE_TABLE_SIZE;
    const r = shape.radius[i]!;
    const u = r * Math.cos(phi);
    const v = r * Math.sin(phi);
    const px = shape.spec.cx + u * shape.cos - v * shape.sin;
    const py = shape.spec.cy + u * shape.sin + v * shape.cos;
    if (((px - x) / (rx + gap)) ** 2 + ((py - y) / (ry + gap)) ** 2 <= 1) return false;
  }
  return true;
}

/**
 * Texture: in muscle the "starry night" of fibre bundles cut across (short bright dashes) and a
 * few long perimysial septa; in fat, thin bright septa and darker lobules.
 */
function makeStreaks(rng: Rng, ext: Scene['extent'], shape: NerveShape, haloMm: number, deep: Scene['deep'], fatDepth: number, phases: readonly number[], spec: PhantomSpec): Streak[] {
  const out: Streak[] = [];
  const area = (ext.x1 - ext.x0) * ext.depth;
  const density = spec.nerve === 'sciatic' ? 0.9 : spec.nerve === 'tibial' ? 1.6 : 2.0;
  const count = Math.round(area * density);
  const keepOut = Math.max(shape.maxRadius + haloMm + 0.6, 0);
  for (let k = 0; k < count; k++) {
    const x = rng.range(ext.x0, ext.x1);
    const y = rng.range(0, ext.depth);
    const u = rng.next();
    const len0 = rng.next();
    const ang0 = rng.gaussian();
    const misc = rng.next();
    if (y < 1.6) continue;
    if (Math.hypot(x - shape.spec.cx, (y - shape.spec.cy) * 1.3) < keepOut && distanceToBorderApprox(shape, x, y) < haloMm + 0.5) continue;
    const fascia = fatDepth + 0.6 * Math.sin(x / 6 + phases[0]!);
    const scale = spec.nerve === 'common-peroneal' ? 0.6 : spec.nerve === 'tibial' ? 0.8 : 1;
    let len: number;
    let ang: number;
    let hw: number;
    let echo: number;
    if (y < fascia || deep === 'fat') {
      // Fat: septa and lobules.
      if (u < 0.15) {
        len = (1.5 + 4 * len0) * scale;
        ang = ang0 * 0.6;
        hw = 0.05 + 0.04 * misc;
        echo = 0.4 + 0.6 * misc;
      } else if (u < 0.5) {
        len = (0.3 + 0.8 * len0) * scale;
        ang = ang0;
        hw = (0.3 + 0.35 * misc) * scale;
        echo = -0.75;
      } else continue;
    } else {
      const base = y < shape.spec.cy ? 0.08 : -0.15;
      if (u < 0.03) {
        len = (2.5 + 5 * len0) * scale;
        ang = base + ang0 * 0.15;
        hw = 0.06 + 0.04 * misc;
        echo = 0.25 + 0.3 * misc;
      } else {
        len = (0.15 + 1.1 * len0) * scale;
        ang = base + ang0 * 0.3;
        hw = (0.05 + 0.05 * misc) * scale;
        echo = 0.2 + 0.5 * misc;
      }
    }
    const dx = (Math.cos(ang) * len) / 2;
    const dy = (Math.sin(ang) * len) / 2;
    out.push({ ax: x - dx, ay: y - dy, bx: x + dx, by: y + dy, halfWidth: hw, echo });
  }
  return out;
}

function distanceToBorderApprox(shape: NerveShape, x: number, y: number): number {
  const dx = x - shape.spec.cx;
  const dy = y - shape.spec.cy;
  const u = dx * shape.cos + dy * shape.sin;
  const v = -dx * shape.sin + dy * shape.cos;
  let phi = Math.atan2(v, u);
  if (phi < 0) phi += 2 * Math.PI;
  const r = shape.radius[Math.round((phi / (2 * Math.PI)) * SHAPE_TABLE_SIZE) % SHAPE_TABLE_SIZE]!;
  return Math.hypot(u, v) - r;
}
