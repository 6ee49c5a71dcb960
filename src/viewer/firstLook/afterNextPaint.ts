/**
 * Resolves once the browser has painted the current frame. Work queued after it (parsing the
 * imaging stack's code, reading the remaining files) cannot hold back what was just drawn.
 */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
