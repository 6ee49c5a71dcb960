export type { PetSuvAttributes, SuvOverrides, SuvBwFactors, SuvMethod, ScanTimeSource } from './types';
export { computeSuvBwFactors, suvOfStored } from './suvFactor';
export { dateTimeSeconds, dtSeconds, clockTime } from './dicomTime';
