/**
 * Rasterises a scene onto a pixel grid: backscatter reflectivity E (diffuse, mean echo power),
 * a specular amplitude S (coherent reflections from surfaces facing the beam: fascia, rim, vessel
 * wall, bone) and the one-way attenuation α in dB/mm (fat < muscle, blood ≪ tissue, bone ≫; the
 * side walls of a vessel also lose sound to refraction, casting thin edge shadows).
 *
 * Grid convention: the centre of pixel (column c, row r) is the tissue point
 * X = (c − (width − 1)/2)·dx, D = (r + ½)·dy, so row 0 starts at the skin and the frame is centred
 * laterally on X = 0.
 */
import { clamp, segmentDistance } from '../geometry.ts';
import { discCoverage } from '../nerve.ts';
import type { Scene } from './scene.ts';
import { signedDistance } from './shape.ts';

export interface Grid {
  readonly width: number;
  readonly height: number;
  /** mm between columns (x) and between rows (y). */
  readonly dx: number;
  readonly dy: number;
}

export const tissueX = (g: Grid, col: number): number => (col - (g.width - 1) / 2) * g.dx;
export const tissueD = (g: Grid, row: number): number => (row + 0.5) * g.dy;
export const colOf = (g: Grid, x: number): number => x / g.dx + (g.width - 1) / 2;
export const rowOf = (g: Grid, d: number): number => d / g.dy - 0.5;

export interface EchoMaps {
  readonly E: Float32Array;
  readonly S: Float32Array;
  readonly alpha: Float32Array;
}

/** One-way attenuation at the probe frequency, dB/mm (≈ 0.5–1 dB/cm/MHz for soft tissue at 10–15 MHz). */
const ALPHA = { skin: 1.1, fat: 0.7, muscle: 1.1, nerve: 1.1, blood: 0.1, wall: 1.1, bone: 14 } as const;
/** Extra loss (dB/mm of wall) where a vessel wall runs parallel to the beam. */
const EDGE_SHADOW_DB_PER_MM = 5;

function fasciaDepth(s: Scene, x: number): number {
  const p = s.phases;
  return s.fatDepthMm + 0.6 * Math.sin(x / 6 + p[0]!) + 0.25 * Math.sin(x / 2.1 + p[1]!);
}

/** Intermuscular plane through the nerve (sciatic, peroneal) or a deeper septum (tibial). */
function planeDepth(s: Scene, x: number): number {
  const sh = s.shape.spec;
  return sh.cy + s.planeSlope * (x - sh.cx) + 0.4 * Math.sin(x / 4.5 + s.phases[2]!);
}

