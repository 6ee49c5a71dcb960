/** Paints a small preview of one image into a canvas (CPU path: no extra WebGL context per thumbnail). */
import { utilities } from '@cornerstonejs/core';
import { initCornerstone } from './cornerstoneSetup';

export async function renderThumbnail(canvas: HTMLCanvasElement, imageId: string): Promise<void> {
  await initCornerstone(); // registers the loader for dicomfile: imageIds
  await utilities.loadImageToCanvas({ canvas, imageId, thumbnail: true, useCPURendering: true });
}
