/**
 * Generates the synthetic FDG PET/CT thigh study in sample-dicom/petct/ (run: `npm run samples:petct`),
 * with its ground truth in sample-dicom/petct/manifest.json. Deterministic like make-samples.ts
 * (seeded noise, fixed UIDs, dates and times): running it again gives identical bytes.
 *
 * CT and PET are coronal slices on one frame of reference. The PET is BQML, decay-corrected to the
 * scan start (START), with a known dose, weight and times, so every structure's true SUV is exact;
 * the left sciatic nerve carries FDG uptake along it (SUVmax 4.6 at mid-thigh).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Dataset, PATIENT, type SeriesInfo, type StudyInfo, bufferOf, commonAttributes, instanceUid, readBack, seriesUid, uid, writePart10, TS } from './samples/dicom.ts';
import { type CoronalGrid, HU, LEFT_NERVE_UPTAKE, NERVE, SUV, nerveX, renderCtHu, renderPetSuv, xToCol, zToRow } from './samples/petct.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'sample-dicom', 'petct');

const STUDY: StudyInfo = {
  studyNumber: 3,
  StudyInstanceUID: uid(3),
  StudyDate: '20250328',
  StudyTime: '103000',
  StudyID: 'PT0001',
  AccessionNumber: 'NTPT0001',
  StudyDescription: 'FDG PET/CT thighs',
  PatientAge: '055Y',
};
const FOR_UID = uid(3, 0, 1);
const CT_SERIES: SeriesInfo = { study: STUDY, seriesNumber: 1, description: 'CT thighs coronal (attenuation)' };
const PET_SERIES: SeriesInfo = { study: STUDY, seriesNumber: 2, description: 'PET FDG thighs coronal AC' };

/** The FDG administration: the numbers that make the SUV exact. */
const DOSE = {
  weightKg: 72,
  heightM: 1.78,
  injectedBq: 370e6,
  halfLifeS: 6586.2,
  injectionDateTime: '20250328093000.00',
  injectionTime: '093000.00',
  seriesTime: '103000',
  decaySeconds: 3600,
} as const;
const DECAYED_DOSE_BQ = DOSE.injectedBq * 2 ** (-DOSE.decaySeconds / DOSE.halfLifeS);
/** Bq/ml of SUV 1: the decayed dose per gram of body weight. */
const BQML_PER_SUV = DECAYED_DOSE_BQ / (DOSE.weightKg * 1000);

const PET_GRID: CoronalGrid = { rows: 140, columns: 128, spacingMm: 3, x0: -190.5, z0: -1.5 };
const CT_GRID: CoronalGrid = { rows: 280, columns: 256, spacingMm: 1.5, x0: -191.25, z0: -0.75 };
const PET_Y = [-6, -3, 0, 3, 6].map((d) => NERVE.yMm + d);
const CT_Y = [-6, -4.5, -3, -1.5, 0, 1.5, 3, 4.5, 6].map((d) => NERVE.yMm + d);
const CORONAL = [1, 0, 0, 0, 0, -1];
const SOP_CT = '1.2.840.10008.5.1.4.1.1.2';
const SOP_PET = '1.2.840.10008.5.1.4.1.1.128';

const ds = (v: number): string => Number(v.toPrecision(8)).toString();

function planeAttributes(g: CoronalGrid, y: number, thicknessMm: number, spacingMm: number): Dataset {
  return {
    FrameOfReferenceUID: FOR_UID,
    PositionReferenceIndicator: '',
    PixelSpacing: [g.spacingMm, g.spacingMm],
    ImageOrientationPatient: CORONAL,
    ImagePositionPatient: [g.x0, y, g.z0],
    SliceThickness: thicknessMm,
    SpacingBetweenSlices: spacingMm,
    SliceLocation: y,
    Rows: g.rows,
    Columns: g.columns,
    SamplesPerPixel: 1,
    PhotometricInterpretation: 'MONOCHROME2',
    BitsAllocated: 16,
    BitsStored: 16,
    HighBit: 15,
  };
}

function seriesAttributes(series: SeriesInfo, instance: number, modality: string, sopClass: string): Dataset {
  return {
    ...commonAttributes(STUDY),
    PatientWeight: DOSE.weightKg,
    PatientSize: DOSE.heightM,
    SOPClassUID: sopClass,
    SOPInstanceUID: instanceUid(series, instance),
    Modality: modality,
    SeriesInstanceUID: seriesUid(series),
    SeriesNumber: series.seriesNumber,
    SeriesDescription: series.description,
    SeriesDate: STUDY.StudyDate,
    SeriesTime: DOSE.seriesTime,
    AcquisitionDate: STUDY.StudyDate,
    AcquisitionTime: DOSE.seriesTime,
    ContentDate: STUDY.StudyDate,
    ContentTime: DOSE.seriesTime,
    InstanceNumber: instance,
    AcquisitionNumber: 1,
    BodyPartExamined: 'THIGH',
    BurnedInAnnotation: 'NO',
    LossyImageCompression: '00',
  };
}

