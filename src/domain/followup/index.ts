export { visitFromSession, orderVisits, isoFromDicomDate, type Visit } from './visits';
export {
  compareVisits,
  type FollowUp,
  type FollowUpRow,
  type FollowUpOptions,
  type VisitValue,
  type ChangeAssessment,
} from './compareVisits';
export {
  PUBLISHED_DETECTABLE_DIFFERENCES,
  FOLLOW_UP_CHANGE_PERCENT,
  FOLLOW_UP_CHANGE_PERCENT_SOURCE,
  type DetectableDifference,
} from './detectableDifferences';
export { followUpTable, followUpCsv, visitName, visitValueText, type FollowUpTable } from './followUpTable';
export { sessionProfileTables, PROFILE_TABLES_NOTE } from './sessionTables';
