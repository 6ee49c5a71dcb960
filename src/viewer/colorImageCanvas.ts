/**
 * Colour images as Cornerstone's loader makes them keep a canvas each (800 × 600 × 4 bytes for
 * an ultrasound frame: 192 MB for a 100-frame cine) and, for JPEG baseline, also the RGBA
 * ImageData the browser decoded into, beside the RGB pixels kept for display (another 192 MB).
 * The CPU renderer only ever draws one of those canvases at a time. Here the RGBA copy is dropped
 * once the RGB pixels exist, and getCanvas draws on one canvas shared by all colour images,
 * doing exactly what the loader's own getCanvas does (RGB → RGBA into a new ImageData that then
 * becomes the image's pixel data, as before), so what is shown and the decoded values are unchanged.
 */

/** The part of Cornerstone's image object (createImage.js) this touches. */
export interface ColorImageLike {
  readonly color?: boolean;
  readonly rows: number;
  readonly columns: number;
  getCanvas?: (() => HTMLCanvasElement) | undefined;
  readonly imageFrame?: {
    pixelData?: ArrayLike<number> & { readonly buffer?: ArrayBufferLike };
    pixelDataLength?: number;
    imageData?: { readonly data?: { readonly buffer?: ArrayBufferLike } };
  };
}

/**
 * Fills `rgba` (width × height × 4) from RGB or RGBA pixels, alpha 255 for RGB; as the loader's
 * getCanvas does. Returns false (rgba untouched) for any other length.
 */
export function fillRgba(pixels: ArrayLike<number>, rgba: Uint8ClampedArray, pixelCount: number): boolean {
  if (pixels.length === pixelCount * 4) {
    for (let i = 0; i < pixels.length; i++) rgba[i] = pixels[i]!;
    return true;
  }
  if (pixels.length === pixelCount * 3) {
    for (let i = 0, j = 0; i < pixels.length; i += 3) {
      rgba[j++] = pixels[i]!;
      rgba[j++] = pixels[i + 1]!;
      rgba[j++] = pixels[i + 2]!;
      rgba[j++] = 255;
    }
    return true;
  }
  return false;
}

let shared: HTMLCanvasElement | null = null;
let drawn: ColorImageLike | null = null;

function drawOnSharedCanvas(image: ColorImageLike): HTMLCanvasElement {
  shared ??= document.createElement('canvas');
  if (drawn === image) return shared;
  const frame = image.imageFrame!;
  const { columns: width, rows: height } = image;
  if (shared.width !== width) shared.width = width;
  if (shared.height !== height) shared.height = height;
  const context = shared.getContext('2d')!;
  const imageData = context.createImageData(width, height);
  fillRgba(frame.pixelData ?? [], imageData.data, width * height);
  frame.pixelData = imageData.data;
  frame.pixelDataLength = imageData.data.length;
  frame.imageData = imageData;
  context.putImageData(imageData, 0, 0);
  drawn = image;
  return shared;
}

/** After a colour image is made: drop the decoder's RGBA copy and its own canvas. */
export function slimColorImage(image: ColorImageLike): void {
  if (!image.color || !image.imageFrame || typeof image.getCanvas !== 'function') return;
  const frame = image.imageFrame;
  // The decoder's ImageData, when the pixels kept are a separate RGB copy of it.
  if (frame.imageData && frame.imageData.data?.buffer !== frame.pixelData?.buffer) delete frame.imageData;
  image.getCanvas = () => drawOnSharedCanvas(image);
}
