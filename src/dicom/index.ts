export { readDicomMetadata, readDicomImage, readDicomHeader, readDicomForViewer, calibrationInputFromMetadata } from './readMetadata.ts';
export { displayProblem } from './displayable.ts';
export type { DicomImageMetadata, CalibrationInput } from './types.ts';
export {
  SUPPORTED_TRANSFER_SYNTAXES,
  isSupportedTransferSyntax,
  isUncompressedTransferSyntax,
  transferSyntaxName,
} from './transferSyntaxes.ts';
export { expectedPixelDataLength } from './pixelData.ts';
