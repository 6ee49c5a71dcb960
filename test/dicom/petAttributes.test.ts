import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { readDicomImage } from '../../src/dicom';
import { nativeFrameValues } from '../../src/dicom/nativePixels';
import { computeSuvBwFactors, regionSuv, suvImageFromStored } from '../../src/domain/suv';
import { makeDicom } from '../helpers/makeDicom';

const require = createRequire(import.meta.url);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const dcmjs: any = require('dcmjs');

const PET_SOP = '1.2.840.10008.5.1.4.1.1.128';
const WEIGHT_KG = 75;
const DOSE_BQ = 370e6;
const HALF_LIFE_S = 6586.2;
const SLOPE = 0.1;

const petAttributes = {
  SOPClassUID: PET_SOP,
  Modality: 'PT',
  Rows: 32,
  Columns: 32,
  BitsAllocated: 16,
  BitsStored: 16,
  HighBit: 15,
  PixelSpacing: [2, 2],
  RescaleSlope: SLOPE,
  RescaleIntercept: 0,
  Units: 'BQML',
  CorrectedImage: ['NORM', 'ATTN', 'DECY', 'SCAT'],
  DecayCorrection: 'START',
  PatientWeight: WEIGHT_KG,
  SeriesDate: '20250401',
  SeriesTime: '110000',
  AcquisitionDate: '20250401',
  AcquisitionTime: '110000',
  RadiopharmaceuticalInformationSequence: [
    { Radiopharmaceutical: 'Fluorodeoxyglucose', RadiopharmaceuticalStartDateTime: '20250401100000', RadionuclideTotalDose: DOSE_BQ, RadionuclideHalfLife: HALF_LIFE_S },
  ],
};

/** Activity concentration of SUV 1: the dose decayed over the hour from injection, per gram of body weight. */
const SUV1_BQML = (DOSE_BQ * 2 ** (-3600 / HALF_LIFE_S)) / (WEIGHT_KG * 1000);

function uniformPhantom(): Uint8Array {
  const stored = new Uint16Array(32 * 32).fill(Math.round(SUV1_BQML / SLOPE));
  return makeDicom({ attributes: petAttributes, pixelData: new Uint8Array(stored.buffer) });
}

describe('PET attributes from a file', () => {
  it('a uniform phantom file (BQML, decayed 1 h, slope 0.1) reads SUV 1.00 ± 0.01 everywhere', () => {
    const read = readDicomImage(uniformPhantom(), 'phantom.dcm');
    if (!read.ok) throw new Error(read.error);
    const { meta, dataSet } = read.value;
    expect(meta.pet?.units).toBe('BQML');
    expect(meta.pet?.radionuclideTotalDoseBq).toBe(DOSE_BQ);
    const factors = computeSuvBwFactors([meta.pet!]);
    if (!factors.ok) throw new Error(factors.error);
    const stored = nativeFrameValues(meta, dataSet);
    if (!stored.ok) throw new Error(stored.error);
    const image = suvImageFromStored(stored.value, { rows: 32, columns: 32, rowSpacingMm: 2, columnSpacingMm: 2 }, { slope: meta.pet!.rescaleSlope, intercept: meta.pet!.rescaleIntercept }, factors.value.factors[0]!);
    const region = regionSuv([{ x: 2, y: 2 }, { x: 29, y: 2 }, { x: 29, y: 29 }, { x: 2, y: 29 }], image);
    if (!region.ok) throw new Error(region.error);
    for (const v of [region.value.suvMax, region.value.suvMean, region.value.suvPeak]) expect(Math.abs(v - 1)).toBeLessThanOrEqual(0.01);
  });

  it('an image that is not PET has no PET attributes', () => {
    const read = readDicomImage(makeDicom(), 'us.dcm');
    expect(read.ok && read.value.meta.pet).toBeUndefined();
  });

  it("reads GE's and Philips' private elements through their private creators, wherever the block lies", () => {
    const { DicomMetaDictionary, DicomDict } = dcmjs.data;
    const dataset = { ...petAttributes, SOPInstanceUID: '1.2.3.4', StudyInstanceUID: '1.2.3', SeriesInstanceUID: '1.2.3.5', Units: 'CNTS', PixelData: new Uint8Array(32 * 32 * 2).buffer, _vrMap: { PixelData: 'OW' } };
    const dict = DicomMetaDictionary.denaturalizeDataset(dataset);
    dict['00090012'] = { vr: 'LO', Value: ['GEMS_PETD_01'] };
    dict['0009120D'] = { vr: 'DT', Value: ['20250401110000.00'] };
    dict['70530010'] = { vr: 'LO', Value: ['Philips PET Private Group'] };
    dict['70531000'] = { vr: 'DS', Value: [0.000551] };
    dict['70531009'] = { vr: 'DS', Value: [1.602563] };
    const file = new DicomDict(DicomMetaDictionary.denaturalizeDataset({ FileMetaInformationVersion: new Uint8Array([0, 1]).buffer, MediaStorageSOPClassUID: PET_SOP, MediaStorageSOPInstanceUID: '1.2.3.4', TransferSyntaxUID: '1.2.840.10008.1.2.1', ImplementationClassUID: '1.2.3.9' }));
    file.dict = dict;
    const read = readDicomImage(new Uint8Array(file.write()), 'private.dcm');
    if (!read.ok) throw new Error(read.error);
    expect(read.value.meta.pet).toMatchObject({ gePrivateScanDateTime: '20250401110000.00', philipsSuvScaleFactor: 0.000551, philipsActivityConcentrationScaleFactor: 1.602563 });
  });
});