interface FileEntry {
  file: string;
  modality: 'CT' | 'PT';
  sopInstanceUid: string;
  instanceNumber: number;
  yMm: number;
  rescaleSlope?: number;
}

function save(rel: string, bytes: Uint8Array): void {
  const p = join(OUT, rel);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, bytes);
}

function writeCt(): FileEntry[] {
  return CT_Y.map((y, k) => {
    const instance = k + 1;
    const hu = renderCtHu(CT_GRID, y, `petct-ct-${instance}`);
    const stored = new Uint16Array(hu.length);
    for (let i = 0; i < hu.length; i++) stored[i] = Math.max(0, hu[i]! + 1024);
    const dataset: Dataset = {
      ...seriesAttributes(CT_SERIES, instance, 'CT', SOP_CT),
      ...planeAttributes(CT_GRID, y, 1.5, 1.5),
      ImageType: ['ORIGINAL', 'PRIMARY', 'AXIAL'],
      PatientPosition: 'FFS',
      KVP: 120,
      ConvolutionKernel: 'B30f',
      PixelRepresentation: 0,
      RescaleIntercept: -1024,
      RescaleSlope: 1,
      RescaleType: 'HU',
      WindowCenter: 40,
      WindowWidth: 400,
      ImageComments: 'Synthetic CT phantom, coronal; nerves in a thin fat rim',
      PixelData: [bufferOf(stored)],
      _vrMap: { PixelData: 'OW' },
    };
    const bytes = writePart10(dataset, TS.EXPLICIT_LE);
    readBack(bytes);
    const file = `ct/ct-thighs-coronal-${String(instance).padStart(2, '0')}.dcm`;
    save(file, bytes);
    return { file, modality: 'CT', sopInstanceUid: instanceUid(CT_SERIES, instance), instanceNumber: instance, yMm: y };
  });
}

function writePet(): FileEntry[] {
  return PET_Y.map((y, k) => {
    const instance = k + 1;
    const suv = renderPetSuv(PET_GRID, y, `petct-pet-${instance}`);
    let maxBqml = 0;
    for (const v of suv) maxBqml = Math.max(maxBqml, v * BQML_PER_SUV);
    // Per-slice rescale slope, as scanners write it: the slice's maximum maps to 32000.
    const slope = Number(ds(maxBqml / 32000));
    const stored = new Uint16Array(suv.length);
    for (let i = 0; i < suv.length; i++) stored[i] = Math.round((suv[i]! * BQML_PER_SUV) / slope);
    const dataset: Dataset = {
      ...seriesAttributes(PET_SERIES, instance, 'PT', SOP_PET),
      ...planeAttributes(PET_GRID, y, 3, 3),
      ImageType: ['ORIGINAL', 'PRIMARY'],
      SeriesType: ['STATIC', 'IMAGE'],
      Units: 'BQML',
      CountsSource: 'EMISSION',
      CorrectedImage: ['NORM', 'DTIM', 'ATTN', 'SCAT', 'DECY', 'RAN'],
      DecayCorrection: 'START',
      RandomsCorrectionMethod: 'DLYD',
      CollimatorType: 'NONE',
      PatientOrientationCodeSequence: [{ CodeValue: 'F-10450', CodingSchemeDesignator: 'SRT', CodeMeaning: 'recumbent' }],
      PatientGantryRelationshipCodeSequence: [{ CodeValue: 'F-10480', CodingSchemeDesignator: 'SRT', CodeMeaning: 'feet-first' }],
      AttenuationCorrectionMethod: 'CT',
      ReconstructionMethod: 'OSEM',
      DecayFactor: 1,
      FrameReferenceTime: 0,
      ActualFrameDuration: 180000,
      NumberOfSlices: PET_Y.length,
      ImageIndex: instance,
      RadiopharmaceuticalInformationSequence: [
        {
          Radiopharmaceutical: 'Fluorodeoxyglucose',
          RadiopharmaceuticalStartTime: DOSE.injectionTime,
          RadiopharmaceuticalStartDateTime: DOSE.injectionDateTime,
          RadionuclideTotalDose: DOSE.injectedBq,
          RadionuclideHalfLife: DOSE.halfLifeS,
          RadionuclidePositronFraction: 0.9673,
          RadionuclideCodeSequence: [{ CodeValue: 'C-111A1', CodingSchemeDesignator: 'SRT', CodeMeaning: '^18^Fluorine' }],
        },
      ],
      PixelRepresentation: 0,
      RescaleIntercept: 0,
      RescaleSlope: slope,
      WindowCenter: ds(2.5 * BQML_PER_SUV),
      WindowWidth: ds(5 * BQML_PER_SUV),
      ImageComments: 'Synthetic FDG PET phantom, coronal; left sciatic nerve FDG-avid',
      PixelData: [bufferOf(stored)],
      _vrMap: { PixelData: 'OW' },
    };
    const bytes = writePart10(dataset, TS.EXPLICIT_LE);
    readBack(bytes);
    const file = `pet/pet-thighs-coronal-${String(instance).padStart(2, '0')}.dcm`;
    save(file, bytes);
    return { file, modality: 'PT', sopInstanceUid: instanceUid(PET_SERIES, instance), instanceNumber: instance, yMm: y, rescaleSlope: slope };
  });
}

