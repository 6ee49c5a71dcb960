/**
 * The single DICOM metadata reader shared by the browser viewer and the Node CLI.
 * Input is the file's bytes; no DOM or Node APIs are used.
 */
import dicomParser, { type DataSet } from 'dicom-parser';
import { prepareForDecoder } from './displayable.ts';
import { inflateDataSet } from './inflate.ts';
import { fail, ok, type Result } from '../domain/types.ts';
import { displayValue } from './errors.ts';
import { readFunctionalGroups } from './functionalGroups.ts';
import { parseDicomBytes } from './parse.ts';
import { readPetAttributes } from './petAttributes.ts';
import { checkPixelData, pixelDataInfo } from './pixelData.ts';
import { transferSyntaxName } from './transferSyntaxes.ts';
import type { CalibrationInput, DicomImageMetadata } from './types.ts';
import { readUltrasoundRegions } from './ultrasoundRegions.ts';
import { jsonDataSet, type DicomJson } from './jsonDataSet.ts';
import { num, numbers, str, u16, type DataSet as DataSetLike } from './values.ts';
import { characterSetOf, characterSetWarning, decodedStr } from './characterSet';

/** A positive integer count from an IS or US attribute, or null. */
function positiveInt(value: number | null): number | null {
  return value !== null && Number.isInteger(value) && value > 0 ? value : null;
}

/**
 * Reads the metadata of one DICOM instance and checks that it carries displayable pixel data.
 * Refusals are one sentence: empty, not DICOM, truncated, unsupported transfer syntax,
 * missing image dimensions, no pixel data, incomplete pixel data.
 */
export function readDicomMetadata(bytes: Uint8Array, fileName?: string): Result<DicomImageMetadata> {
  const read = readDicomImage(bytes, fileName);
  return read.ok ? ok(read.value.meta) : read;
}

/** The same checks as readDicomMetadata, also handing back the parsed data set (to reach the pixel data). */
export function readDicomImage(bytes: Uint8Array, fileName?: string): Result<DicomImageRead> {
  return readImage(bytes, fileName ?? null, false);
}

export interface DicomImageRead {
  readonly meta: DicomImageMetadata;
  readonly dataSet: DataSet;
  /**
   * What the viewer's image loader must be given instead of the file, or null for the file
   * itself: the meta header repaired, a segmented palette expanded (displayable.ts).
   */
  readonly decoderBytes: Uint8Array | null;
}

/**
 * The metadata plus the bytes for the image loader, refusing files the decoder cannot draw with
 * the sentence `inspect` reports as its displayable reason. This is what the viewer opens with.
 */
export function readDicomForViewer(bytes: Uint8Array, fileName?: string): Result<{ meta: DicomImageMetadata; decoderBytes: Uint8Array | null }> {
  const read = readImage(bytes, fileName ?? null, false);
  if (!read.ok) return read;
  const { meta, decoderBytes } = read.value;
  if (meta.displayProblem) return fail(meta.displayProblem);
  return ok({ meta, decoderBytes });
}

/**
 * The metadata of a file's first bytes, up to and including the pixel data element's header; the
 * pixel data itself is not checked (it may lie beyond these bytes). Only for a preview: a file is
 * opened after readDicomMetadata has checked all of it.
 */
export function readDicomHeader(head: Uint8Array, fileName?: string): Result<DicomImageRead> {
  return readImage(head, fileName ?? null, true);
}

