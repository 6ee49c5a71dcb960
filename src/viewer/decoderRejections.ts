/**
 * The wasm image codecs reject with a bare number (a C++ exception pointer) when compressed data
 * is damaged, and Cornerstone leaves one of those promises unhandled. The failure itself is
 * reported to the user through IMAGE_LOAD_FAILED (the file is named in "Could not open" and the
 * viewport is covered); here we only stop the bare number from surfacing as an uncaught error.
 * Anything else stays uncaught, so real bugs remain visible.
 */
export function absorbDecoderRejections(): void {
  window.addEventListener('unhandledrejection', (event) => {
    if (typeof event.reason !== 'number') return;
    event.preventDefault();
    console.warn(`Image decoder failed (code ${event.reason}); the file is listed under "Could not open".`);
  });
}
