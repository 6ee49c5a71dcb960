export { MAX_DISPLAY_MAGNITUDE, saneDisplayValues, storableRange, type FileDisplayValues, type SaneDisplayValues } from './displayValues';
