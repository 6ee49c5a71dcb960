/**
 * The file's window is used only when it is valid. PS3.3 C.11.2.1.2: Window Width shall be
 * greater than 0 (1 for the linear function). A width of 0, a negative or non-finite width, or a
 * non-finite centre is not a window: the image is then shown over the full range of its decoded
 * pixels, as dcmtk does (an all-zero Siemens localizer with width 0 is black, not white; the
 * viewer side is src/viewer/windowWidthGuard.ts).
 * (To be merged with the display-value sanity checks of issue #20.)
 */
export interface FileWindow {
  readonly windowCenter?: number | readonly number[] | null;
  readonly windowWidth?: number | readonly number[] | null;
}

const first = (v: number | readonly number[] | null | undefined): number | null =>
  v === null || v === undefined ? null : typeof v === 'number' ? v : (v[0] ?? null);

/** True when the file's first window can be used as it is. */
export function isUsableWindow(window: FileWindow): boolean {
  const width = first(window.windowWidth);
  const center = first(window.windowCenter);
  return width !== null && center !== null && Number.isFinite(width) && Number.isFinite(center) && width > 0;
}
