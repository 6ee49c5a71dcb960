/**
 * Cornerstone gets the same display values as the first look and the overlay: a metadata provider,
 * asked before the file's own, hands the DICOM image loader the Modality LUT and VOI window
 * after saneDisplayValues (src/domain/display). Without it, RescaleSlope 0 with RescaleIntercept
 * -1e308 rescales every pixel to -Infinity and the CPU renderer's lookup table loop never ends.
 * A window left out here makes the loader use the decoded pixels' full range.
 */
import { metaData } from '@cornerstonejs/core';
import { saneDisplayValues } from '../domain/display';

interface ModalityLutModule {
  rescaleSlope?: number;
  rescaleIntercept?: number;
  [key: string]: unknown;
}
interface VoiLutModule {
  windowCenter?: number[] | number;
  windowWidth?: number[] | number;
  [key: string]: unknown;
}
interface ImagePixelModule {
  bitsAllocated?: number;
  bitsStored?: number;
  pixelRepresentation?: number;
}

const first = (v: number[] | number | undefined): number | null => {
  const value = Array.isArray(v) ? v[0] : v;
  return typeof value === 'number' ? value : null;
};

/** The modules as the loader should see them: replaced values only where the rule replaced them. */
export function saneDisplayModules(
  modality: ModalityLutModule | undefined,
  voi: VoiLutModule | undefined,
  pixel: ImagePixelModule | undefined,
): { modality: ModalityLutModule; voi: VoiLutModule } {
  const sane = saneDisplayValues({
    rescaleSlope: typeof modality?.rescaleSlope === 'number' ? modality.rescaleSlope : null,
    rescaleIntercept: typeof modality?.rescaleIntercept === 'number' ? modality.rescaleIntercept : null,
    windowCenter: first(voi?.windowCenter),
    windowWidth: first(voi?.windowWidth),
    bitsAllocated: pixel?.bitsAllocated ?? 16,
    bitsStored: pixel?.bitsStored ?? null,
    pixelRepresentation: pixel?.pixelRepresentation ?? null,
  });
  const saneModality = { ...modality, rescaleSlope: sane.rescaleSlope, rescaleIntercept: sane.rescaleIntercept };
  // A window is passed on only whole and usable (a width without a centre, width ≤ 0, absurd
  // values are left out): the loader then shows the decoded pixels' full range, as dcmtk does.
  if (sane.windowCenter !== null && sane.windowWidth !== null) return { modality: saneModality, voi: { ...voi } };
  const { windowCenter: _c, windowWidth: _w, ...rest } = voi ?? {};
  return { modality: saneModality, voi: rest };
}

let asking = false;

export function registerDisplayValuesProvider(): void {
  metaData.addProvider((type: string, imageId: string) => {
    if ((type !== 'modalityLutModule' && type !== 'voiLutModule') || asking) return undefined;
    asking = true; // ask the other providers for the file's own values, without recursing into this one
    try {
      const modality = metaData.get('modalityLutModule', imageId) as ModalityLutModule | undefined;
      const voi = metaData.get('voiLutModule', imageId) as VoiLutModule | undefined;
      if (!modality && !voi) return undefined;
      const pixel = metaData.get('imagePixelModule', imageId) as ImagePixelModule | undefined;
      const sane = saneDisplayModules(modality, voi, pixel);
      return type === 'modalityLutModule' ? sane.modality : sane.voi;
    } finally {
      asking = false;
    }
  }, 100000);
}
