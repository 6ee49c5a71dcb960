import { describe, expect, it } from 'vitest';
import { AssistedTrace, tracingFrameFor, type AssistedOptions } from '../../../src/domain/tracing';
import { LivewireTree } from '../../../src/domain/tracing/livewire';
import { withoutLoops, withoutSpurs } from '../../../src/domain/tracing/assistedContour';
import { measureContour } from '../../../src/domain/measurement';
import { findSelfIntersection } from '../../../src/domain/geometry';
import type { ImagePoint } from '../../../src/domain/types';
import { ringImage } from './ringImage';

const ring = ringImage();
const onRing = (deg: number, r = ring.radius): ImagePoint => ({
  x: Math.round(ring.centre.x + r * Math.cos((deg * Math.PI) / 180)),
  y: Math.round(ring.centre.y + r * Math.sin((deg * Math.PI) / 180)),
});

function traceRing(clicks: ImagePoint[], window?: { center: number; width: number }, options: Partial<AssistedOptions> = {}) {
  const trace = new AssistedTrace(tracingFrameFor({ ...ring, modality: 'US', window }, options));
  for (const c of clicks) {
    trace.move(c, Infinity);
    trace.click(c);
  }
  return trace;
}

function finished(trace: AssistedTrace): ImagePoint[] {
  const result = trace.finish(Infinity);
  if (!result.done || !result.ok) throw new Error('not finished');
  return result.contour;
}

describe('livewire path', () => {
  it('follows the inner border of a circular rim between two anchors (not the chord, not the outer border)', () => {
    const frame = tracingFrameFor({ ...ring, modality: 'US' });
    const from = onRing(0);
    const to = onRing(100);
    // Positive orientation: the inside (the disc) is on the left of the path in image coordinates.
    const tree = new LivewireTree(frame.edges, frame.scratch, from, 1, frame.options);
    const target = to.y * ring.width + to.x;
    expect(tree.growTo(target, Infinity)).toBe(true);
    const path = tree.pathTo(target)!;
    const radii = path.map((i) => Math.hypot((i % ring.width) - ring.centre.x, Math.floor(i / ring.width) - ring.centre.y));
    for (const r of radii) expect(Math.abs(r - ring.radius)).toBeLessThanOrEqual(2); // inner border at 20 px; the outer one is at 26
    // The chord between the anchors passes ~7 px inside the circle at its middle: the path does not.
    expect(Math.min(...radii)).toBeGreaterThan(ring.radius - 2);
  });
});

describe('assisted contour: clicks and closing', () => {
  it('closes when the user clicks near the first point after three others', () => {
    const trace = traceRing([onRing(0), onRing(120), onRing(240)]);
    expect(trace.closed).toBe(false);
    expect(trace.click({ x: onRing(0).x + 2, y: onRing(0).y - 1 })).toBe('closed');
    expect(trace.closed).toBe(true);
    expect(trace.click(onRing(60))).toBe('ignored');
  });

  it('needs three points: with two, a click near the first adds a point; close() refuses', () => {
    const trace = traceRing([onRing(0), onRing(120)]);
    expect(trace.close()).toBe(false);
    expect(trace.click({ x: onRing(0).x + 1, y: onRing(0).y })).toBe('added');
    expect(trace.anchors).toHaveLength(3);
    expect(trace.close()).toBe(true);
  });

  it('ignores a second click on the same pixel and takes back the last click', () => {
    const trace = traceRing([onRing(0), onRing(120)]);
    expect(trace.click(onRing(120))).toBe('ignored');
    expect(trace.removeLastAnchor()).toBe(true);
    expect(trace.anchors).toEqual([onRing(0)]);
  });

  it('refuses to finish an open trace or clicks on one line', () => {
    const open = traceRing([onRing(0), onRing(120), onRing(240)]);
    expect(open.finish(Infinity)).toMatchObject({ done: true, ok: false });
    const line = traceRing([{ x: 10, y: 10 }, { x: 20, y: 20 }, { x: 30, y: 30 }]);
    line.close();
    expect(line.finish(Infinity)).toMatchObject({ done: true, ok: false, error: expect.stringContaining('one line') });
  });

  it('finishes in slices when given a tiny budget, with the same outline (livewire finish)', () => {
    const clicks = [onRing(10), onRing(130), onRing(250), onRing(10)];
    const livewire = { finishMethod: 'livewire' } as const;
    const whole = finished(traceRing(clicks, undefined, livewire));
    const sliced = traceRing(clicks, undefined, livewire);
    let result = sliced.finish(0);
    let slices = 1;
    while (!result.done) {
      result = sliced.finish(0);
      slices++;
    }
    expect(slices).toBeGreaterThan(1);
    expect(result).toEqual({ done: true, ok: true, contour: whole });
  });

  it('finishes in slices with the polar finish too (the viewer\'s close), with the identical outline', () => {
    const clicks = [onRing(10), onRing(100), onRing(190), onRing(280), onRing(10)];
    const whole = finished(traceRing(clicks));
    const sliced = traceRing(clicks);
    let result = sliced.finish(0);
    let slices = 1;
    while (!result.done) {
      result = sliced.finish(0);
      slices++;
    }
    expect(slices).toBeGreaterThan(10);
    expect(result).toEqual({ done: true, ok: true, contour: whole });
  });
});

