export { csvField, formulaSafe, toCsv } from './csv';
export { measurementsCsv, measurementRow, MEASUREMENT_CSV_HEADER } from './measurementsCsv';
export { sideBySideCsv, comparisonRow, sessionComparisons, SIDE_BY_SIDE_CSV_HEADER } from './sideBySideCsv';
export { buildMeasurementReportSr, COMPREHENSIVE_3D_SR, SCOORD_OFFSET, type SrOptions } from './dicomSr';
export { readMeasurementReportSr, type SrReadResult } from './readDicomSr';
export { suvCsv, suvRow, SUV_CSV_HEADER } from './suvCsv';
