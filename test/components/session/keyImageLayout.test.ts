import { describe, expect, it } from 'vitest';
// Cornerstone's own CPU-rendering fit, imported by path (not part of its public exports) so that
// the key-image geometry is checked against the code that paints the image.
import getDefaultViewport from '../../../node_modules/@cornerstonejs/core/dist/esm/RenderingEngine/helpers/cpuFallback/rendering/getDefaultViewport.js';
import calculateTransform from '../../../node_modules/@cornerstonejs/core/dist/esm/RenderingEngine/helpers/cpuFallback/rendering/calculateTransform.js';
import { imageToCanvas, keyImageCanvasSize, planKeyImages, type RenderedImageGeometry } from '../../../src/components/session/keyImageLayout';
import type { NerveMeasurement } from '../../../src/domain/measurement';

function cornerstoneImageToCanvas(image: RenderedImageGeometry, canvas: { width: number; height: number }, x: number, y: number) {
  const full = { width: image.columns, height: image.rows, ...image };
  const viewport = getDefaultViewport(canvas as HTMLCanvasElement, full as never, 'US');
  const transform = calculateTransform({ canvas, viewport, image: full } as never);
  // Cornerstone pixel i spans [i, i + 1]; NerveTrace puts pixel centres at integers.
  return transform.transformPoint([x + 0.5, y + 0.5]) as number[];
}

describe('key image geometry', () => {
  const cases: Array<[string, RenderedImageGeometry, number, number]> = [
    ['square pixels, landscape', { columns: 640, rows: 480, rowPixelSpacing: 0.075, columnPixelSpacing: 0.075 }, 720, 540],
    ['anisotropic, wider columns', { columns: 640, rows: 480, rowPixelSpacing: 0.075, columnPixelSpacing: 0.1 }, 720, 540],
    ['anisotropic, taller rows', { columns: 512, rows: 256, rowPixelSpacing: 1.4, columnPixelSpacing: 0.7 }, 720, 540],
    ['no spacing', { columns: 320, rows: 240 }, 720, 540],
  ];
  for (const [name, image, maxW, maxH] of cases) {
    it(`matches Cornerstone's CPU renderer: ${name}`, () => {
      const canvas = keyImageCanvasSize(image, maxW, maxH);
      expect(canvas.width).toBeLessThanOrEqual(maxW);
      expect(canvas.height).toBeLessThanOrEqual(maxH);
      for (const [x, y] of [
        [0, 0],
        [image.columns - 1, image.rows - 1],
        [123.4, 56.7],
        [-0.5, -0.5],
      ] as const) {
        const ours = imageToCanvas(image, canvas, { x, y });
        const theirs = cornerstoneImageToCanvas(image, canvas, x, y);
        expect(ours.x).toBeCloseTo(theirs[0]!, 6);
        expect(ours.y).toBeCloseTo(theirs[1]!, 6);
      }
      // The image's outer corners land on the canvas edges along the fitting axis.
      const corner = imageToCanvas(image, canvas, { x: image.columns - 0.5, y: image.rows - 0.5 });
      const origin = imageToCanvas(image, canvas, { x: -0.5, y: -0.5 });
      expect(Math.min(Math.abs(corner.x - canvas.width) + Math.abs(origin.x), Math.abs(corner.y - canvas.height) + Math.abs(origin.y))).toBeLessThan(1);
    });
  }

  it('displayed aspect follows the pixel spacing (a 640 × 480 image with 0.1 × 0.075 mm pixels is 64 × 36 mm)', () => {
    const size = keyImageCanvasSize({ columns: 640, rows: 480, rowPixelSpacing: 0.075, columnPixelSpacing: 0.1 }, 640, 640);
    expect(size.width / size.height).toBeCloseTo(64 / 36, 2);
  });

  it('one key image per measured frame, in the order of the measurements', () => {
    const m = (id: string, sop: string, frameIndex = 0) => ({ id, label: id, image: { sopInstanceUid: sop, frameIndex, fileName: `${sop}.dcm` } }) as unknown as NerveMeasurement;
    const plans = planKeyImages([m('A1', '1.1'), m('A2', '1.2'), m('A3', '1.1'), m('A4', '1.1', 3)]);
    expect(plans.map((p) => [p.key, p.measurements.map((x) => x.label)])).toEqual([
      ['1.1|0', ['A1', 'A3']],
      ['1.2|0', ['A2']],
      ['1.1|3', ['A4']],
    ]);
  });
});
