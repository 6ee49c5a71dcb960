/**
 * `npm run bench -- --tracing`: accuracy and effort of assisted tracing against ground truth, beside
 * simulated freehand tracing, in Node (the tracer is pure). Writes bench/tracing-results.json and
 * bench/tracing-results.md.
 *
 * Per phantom: a simulated user clicks ANCHORS points spread along the true outline (seeded, a few
 * pixels off), moving the mouse between them, and clicks the first point again to close (clicks =
 * anchors + 1). The same phantom is traced at three window/level settings passed to the entry point
 * the viewer uses (tracingFrameFor). Freehand: the true outline with a slow wobble and a tremor.
 * All numbers come from the domain's measureContour, as in the viewer.
 */
import { join } from 'node:path';
import { measureContour } from '../../src/domain/measurement';
import type { Calibration, ImagePoint } from '../../src/domain/types';
import { DEFAULT_ASSISTED_OPTIONS } from '../../src/domain/tracing';
import { describeMachine, currentLoad } from '../machine';
import { driveAssisted, MOVE_BUDGET_MS, FINISH_BUDGET_MS } from './drive';
import { phantomSource, type BenchPhantom } from './phantoms';
import { dice } from './raster';
import { clicksFor, tipClicksFor, freehandTrace, loosePointsFor } from './simulatedUser';
import { writeTracingReport, type TracingResults, type PhantomRow } from './report';

const ANCHORS = 5;
const CLICK_SIGMA_PX = 1.5;
const CLICK_MAX_PX = 4;
const WOBBLE_PX = 1.5;
const TREMOR_PX = 1;
/**
 * The loose drag (assistedTraceTool.ts): a point every 30 screen px, which on the phantoms shown
 * as in the end-to-end test (400 image px across about 725 screen px) is about 16 image px; the
 * hand wanders twice as far as a careful freehand trace.
 */
const DRAG_SPACING_PX = 16;
const DRAG_WOBBLE_PX = 3;
/** Three display windows (fractions of the frame's value range: centre, width). */
const WINDOWS = [
  { center: 128, width: 256 },
  { center: 60, width: 80 },
  { center: 200, width: 400 },
];
const TIMING_SIZES = [
  { width: 640, height: 480 },
  { width: 1024, height: 768 },
];
const LARGE = { width: 2048, height: 2048 };
const LARGE_RUNS = 4;

const log = (line: string) => process.stdout.write(`${line}\n`);

function calibrationOf(p: BenchPhantom): Calibration {
  return { source: 'pixel-spacing', rowSpacingMm: p.pixelSpacingMm[0], columnSpacingMm: p.pixelSpacingMm[1] };
}

function measure(contour: readonly ImagePoint[], p: BenchPhantom): { areaMm2: number; perimeterMm: number } | null {
  const m = measureContour(contour, calibrationOf(p));
  if (!m.ok || !m.value.calibrated) return null;
  return { areaMm2: m.value.areaMm2, perimeterMm: m.value.perimeterMm };
}

function truthOf(p: BenchPhantom) {
  const m = measure(p.truth.outline, p)!;
  return { areaMm2: p.truth.areaMm2 ?? m.areaMm2, circumferenceMm: p.truth.circumferenceMm ?? m.perimeterMm };
}

const pct = (value: number, truth: number) => (100 * (value - truth)) / truth;

function frameOf(p: BenchPhantom, window: { center: number; width: number }) {
  return { width: p.width, height: p.height, pixels: p.pixels, modality: 'US', window };
}

function seedOf(id: string): number {
  let h = 2166136261;
  for (const c of id) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return h >>> 0;
}

export function percentile(values: readonly number[], q: number): number {
  if (!values.length) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}

type ClicksOf = (outline: readonly ImagePoint[], seed: number) => ImagePoint[];
const evenClicks = (anchors: number): ClicksOf => (o, seed) => clicksFor(o, anchors, seed, CLICK_SIGMA_PX, CLICK_MAX_PX);

function assistedAccuracy(p: BenchPhantom, clicksOf: ClicksOf) {
  const seed = seedOf(p.id);
  const clicks = clicksOf(p.truth.outline, seed);
  const truth = truthOf(p);
  const runs = WINDOWS.map((w) => driveAssisted(frameOf(p, w), clicks, seed));
  const first = runs[0]!;
  const m = first.contour ? measure(first.contour, p) : null;
  const areas = runs.map((r) => (r.contour ? measure(r.contour, p)?.areaMm2 ?? NaN : NaN));
  const wlSpread = m ? (100 * (Math.max(...areas) - Math.min(...areas))) / m.areaMm2 : NaN;
  return {
    truth,
    clicks: first.clicks,
    error: first.error ?? (m ? undefined : 'refused by measureContour'),
    areaMm2: m?.areaMm2 ?? NaN,
    areaErrorPct: m ? pct(m.areaMm2, truth.areaMm2) : NaN,
    circumferenceErrorPct: m ? pct(m.perimeterMm, truth.circumferenceMm) : NaN,
    dice: first.contour ? dice(first.contour, p.truth.outline) : 0,
    wlSpreadPct: wlSpread,
  };
}

function freehandAccuracy(p: BenchPhantom) {
  const trace = freehandTrace(p.truth.outline, seedOf(p.id) ^ 0x5eed, WOBBLE_PX, TREMOR_PX);
  const truth = truthOf(p);
  const m = measure(trace, p);
  return {
    areaErrorPct: m ? pct(m.areaMm2, truth.areaMm2) : NaN,
    circumferenceErrorPct: m ? pct(m.perimeterMm, truth.circumferenceMm) : NaN,
    dice: dice(trace, p.truth.outline),
  };
}

