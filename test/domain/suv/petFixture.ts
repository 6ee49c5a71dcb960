/** Vendor fixture records (calculate-suv's InstanceMetadata shape) as our PetSuvAttributes. */
import { readFileSync } from 'node:fs';
import type { PetSuvAttributes } from '../../../src/domain/suv';

type Raw = Record<string, unknown>;

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
const number = (v: unknown): number | null => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN;
  return Number.isFinite(n) ? n : null;
};

export function fromPackageRecord(r: Raw): PetSuvAttributes {
  const philips = (r.PhilipsPETPrivateGroup ?? {}) as Raw;
  const corrected = r.CorrectedImage;
  return {
    units: text(r.Units),
    correctedImage: Array.isArray(corrected) ? corrected.map(String) : typeof corrected === 'string' ? corrected.split('\\') : [],
    decayCorrection: text(r.DecayCorrection),
    patientWeightKg: number(r.PatientWeight),
    seriesDate: text(r.SeriesDate),
    seriesTime: text(r.SeriesTime),
    acquisitionDate: text(r.AcquisitionDate),
    acquisitionTime: text(r.AcquisitionTime),
    radiopharmaceutical: null,
    radiopharmaceuticalStartDateTime: text(r.RadiopharmaceuticalStartDateTime),
    radiopharmaceuticalStartTime: text(r.RadiopharmaceuticalStartTime),
    radionuclideTotalDoseBq: number(r.RadionuclideTotalDose),
    radionuclideHalfLifeS: number(r.RadionuclideHalfLife),
    gePrivateScanDateTime: text(r.GEPrivatePostInjectionDateTime),
    philipsSuvScaleFactor: number(philips.SUVScaleFactor),
    philipsActivityConcentrationScaleFactor: number(philips.ActivityConcentrationScaleFactor),
    rescaleSlope: null,
    rescaleIntercept: null,
  };
}

export function loadVendorFixture(name: string): { raw: Raw[]; attributes: PetSuvAttributes[] } {
  const raw = JSON.parse(readFileSync(new URL(`../../fixtures/suv/${name}-instances.json`, import.meta.url), 'utf8')) as Raw[];
  return { raw, attributes: raw.map(fromPackageRecord) };
}

/** A BQML FDG series decay-corrected to the scan start: 75 kg, 370 MBq at 10:00:00, series at 11:00:00. */
export function bqmlStart(over: Partial<PetSuvAttributes> = {}): PetSuvAttributes {
  return {
    units: 'BQML',
    correctedImage: ['NORM', 'DTIM', 'ATTN', 'SCAT', 'DECY', 'RAN'],
    decayCorrection: 'START',
    patientWeightKg: 75,
    seriesDate: '20250401',
    seriesTime: '110000',
    acquisitionDate: '20250401',
    acquisitionTime: '110000',
    radiopharmaceutical: 'Fluorodeoxyglucose',
    radiopharmaceuticalStartDateTime: '20250401100000',
    radiopharmaceuticalStartTime: '100000',
    radionuclideTotalDoseBq: 370e6,
    radionuclideHalfLifeS: 6586.2,
    gePrivateScanDateTime: null,
    philipsSuvScaleFactor: null,
    philipsActivityConcentrationScaleFactor: null,
    rescaleSlope: 1,
    rescaleIntercept: 0,
    ...over,
  };
}
