export type { PetSuvAttributes, SuvOverrides, SuvBwFactors, SuvMethod, ScanTimeSource } from './types';
export { computeSuvBwFactors, suvOfStored } from './suvFactor';
export { dateTimeSeconds, dtSeconds, clockTime } from './dicomTime';
export { type SuvImage, suvImageFromStored, forEachPixelInside } from './suvImage';
export { regionSuv, SUV_PEAK_RADIUS_MM, SUV_PEAK_DEFINITION, type RegionSuv } from './regionSuv';
export { suvLineProfile, type SuvProfile, type ProfileSample } from './lineProfile';
