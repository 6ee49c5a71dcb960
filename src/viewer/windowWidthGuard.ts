/**
 * Display-only guard for the file's window (src/dicom/windowRule.ts): when Window Width is 0,
 * negative, or has no centre, Cornerstone is given no window, so its image loader uses the full
 * range of the decoded pixels (it would paint a width-0 window white; dcmtk and the standard
 * say such a window is not usable). Asked first, like displayGeometryProvider. The stored values
 * are not changed. flatImageRange handles an image of a single value.
 */
import { metaData } from '@cornerstonejs/core';
import { isUsableWindow } from '../dicom/windowRule';

interface VoiLutModule {
  windowCenter?: number | number[];
  windowWidth?: number | number[];
  [key: string]: unknown;
}

let asking = false;

export function registerWindowWidthGuard(): void {
  metaData.addProvider((type: string, imageId: string) => {
    if (type !== 'voiLutModule' || asking) return undefined;
    asking = true; // the other providers' answer, without recursing into this one
    try {
      const voi = metaData.get(type, imageId) as VoiLutModule | undefined;
      if (!voi || voi.windowWidth === undefined || isUsableWindow(voi)) return undefined;
      return { ...voi, windowCenter: undefined, windowWidth: undefined };
    } finally {
      asking = false;
    }
  }, 100000);
}

/**
 * The range to show when the loader's full-range window is empty (every pixel has one value,
 * e.g. an all-zero localizer): that value at the bottom of a 1-wide range, so it paints black
 * on MONOCHROME2 as dcmtk does. Null when the range is usable as it is.
 */
export function flatImageRange(voiRange: { lower: number; upper: number } | undefined): { lower: number; upper: number } | null {
  if (!voiRange || !Number.isFinite(voiRange.lower)) return null;
  return voiRange.upper > voiRange.lower ? null : { lower: voiRange.lower, upper: voiRange.lower + 1 };
}
