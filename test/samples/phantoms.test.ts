/**
 * Tracing phantoms (scripts/samples/phantoms, issue #17): deterministic, enough of them, truth that
 * agrees with the app's own geometry, speckle with the statistics of real speckle, a rim that is
 * brighter than the nerve except where it is gapped, and files the app reads with the right scale.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { phantomDataset } from '../../scripts/samples/phantoms/files.ts';
import { PSF_MM, echoField } from '../../scripts/samples/phantoms/bmode.ts';
import { type TracingPhantom, renderTracingPhantom, tracingPhantomIds, tracingPhantoms } from '../../scripts/samples/phantoms/index.ts';
import { TS, writePart10 } from '../../scripts/samples/dicom.ts';
import { calibrationInputFromMetadata, readDicomMetadata } from '../../src/dicom/index.ts';
import { resolveCalibration } from '../../src/domain/calibration/index.ts';
import { measureContour } from '../../src/domain/measurement/measureContour.ts';
import { measureFile } from '../../src/cli/measure.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const manifestPath = join(root, 'sample-dicom/manifest.json');

let all: TracingPhantom[] = [];
beforeAll(() => {
  all = tracingPhantoms();
}, 120_000);

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Bilinear sample of an 8-bit frame at continuous pixel coordinates (pixel centres at integers). */
function sample(p: TracingPhantom, x: number, y: number): number {
  const x0 = Math.max(0, Math.min(p.width - 2, Math.floor(x)));
  const y0 = Math.max(0, Math.min(p.height - 2, Math.floor(y)));
  const fx = Math.max(0, Math.min(1, x - x0));
  const fy = Math.max(0, Math.min(1, y - y0));
  const at = (c: number, r: number): number => p.pixels[r * p.width + c]!;
  return (1 - fy) * ((1 - fx) * at(x0, y0) + fx * at(x0 + 1, y0)) + fy * ((1 - fx) * at(x0, y0 + 1) + fx * at(x0 + 1, y0 + 1));
}

/**
 * Mean brightness along the outline at a signed offset (mm, positive = outwards) for the outline
 * vertices whose arc-length fraction satisfies `keep`.
 */
function bandMean(p: TracingPhantom, offsetsMm: readonly number[], keep: (fraction: number) => boolean = () => true): number {
  const o = p.truth.outline;
  const n = o.length;
  const [rowMm, colMm] = p.pixelSpacingMm;
  // A positive shoelace sum: counter-clockwise in (x, y) taken as a y-up frame, so (ty, -tx) points outwards.
  let twice = 0;
  for (let i = 0; i < n; i++) twice += o[i]!.x * o[(i + 1) % n]!.y - o[(i + 1) % n]!.x * o[i]!.y;
  const outward = twice > 0 ? 1 : -1;
  const values: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!keep(i / n)) continue;
    const a = o[(i + n - 1) % n]!;
    const b = o[(i + 1) % n]!;
    // Tangent in mm, normal in mm, back to pixels.
    const tx = (b.x - a.x) * colMm;
    const ty = (b.y - a.y) * rowMm;
    const len = Math.hypot(tx, ty);
    const nx = (outward * ty) / len;
    const ny = (-outward * tx) / len;
    for (const d of offsetsMm) values.push(sample(p, o[i]!.x + (nx * d) / colMm, o[i]!.y + (ny * d) / rowMm));
  }
  return mean(values);
}

const inGap = (gaps: ReadonlyArray<readonly [number, number]>, f: number): boolean =>
  gaps.some(([a, b]) => (a <= b ? f >= a && f <= b : f >= a || f <= b));

describe('tracing phantoms: catalogue', () => {
  it('has at least 24 phantoms covering the sciatic, tibial and common peroneal nerves and every rim kind', () => {
    const ids = tracingPhantomIds();
    expect(ids.length).toBeGreaterThanOrEqual(24);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(all.map((p) => p.nerve))).toEqual(new Set(['sciatic', 'tibial', 'common-peroneal']));
    expect(new Set(all.map((p) => p.rim))).toEqual(new Set(['clear', 'faint', 'gapped']));
    expect(new Set(all.map((p) => p.shape))).toEqual(new Set(['flat', 'oval', 'round', 'irregular']));
    // Each nerve has barely visible rims too, and some nerves are enlarged.
    for (const nerve of ['sciatic', 'tibial', 'common-peroneal']) expect(all.some((p) => p.nerve === nerve && p.rim === 'faint'), nerve).toBe(true);
    expect(all.some((p) => p.enlarged)).toBe(true);
  });

  it('sizes are realistic: sciatic about 40–110 mm², tibial 10–40, common peroneal 5–18', () => {
    const range = { sciatic: [38, 115], tibial: [9.5, 40], 'common-peroneal': [4.8, 18] } as const;
    for (const p of all) {
      const [lo, hi] = range[p.nerve];
      expect(p.truth.areaMm2, p.id).toBeGreaterThanOrEqual(lo);
      expect(p.truth.areaMm2, p.id).toBeLessThanOrEqual(hi);
    }
  });

  it('the sciatic is flatter proximally (gluteal fold) than distally (above the bifurcation)', () => {
    const aspect = (p: TracingPhantom): number => {
      const xs = p.truth.outline.map((q) => q.x * p.pixelSpacingMm[1]);
      const ys = p.truth.outline.map((q) => q.y * p.pixelSpacingMm[0]);
      return (Math.max(...xs) - Math.min(...xs)) / (Math.max(...ys) - Math.min(...ys));
    };
    const proximal = all.filter((p) => p.site === 'gluteal-fold').map(aspect);
    const distal = all.filter((p) => p.site === 'distal-thigh-above-bifurcation').map(aspect);
    expect(proximal.length).toBeGreaterThan(0);
    expect(distal.length).toBeGreaterThan(0);
    expect(Math.min(...proximal)).toBeGreaterThan(2.2);
    expect(Math.max(...distal)).toBeLessThan(1.5);
  });
});