describe('assisted contour: the result', () => {
  const clicks = [onRing(0, 21), onRing(72, 19), onRing(144, 22), onRing(216, 20), onRing(288, 18), onRing(0, 21)];

  it.each([
    // A thin rim (2 px) blurred by the beam: what the polar finish is made for.
    ['polar', 2, 1, 0.05, 0.05],
    ['livewire', 6, 0, 0.04, 0.04],
    // A thick crisp rim: the move half-way towards the rim's crest stays within ~1 % of radius
    // (it overshot by ~14 % of area when the move went all the way to the crest).
    ['polar', 6, 0, 0.05, 0.05],
  ] as const)('is a simple outline on the inner border whose area (from the domain) matches the disc (%s finish, rim %s px, blur %s px)', (finishMethod, rimPx, blurPx, tolerance, perimeterTolerance) => {
    const image = ringImage(96, 20, rimPx, 8, blurPx);
    const trace = new AssistedTrace(tracingFrameFor({ ...image, modality: 'US' }, { finishMethod, ...(finishMethod === 'livewire' ? { smoothingPoints: 2 } : {}) }));
    for (const c of clicks) {
      trace.move(c, Infinity);
      trace.click(c);
    }
    const contour = finished(trace);
    expect(findSelfIntersection(contour)).toBeNull();
    const metrics = measureContour(contour, { source: 'pixel-spacing', rowSpacingMm: 0.1, columnSpacingMm: 0.1 });
    expect(metrics.ok).toBe(true);
    if (!metrics.ok || !metrics.value.calibrated) return;
    // A rendered disc of radius 20 px at 0.1 mm/px: π·2² = 12.57 mm² (pixel edge at ±0.5 px).
    expect(Math.abs(metrics.value.areaMm2 / (Math.PI * 4) - 1)).toBeLessThan(tolerance);
    expect(Math.abs(metrics.value.perimeterMm / (2 * Math.PI * 2) - 1)).toBeLessThan(perimeterTolerance);
  });

  it('does not depend on the display window passed by the viewer (same clicks, same outline)', () => {
    const a = finished(traceRing(clicks, { center: 128, width: 256 }));
    const b = finished(traceRing(clicks, { center: 40, width: 20 }));
    const c = finished(traceRing(clicks));
    expect(b).toEqual(a);
    expect(c).toEqual(a);
  });
});

describe('path clean-up', () => {
  it('removes out-and-back spurs', () => {
    expect(withoutSpurs([1, 2, 3, 4, 3, 2, 5, 6])).toEqual([1, 2, 5, 6]);
    expect(withoutSpurs([1, 2, 3, 3, 4])).toEqual([1, 2, 3, 4]);
  });

  it('cuts the smaller loop of a crossing outline', () => {
    // A square with a small bow-tie loop near one corner.
    const looped = [
      { x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 10 }, { x: 9, y: 11 }, { x: 11, y: 11 }, { x: 10, y: 10.5 }, { x: 0, y: 10 },
    ];
    expect(findSelfIntersection(looped)).not.toBeNull();
    const fixed = withoutLoops(looped);
    expect(findSelfIntersection(fixed)).toBeNull();
    expect(fixed.length).toBeGreaterThanOrEqual(4);
  });
});
