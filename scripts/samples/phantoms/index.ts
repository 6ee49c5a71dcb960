/**
 * Tracing phantoms: realistic B-mode cross-sections of the sciatic, tibial and common peroneal
 * nerves with their exact outline, area and circumference, for judging tracing tools against
 * ground truth (issue #17). Pure and deterministic (seeded PRNG, no clock, no DOM): usable from
 * tsx scripts, Vitest and benchmarks. `npm run samples` writes them to sample-dicom/phantoms/.
 *
 * COORDINATES: outlines are in continuous 0-based pixel-index coordinates, x = column, y = row,
 * and the CENTRE of pixel (column i, row j) is the point (i, j) — the convention of
 * src/domain/types.ts (ImagePoint), of stored measurements and of the outlines in
 * sample-dicom/manifest.json. (Cornerstone's own utilities.worldToImageCoords put pixel centres at
 * +0.5; src/viewer/tools/imageCoordinates.ts converts: worldToImagePoint / imagePointToWorld.)
 * Pixels are row-major: pixels[y * width + x].
 *
 * TRUTH: the outline is the INNER border of the hyperechoic epineurial rim: 256 points equally
 * spaced in arc length on the analytic curve, closed (first point not repeated), rounded to
 * 1/1000 px as in the manifest. areaMm2 and circumferenceMm are what src/domain's measureContour
 * gives for that polygon with the phantom's [row, column] pixel spacing — the same numbers the
 * app stores for a perfect trace. (The analytic curve's area differs from the polygon's by < 0.05 %.)
 *
 * OTHER FRAME SIZES: renderTracingPhantom(id, { width, height }) renders the SAME anatomy (same
 * tissue in millimetres, same nerve, same depth below the skin) on another frame. The field of view
 * keeps its lateral extent and the pixel spacing scales by min(width / 400, height / 300) (the
 * default frame is 400 × 300), so the nerve keeps its physical size and covers proportionally more
 * pixels on a bigger frame (e.g. 2.56× more along each axis on 1024 × 768); a frame of another aspect
 * ratio shows more or less depth. The speckle grain is physical (mm), so it also scales in pixels.
 */
import { measureContour } from '../../../src/domain/measurement/measureContour.ts';
import type { KnownSiteId } from '../../../src/domain/reference/anatomy.ts';
import { DEFAULT_SIZE, PHANTOM_SPECS, type PhantomNerve, type PhantomShapeKind, type PhantomSpec, type RimKind, phantomId } from './catalogue.ts';
import { bmode } from './bmode.ts';
import { type Grid, colOf, renderEcho, rowOf } from './echo.ts';
import { type Scene, buildScene } from './scene.ts';
import { borderPoints } from './shape.ts';

export type { PhantomNerve, PhantomShapeKind, RimKind } from './catalogue.ts';

export interface PhantomPoint {
  x: number;
  y: number;
}

export interface TracingPhantom {
  /** e.g. 'phantom-sciatic-flat-01'; also the file name stem. */
  id: string;
  nerve: PhantomNerve;
  shape: PhantomShapeKind;
  /** How visible the epineurial rim is: 'faint' = barely, 'gapped' = missing on 2–3 arcs. */
  rim: RimKind;
  width: number;
  height: number;
  /** Greyscale B-mode, row-major, width × height. */
  pixels: Uint8Array;
  /** [row, column] mm (written to the DICOM as a US region's PhysicalDeltaY / PhysicalDeltaX in cm). */
  pixelSpacingMm: readonly [number, number];
  truth: { outline: PhantomPoint[]; areaMm2: number; circumferenceMm: number };
  /** Measurement site (domain id): the sciatic is flat at the gluteal fold, round above the bifurcation. */
  site: KnownSiteId;
  /** Enlarged (above the usual upper limit of normal for its site). */
  enlarged: boolean;
  /** Arcs of the outline (arc-length fractions from the first outline point, [from, to], may wrap past 1) where the rim is missing. */
  rimGaps: Array<[number, number]>;
  /** Neighbouring vessel (centre in pixel coordinates, semi-axes in mm). */
  vessel: { kind: 'artery' | 'vein'; centre: PhantomPoint; radiiMm: [number, number] };
  /** Depth of the outline's centre below the skin (mm). */
  depthMm: number;
}