describe('tracing phantoms: determinism', () => {
  it('renders the same bytes twice, and tracingPhantoms() matches renderTracingPhantom()', () => {
    const id = tracingPhantomIds()[4]!;
    const a = renderTracingPhantom(id);
    const b = renderTracingPhantom(id);
    expect(Buffer.from(a.pixels).equals(Buffer.from(b.pixels))).toBe(true);
    expect(a.truth).toEqual(b.truth);
    const fromList = all.find((p) => p.id === id)!;
    expect(Buffer.from(fromList.pixels).equals(Buffer.from(a.pixels))).toBe(true);
  });

  it('different phantoms differ', () => {
    expect(Buffer.from(all[0]!.pixels).equals(Buffer.from(all[1]!.pixels))).toBe(false);
  });

  it('an unknown id is refused with a sentence', () => {
    expect(() => renderTracingPhantom('phantom-ulnar-round-01')).toThrow(/Unknown tracing phantom/);
  });
});

describe('tracing phantoms: truth', () => {
  it('the outline is closed (first point not repeated), has ≥ 256 vertices and lies inside the frame', () => {
    for (const p of all) {
      const o = p.truth.outline;
      expect(o.length, p.id).toBeGreaterThanOrEqual(256);
      expect(o[0], p.id).not.toEqual(o[o.length - 1]);
      for (const q of o) {
        expect(q.x > 1 && q.x < p.width - 2 && q.y > 1 && q.y < p.height - 2, `${p.id} ${q.x},${q.y}`).toBe(true);
      }
    }
  });

  it("area and circumference are the domain's measureContour of the outline with [row, column] spacing", () => {
    for (const p of all) {
      const m = measureContour(p.truth.outline, { source: 'us-region', rowSpacingMm: p.pixelSpacingMm[0], columnSpacingMm: p.pixelSpacingMm[1] });
      expect(m.ok && m.value.calibrated, p.id).toBe(true);
      if (!m.ok || !m.value.calibrated) continue;
      expect(p.truth.areaMm2, p.id).toBe(m.value.areaMm2);
      expect(p.truth.circumferenceMm, p.id).toBe(m.value.perimeterMm);
    }
  });

  it('another frame size renders the same anatomy: same physical area, finer pixels, outline scaled', () => {
    const base = all.find((p) => p.nerve === 'tibial')!;
    const big = renderTracingPhantom(base.id, { width: 1024, height: 768 });
    expect(big.width).toBe(1024);
    expect(big.height).toBe(768);
    expect(big.pixels.length).toBe(1024 * 768);
    expect(big.pixelSpacingMm[0]).toBeCloseTo(base.pixelSpacingMm[0] / 2.56, 12);
    expect(big.pixelSpacingMm[1]).toBeCloseTo(base.pixelSpacingMm[1] / 2.56, 12);
    expect(Math.abs(big.truth.areaMm2 / base.truth.areaMm2 - 1)).toBeLessThan(1e-4);
    expect(Math.abs(big.truth.circumferenceMm / base.truth.circumferenceMm - 1)).toBeLessThan(1e-4);
  });
});

