export type {
  ActivityLevel,
  Grade,
  NcsKind,
  NcsRow,
  NeedleEmgRow,
  OtherDischarge,
  ParseResult,
  MuscleSuggestion,
  ParseWarning,
  Recruitment,
} from './types';
export {
  MUSCLES,
  ROOT_LEVELS,
  AMBIGUOUS_MUSCLE_NAMES,
  isParaspinal,
  type InnervationBranch,
  type MuscleDefinition,
  type MuscleId,
  type RootLevel,
  type RootSupply,
} from './muscles';
export { getMuscle, matchMuscle, resolveMuscle, suggestMuscle, type MuscleMatch } from './muscleLookup';
export { NCS_NERVES, type NcsNerveDefinition, type NcsNerveId } from './ncsNerves';
export { getNcsNerve, resolveNcsNerve } from './ncsLookup';
export {
  NCS_LIMIT_SETS,
  CONVENTIONAL_NCS_LIMITS,
  S36_SURAL_NCS_LIMITS,
  DEFAULT_NCS_LIMITS,
  type NcsLimit,
  type NcsLimitSet,
  type NcsPublishedFigure,
  type SideToSideRule,
  AGE_DEPENDENT_LIMITS,
  ageLimitFor,
  hasAgeDependentLimit,
  type AgeDependentLimit,
} from './ncsLimits';
export {
  analyseSegments,
  resolveStimulationSite,
  type SegmentFinding,
  type SegmentThresholds,
  type StimulationSiteId,
} from './segments';
export { patientAgeYears, type AgeInput, type PatientAge } from './age';
export { parseGrade, parseRecruitment, parseLevel, parsePolyphasia, parseOtherDischarges, parseNumber } from './terms';
export { isMuscleAbnormal, type MuscleAssessment } from './assessMuscle';
export { flagNcs, type FlaggedNcsRow, type NcsFlag, type NcsFlagKind, type NcsFlagOptions } from './flagNcs';
export { parseEmgTable, type EmgParseOptions } from './parseEmgTable';
export { parseNcsTable, type NcsParseOptions } from './parseNcsTable';
export { parsePastedTable, describeRowFields, type PastedTable, type PasteOptions, type TableKind } from './pasteTable';
export { normalizeName, parseSide } from './normalize';
export {
  GRADE_TERMS,
  RECRUITMENT_TERMS,
  LEVEL_TERMS,
  POLYPHASIA_TERMS,
  OTHER_DISCHARGE_TERMS,
  EMG_HEADERS,
  NCS_HEADERS,
} from './vocabulary';