export function renderEcho(s: Scene, g: Grid): EchoMaps {
  const { width, height } = g;
  const n = width * height;
  const E = new Float32Array(n);
  const S = new Float32Array(n);
  const alpha = new Float32Array(n);
  const soft = Math.max(g.dx, g.dy);

  // 1. Layers (boundary depths depend on the column only).
  const fascia = Float64Array.from({ length: width }, (_, c) => fasciaDepth(s, tissueX(g, c)));
  const plane = Float64Array.from({ length: width }, (_, c) => planeDepth(s, tissueX(g, c)));
  for (let r = 0; r < height; r++) {
    const d = tissueD(g, r);
    for (let c = 0; c < width; c++) {
      const i = r * width + c;
      let e: number;
      let a: number;
      let sp = 0;
      const f = fascia[c]!;
      if (d < 0.5) {
        e = 0.9;
        a = ALPHA.skin;
        sp = 0.5;
      } else if (d < 1.5) {
        e = 0.3;
        a = ALPHA.skin;
      } else if (d < f) {
        e = 0.02;
        a = ALPHA.fat;
      } else if (d < f + 0.45) {
        e = 0.8;
        a = ALPHA.muscle;
        sp = 0.35;
      } else if (s.deep === 'fat') {
        e = 0.12;
        a = ALPHA.fat;
        const pl = plane[c]! + 4;
        if (Math.abs(d - pl) < 0.2) e = 0.45;
      } else {
        const pl = plane[c]!;
        const dist = Math.abs(d - pl);
        e = d < pl ? 0.04 : 0.035;
        a = ALPHA.muscle;
        // Fat plane between the muscles, bright fascial lines on either side of it.
        if (dist < 0.35) {
          e = 0.3;
          a = ALPHA.fat;
        } else if (dist < 0.55) {
          e = 0.7;
          sp = 0.2;
        }
      }
      E[i] = e;
      alpha[i] = a;
      S[i] = sp;
    }
  }

  // 2. Texture (muscle fibres, fat septa and lobules).
  for (const st of s.streaks) {
    const c0 = Math.max(0, Math.floor(colOf(g, Math.min(st.ax, st.bx) - st.halfWidth - soft)));
    const c1 = Math.min(width - 1, Math.ceil(colOf(g, Math.max(st.ax, st.bx) + st.halfWidth + soft)));
    const r0 = Math.max(0, Math.floor(rowOf(g, Math.min(st.ay, st.by) - st.halfWidth - soft)));
    const r1 = Math.min(height - 1, Math.ceil(rowOf(g, Math.max(st.ay, st.by) + st.halfWidth + soft)));
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        const cov = discCoverage(segmentDistance(tissueX(g, c), tissueD(g, r), st.ax, st.ay, st.bx, st.by), st.halfWidth, soft);
        if (cov <= 0) continue;
        const i = r * width + c;
        E[i] = st.echo >= 0 ? E[i]! + st.echo * cov : E[i]! * (1 + st.echo * cov);
      }
    }
  }

  // 3. Nerve: perineural fat, rim outside the border, echogenic interior with hypoechoic fascicles.
  renderNerve(s, g, E, S, alpha);

  // 4. Vessels: anechoic lumen (blood hardly attenuates: enhancement below), bright wall.
  for (const v of s.vessels) {
    const reach = Math.max(v.rx, v.ry) + v.wallMm + 2 * soft;
    const c0 = Math.max(0, Math.floor(colOf(g, v.x - reach)));
    const c1 = Math.min(width - 1, Math.ceil(colOf(g, v.x + reach)));
    const r0 = Math.max(0, Math.floor(rowOf(g, v.y - reach)));
    const r1 = Math.min(height - 1, Math.ceil(rowOf(g, v.y + reach)));
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        const x = tissueX(g, c) - v.x;
        const y = tissueD(g, r) - v.y;
        const rho = Math.hypot(x / v.rx, y / v.ry);
        const rMean = (v.rx + v.ry) / 2;
        const dist = (rho - 1) * rMean;
        const inside = clamp(-dist / soft + 0.5, 0, 1);
        const wall = clamp((v.wallMm - dist) / soft + 0.5, 0, 1) - inside;
        if (inside <= 0 && wall <= 0) continue;
        const i = r * width + c;
        const facing = Math.abs(y / v.ry) / Math.max(1e-6, Math.hypot(x / v.rx, y / v.ry));
        E[i] = E[i]! * (1 - inside - wall) + 0.0015 * inside + v.wallEcho * wall;
        S[i] = S[i]! * (1 - inside - wall) + 0.6 * facing * facing * wall;
        // Refraction at the curved side walls sends sound away: thin edge shadows below them.
        const edge = wall * (1 - facing * facing) ** 4;
        alpha[i] = alpha[i]! * (1 - inside - wall) + ALPHA.blood * inside + ALPHA.wall * wall + EDGE_SHADOW_DB_PER_MM * edge;
      }
    }
  }

  // 5. Bone: bright convex surface, and almost nothing gets through it (shadow below).
  if (s.bone) {
    const b = s.bone;
    for (let c = 0; c < width; c++) {
      const x = tissueX(g, c) - b.x;
      const edge = clamp((b.halfWidth - Math.abs(x)) / 0.8, 0, 1);
      if (edge <= 0) continue;
      const surf = b.depth + b.curvature * x * x;
      for (let r = Math.max(0, Math.floor(rowOf(g, surf - 0.5))); r < height; r++) {
        const d = tissueD(g, r);
        const i = r * width + c;
        const t = d - surf;
        const onSurface = clamp(1 - Math.abs(t) / 0.35, 0, 1) * edge;
        if (onSurface > 0) {
          E[i] = E[i]! + (2.5 - E[i]!) * onSurface;
          S[i] = S[i]! + 1.2 * onSurface;
        }
        if (t > 0) alpha[i] = alpha[i]! + (ALPHA.bone - alpha[i]!) * edge;
      }
    }
  }
  return { E, S, alpha };
}