describe('tracing phantoms: speckle statistics', () => {
  // The generator's own echo model on a uniform medium (before log compression).
  const w = 256;
  const h = 256;
  // The sciatic's point-spread function at the default pixel size (0.085 mm).
  const sx = PSF_MM.sciatic.lateral / 0.085;
  const sy = PSF_MM.sciatic.axial / 0.085;
  const field = echoField(new Float32Array(w * h).fill(1), null, w, h, sx, sy, 'uniform-test');
  const env = new Float64Array(w * h);
  for (let i = 0; i < env.length; i++) env[i] = Math.hypot(field.re[i]!, field.im[i]!);

  it('the envelope of a uniform region is Rayleigh: mean/sd ≈ 1.91, mean power 1, median/mean ≈ 0.939', () => {
    // Inner part only (the blur clamps at the edges).
    const values: number[] = [];
    for (let y = 20; y < h - 20; y++) for (let x = 20; x < w - 20; x++) values.push(env[y * w + x]!);
    const m = mean(values);
    const sd = Math.sqrt(mean(values.map((v) => (v - m) ** 2)));
    expect(m / sd).toBeGreaterThan(1.85);
    expect(m / sd).toBeLessThan(1.97);
    expect(mean(values.map((v) => v * v))).toBeGreaterThan(0.9);
    expect(mean(values.map((v) => v * v))).toBeLessThan(1.1);
    const sorted = [...values].sort((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length / 2)]! / m).toBeCloseTo(Math.sqrt(Math.log(2)) / Math.sqrt(Math.PI / 4), 1);
  });

  it('the speckle grain is longer laterally than axially (correlation length)', () => {
    const corrLength = (dx: number, dy: number): number => {
      let m = 0;
      for (const v of env) m += v;
      m /= env.length;
      let v0 = 0;
      for (const v of env) v0 += (v - m) ** 2;
      // Lag (pixels, interpolated) at which the envelope's autocorrelation falls to 0.5.
      let previous = 1;
      for (let lag = 1; lag < 40; lag++) {
        let s = 0;
        let n = 0;
        for (let y = 20; y < h - 60; y++) {
          for (let x = 20; x < w - 60; x++) {
            s += (env[y * w + x]! - m) * (env[(y + lag * dy) * w + x + lag * dx]! - m);
            n++;
          }
        }
        const rho = s / n / (v0 / env.length);
        if (rho < 0.5) return lag - 1 + (previous - 0.5) / (previous - rho);
        previous = rho;
      }
      return 40;
    };
    const lateral = corrLength(1, 0);
    const axial = corrLength(0, 1);
    // The PSF is 2.2 times wider laterally; the grain follows it.
    expect(lateral / axial).toBeGreaterThan(1.8);
    expect(lateral / axial).toBeLessThan(2.6);
  });

  it('in the rendered phantoms too, neighbouring pixels correlate more along a row than down a column', () => {
    for (const p of all.slice(0, 6)) {
      const corr = (dx: number, dy: number): number => {
        let sxy = 0;
        let sxx = 0;
        let syy = 0;
        let sa = 0;
        let sb = 0;
        let n = 0;
        for (let y = 10; y < p.height - 10; y += 2) {
          for (let x = 10; x < p.width - 10; x += 2) {
            const a = p.pixels[y * p.width + x]!;
            const b = p.pixels[(y + dy) * p.width + x + dx]!;
            sa += a;
            sb += b;
            sxy += a * b;
            sxx += a * a;
            syy += b * b;
            n++;
          }
        }
        const ma = sa / n;
        const mb = sb / n;
        return (sxy / n - ma * mb) / Math.sqrt((sxx / n - ma * ma) * (syy / n - mb * mb));
      };
      // Compare at the same physical distance (0.15 mm) along each axis.
      const lagX = Math.max(1, Math.round(0.15 / p.pixelSpacingMm[1]));
      const lagY = Math.max(1, Math.round(0.15 / p.pixelSpacingMm[0]));
      expect(corr(lagX, 0), p.id).toBeGreaterThan(corr(0, lagY));
    }
  });
});

describe('tracing phantoms: rim', () => {
  it('the rim just outside the outline is brighter than the nerve inside it, most for clear rims', () => {
    for (const p of all) {
      const rim = bandMean(p, [0.1, 0.18], (f) => !inGap(p.rimGaps, f));
      const inside = bandMean(p, [-0.4, -0.6, -0.8]);
      expect(rim, `${p.id} rim ${rim.toFixed(1)} vs inside ${inside.toFixed(1)}`).toBeGreaterThan(inside + (p.rim === 'faint' ? 3 : 15));
    }
  });

  it('faint rims are much less bright than clear ones', () => {
    const contrast = (p: TracingPhantom): number => bandMean(p, [0.1, 0.18]) - bandMean(p, [0.8, 1.0, 1.2]);
    const clear = mean(all.filter((p) => p.rim === 'clear').map(contrast));
    const faint = mean(all.filter((p) => p.rim === 'faint').map(contrast));
    expect(clear).toBeGreaterThan(faint + 15);
  });

  it('gapped rims are missing where the truth says: the gap arcs are darker than the rest of the rim', () => {
    const gapped = all.filter((p) => p.rim === 'gapped');
    expect(gapped.length).toBeGreaterThan(0);
    for (const p of gapped) {
      expect(p.rimGaps.length, p.id).toBeGreaterThanOrEqual(2);
      // The middle of each gap, away from its soft shoulders.
      const core = p.rimGaps.map(([a, b]): [number, number] => {
        const len = (b - a + 1) % 1;
        return [(a + 0.25 * len) % 1, (a + 0.75 * len) % 1];
      });
      const inGapRim = bandMean(p, [0.1, 0.18], (f) => inGap(core, f));
      const elsewhere = bandMean(p, [0.1, 0.18], (f) => !inGap(p.rimGaps, f));
      expect(inGapRim, `${p.id} gap ${inGapRim.toFixed(1)} vs rim ${elsewhere.toFixed(1)}`).toBeLessThan(elsewhere - 20);
    }
  });
});