export async function runTracingBench(outDir: string): Promise<TracingResults> {
  const machine = describeMachine('not used (Node only)');
  const source = await phantomSource();
  const phantoms = source.all();
  log(`Tracing benchmark: ${phantoms.length} phantoms from ${source.name}`);
  const rows: PhantomRow[] = [];
  for (const p of phantoms) {
    const a = assistedAccuracy(p, evenClicks(ANCHORS));
    const f = freehandAccuracy(p);
    rows.push({
      id: p.id,
      nerve: p.nerve,
      rim: p.rim,
      size: `${p.width}×${p.height}`,
      truthAreaMm2: a.truth.areaMm2,
      assisted: { areaMm2: a.areaMm2, areaErrorPct: a.areaErrorPct, circumferenceErrorPct: a.circumferenceErrorPct, dice: a.dice, clicks: a.clicks, wlSpreadPct: a.wlSpreadPct, ...(a.error ? { error: a.error } : {}) },
      freehand: f,
    });
    log(`  ${p.id}: area ${a.areaErrorPct.toFixed(2)} %, circ ${a.circumferenceErrorPct.toFixed(2)} %, Dice ${a.dice.toFixed(3)}, W/L spread ${a.wlSpreadPct.toFixed(3)} % | freehand area ${f.areaErrorPct.toFixed(2)} %, circ ${f.circumferenceErrorPct.toFixed(2)} %${a.error ? ` — ${a.error}` : ''}`);
  }
  const users: { user: string; clicksOf: ClicksOf; gestures?: number }[] = [
    { user: 'even', clicksOf: evenClicks(4) },
    { user: 'even', clicksOf: evenClicks(8) },
    { user: 'tips', clicksOf: (o, seed) => tipClicksFor(o, 5, seed, CLICK_SIGMA_PX, CLICK_MAX_PX) },
    { user: 'drag', clicksOf: (o, seed) => loosePointsFor(o, seed ^ 0xd7a6, DRAG_WOBBLE_PX, DRAG_SPACING_PX), gestures: 1 },
  ];
  const sensitivity = users.map(({ user, clicksOf, gestures }) => {
    const runs = phantoms.map((p) => ({ err: Math.abs(assistedAccuracy(p, clicksOf).areaErrorPct), anchors: clicksOf(p.truth.outline, seedOf(p.id)).length }));
    const errs = runs.map((r) => r.err);
    const anchors = Math.round(percentile(runs.map((r) => r.anchors), 0.5));
    return { user, anchors, clicks: gestures ?? anchors + 1, medianAbsAreaErrorPct: percentile(errs, 0.5), p95AbsAreaErrorPct: percentile(errs, 0.95) };
  });

  const timing = TIMING_SIZES.map((size) => {
    const moves: number[] = [];
    let worst = 0;
    for (const id of phantoms.map((p) => p.id)) {
      const p = source.at(id, size);
      const r = driveAssisted(frameOf(p, WINDOWS[0]!), clicksFor(p.truth.outline, ANCHORS, seedOf(id), CLICK_SIGMA_PX, CLICK_MAX_PX), seedOf(id));
      moves.push(...r.moveMs);
      worst = Math.max(worst, r.worstStepMs);
    }
    log(`  ${size.width}×${size.height}: update median ${percentile(moves, 0.5).toFixed(2)} ms, max ${Math.max(...moves).toFixed(1)} ms, worst step ${worst.toFixed(1)} ms`);
    return { size: `${size.width}×${size.height}`, updates: moves.length, medianUpdateMs: percentile(moves, 0.5), p95UpdateMs: percentile(moves, 0.95), maxUpdateMs: Math.max(...moves), worstStepMs: worst };
  });
  const large = { size: `${LARGE.width}×${LARGE.height}`, runs: 0, worstStepMs: 0, maxUpdateMs: 0, setupMs: [] as number[] };
  for (const id of phantoms.slice(0, LARGE_RUNS).map((p) => p.id)) {
    const p = source.at(id, LARGE);
    const r = driveAssisted(frameOf(p, WINDOWS[0]!), clicksFor(p.truth.outline, ANCHORS, seedOf(id), CLICK_SIGMA_PX, CLICK_MAX_PX), seedOf(id));
    large.runs++;
    large.worstStepMs = Math.max(large.worstStepMs, r.worstStepMs);
    large.maxUpdateMs = Math.max(large.maxUpdateMs, ...r.moveMs);
    large.setupMs.push(r.setupMs);
  }
  log(`  2048×2048: worst single step ${large.worstStepMs.toFixed(1)} ms (frame set-up ${large.setupMs.map((v) => v.toFixed(0)).join(', ')} ms)`);
  machine.loadAverageEnd = currentLoad();

  const results: TracingResults = {
    command: 'npm run bench -- --tracing',
    phantomSource: source.name,
    machine,
    parameters: { anchors: ANCHORS, clickSigmaPx: CLICK_SIGMA_PX, clickMaxPx: CLICK_MAX_PX, freehandWobblePx: WOBBLE_PX, freehandTremorPx: TREMOR_PX, windows: WINDOWS, moveBudgetMs: MOVE_BUDGET_MS, finishBudgetMs: FINISH_BUDGET_MS, tracer: DEFAULT_ASSISTED_OPTIONS },
    rows,
    sensitivity,
    timing,
    large,
  };
  writeTracingReport(results, join(outDir, 'tracing-results.json'), join(outDir, 'tracing-results.md'));
  return results;
}
