export { csvField, formulaSafe, toCsv } from './csv';
export { measurementsCsv, measurementRow, MEASUREMENT_CSV_HEADER } from './measurementsCsv';
export { sideBySideCsv, comparisonRow, sessionComparisons, SIDE_BY_SIDE_CSV_HEADER } from './sideBySideCsv';