describe('tracing phantoms: files in sample-dicom/phantoms', () => {
  const manifest = existsSync(manifestPath)
    ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as {
        files: Array<{ file: string }>;
        tracingPhantoms?: { files: Array<{ id: string; file: string; rows: number; columns: number; pixelSpacingMm: [number, number]; areaMm2: number; circumferenceMm: number; outline: [number, number][]; nerve: string; rim: string; shape: string }> };
      })
    : null;

  it('the manifest lists every phantom apart from the sample study, with the truth of the generator', () => {
    expect(manifest?.tracingPhantoms).toBeDefined();
    const entries = manifest!.tracingPhantoms!.files;
    expect(entries.map((e) => e.id)).toEqual(all.map((p) => p.id));
    expect(manifest!.files.some((f) => f.file.startsWith('phantoms/'))).toBe(false);
    for (const p of all) {
      const e = entries.find((x) => x.id === p.id)!;
      expect({ nerve: e.nerve, rim: e.rim, shape: e.shape, rows: e.rows, columns: e.columns }).toEqual({ nerve: p.nerve, rim: p.rim, shape: p.shape, rows: p.height, columns: p.width });
      expect(e.outline).toEqual(p.truth.outline.map((q) => [q.x, q.y]));
      expect(e.areaMm2).toBeCloseTo(p.truth.areaMm2, 3);
      expect(e.circumferenceMm).toBeCloseTo(p.truth.circumferenceMm, 3);
    }
  });

  it("each file is what the generator makes now, and the app's reader finds the region calibration in mm", () => {
    const entries = manifest!.tracingPhantoms!.files;
    all.forEach((p, k) => {
      const e = entries.find((x) => x.id === p.id)!;
      const bytes = new Uint8Array(readFileSync(join(root, 'sample-dicom', e.file)));
      const fresh = writePart10(phantomDataset(p, k + 1), TS.EXPLICIT_LE);
      expect(Buffer.from(fresh).equals(Buffer.from(bytes)), `${e.file} is stale: run npm run samples`).toBe(true);
      const meta = readDicomMetadata(bytes, e.file);
      expect(meta.ok, e.file).toBe(true);
      if (!meta.ok) return;
      expect(meta.value.rows).toBe(p.height);
      expect(meta.value.columns).toBe(p.width);
      expect(meta.value.modality).toBe('US');
      // The calibration the app resolves for a trace along the true outline.
      const resolved = resolveCalibration(calibrationInputFromMetadata(meta.value), p.truth.outline);
      expect(resolved.ok, e.file).toBe(true);
      if (!resolved.ok) return;
      const cal = resolved.value;
      expect(cal.source, e.file).toBe('us-region');
      if (cal.source === 'none') return;
      expect(cal.rowSpacingMm).toBeCloseTo(p.pixelSpacingMm[0], 9);
      expect(cal.columnSpacingMm).toBeCloseTo(p.pixelSpacingMm[1], 9);
    });
  });

  it('measuring a file along its manifest outline (CLI measure) stores exactly the manifest area and circumference', () => {
    for (const e of manifest!.tracingPhantoms!.files.filter((_, k) => k % 4 === 0)) {
      const r = measureFile({ file: join(root, 'sample-dicom', e.file), points: e.outline.map(([x, y]) => `${x},${y}`).join(' ') });
      expect(r.ok, e.file).toBe(true);
      if (!r.ok || !r.value.calibrated) throw new Error(`${e.file} did not measure in mm`);
      expect(Math.abs(r.value.areaMm2 - e.areaMm2), e.file).toBeLessThan(1e-4);
      expect(Math.abs(r.value.perimeterMm - e.circumferenceMm), e.file).toBeLessThan(1e-4);
    }
  });

  it('all phantom files together stay small (≤ 4 MB)', () => {
    const total = manifest!.tracingPhantoms!.files.reduce((s, e) => s + readFileSync(join(root, 'sample-dicom', e.file)).length, 0);
    expect(total).toBeLessThanOrEqual(4 * 1024 * 1024);
  });
});
