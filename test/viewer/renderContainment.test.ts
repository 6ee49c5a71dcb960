/**
 * Issue 21: a failure to draw one image stays in its viewport. Cornerstone's engine stops drawing
 * everything after one per-viewport render throws; the wrapper catches it per viewport.
 */
import { describe, expect, it } from 'vitest';
import type { RenderingEngine } from '@cornerstonejs/core';
import { RENDER_FAILED, containRenderFailures, describeRenderError } from '../../src/viewer/renderContainment';
import { undrawableReason } from '../../src/viewer/drawableImage';

function fakeEngine(failFor: string) {
  const rendered: string[] = [];
  const implementation = {
    renderViewportUsingCustomOrVtkPipeline(viewport: { id: string }) {
      if (viewport.id === failFor) throw new RangeError('Invalid typed array length: 100000000000000000000');
      rendered.push(viewport.id);
      return { element: null };
    },
  };
  return { engine: { _implementation: implementation } as unknown as RenderingEngine, implementation, rendered };
}

function viewport(id: string, imageId: string) {
  const element = new EventTarget() as unknown as HTMLDivElement;
  const events: unknown[] = [];
  element.addEventListener(RENDER_FAILED, (e) => events.push((e as CustomEvent).detail));
  return { id, element, getCurrentImageId: () => imageId, events };
}

describe('render failures are contained per viewport', () => {
  it('the failing viewport is told (with its image), and the next viewport still renders', () => {
    const { engine, implementation, rendered } = fakeEngine('left');
    containRenderFailures(engine);
    const left = viewport('left', 'dicomfile:1');
    const right = viewport('right', 'dicomfile:2');
    expect(implementation.renderViewportUsingCustomOrVtkPipeline(left)).toBeUndefined();
    implementation.renderViewportUsingCustomOrVtkPipeline(right);
    expect(rendered).toEqual(['right']);
    expect(left.events).toHaveLength(1);
    expect((left.events[0] as { imageId: string }).imageId).toBe('dicomfile:1');
    expect(right.events).toEqual([]);
  });

  it('wrapping twice does not nest', () => {
    const { engine, implementation } = fakeEngine('left');
    containRenderFailures(engine);
    const once = implementation.renderViewportUsingCustomOrVtkPipeline;
    containRenderFailures(engine);
    expect(implementation.renderViewportUsingCustomOrVtkPipeline).toBe(once);
  });

  it('the reason is one plain sentence without the library’s internals', () => {
    expect(describeRenderError(new RangeError('Invalid typed array length: 1e20'))).toBe(
      'The image could not be drawn: its pixel values (after Rescale Slope and Intercept) span a range too large to display.',
    );
    expect(describeRenderError(new TypeError("Cannot read properties of undefined (reading 'x')"))).toBe(
      'The image could not be drawn: the imaging library failed while painting it.',
    );
  });
});

describe('an image that cannot be painted is recognised before painting', () => {
  const image = { width: 64, height: 64, minPixelValue: 0, maxPixelValue: 4000 };
  it('an ordinary MR image is drawable', () => expect(undrawableReason(image)).toBeNull());
  it('Rescale Intercept 1e20 is not', () => {
    expect(undrawableReason({ ...image, minPixelValue: 1e20, maxPixelValue: 1e20 + 4000 })).toMatch(/range too large/);
  });
  it('NaN values are not', () => expect(undrawableReason({ ...image, maxPixelValue: Number.NaN })).toMatch(/not finite/));
  it('an image without pixels is not', () => expect(undrawableReason({ ...image, width: 0 })).toMatch(/no pixels/));
});
