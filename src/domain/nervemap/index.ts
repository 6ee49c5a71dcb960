export {
  buildNerveMap,
  type MapEdgeState,
  type MapFdgSite,
  type MapFdgState,
  type MapFinding,
  type MapFindingsState,
  type MapImagingState,
  type MapMeasuredSite,
  type MapNodeState,
  type NerveMap,
  type NerveMapEdge,
  type NerveMapInput,
  type NerveMapNode,
} from './buildNerveMap';
export { SHORT_LABELS } from './labels';
