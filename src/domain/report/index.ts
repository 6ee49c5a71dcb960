export { analyseClinicalCase } from './analyse';
export { buildClinicalReport, describeSideSize, referenceSetLine, REPORT_TITLE } from './buildReport';
export { clinicalReportToText } from './text';
export type {
  AssessedEmgRow,
  ClinicalAnalysis,
  ClinicalCaseInput,
  ClinicalReport,
  ReportEntry,
  ReportSection,
  ReportSectionId,
  ReportTone,
} from './types';
