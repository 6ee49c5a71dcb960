/**
 * Contains a failure to draw one image to its own viewport. Cornerstone renders every flagged
 * viewport in one animation frame; if drawing one throws (e.g. Rescale Intercept 1e20: the CPU
 * path cannot allocate a lookup table that long), the engine never clears its "frame requested"
 * flag and nothing is drawn again — every later good file stays black. Here the throw is caught
 * per viewport, announced on that viewport's element, and the other viewports still render.
 */
import type { RenderingEngine } from '@cornerstonejs/core';

/** Fired on a viewport's element when its image could not be drawn; detail: { imageId, error }. */
export const RENDER_FAILED = 'nervetrace-render-failed';

interface RenderableViewport {
  readonly id: string;
  readonly element: HTMLDivElement;
  getCurrentImageId?: () => string | undefined;
  setRendered?: () => void;
}

type RenderOne = (viewport: RenderableViewport) => unknown;

const contained = new WeakSet<object>();

/** Wraps the engine's per-viewport render (Cornerstone 5: on its implementation object). */
export function containRenderFailures(engine: RenderingEngine): void {
  const implementation = ((engine as unknown as { _implementation?: object })._implementation ?? engine) as {
    renderViewportUsingCustomOrVtkPipeline?: RenderOne;
  };
  const renderOne = implementation.renderViewportUsingCustomOrVtkPipeline;
  if (typeof renderOne !== 'function' || contained.has(implementation)) return;
  contained.add(implementation);
  implementation.renderViewportUsingCustomOrVtkPipeline = function (this: unknown, viewport: RenderableViewport) {
    try {
      return renderOne.call(this, viewport);
    } catch (error) {
      const imageId = viewport.getCurrentImageId?.();
      viewport.element.dispatchEvent(new CustomEvent(RENDER_FAILED, { detail: { imageId, error } }));
      return undefined; // no IMAGE_RENDERED for this viewport; the others are drawn as usual
    }
  };
}

/** One plain sentence for an error thrown while drawing an image. */
export function describeRenderError(error: unknown): string {
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  if (error instanceof RangeError || /invalid (typed )?array length|array buffer allocation/i.test(message)) {
    return 'The image could not be drawn: its pixel values (after Rescale Slope and Intercept) span a range too large to display.';
  }
  if (/palette/i.test(message)) return 'The image could not be drawn: its colour palette is incomplete.';
  return 'The image could not be drawn: the imaging library failed while painting it.';
}
