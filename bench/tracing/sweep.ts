/**
 * Diagnostic: accuracy of the assisted finish on every phantom for a few tracer option overrides
 * (no mouse moves: the finish depends on the clicks only). Not part of the benchmark.
 *   npx tsx bench/tracing/sweep.ts '{"priorWeight":1}' '{"searchFraction":0.4}' …
 */
import { measureContour } from '../../src/domain/measurement';
import { AssistedTrace, tracingFrameFor, type AssistedOptions } from '../../src/domain/tracing';
import { phantomSource } from './phantoms';
import { dice } from './raster';
import { clicksFor } from './simulatedUser';

function seedOf(id: string): number {
  let h = 2166136261;
  for (const c of id) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return h >>> 0;
}
const pct = (a: number[], q: number) => {
  const s = [...a].sort((x, y) => x - y);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  return s[lo]! + (s[Math.ceil(pos)]! - s[lo]!) * (pos - lo);
};

async function main() {
  const source = await phantomSource();
  const phantoms = source.all();
  const verbose = process.env.VERBOSE === '1';
  for (const arg of process.argv.slice(2).length ? process.argv.slice(2) : ['{}']) {
    const overrides = JSON.parse(arg) as Partial<AssistedOptions>;
    const line: string[] = [];
    for (const anchors of (process.env.ANCHORS ?? '5,8,4').split(',').map(Number)) {
      const errs: number[] = [];
      const circ: number[] = [];
      const dices: number[] = [];
      const per: string[] = [];
      for (const p of phantoms) {
        const frame = tracingFrameFor({ width: p.width, height: p.height, pixels: p.pixels, modality: 'US' }, overrides);
        const t = new AssistedTrace(frame);
        for (const c of clicksFor(p.truth.outline, anchors, (seedOf(p.id) ^ Number(process.env.SEEDX ?? 0)) >>> 0, Number(process.env.SIGMA ?? 1.5), 4)) t.click(c);
        t.close();
        let r = t.finish(Infinity);
        while (!r.done) r = t.finish(Infinity);
        const cal = { source: 'pixel-spacing' as const, rowSpacingMm: p.pixelSpacingMm[0], columnSpacingMm: p.pixelSpacingMm[1] };
        if (!r.ok) { errs.push(100); per.push(`${p.id} FAIL`); continue; }
        const m = measureContour(r.contour, cal);
        const tr = measureContour(p.truth.outline, cal);
        if (!m.ok || !tr.ok || !m.value.calibrated || !tr.value.calibrated) continue;
        const e = (100 * (m.value.areaMm2 - tr.value.areaMm2)) / tr.value.areaMm2;
        errs.push(e);
        circ.push((100 * (m.value.perimeterMm - tr.value.perimeterMm)) / tr.value.perimeterMm);
        dices.push(dice(r.contour, p.truth.outline));
        per.push(`${p.id.replace('phantom-', '')} ${e.toFixed(1)}`);
      }
      const abs = errs.map(Math.abs);
      line.push(`n=${anchors}: med ${pct(abs, 0.5).toFixed(2)} p95 ${pct(abs, 0.95).toFixed(2)} mean ${(errs.reduce((s, v) => s + v, 0) / errs.length).toFixed(2)} dice ${pct(dices, 0.5).toFixed(3)}/${Math.min(...dices).toFixed(3)} circ ${pct(circ.map(Math.abs), 0.5).toFixed(2)}`);
      if (verbose) line.push(`   ${per.join(' | ')}`);
    }
    process.stdout.write(`${arg}\n  ${line.join('\n  ')}\n`);
  }
}
void main();