const r3 = (v: number): number => Math.round(v * 1000) / 1000;

function centreline(g: CoronalGrid, fromZ: number, toZ: number): Array<[number, number]> {
  const x = r3(xToCol(g, nerveX('L')));
  return [fromZ, (fromZ + toZ) / 2, toZ].map((z) => [x, r3(zToRow(g, z))]);
}

function main(): void {
  const ct = writeCt();
  const pet = writePet();
  const central = pet[Math.floor(pet.length / 2)]!;
  const nerveCol = xToCol(PET_GRID, nerveX('L'));
  const halfWidthPx = 12 / PET_GRID.spacingMm;
  const regionTop = zToRow(PET_GRID, -135);
  const regionBottom = zToRow(PET_GRID, -215);
  const manifest = {
    generator: 'scripts/make-petct-sample.ts',
    description:
      'Synthetic FDG PET/CT of both thighs (same patient as the other samples), coronal CT and PET slices on one frame of reference. The LEFT sciatic nerve is thickened and FDG-avid (SUVmax 4.6 at mid-thigh); the right one is normal.',
    conventions: {
      coordinates: 'Image pixel coordinates, 0-based, x = column, y = row, pixel centres at integers.',
      orientation: "ImageOrientationPatient 1\\0\\0\\0\\0\\-1 (coronal, LPS): columns grow towards the patient's LEFT (the left thigh is on the image's RIGHT), rows grow downwards (inferior). Row 0 is just below the gluteal fold (z = 0).",
      suv: 'SUVbw (g/ml) = stored × RescaleSlope (per slice) × weight[g] / (dose × 2^(−decay/half-life)); Units BQML, Decay Correction START, decay from injection to the series time.',
      truth: 'Each structure has one SUV, evaluated at pixel centres (no partial-volume blur). The nerves are noise-free, so SUVmax inside them equals the truth up to 16-bit quantisation (< 1e-4 relative); muscle, fat and skin carry ±8 % deterministic noise.',
    },
    patient: { name: PATIENT.PatientName, id: PATIENT.PatientID },
    study: { studyInstanceUid: STUDY.StudyInstanceUID, description: STUDY.StudyDescription, frameOfReferenceUid: FOR_UID },
    administration: {
      radiopharmaceutical: 'Fluorodeoxyglucose (F-18)',
      patientWeightKg: DOSE.weightKg,
      injectedDoseBq: DOSE.injectedBq,
      halfLifeS: DOSE.halfLifeS,
      injection: DOSE.injectionDateTime,
      seriesTime: DOSE.seriesTime,
      decaySeconds: DOSE.decaySeconds,
      decayedDoseBq: DECAYED_DOSE_BQ,
      suvFactorGPerMl: 1 / BQML_PER_SUV,
    },
    truth: {
      suv: { ...SUV, leftNerve: LEFT_NERVE_UPTAKE },
      hu: HU,
      nerves: {
        radiusLeftMm: NERVE.radiusLeftMm,
        radiusRightMm: NERVE.radiusRightMm,
        yMm: NERVE.yMm,
        leftAxisXMm: nerveX('L'),
        rightAxisXMm: nerveX('R'),
      },
      leftSciatic: {
        nerve: 'sciatic',
        side: 'L',
        site: 'mid-thigh',
        suvMax: LEFT_NERVE_UPTAKE.plateau,
        sentence: `SUVmax ${LEFT_NERVE_UPTAKE.plateau} along the left sciatic nerve at mid-thigh`,
        petFile: central.file,
        petSopInstanceUid: central.sopInstanceUid,
        /** A polyline down the centre of the nerve on the central PET slice, from z = -20 to -320 mm. */
        petLine: centreline(PET_GRID, -20, -320),
        ctFile: ct[Math.floor(ct.length / 2)]!.file,
        ctLine: centreline(CT_GRID, -20, -320),
        /** A rectangle around the nerve at mid-thigh on the central PET slice (holds the 4.6 plateau). */
        petRegion: [
          [r3(nerveCol - halfWidthPx), r3(regionTop)],
          [r3(nerveCol + halfWidthPx), r3(regionTop)],
          [r3(nerveCol + halfWidthPx), r3(regionBottom)],
          [r3(nerveCol - halfWidthPx), r3(regionBottom)],
        ],
        plateauRows: [r3(zToRow(PET_GRID, LEFT_NERVE_UPTAKE.plateauTopZ)), r3(zToRow(PET_GRID, LEFT_NERVE_UPTAKE.plateauBottomZ))],
      },
    },
    grids: { pet: PET_GRID, ct: CT_GRID },
    files: [...ct, ...pet],
  };
  writeFileSync(join(OUT, 'manifest.json'), `${JSON.stringify(manifest, null, 2).replace(/\[\s+(-?[\d.e+-]+),\s+(-?[\d.e+-]+)\s+\]/g, '[$1, $2]')}\n`);
  console.log(`Wrote ${ct.length} CT and ${pet.length} PET slices and manifest.json to ${OUT}`);
}

main();
