/**
 * The one rule for the display values a file gives — Modality LUT (RescaleSlope/Intercept) and
 * VOI window (WindowCenter/Width) — before any decoder or renderer uses them. Both the first-look
 * preview and Cornerstone get what this returns, and the overlay shows its warning.
 *
 * Why: a renderer builds a lookup table over the range of the rescaled pixels; Cornerstone's CPU
 * path loops from the smallest to the largest value one by one. RescaleSlope 0 with
 * RescaleIntercept -1e308 makes every pixel -Infinity and that loop never ends (the tab froze).
 *
 * Rule (pure, no DOM):
 * - Modality LUT: a missing slope is 1 and a missing intercept 0. A slope that is 0 or not finite,
 *   an intercept that is not finite, or one that maps a storable value beyond ±2^24 (16,777,216:
 *   where Float32, the type Cornerstone rescales into, stops holding every whole number; far above
 *   any CT, MR or PET value in practice) is replaced by the identity, and the file's window, in
 *   the units of that unusable rescale, is dropped with it.
 * - Window: absent (either value missing) means the full range, silently. A centre or width that
 *   is not finite, a width of 0 or less, or a centre or width beyond ±2^24 is dropped: the full
 *   range of the decoded pixels is shown.
 * - Every replacement gives one warning sentence naming the values.
 * For BitsAllocated above 16 the storable range is not checked (only finiteness and a non-zero slope).
 */

/** Largest magnitude of a rescaled value or window accepted: 2^24 (see above). */
export const MAX_DISPLAY_MAGNITUDE = 2 ** 24;

export interface FileDisplayValues {
  readonly rescaleSlope: number | null;
  readonly rescaleIntercept: number | null;
  readonly windowCenter: number | null;
  readonly windowWidth: number | null;
  /** BitsAllocated, BitsStored and PixelRepresentation, for the range of storable values. */
  readonly bitsAllocated: number;
  readonly bitsStored: number | null;
  readonly pixelRepresentation: number | null;
}

export interface SaneDisplayValues {
  readonly rescaleSlope: number;
  readonly rescaleIntercept: number;
  /** null: show the decoded pixels' full range. */
  readonly windowCenter: number | null;
  readonly windowWidth: number | null;
  /** One sentence when something was replaced; null otherwise. */
  readonly warning: string | null;
}

/** The smallest and largest value the stored words can hold, or null when not checked (> 16 bits). */
export function storableRange(v: Pick<FileDisplayValues, 'bitsAllocated' | 'bitsStored' | 'pixelRepresentation'>): [number, number] | null {
  // BitsAllocated, not BitsStored: a decoder may leave stray high bits in the word.
  const bits = Math.round(v.bitsAllocated);
  if (!(bits >= 1 && bits <= 16)) return null;
  return v.pixelRepresentation === 1 ? [-(2 ** (bits - 1)), 2 ** (bits - 1) - 1] : [0, 2 ** bits - 1];
}

const withinMagnitude = (value: number) => Number.isFinite(value) && Math.abs(value) <= MAX_DISPLAY_MAGNITUDE;

function show(value: number): string {
  if (Number.isNaN(value)) return '(not a number)';
  const size = Math.abs(value);
  return size !== 0 && Number.isFinite(size) && (size >= 1e6 || size < 1e-4) ? value.toExponential() : String(value);
}

function modalityLutProblem(slope: number, intercept: number, range: [number, number] | null): string | null {
  if (!Number.isFinite(slope) || slope === 0) return `RescaleSlope ${show(slope)}`;
  if (!Number.isFinite(intercept)) return `RescaleIntercept ${show(intercept)}`;
  if (range === null) return null;
  const ends = [range[0] * slope + intercept, range[1] * slope + intercept];
  return ends.every(withinMagnitude) ? null : `RescaleSlope ${show(slope)} with RescaleIntercept ${show(intercept)}`;
}

function windowProblem(center: number, width: number): boolean {
  return !withinMagnitude(center) || !withinMagnitude(width) || !(width > 0);
}

export function saneDisplayValues(v: FileDisplayValues): SaneDisplayValues {
  const slope = v.rescaleSlope ?? 1;
  const intercept = v.rescaleIntercept ?? 0;
  const lutProblem = modalityLutProblem(slope, intercept, storableRange(v));
  if (lutProblem !== null) {
    return {
      rescaleSlope: 1,
      rescaleIntercept: 0,
      windowCenter: null,
      windowWidth: null,
      warning: `Display values replaced: ${lutProblem} cannot be displayed, so the stored pixel values are shown over their full range.`,
    };
  }
  const { windowCenter: center, windowWidth: width } = v;
  if (center === null || width === null) {
    return { rescaleSlope: slope, rescaleIntercept: intercept, windowCenter: null, windowWidth: null, warning: null };
  }
  if (windowProblem(center, width)) {
    return {
      rescaleSlope: slope,
      rescaleIntercept: intercept,
      windowCenter: null,
      windowWidth: null,
      warning: `Display values replaced: the window (WindowCenter ${show(center)}, WindowWidth ${show(width)}) cannot be displayed, so the pixels are shown over their full range.`,
    };
  }
  return { rescaleSlope: slope, rescaleIntercept: intercept, windowCenter: center, windowWidth: width, warning: null };
}
