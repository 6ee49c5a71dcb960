export { readDicomMetadata, readDicomImage, readDicomHeader, calibrationInputFromMetadata } from './readMetadata.ts';
export type { DicomImageMetadata, CalibrationInput } from './types.ts';
export {
  SUPPORTED_TRANSFER_SYNTAXES,
  isSupportedTransferSyntax,
  isUncompressedTransferSyntax,
  transferSyntaxName,
} from './transferSyntaxes.ts';
export { expectedPixelDataLength } from './pixelData.ts';
