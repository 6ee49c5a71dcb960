/**
 * The first look of a study opened from the PACS: the frame the viewport will show first, fetched
 * and decoded here (JPEG baseline by the browser, native pixels as in firstLook.ts) while the
 * imaging stack registers the study and its loader fetches, decodes and draws the same frame. Like
 * the local first look it is labelled a preview, has no tools, and goes once the viewport paints.
 */
import type { DicomImageMetadata } from '../../dicom';
import { frameRequestHeaders, NATIVE_ACCEPT } from '../wadors';
import { firstPart } from '../../pacs/multipart';
import { lookAtFrame, type FirstLook } from './firstLook';

const JPEG_BASELINE = '1.2.840.10008.1.2.4.50';
/** Compressed frames as stored (the browser decodes JPEG baseline; anything else is not previewed). */
const AS_STORED = 'multipart/related; type="application/octet-stream"; transfer-syntax=*';

/**
 * `nativePixels`: the instance's metadata lists Pixel Data (its frames are uncompressed). The
 * frame URL is the imageId without `wadors:`. Null when the frame cannot be previewed faithfully.
 */
export async function fetchRemoteFirstLook(imageId: string, meta: DicomImageMetadata, name: string, nativePixels: boolean): Promise<FirstLook | null> {
  try {
    const headers = frameRequestHeaders(imageId);
    const response = await fetch(imageId.replace(/^wadors:/, ''), { headers: { ...headers, Accept: nativePixels ? NATIVE_ACCEPT : AS_STORED } });
    if (!response.ok) return null;
    const part = firstPart(new Uint8Array(await response.arrayBuffer()), response.headers.get('content-type') ?? '');
    if (!part) return null;
    const jpeg = part.type.includes(JPEG_BASELINE) || (!nativePixels && part.bytes[0] === 0xff && part.bytes[1] === 0xd8);
    if (!jpeg && (!nativePixels || /transfer-syntax=(?!1\.2\.840\.10008\.1\.2\.1(?![\d.]))/.test(part.type))) return null;
    const frameBytes = Math.ceil((meta.rows * meta.columns * meta.samplesPerPixel * meta.bitsAllocated) / 8);
    if (!jpeg && part.bytes.length < frameBytes) return null;
    return await lookAtFrame(name, meta, part.bytes, jpeg);
  } catch {
    return null; // a preview is optional: the viewport names whatever is wrong
  }
}
