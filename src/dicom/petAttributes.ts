/**
 * The attributes SUV needs from a PET instance (Modality PT), including the two vendors'
 * private elements that the QIBA pseudo-code uses. Private elements are found through their
 * private creator, never by a fixed element number.
 */
import type { DataSet } from './values.ts';
import type { PetSuvAttributes } from '../domain/suv/types.ts';
import { items, num, str } from './values.ts';

/** The dicom-parser key of private element `element` (low byte) of the block reserved by `creator` in `group`. */
function privateTag(ds: DataSet, group: string, creator: string, element: string): string | null {
  for (let block = 0x10; block <= 0xff; block++) {
    const creatorTag = `x${group}00${block.toString(16).padStart(2, '0')}`;
    if (str(ds, creatorTag)?.toUpperCase() === creator.toUpperCase()) return `x${group}${block.toString(16).padStart(2, '0')}${element}`;
  }
  return null;
}

function privateString(ds: DataSet, group: string, creator: string, element: string): string | null {
  const tag = privateTag(ds, group, creator, element);
  return tag ? str(ds, tag) : null;
}

function privateNumber(ds: DataSet, group: string, creator: string, element: string): number | null {
  const tag = privateTag(ds, group, creator, element);
  const value = tag ? num(ds, tag) : null;
  return value !== null && Number.isFinite(value) ? value : null;
}

/** Every value of a multi-valued string, from Part 10 bytes and from the DICOM JSON model alike. */
function allStrings(ds: DataSet, tag: string): string[] {
  const el = ds.elements[tag];
  if (!el || el.length <= 0) return [];
  const count = ds.numStringValues(tag) ?? 1;
  const values: string[] = [];
  for (let i = 0; i < count; i++) values.push(...(ds.string(tag, i) ?? '').split('\\'));
  return values.map((v) => v.trim()).filter((v) => v !== '');
}

/** PET attributes of the data set, or null when it is not a PET image. */
export function readPetAttributes(ds: DataSet): PetSuvAttributes | null {
  if (str(ds, 'x00080060')?.toUpperCase() !== 'PT') return null;
  const pharm = items(ds, 'x00540016')[0];
  return {
    units: str(ds, 'x00541001'),
    correctedImage: allStrings(ds, 'x00280051'),
    decayCorrection: str(ds, 'x00541102'),
    patientWeightKg: num(ds, 'x00101030'),
    seriesDate: str(ds, 'x00080021'),
    seriesTime: str(ds, 'x00080031'),
    acquisitionDate: str(ds, 'x00080022'),
    acquisitionTime: str(ds, 'x00080032'),
    radiopharmaceutical: pharm ? str(pharm, 'x00180031') : null,
    radiopharmaceuticalStartDateTime: pharm ? str(pharm, 'x00181078') : null,
    radiopharmaceuticalStartTime: pharm ? str(pharm, 'x00181072') : null,
    radionuclideTotalDoseBq: pharm ? num(pharm, 'x00181074') : null,
    radionuclideHalfLifeS: pharm ? num(pharm, 'x00181075') : null,
    gePrivateScanDateTime: privateString(ds, '0009', 'GEMS_PETD_01', '0d'),
    philipsSuvScaleFactor: privateNumber(ds, '7053', 'Philips PET Private Group', '00'),
    philipsActivityConcentrationScaleFactor: privateNumber(ds, '7053', 'Philips PET Private Group', '09'),
    rescaleSlope: num(ds, 'x00281053'),
    rescaleIntercept: num(ds, 'x00281052'),
  };
}
