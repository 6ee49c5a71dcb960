/**
 * Assisted (livewire) tracing, pure: no DOM, no Cornerstone. The viewer and the benchmark both
 * enter through tracingFrameFor, with what the viewer knows about the frame — including the
 * display window, which is deliberately not used: the outline depends on the stored values only.
 */
import type { StoredFrame } from './edgeMap';
import { DEFAULT_ASSISTED_OPTIONS, TracingFrame, type AssistedOptions } from './assistedContour';
import type { Polarity } from './livewire';

export { AssistedTrace, TracingFrame, DEFAULT_ASSISTED_OPTIONS, type AssistedOptions, type ClickResult, type Preview, type FinishResult } from './assistedContour';
export { EdgeMap, normalisedValues, type StoredFrame } from './edgeMap';
export { fitEllipse, ellipsePolygon, type Ellipse } from './ellipseFit';
export { stepCost, type Polarity, type Orientation, type CostParams } from './livewire';

export interface DisplayedFrame extends StoredFrame {
  readonly modality?: string;
  /** The window the frame is shown with. Accepted so callers pass what they have; never read. */
  readonly window?: { readonly center: number; readonly width: number } | null;
}

/**
 * Which side of a nerve's border is bright. Ultrasound: the hyperechoic epineurial rim is outside
 * (dark inside). MR (as in the sample phantoms): the nerve is bright inside a darker fat rim.
 */
export function polarityFor(modality: string | undefined): Polarity {
  return modality === 'MR' ? 'bright-inside' : 'dark-inside';
}

/** The viewer's and benchmark's entry point: a frame ready for assisted tracing. */
export function tracingFrameFor(frame: DisplayedFrame, overrides: Partial<AssistedOptions> = {}): TracingFrame {
  const stored: StoredFrame = {
    width: frame.width,
    height: frame.height,
    pixels: frame.pixels,
    samplesPerPixel: frame.samplesPerPixel,
    rescaleSlope: frame.rescaleSlope,
    rescaleIntercept: frame.rescaleIntercept,
  };
  // Only B-mode ultrasound is log-compressed echo amplitude (see AssistedOptions.linearRangeDb).
  const byModality: Partial<AssistedOptions> = { polarity: polarityFor(frame.modality), ...(frame.modality === 'US' ? {} : { linearRangeDb: 0 }) };
  return new TracingFrame(stored, { ...DEFAULT_ASSISTED_OPTIONS, ...byModality, ...overrides });
}