function readImage(bytes: Uint8Array, fileName: string | null, headerOnly: boolean): Result<DicomImageRead> {
  const parsed = parseDicomBytes(bytes, { untilPixelData: headerOnly });
  if (!parsed.ok) return parsed;
  const { dataSet: ds, transferSyntaxUid, hasFileMetaHeader, metaQuirk } = parsed.value;
  try {
    const meta = buildMetadata(ds, transferSyntaxUid, hasFileMetaHeader, fileName, headerOnly);
    if (!meta.ok) return meta;
    if (headerOnly) return ok({ meta: meta.value, dataSet: ds, decoderBytes: null });
    // The decoder reads the file as repaired; a segmented palette is expanded in those bytes.
    const repaired = metaQuirk?.repaired ?? null;
    const decoderDataSet = repaired ? dicomParser.parseDicom(repaired, { inflater: inflateDataSet }) : ds;
    const prepared = prepareForDecoder(repaired ?? bytes, decoderDataSet, transferSyntaxUid);
    const warnings = metaQuirk ? [metaQuirk.warning, ...meta.value.warnings] : meta.value.warnings;
    return ok({
      meta: { ...meta.value, warnings, displayProblem: prepared.problem },
      dataSet: ds,
      decoderBytes: prepared.decoderBytes ?? repaired,
    });
  } catch {
    // Values are read lazily from the bytes; a corrupt element can still fail here.
    return fail('The file is damaged: some of its attributes could not be read.');
  }
}

/**
 * The metadata of one instance from the DICOM JSON model (WADO-RS metadata, PS3.18 F.2), read by the
 * same code as Part 10 bytes. The pixel data is elsewhere (a BulkDataURI), so only its presence is
 * known here; the transfer syntax is the one the server reports, if any (frames are fetched with
 * `transfer-syntax=*` and the loader reads the real one from each response).
 */
export function readDicomJsonMetadata(json: DicomJson, options: { fileName?: string; transferSyntaxUid?: string } = {}): Result<DicomImageMetadata> {
  // Orthanc's DICOMweb 1.7 leaves encapsulated Pixel Data out of the metadata altogether; an image
  // (Rows and Columns given) still has its frames at …/frames/<n>.
  const imageWithoutPixelAttribute = !json['7FE00010'] && json['00280010']?.Value?.length && json['00280011']?.Value?.length;
  const ds = jsonDataSet(imageWithoutPixelAttribute ? { ...json, '7FE00010': { vr: 'OB', BulkDataURI: 'frames' } } : json);
  const syntax = options.transferSyntaxUid ?? str(ds, 'x00020010') ?? '';
  try {
    return buildMetadata(ds, syntax, false, options.fileName ?? null, true, 'json');
  } catch {
    return fail('The server sent metadata that could not be read.');
  }
}