export const OUTLINE_POINTS = 256;
const r3 = (v: number): number => Math.round(v * 1000) / 1000;

const byId = new Map(PHANTOM_SPECS.map((s) => [phantomId(s), s]));

export function tracingPhantomIds(): string[] {
  return [...byId.keys()];
}

function gridFor(spec: PhantomSpec, size: { width: number; height: number }): Grid {
  const scale = Math.min(size.width / DEFAULT_SIZE.width, size.height / DEFAULT_SIZE.height);
  const [row, col] = spec.spacingMm;
  return { width: size.width, height: size.height, dx: col / scale, dy: row / scale };
}

/** The scene of a phantom (anatomy in mm), shared by every frame size. */
function sceneFor(id: string, spec: PhantomSpec): Scene {
  const g = gridFor(spec, DEFAULT_SIZE);
  const halfWidth = (g.width / 2) * g.dx;
  // Texture is generated over a generous extent so frames of another aspect ratio (wider, or
  // deeper up to square) are filled too.
  return buildScene(id, spec, { x0: -1.5 * halfWidth, x1: 1.5 * halfWidth, depth: 2 * halfWidth + 1, viewDepth: g.height * g.dy });
}

function truthOf(scene: Scene, g: Grid): TracingPhantom['truth'] {
  const outline = borderPoints(scene.shape, OUTLINE_POINTS).map(([x, d]) => ({ x: r3(colOf(g, x)), y: r3(rowOf(g, d)) }));
  const m = measureContour(outline, { source: 'us-region', rowSpacingMm: g.dy, columnSpacingMm: g.dx });
  if (!m.ok || !m.value.calibrated) throw new Error(`phantom outline is not measurable: ${m.ok ? 'uncalibrated' : m.error}`);
  return { outline, areaMm2: m.value.areaMm2, circumferenceMm: m.value.perimeterMm };
}

export function renderTracingPhantom(id: string, size: { width: number; height: number } = DEFAULT_SIZE): TracingPhantom {
  const spec = byId.get(id);
  if (!spec) throw new Error(`Unknown tracing phantom "${id}".`);
  if (!(Number.isInteger(size.width) && Number.isInteger(size.height) && size.width >= 64 && size.height >= 48)) {
    throw new Error(`Frame size ${size.width}×${size.height} is not usable (whole numbers, at least 64×48).`);
  }
  const scene = sceneFor(id, spec);
  const g = gridFor(spec, size);
  const maps = renderEcho(scene, g);
  const pixels = bmode(scene, maps, g, `${id}/${size.width}x${size.height}`);
  const v = scene.vessels[0]!;
  return {
    id,
    nerve: spec.nerve,
    shape: spec.shape,
    rim: spec.rim,
    width: g.width,
    height: g.height,
    pixels,
    pixelSpacingMm: [g.dy, g.dx],
    truth: truthOf(scene, g),
    site: spec.site,
    enlarged: spec.enlarged,
    rimGaps: scene.gaps.map(([a, b]) => [r3(a), r3(b)]),
    vessel: { kind: v.kind, centre: { x: r3(colOf(g, v.x)), y: r3(rowOf(g, v.y)) }, radiiMm: [r3(v.rx), r3(v.ry)] },
    depthMm: spec.depthMm,
  };
}

/** Every tracing phantom at the default frame size (400 × 300), in catalogue order. */
export function tracingPhantoms(): TracingPhantom[] {
  return tracingPhantomIds().map((id) => renderTracingPhantom(id));
}

export { DEFAULT_SIZE as PHANTOM_DEFAULT_SIZE } from './catalogue.ts';
