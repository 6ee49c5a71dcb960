/**
 * Key images for the printed report: each measured frame painted off-screen by Cornerstone's CPU
 * renderer (the same path as the series thumbnails, so no extra WebGL context), with every contour
 * and its label drawn on top, returned as a PNG data URL. Loaded lazily with the report.
 */
import { imageLoader, utilities } from '@cornerstonejs/core';
import { initCornerstone } from '../../viewer/cornerstoneSetup';
import type { NerveMeasurement } from '../../domain/measurement';
import { contourCentroid } from '../../domain/geometry';
import { imageToCanvas, keyImageCanvasSize, type RenderedImageGeometry } from './keyImageLayout';

const SIDE_COLOURS: Record<string, string> = { L: '#4cd97b', R: '#ff7ad9' };
const NO_SIDE_COLOUR = '#ffe066';

export interface RenderedKeyImage {
  readonly dataUrl: string;
  readonly width: number;
  readonly height: number;
}

function drawContours(canvas: HTMLCanvasElement, image: RenderedImageGeometry, measurements: readonly NerveMeasurement[]) {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  const line = Math.max(1.5, canvas.width / 400);
  ctx.lineJoin = 'round';
  const fontPx = Math.round(Math.max(12, canvas.width / 40));
  ctx.font = `bold ${fontPx}px system-ui, sans-serif`;
  // Repeats of the same nerve lie on top of each other: their labels are stacked, not overprinted.
  const placed: Array<{ x: number; y: number; w: number }> = [];
  for (const m of measurements) {
    if (m.contour.length < 2) continue;
    const colour = (m.side && SIDE_COLOURS[m.side]) || NO_SIDE_COLOUR;
    ctx.beginPath();
    m.contour.forEach((p, i) => {
      const c = imageToCanvas(image, canvas, p);
      if (i === 0) ctx.moveTo(c.x, c.y);
      else ctx.lineTo(c.x, c.y);
    });
    ctx.closePath();
    ctx.lineWidth = line + 2;
    ctx.strokeStyle = 'rgba(0,0,0,0.7)';
    ctx.stroke();
    ctx.lineWidth = line;
    ctx.strokeStyle = colour;
    ctx.stroke();
    // Label beside the outline's right-most point.
    const rightMost = m.contour.reduce((a, b) => (b.x > a.x ? b : a));
    const centre = contourCentroid(m.contour) ?? rightMost;
    const at = imageToCanvas(image, canvas, { x: rightMost.x, y: centre.y });
    const w = ctx.measureText(m.label).width;
    let x = at.x + 6;
    let y = at.y;
    if (x + w > canvas.width - 2) x = Math.max(2, canvas.width - 2 - w);
    while (placed.some((p) => Math.abs(p.y - y) < fontPx * 1.1 && x < p.x + p.w + 4 && p.x < x + w + 4)) y += fontPx * 1.15;
    placed.push({ x, y, w });
    ctx.lineWidth = 3;
    ctx.strokeStyle = '#000';
    ctx.strokeText(m.label, x, y);
    ctx.fillStyle = colour;
    ctx.fillText(m.label, x, y);
  }
}

/** Paint one frame with its contours; rejects when the image cannot be decoded. */
export async function renderKeyImage(
  imageId: string,
  measurements: readonly NerveMeasurement[],
  maxWidth = 720,
  maxHeight = 540,
): Promise<RenderedKeyImage> {
  await initCornerstone();
  const image = (await imageLoader.loadAndCacheImage(imageId)) as unknown as RenderedImageGeometry;
  const size = keyImageCanvasSize(image, maxWidth, maxHeight);
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  await utilities.loadImageToCanvas({ canvas, imageId, useCPURendering: true });
  drawContours(canvas, image, measurements);
  return { dataUrl: canvas.toDataURL('image/png'), width: canvas.width, height: canvas.height };
}
