/** Paints a small preview of one image into a canvas (CPU path: no extra WebGL context per thumbnail). */
import { imageLoader, utilities } from '@cornerstonejs/core';
import { initCornerstone } from './cornerstoneSetup';
import { undrawableReason, type DecodedImage } from './drawableImage';

export async function renderThumbnail(target: HTMLCanvasElement, imageId: string): Promise<void> {
  await initCornerstone(); // registers the loader for dicomfile: imageIds
  // An image Cornerstone cannot paint makes its thumbnail renderer throw outside any promise.
  const image = (await imageLoader.loadAndCacheImage(imageId)) as unknown as DecodedImage;
  const reason = undrawableReason(image);
  if (reason) throw new Error(reason);
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
