export {
  relateImagingToEmg,
  relationOf,
  type ConcordanceEntry,
  type ConcordanceStatus,
  type ImagingState,
  type LesionRelation,
} from './relate';
export { musclesDownstreamOf, segmentNode, segmentPlacement } from '../localization';
