/**
 * The first look of a study opened from the PACS: the frame the viewport will show first, decoded
 * here (JPEG baseline by the browser, native pixels as in firstLook.ts) from the one answer the
 * viewer's loader decodes too, while the imaging stack registers the study and draws it. Like
 * the local first look it is labelled a preview, has no tools, and goes once the viewport paints.
 */
import type { DicomImageMetadata } from '../../dicom';
import type { FrameBytes } from '../wadors';
import { lookAtFrame, type FirstLook } from './firstLook';

const JPEG_BASELINE = '1.2.840.10008.1.2.4.50';
const EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1';

/**
 * `frame`: the opening frame's answer (wadors.ts fetchOpeningFrame, shared with the loader).
 * `nativePixels`: the instance's metadata lists Pixel Data (its frames are uncompressed). Null
 * when the frame cannot be previewed faithfully.
 */
export async function fetchRemoteFirstLook(frame: Promise<FrameBytes | null>, meta: DicomImageMetadata, name: string, nativePixels: boolean): Promise<FirstLook | null> {
  try {
    const part = await frame;
    if (!part) return null;
    const jpeg = part.type.includes(JPEG_BASELINE) || (!nativePixels && part.bytes[0] === 0xff && part.bytes[1] === 0xd8);
    // Native pixels only as asked for (Explicit VR Little Endian, wadors.ts NATIVE_ACCEPT).
    if (!jpeg && (!nativePixels || (/transfer-syntax=/.test(part.type) && part.transferSyntax !== EXPLICIT_VR_LITTLE_ENDIAN))) return null;
    const frameBytes = Math.ceil((meta.rows * meta.columns * meta.samplesPerPixel * meta.bitsAllocated) / 8);
    if (!jpeg && part.bytes.length < frameBytes) return null;
    return await lookAtFrame(name, meta, part.bytes, jpeg);
  } catch {
    return null; // a preview is optional: the viewport names whatever is wrong
  }
}
