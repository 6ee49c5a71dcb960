export {
  NERVES,
  SITES,
  MODALITIES,
  MODALITY_LABELS,
  isNerveId,
  isSiteId,
  nerveLabel,
  siteLabel,
  segmentLabel,
  type Modality,
  type NerveDefinition,
  type SiteDefinition,
  type KnownNerveId,
  type KnownSiteId,
  type NerveId,
  type SiteId,
} from './anatomy';
export { SOURCES, isSourceKey, describeSource, type SourceKey } from './sources';
export { AUTHOR_YEAR, cite, citationName, sourceKeysIn } from './citations';
export type { AsymmetryCriteria, CsaThreshold, Provenance, ReferenceSet } from './types';
export {
  BUILT_IN_REFERENCE_SETS,
  CHEN_DUTCH_SET,
  WIDER_SPREAD_SET,
  DEFAULT_REFERENCE_SET,
  DEFAULT_ASYMMETRY,
} from './builtInSets';
export {
  findThreshold,
  referenceSetSchema,
  validateReferenceSet,
  withThresholdOverride,
  withoutThreshold,
  withAsymmetryOverride,
  type ThresholdOverride,
  type AsymmetryOverride,
  type UserSetNaming,
} from './referenceSet';