function renderNerve(s: Scene, g: Grid, E: Float32Array, S: Float32Array, alpha: Float32Array): void {
  const { width, height } = g;
  const sh = s.shape;
  const reach = sh.maxRadius + Math.max(...s.rimWidth) + s.haloMm + 0.5;
  const c0 = Math.max(0, Math.floor(colOf(g, sh.spec.cx - reach)));
  const c1 = Math.min(width - 1, Math.ceil(colOf(g, sh.spec.cx + reach)));
  const r0 = Math.max(0, Math.floor(rowOf(g, sh.spec.cy - reach)));
  const r1 = Math.min(height - 1, Math.ceil(rowOf(g, sh.spec.cy + reach)));
  // Fascicle coverage (3×3 supersampled), drawn per fascicle over its own bounding box.
  const bw = c1 - c0 + 1;
  const bh = r1 - r0 + 1;
  const fasc = new Float32Array(bw * bh);
  const sub = [-1 / 3, 0, 1 / 3];
  for (const f of s.fascicles) {
    const fc0 = Math.max(c0, Math.floor(colOf(g, f.x - f.r) - 1));
    const fc1 = Math.min(c1, Math.ceil(colOf(g, f.x + f.r) + 1));
    const fr0 = Math.max(r0, Math.floor(rowOf(g, f.y - f.r) - 1));
    const fr1 = Math.min(r1, Math.ceil(rowOf(g, f.y + f.r) + 1));
    for (let r = fr0; r <= fr1; r++) {
      for (let c = fc0; c <= fc1; c++) {
        let hit = 0;
        for (const oy of sub) for (const ox of sub) if ((tissueX(g, c + ox) - f.x) ** 2 + (tissueD(g, r + oy) - f.y) ** 2 < f.r * f.r) hit++;
        const k = (r - r0) * bw + (c - c0);
        fasc[k] = Math.max(fasc[k]!, hit / 9);
      }
    }
  }
  const pixel = Math.hypot(g.dx, g.dy);
  const centreOnly = [0];
  for (let r = r0; r <= r1; r++) {
    for (let c = c0; c <= c1; c++) {
      const i = r * width + c;
      const centre = signedDistance(sh, tissueX(g, c), tissueD(g, r));
      if (centre.sd > s.rimWidth[centre.index]! + s.haloMm + 2 * Math.max(g.dx, g.dy)) continue;
      const bg = E[i]!;
      let sumE = 0;
      let sumS = 0;
      let inside = 0;
      // Supersample only pixels that straddle the border or the rim's outer edge.
      const w0 = s.rimWidth[centre.index]!;
      const near = Math.abs(centre.sd) < pixel || Math.abs(centre.sd - w0) < pixel;
      const offsets = near ? sub : centreOnly;
      const count = offsets.length * offsets.length;
      for (const oy of offsets) {
        for (const ox of offsets) {
          const { sd, index } = near ? signedDistance(sh, tissueX(g, c + ox), tissueD(g, r + oy)) : centre;
          const w = s.rimWidth[index]!;
          if (sd < 0) {
            inside++;
            const fc = fasc[(r - r0) * bw + (c - c0)]!;
            sumE += s.interiorEcho * (1 - fc) + s.fascicleEcho * fc;
          } else if (sd < w) {
            const e = s.rimEcho[index]!;
            sumE += e;
            sumS += 0.35 * Math.sqrt(e) * sh.facing[index]!;
          } else {
            // Perineural fat fading into the surroundings.
            const t = clamp((sd - w) / s.haloMm, 0, 1);
            const wHalo = 1 - t * t * (3 - 2 * t);
            sumE += bg + (s.haloEcho - bg) * wHalo;
          }
        }
      }
      E[i] = sumE / count;
      S[i] = S[i]! * (1 - inside / count) + sumS / count;
      alpha[i] = inside > 0 ? ALPHA.nerve : alpha[i]!;
    }
  }
}
