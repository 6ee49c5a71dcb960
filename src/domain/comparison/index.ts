export { summarizeRepeats, type RepeatSummary } from './summarizeRepeats';
export { compareSides } from './compareSides';
export { formatMm2, formatRatio } from './format';
export type {
  ComparisonOptions,
  MeasurementSummaryInput,
  MethodFamily,
  RuleEvaluation,
  SegmentComparison,
  SegmentVerdict,
  SideResult,
  VerdictKind,
} from './types';
