/**
 * Simulated users for the tracing benchmark (seeded, so every run is the same):
 * - assisted: clicks N points spread along the true outline, each off by a few pixels, moving the
 *   mouse between clicks, then clicks the first point again to close;
 * - freehand: the true outline with a slow wobble and a fast tremor of a couple of pixels.
 */
import type { ImagePoint } from '../../src/domain/types';
import { seededRandom } from '../../scripts/sample-session/outlines.ts';

/** The samples' mulberry32 (one generator for the project's seeded data). */
export const seeded = seededRandom;

export function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random() * 0.999999)) * Math.cos(2 * Math.PI * random());
}

/** Points at even arc length along a closed outline, starting at `phase` (0..1) of the way round. */
export function alongOutline(outline: readonly ImagePoint[], count: number, phase: number): ImagePoint[] {
  const n = outline.length;
  const cum = [0];
  for (let i = 0; i < n; i++) cum.push(cum[i]! + Math.hypot(outline[(i + 1) % n]!.x - outline[i]!.x, outline[(i + 1) % n]!.y - outline[i]!.y));
  const total = cum[n]!;
  const out: ImagePoint[] = [];
  let seg = 0;
  for (let k = 0; k < count; k++) {
    const s = (((k / count + phase) % 1) * total);
    seg = 0;
    while (seg < n - 1 && cum[seg + 1]! <= s) seg++;
    const a = outline[seg]!;
    const b = outline[(seg + 1) % n]!;
    const len = cum[seg + 1]! - cum[seg]!;
    const t = len > 0 ? (s - cum[seg]!) / len : 0;
    out.push({ x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y) });
  }
  return out;
}

/** Click error: Gaussian, sigma in pixels, never more than `maxPx` away; clicks land on whole pixels. */
function withClickError(points: readonly ImagePoint[], random: () => number, sigmaPx: number, maxPx: number): ImagePoint[] {
  return points.map((p) => {
    let dx = gaussian(random) * sigmaPx;
    let dy = gaussian(random) * sigmaPx;
    const d = Math.hypot(dx, dy);
    if (d > maxPx) {
      dx *= maxPx / d;
      dy *= maxPx / d;
    }
    return { x: Math.round(p.x + dx), y: Math.round(p.y + dy) };
  });
}

/** Points spread along the true outline, each clicked with the click error. */
export function clicksFor(outline: readonly ImagePoint[], count: number, seed: number, sigmaPx: number, maxPx: number): ImagePoint[] {
  const random = seeded(seed);
  const points = alongOutline(outline, count, random());
  return withClickError(points, random, sigmaPx, maxPx);
}

/** Mouse positions on the way from one click to the next (a slightly curved hand path). */
export function mousePath(from: ImagePoint, to: ImagePoint, steps: number, random: () => number): ImagePoint[] {
  const bend = (random() - 0.5) * 0.2;
  const nx = -(to.y - from.y);
  const ny = to.x - from.x;
  return Array.from({ length: steps }, (_, k) => {
    const t = (k + 1) / (steps + 1);
    const b = bend * 4 * t * (1 - t);
    return { x: from.x + t * (to.x - from.x) + b * nx, y: from.y + t * (to.y - from.y) + b * ny };
  });
}

/**
 * A freehand trace of the outline: one point per ~1.5 px, pushed along the normal by a slow wobble
 * (2–4 turns round, amplitude `wobblePx`) and a fast tremor (`tremorPx`, smoothed over 3 points).
 */
export function freehandTrace(outline: readonly ImagePoint[], seed: number, wobblePx: number, tremorPx: number): ImagePoint[] {
  const random = seeded(seed);
  const count = Math.max(24, Math.round(closedLength(outline) / 1.5));
  const points = alongOutline(outline, count, random());
  const waves = [2 + Math.floor(random() * 3), 1 + Math.floor(random() * 2)].map((turns) => ({ turns, phase: random() * 2 * Math.PI, amp: wobblePx * (0.5 + random() * 0.5) }));
  const raw = points.map(() => gaussian(random) * tremorPx);
  return points.map((p, k) => {
    const prev = points[(k - 1 + count) % count]!;
    const next = points[(k + 1) % count]!;
    const tx = next.x - prev.x;
    const ty = next.y - prev.y;
    const len = Math.hypot(tx, ty) || 1;
    const s = k / count;
    const wobble = waves.reduce((acc, w) => acc + w.amp * Math.sin(2 * Math.PI * w.turns * s + w.phase), 0) / waves.length;
    const tremor = (raw[(k - 1 + count) % count]! + raw[k]! + raw[(k + 1) % count]!) / 3;
    const off = wobble + tremor;
    return { x: p.x + (off * ty) / len, y: p.y - (off * tx) / len };
  });
}

