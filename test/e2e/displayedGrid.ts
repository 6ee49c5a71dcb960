/**
 * What is on screen in the first viewport, as a 32 × 32 luminance grid over its box, read from
 * the canvas that shows it (the first look, scaled by the browser, or the viewer's own canvas).
 */
import type { Page } from '@playwright/test';

export function displayedGrid(page: Page, canvasSelector: string) {
  return page.locator('.viewport-panel').first().locator('.viewport-stage').evaluate((stage, selector) => {
    const canvas = stage.querySelector<HTMLCanvasElement>(selector as string)!;
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    const box = stage.getBoundingClientRect();
    const rect = canvas.getBoundingClientRect();
    const at = (x: number, y: number) => {
      const cx = Math.floor(((x - rect.left) / rect.width) * canvas.width);
      const cy = Math.floor(((y - rect.top) / rect.height) * canvas.height);
      if (cx < 0 || cy < 0 || cx >= canvas.width || cy >= canvas.height) return 0;
      const i = (cy * canvas.width + cx) * 4;
      return (data[i]! + data[i + 1]! + data[i + 2]!) / 3;
    };
    // Each cell is the mean of 8 × 8 samples: speckle averages out, placement and window do not.
    const grid: number[] = [];
    for (let gy = 0; gy < 32; gy++) {
      for (let gx = 0; gx < 32; gx++) {
        let sum = 0;
        for (let sy = 0; sy < 8; sy++) {
          for (let sx = 0; sx < 8; sx++) sum += at(box.left + ((gx * 8 + sx + 0.5) * box.width) / 256, box.top + ((gy * 8 + sy + 0.5) * box.height) / 256);
        }
        grid.push(sum / 64);
      }
    }
    return { grid, lit: grid.filter((v) => v > 10).length / grid.length };
  }, canvasSelector);
}
