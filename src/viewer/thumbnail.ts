/** Paints a small preview of one image into a canvas (CPU path: no extra WebGL context per thumbnail). */
import { utilities } from '@cornerstonejs/core';
import { initCornerstone } from './cornerstoneSetup';

export async function renderThumbnail(target: HTMLCanvasElement, imageId: string): Promise<void> {
  await initCornerstone(); // registers the loader for dicomfile: imageIds
  // Cornerstone resizes the canvas it paints into, so paint off-screen and scale into ours.
  const scratch = document.createElement('canvas');
  await utilities.loadImageToCanvas({ canvas: scratch, imageId, thumbnail: true, useCPURendering: true });
  const ctx = target.getContext('2d');
  if (!ctx || !scratch.width || !scratch.height) return;
  const scale = Math.min(target.width / scratch.width, target.height / scratch.height);
  const w = scratch.width * scale;
  const h = scratch.height * scale;
  ctx.fillStyle = '#000';
  ctx.fillRect(0, 0, target.width, target.height);
  ctx.drawImage(scratch, (target.width - w) / 2, (target.height - h) / 2, w, h);
}
