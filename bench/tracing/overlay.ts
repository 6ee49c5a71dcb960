/**
 * Diagnostic: renders phantoms with the true outline (green), the assisted outline (red), the
 * clicks (blue) and the smooth curve through them (yellow) to PNG, cropped round the nerve and
 * enlarged, to see WHERE an assisted outline goes wrong.
 *
 *   npx tsx bench/tracing/overlay.ts <outDir> [phantom-id …]   (default: the five worst)
 * Env: ANCHORS (5), SIGMA (1.5 px click error), OVERRIDES (tracer options as JSON).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import type { ImagePoint } from '../../src/domain/types';
import { catmullRom, ellipsePrior } from '../../src/domain/tracing/assistedContour';
import { AssistedTrace, tracingFrameFor, type AssistedOptions } from '../../src/domain/tracing';
import { driveAssisted } from './drive';
import type { BenchPhantom } from './phantoms';

/** The finished outline for these clicks with tracer option overrides (no mouse moves). */
function finishWith(p: BenchPhantom, clicks: readonly ImagePoint[], overrides: Partial<AssistedOptions>): { contour: ImagePoint[] | null } {
  const t = new AssistedTrace(tracingFrameFor({ width: p.width, height: p.height, pixels: p.pixels, modality: 'US' }, overrides));
  for (const c of clicks) t.click(c);
  t.close();
  for (;;) {
    const r = t.finish(Infinity);
    if (r.done) return { contour: r.ok ? r.contour : null };
  }
}
import { phantomSource } from './phantoms';
import { clicksFor } from './simulatedUser';

const ZOOM = 4;

function crc32(buf: Uint8Array): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function png(rgb: Uint8Array, w: number, h: number): Buffer {
  const raw = Buffer.alloc((3 * w + 1) * h);
  for (let y = 0; y < h; y++) Buffer.from(rgb.buffer, rgb.byteOffset + 3 * w * y, 3 * w).copy(raw, y * (3 * w + 1) + 1);
  const chunk = (type: string, data: Buffer) => {
    const t = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(t));
    return Buffer.concat([len, t, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

function seedOf(id: string): number {
  let h = 2166136261;
  for (const c of id) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return h >>> 0;
}

async function main() {
  const [outDir = '/tmp/overlay', ...ids] = process.argv.slice(2);
  mkdirSync(outDir, { recursive: true });
  const source = await phantomSource();
  const wanted = ids.length ? ids : ['phantom-sciatic-flat-02', 'phantom-sciatic-flat-03', 'phantom-sciatic-oval-02', 'phantom-tibial-round-02', 'phantom-sciatic-flat-01'];
  for (const id of wanted) {
    const p = source.at(id, { width: 400, height: 300 });
    const seed = (seedOf(id) ^ Number(process.env.SEEDX ?? 0)) >>> 0;
    const clicks = clicksFor(p.truth.outline, Number(process.env.ANCHORS ?? 5), seed, Number(process.env.SIGMA ?? 1.5), 4);
    const overrides = JSON.parse(process.env.OVERRIDES ?? '{}') as Partial<AssistedOptions>;
    const run = Object.keys(overrides).length ? finishWith(p, clicks, overrides) : driveAssisted({ width: p.width, height: p.height, pixels: p.pixels, modality: 'US' }, clicks, seed);
    const all = [...p.truth.outline, ...(run.contour ?? [])];
    const x0 = Math.max(0, Math.floor(Math.min(...all.map((q) => q.x))) - 25);
    const y0 = Math.max(0, Math.floor(Math.min(...all.map((q) => q.y))) - 25);
    const x1 = Math.min(p.width, Math.ceil(Math.max(...all.map((q) => q.x))) + 25);
    const y1 = Math.min(p.height, Math.ceil(Math.max(...all.map((q) => q.y))) + 25);
    const w = (x1 - x0) * ZOOM;
    const h = (y1 - y0) * ZOOM;
    const rgb = new Uint8Array(w * h * 3);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const v = p.pixels[(y0 + Math.floor(y / ZOOM)) * p.width + x0 + Math.floor(x / ZOOM)]!;
        rgb.set([v, v, v], 3 * (y * w + x));
      }
    }
    // Image point (pixel centre at integer coordinates) → zoomed canvas.
    const put = (q: ImagePoint, c: readonly number[]) => {
      const X = Math.round((q.x - x0 + 0.5) * ZOOM);
      const Y = Math.round((q.y - y0 + 0.5) * ZOOM);
      if (X >= 0 && Y >= 0 && X < w && Y < h) rgb.set(c, 3 * (Y * w + X));
    };
    const line = (pts: readonly ImagePoint[], c: readonly number[]) => {
      for (let i = 0; i < pts.length; i++) {
        const a = pts[i]!;
        const b = pts[(i + 1) % pts.length]!;
        const steps = Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) * ZOOM * 2) + 1;
        for (let s = 0; s <= steps; s++) put({ x: a.x + ((b.x - a.x) * s) / steps, y: a.y + ((b.y - a.y) * s) / steps }, c);
      }
    };
    const n = clicks.length;
    const spline: ImagePoint[] = [];
    for (let k = 0; k < n; k++) {
      const q = [k - 1, k, k + 1, k + 2].map((j) => clicks[((j % n) + n) % n]!) as [ImagePoint, ImagePoint, ImagePoint, ImagePoint];
      for (let s = 0; s < 40; s++) spline.push(catmullRom(q[0], q[1], q[2], q[3], s / 40));
    }
    line(spline, [230, 200, 0]);
    if (overrides.priorShape === 'ellipse') {
      const e = ellipsePrior(clicks, spline);
      if (e) line(e, [0, 200, 230]);
    }
    line(p.truth.outline, [0, 220, 0]);
    if (run.contour) line(run.contour, [255, 40, 40]);
    for (const c of clicks) for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) put({ x: c.x + dx / ZOOM, y: c.y + dy / ZOOM }, [60, 120, 255]);
    writeFileSync(join(outDir, `${id}.png`), png(rgb, w, h));
    process.stdout.write(`${id}: ${outDir}/${id}.png (${w}×${h})\n`);
  }
}

void main();
