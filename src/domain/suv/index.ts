export type { PetSuvAttributes, SuvOverrides, SuvBwFactors, SuvMethod, ScanTimeSource } from './types';
export { computeSuvBwFactors, suvOfStored } from './suvFactor';
export { dateTimeSeconds, dtSeconds, clockTime } from './dicomTime';
export { type SuvImage, suvImageFromStored, forEachPixelInside, suvAtPoint } from './suvImage';
export { regionSuv, SUV_PEAK_RADIUS_MM, SUV_PEAK_DEFINITION, type RegionSuv } from './regionSuv';
export { suvLineProfile, type SuvProfile, type ProfileSample } from './lineProfile';
export { type SuvMeasurement, type SuvMeasurementKind, type SuvValues, SUV_UNIT, suvSentence, suvLocation, formatSuv } from './suvMeasurement';
export { FDG_AVID_SUVMAX, relateFdgToEmg, fdgReportSection, type FdgEvidence, type FdgStatus } from './fdgEvidence';
export { type SlicePlane, slicePlane, pixelToPatient, patientToPixel, slicePosition, nearestSlice, sameOrientation } from './sliceGeometry';
