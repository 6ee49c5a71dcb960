/**
 * How many images on each side of the one on screen the stack prefetch may decode ahead. What it
 * decodes must stay in the image cache: asking for more only evicts what it has just decoded,
 * and Cornerstone rejects the overflow with CACHE_SIZE_EXCEEDED. Each of up to two viewports
 * gets 40 % of the cache, leaving room for the images on screen and the thumbnails.
 *
 * And at most MAX_RADIUS each side, however large the cache: a 2,000-slice series prefetched
 * whole kept the main thread busy for some 15 s (scrolling at 10 frames/s meanwhile) and held
 * 2.4 GB. The prefetch follows the image on screen, so scrolling further decodes further.
 */
const SHARE_PER_VIEWPORT = 0.4;
export const MAX_RADIUS = 150;

export function prefetchRadius(cacheBytes: number, imageBytes: number): number {
  if (!(cacheBytes > 0) || !(imageBytes > 0)) return 0;
  const images = Math.floor((cacheBytes * SHARE_PER_VIEWPORT) / imageBytes);
  return Math.min(MAX_RADIUS, Math.max(0, Math.floor(images / 2)));
}
