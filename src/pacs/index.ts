export { PacsClient, authorizationHeaders, isNerveTraceReport, patientStudyModules, stowFailure } from './client';
export type { PacsServer, PatientStudyModules, RemoteInstance, RemoteStudy, StoredReport, StudyPage, StudySummary } from './client';
export { describePacsError, PacsRequestError, statusOf } from './errors';
export type { PacsError, PacsErrorKind } from './errors';
export { PAGE_SIZE, studyQueryParams } from './query';
export type { StudySearch } from './query';
export { probePacs } from './probe';
export type { ProbeResult } from './probe';
export { firstPart } from './multipart';