function buildMetadata(
  ds: DataSetLike,
  transferSyntaxUid: string,
  hasFileMetaHeader: boolean,
  fileName: string | null,
  headerOnly = false,
  encoding: 'part10' | 'json' = 'part10',
): Result<DicomImageMetadata> {
  const warnings: string[] = [];
  if (!hasFileMetaHeader && encoding === 'part10') {
    warnings.push(`The file has no DICOM file meta header; it was read as ${transferSyntaxName(transferSyntaxUid)}.`);
  }

  const pixels = pixelDataInfo(ds);
  const rows = u16(ds, 'x00280010');
  const columns = u16(ds, 'x00280011');
  if (pixels.present && (rows === null || rows === 0 || columns === null || columns === 0)) {
    return fail('The image dimensions are missing: Rows (0028,0010) and Columns (0028,0011) are required.');
  }

  const framesRaw = num(ds, 'x00280008');
  const numberOfFrames = framesRaw === null ? 1 : positiveInt(framesRaw);
  if (numberOfFrames === null) {
    return fail(`The Number of Frames (0028,0008) value "${displayValue(str(ds, 'x00280008') ?? '')}" is not a positive whole number.`);
  }
  const samplesPerPixel = u16(ds, 'x00280002') ?? 1;
  const bitsAllocated = u16(ds, 'x00280100');
  if (pixels.present && (bitsAllocated === null || bitsAllocated === 0)) {
    return fail('The image has no Bits Allocated (0028,0100).');
  }

  const pixelCheck = checkPixelData(
    pixels,
    {
      rows: rows ?? 0,
      columns: columns ?? 0,
      numberOfFrames,
      samplesPerPixel,
      bitsAllocated: bitsAllocated ?? 0,
      photometricInterpretation: str(ds, 'x00280004'),
    },
    transferSyntaxUid,
  );
  if (!pixelCheck.ok && !(headerOnly && pixels.present)) return pixelCheck;

  const groups = readFunctionalGroups(ds);
  const us = readUltrasoundRegions(ds);
  warnings.push(...us.warnings);

  const framePositions = groups.framePositions;
  const charset = characterSetOf(ds);
  const charsetWarning = characterSetWarning(charset);
  if (charsetWarning) warnings.push(charsetWarning);
  const topPosition = numbers(ds, 'x00200032');
  const pet = readPetAttributes(ds);

  return ok({
    fileName,
    modality: str(ds, 'x00080060'),
    sopClassUid: str(ds, 'x00080016'),
    studyInstanceUid: str(ds, 'x0020000d'),
    seriesInstanceUid: str(ds, 'x0020000e'),
    sopInstanceUid: str(ds, 'x00080018'),
    frameOfReferenceUid: str(ds, 'x00200052'),
    patientName: decodedStr(ds, 'x00100010', charset),
    patientId: decodedStr(ds, 'x00100020', charset),
    patientAge: str(ds, 'x00101010'),
    patientBirthDate: str(ds, 'x00100030'),
    studyDate: str(ds, 'x00080020'),
    studyDescription: decodedStr(ds, 'x00081030', charset),
    seriesDescription: decodedStr(ds, 'x0008103e', charset),
    bodyPartExamined: str(ds, 'x00180015'),
    seriesNumber: num(ds, 'x00200011'),
    instanceNumber: num(ds, 'x00200013'),

    rows: rows ?? 0,
    columns: columns ?? 0,
    numberOfFrames,
    samplesPerPixel,
    photometricInterpretation: str(ds, 'x00280004'),
    bitsAllocated: bitsAllocated ?? 0,
    bitsStored: u16(ds, 'x00280101'),
    pixelRepresentation: u16(ds, 'x00280103'),
    planarConfiguration: u16(ds, 'x00280006'),

    transferSyntaxUid,
    transferSyntaxName: transferSyntaxName(transferSyntaxUid),
    hasFileMetaHeader,

    imageLaterality: str(ds, 'x00200062'),
    laterality: str(ds, 'x00200060'),
    frameLaterality: groups.frameLaterality,

    pixelSpacing: numbers(ds, 'x00280030') ?? groups.pixelSpacing,
    imagerPixelSpacing: numbers(ds, 'x00181164'),
    ultrasoundRegions: us.regions,

    imageOrientationPatient: numbers(ds, 'x00200037') ?? groups.imageOrientationPatient,
    imagePositionPatient: topPosition ?? framePositions?.[0] ?? null,
    framePositionsPatient: framePositions,
    sliceThickness: num(ds, 'x00180050') ?? groups.sliceThickness,
    sliceLocation: num(ds, 'x00201041'),

    frameTimeMs: num(ds, 'x00181063'),
    frameTimeVector: numbers(ds, 'x00181065'),
    cineRate: num(ds, 'x00180040'),
    recommendedDisplayFrameRate: num(ds, 'x00082144'),

    windowCenter: num(ds, 'x00281050'),
    windowWidth: num(ds, 'x00281051'),
    rescaleSlope: num(ds, 'x00281053'),
    rescaleIntercept: num(ds, 'x00281052'),

    pixelDataPresent: pixels.present,
    pixelDataLength: pixels.length,
    encapsulated: pixels.encapsulated,
    fragmentCount: pixels.fragmentCount,

    ...(pet ? { pet } : {}),
    warnings,
  });
}

/** The inputs the domain's resolveCalibration needs, taken from the metadata as stored. */
export function calibrationInputFromMetadata(meta: DicomImageMetadata): CalibrationInput {
  return { pixelSpacing: meta.pixelSpacing ?? undefined, ultrasoundRegions: meta.ultrasoundRegions };
}
