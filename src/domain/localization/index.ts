export {
  NERVE_GRAPH,
  LESION_LEVELS,
  type GraphNode,
  type LesionLevel,
  type NodeId,
  type NodeKind,
  type PlexusNodeId,
  type RootNodeId,
} from './graph';
export {
  getNode,
  ancestorsOf,
  isAtOrBelow,
  isRootNode,
  lesionAffects,
  musclesAffectedBy,
  studiesAffectedBy,
  territorySize,
  SEGMENT_NODES,
  segmentNode,
  segmentPlacement,
  type SegmentPlacement,
  musclesDownstreamOf,
} from './graphQueries';
export { buildFindings } from './findings';
export { LOCALIZING_RULES, evaluateRules, type LocalizingRule } from './rules';
export { DEFAULT_WEIGHTS } from './search';
export {
  EVIDENCE_WEIGHTS,
  EVIDENCE_DOCS,
  SEARCH_WEIGHTS,
  SEARCH_DOCS,
  RULE_WEIGHTS,
  RULE_WEIGHT_DOCS,
  CONDUCTION_THRESHOLDS,
  CONDUCTION_DOCS,
  TIE_BREAK,
  type EvidenceWeights,
  type SearchWeights,
  type ConductionThresholds,
} from './parameters';
export { classifyPolyneuropathy } from './neuropathyType';
export { localizeLesions, lesionSiteLabel, NORMAL_STUDY_SUMMARY } from './localize';
export type {
  FiredRule,
  LesionHypothesis,
  LesionSite,
  LocalizationConfidence,
  LocalizationInput,
  LocalizationOptions,
  LocalizationResult,
  LocalizationWeights,
  LocalizedFinding,
  DiffuseProcess,
  HypothesisKind,
  PolyneuropathyType,
} from './types';
export type { EvidenceKind } from './evidence';
