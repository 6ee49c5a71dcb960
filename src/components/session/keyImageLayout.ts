/**
 * Pure geometry and grouping for the report's key images (unit-tested; no Cornerstone here).
 *
 * Each measured image (instance + frame) becomes one key image with every contour drawn on it.
 * The image is painted by Cornerstone's CPU renderer (utilities.loadImageToCanvas), which fits it
 * into the canvas, centred, stretching the axis with the larger pixel spacing; `imageToCanvas`
 * reproduces that transform so the contours land exactly on the painted pixels.
 */
import type { NerveMeasurement } from '../../domain/measurement';
import type { ImagePoint } from '../../domain/types';

/** The fields of a loaded Cornerstone image the CPU renderer's fit depends on. */
export interface RenderedImageGeometry {
  readonly columns: number;
  readonly rows: number;
  /** Cornerstone's fit scale reads width/height (equal to columns/rows for DICOM images). */
  readonly width?: number | undefined;
  readonly height?: number | undefined;
  readonly rowPixelSpacing?: number | undefined;
  readonly columnPixelSpacing?: number | undefined;
}

function spacings(image: RenderedImageGeometry): { row: number; column: number } {
  return { row: image.rowPixelSpacing || 1, column: image.columnPixelSpacing || 1 };
}

/** Stretch of each axis so that displayed pixels are square in millimetres (as Cornerstone draws them). */
function stretch(image: RenderedImageGeometry): { x: number; y: number } {
  const { row, column } = spacings(image);
  return row < column ? { x: column / row, y: 1 } : { x: 1, y: row / column };
}

/** Canvas size (whole pixels) that holds the image at its displayed aspect within max × max. */
export function keyImageCanvasSize(image: RenderedImageGeometry, maxWidth: number, maxHeight: number): { width: number; height: number } {
  const s = stretch(image);
  const w = image.columns * s.x;
  const h = image.rows * s.y;
  const scale = Math.min(maxWidth / w, maxHeight / h);
  return { width: Math.max(1, Math.round(w * scale)), height: Math.max(1, Math.round(h * scale)) };
}

/**
 * Image point (NerveTrace convention: the centre of column c, row r is (c, r)) → canvas pixel, for an
 * image painted by renderToCanvasCPU into a canvas of the given size (getDefaultViewport +
 * calculateTransform: translate to the centre, scale by the fit scale times the stretch, shift by
 * half the image; pixel i spans [i, i + 1]).
 */
export function imageToCanvas(image: RenderedImageGeometry, canvas: { width: number; height: number }, point: ImagePoint): { x: number; y: number } {
  const s = stretch(image);
  const fit = Math.min(canvas.height / (image.height ?? image.rows) / s.y, canvas.width / (image.width ?? image.columns) / s.x);
  return {
    x: canvas.width / 2 + fit * s.x * (point.x + 0.5 - image.columns / 2),
    y: canvas.height / 2 + fit * s.y * (point.y + 0.5 - image.rows / 2),
  };
}

export interface KeyImagePlan {
  /** `${sopInstanceUid}|${frameIndex}` */
  readonly key: string;
  readonly sopInstanceUid: string;
  readonly frameIndex: number;
  readonly fileName: string;
  readonly measurements: readonly NerveMeasurement[];
}

/** One key image per measured frame, in the order the measurements were made. */
export function planKeyImages(measurements: readonly NerveMeasurement[]): KeyImagePlan[] {
  const plans = new Map<string, { sopInstanceUid: string; frameIndex: number; fileName: string; measurements: NerveMeasurement[] }>();
  for (const m of measurements) {
    const key = `${m.image.sopInstanceUid}|${m.image.frameIndex}`;
    let plan = plans.get(key);
    if (!plan) {
      plan = { sopInstanceUid: m.image.sopInstanceUid, frameIndex: m.image.frameIndex, fileName: m.image.fileName ?? '', measurements: [] };
      plans.set(key, plan);
    }
    plan.measurements.push(m);
  }
  return [...plans.entries()].map(([key, p]) => ({ key, ...p }));
}
