/**
 * Uncompressed YBR_FULL_422 (PS3.3 C.7.6.3.1.2: per two pixels of a row Y1 Y2 Cb Cr, 8 bits)
 * converted to RGB before the viewer's decoder sees the file: Cornerstone 5 paints such a file
 * black (it reads 3 bytes per pixel). JPEG-compressed YBR_FULL_422 is left to the JPEG decoder.
 */
import type { DataSet, Element } from 'dicom-parser';
import { concatBytes } from './bytes.ts';
import { str, u16 } from './values.ts';

/** True for native (not encapsulated) 8-bit YBR_FULL_422 pixel data, interleaved. */
export function isNativeYbrFull422(ds: DataSet): boolean {
  const pixels = ds.elements.x7fe00010;
  return (
    str(ds, 'x00280004') === 'YBR_FULL_422' &&
    (u16(ds, 'x00280002') ?? 0) === 3 &&
    (u16(ds, 'x00280100') ?? 0) === 8 &&
    (u16(ds, 'x00280006') ?? 0) === 0 &&
    pixels !== undefined &&
    pixels.encapsulatedPixelData !== true
  );
}

const clamp = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : Math.round(v));

/** YBR_FULL (ITU-R BT.601 full range, PS3.3 C.7.6.3.1.2) to RGB, one pixel. */
function toRgb(y: number, cb: number, cr: number, out: Uint8Array, at: number): void {
  out[at] = clamp(y + 1.402 * (cr - 128));
  out[at + 1] = clamp(y - 0.344136 * (cb - 128) - 0.714136 * (cr - 128));
  out[at + 2] = clamp(y + 1.772 * (cb - 128));
}

/** The RGB pixels (interleaved) of every frame. Columns must be even, as the standard requires. */
export function ybrFull422ToRgb(source: Uint8Array, columns: number, rows: number, frames: number): Uint8Array {
  const out = new Uint8Array(columns * rows * frames * 3);
  const pairs = (columns * rows * frames) >> 1;
  for (let p = 0; p < pairs; p++) {
    const i = p * 4;
    const cb = source[i + 2] ?? 128;
    const cr = source[i + 3] ?? 128;
    toRgb(source[i] ?? 0, cb, cr, out, p * 6);
    toRgb(source[i + 1] ?? 0, cb, cr, out, p * 6 + 3);
  }
  return out;
}

/** An element with a new value, written as the file writes its elements. */
function elementBytes(el: Element, value: Uint8Array, explicit: boolean, littleEndian: boolean, longLength: boolean): Uint8Array {
  const group = Number.parseInt(el.tag.slice(1, 5), 16);
  const element = Number.parseInt(el.tag.slice(5, 9), 16);
  const header = new DataView(new ArrayBuffer(!explicit ? 8 : longLength ? 12 : 8));
  header.setUint16(0, group, littleEndian);
  header.setUint16(2, element, littleEndian);
  if (!explicit) header.setUint32(4, value.length, littleEndian);
  else {
    header.setUint8(4, el.vr!.charCodeAt(0));
    header.setUint8(5, el.vr!.charCodeAt(1));
    if (longLength) header.setUint32(8, value.length, littleEndian);
    else header.setUint16(6, value.length, littleEndian);
  }
  return concatBytes([new Uint8Array(header.buffer), value]);
}

/** The file with Photometric Interpretation "RGB" and the pixel data converted. */
export function withRgbFromYbrFull422(bytes: Uint8Array, ds: DataSet, explicit: boolean, littleEndian: boolean): Uint8Array {
  const pixels = ds.elements.x7fe00010!;
  const photometric = ds.elements.x00280004!;
  const columns = u16(ds, 'x00280011') ?? 0;
  const rows = u16(ds, 'x00280010') ?? 0;
  const frames = Math.max(1, Number.parseInt(str(ds, 'x00280008') ?? '1', 10) || 1);
  const rgb = ybrFull422ToRgb(bytes.subarray(pixels.dataOffset, pixels.dataOffset + pixels.length), columns, rows, frames);
  const headerLength = (long: boolean) => (!explicit ? 8 : long ? 12 : 8);
  const piStart = photometric.dataOffset - headerLength(false);
  const pixelStart = pixels.dataOffset - headerLength(true);
  return concatBytes([
    bytes.subarray(0, piStart),
    elementBytes(photometric, new TextEncoder().encode('RGB '), explicit, littleEndian, false),
    bytes.subarray(photometric.dataOffset + photometric.length, pixelStart),
    elementBytes(pixels, rgb, explicit, littleEndian, true),
    bytes.subarray(pixels.dataOffset + pixels.length),
  ]);
}
