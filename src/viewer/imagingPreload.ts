/**
 * The imaging stack (Cornerstone3D, its DICOM loader and decode workers, the viewport and tool
 * code) loaded and started while the start screen is idle, so that the first image opened is
 * drawn with its tools at once instead of after a second of loading code. The start screen itself
 * does not wait for any of it: this begins only once the page is idle after its first paint (and
 * the workstation behind it is built), and the start screen's own code stays as small as before.
 * The mark 'nt:imaging-preload' tells the benchmark where the start screen's code ends.
 */
let started: Promise<boolean> | null = null;

/** Resolves true once everything is loaded and started, false if that failed. */
export function preloadImaging(): Promise<boolean> {
  started ??= (async () => {
    performance.mark('nt:imaging-preload');
    const [setup] = await Promise.all([
      import('./cornerstoneSetup'),
      import('./stackViewportController'),
      import('./imageIds'),
      import('./wadors'),
      import('./thumbnail'),
      import('./tools/measurementSync'),
      import('./tools/calibrationLine'),
      import('./tools/activateToolMode'),
      import('./tools/annotationRestore'),
    ]);
    await setup.initCornerstone();
    return true;
  })().catch(() => false); // opening a file loads (and reports) it again
  return started;
}

/** After the next idle period (the start screen painted and nothing else waiting). */
export function preloadImagingWhenIdle(onReady: () => void): void {
  const start = () => void preloadImaging().then((ready) => ready && onReady());
  if ('requestIdleCallback' in window) requestIdleCallback(start, { timeout: 2000 });
  else setTimeout(start, 300);
}
