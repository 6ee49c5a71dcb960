export { readDicomMetadata, readDicomImage, readDicomHeader, readDicomJsonMetadata, readDicomForViewer, calibrationInputFromMetadata } from './readMetadata.ts';
export type { DicomJson } from './jsonDataSet.ts';
export { displayProblem } from './displayable.ts';
export type { DicomImageMetadata, CalibrationInput } from './types.ts';
export {
  SUPPORTED_TRANSFER_SYNTAXES,
  isSupportedTransferSyntax,
  isUncompressedTransferSyntax,
  transferSyntaxName,
} from './transferSyntaxes.ts';
export { expectedPixelDataLength } from './pixelData.ts';
