export { PROFILE_SITES, PROFILE_NERVE_ORDER, orderSites, siteDefinition, nerveRank, type ProfileSiteDefinition } from './sites';
export {
  buildProfiles,
  modalityLabel,
  type NerveProfile,
  type ProfileSite,
  type ProfilePoint,
  type PixelSummary,
  type ProfileOptions,
} from './buildProfile';
export {
  intranerveVariability,
  INTRANERVE_VARIABILITY_SOURCE,
  INTRANERVE_VARIABILITY_LIMITS,
  type IntranerveVariability,
} from './variability';
export {
  PROFILE_TABLE_COLUMNS,
  profileTableRows,
  profileCsv,
  meanSdText,
  variabilityText,
  mm2Text,
  ratioText,
  VARIABILITY_NOTE,
  type ProfileTableRow,
} from './profileTable';