/**
 * Where a sonographer clicks on an elongated nerve: its two tips (the ends of its long axis) and
 * points spread along each long side between them (even arc length), not points spread evenly
 * round the outline regardless of shape (which on a flat nerve may miss both tips). The tips are
 * the outline's extreme points along its principal axis. Same click error as clicksFor.
 */
export function tipClicksFor(outline: readonly ImagePoint[], count: number, seed: number, sigmaPx: number, maxPx: number): ImagePoint[] {
  const random = seeded(seed);
  random(); // keep the click-error stream in step with clicksFor (which draws a phase first)
  const n = outline.length;
  const mx = outline.reduce((s, p) => s + p.x, 0) / n;
  const my = outline.reduce((s, p) => s + p.y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (const p of outline) {
    sxx += (p.x - mx) ** 2;
    sxy += (p.x - mx) * (p.y - my);
    syy += (p.y - my) ** 2;
  }
  const angle = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  const along = (p: ImagePoint) => (p.x - mx) * Math.cos(angle) + (p.y - my) * Math.sin(angle);
  let a = 0;
  let b = 0;
  outline.forEach((p, i) => {
    if (along(p) < along(outline[a]!)) a = i;
    if (along(p) > along(outline[b]!)) b = i;
  });
  // The two sides: outline a→b and b→a (closed), each an open polyline from tip to tip.
  const side = (from: number, to: number) => {
    const out: ImagePoint[] = [];
    for (let i = from; ; i = (i + 1) % n) {
      out.push(outline[i]!);
      if (i === to) break;
    }
    return out;
  };
  const inner = Math.max(0, count - 2);
  const first = Math.ceil(inner / 2);
  const points = [outline[a]!, ...interior(side(a, b), first), outline[b]!, ...interior(side(b, a), inner - first)];
  return withClickError(points, random, sigmaPx, maxPx);
}

/** `count` points at even arc length strictly between the ends of an open polyline. */
function interior(line: readonly ImagePoint[], count: number): ImagePoint[] {
  const cum = [0];
  for (let i = 1; i < line.length; i++) cum.push(cum[i - 1]! + Math.hypot(line[i]!.x - line[i - 1]!.x, line[i]!.y - line[i - 1]!.y));
  const total = cum[cum.length - 1]!;
  const out: ImagePoint[] = [];
  for (let k = 1; k <= count; k++) {
    const s = (k * total) / (count + 1);
    let seg = 0;
    while (seg < line.length - 2 && cum[seg + 1]! <= s) seg++;
    const len = cum[seg + 1]! - cum[seg]!;
    const t = len > 0 ? (s - cum[seg]!) / len : 0;
    out.push({ x: line[seg]!.x + t * (line[seg + 1]!.x - line[seg]!.x), y: line[seg]!.y + t * (line[seg + 1]!.y - line[seg]!.y) });
  }
  return out;
}

/**
 * A loose drag round the nerve: a freehand path that wanders `wobblePx` (plus a 1 px tremor), with
 * a point dropped every `spacingPx` along it, as the assisted tool does while the button is held.
 */
export function loosePointsFor(outline: readonly ImagePoint[], seed: number, wobblePx: number, spacingPx: number): ImagePoint[] {
  const path = freehandTrace(outline, seed, wobblePx, 1);
  return alongOutline(path, Math.max(3, Math.round(closedLength(path) / spacingPx)), 0);
}

/** Length of a closed polyline (px). */
function closedLength(outline: readonly ImagePoint[]): number {
  let length = 0;
  for (let i = 0; i < outline.length; i++) length += Math.hypot(outline[(i + 1) % outline.length]!.x - outline[i]!.x, outline[(i + 1) % outline.length]!.y - outline[i]!.y);
  return length;
}
