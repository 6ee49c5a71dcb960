/** Cornerstone tool names behind NerveTrace's measuring methods. */
import { PlanarFreehandROITool, SplineROITool, BidirectionalTool, LengthTool } from '@cornerstonejs/tools';
import type { MeasurementMethod } from '../../domain/measurement';

export const FREEHAND_TOOL = PlanarFreehandROITool.toolName;
export const SPLINE_TOOL = SplineROITool.toolName;
export const ELLIPSE_TOOL = BidirectionalTool.toolName;
export const CALIBRATION_TOOL = LengthTool.toolName;
/** A second instance of Cornerstone's length tool: a plain distance in mm, labelled by the domain. */
export const LENGTH_TOOL = 'NerveTraceLength';
/** Assisted (livewire) tracing; its outlines are stored as freehand traces. */
export const ASSISTED_TOOL = 'NerveTraceAssisted';

export const MEASURING_TOOLS = [FREEHAND_TOOL, SPLINE_TOOL, ELLIPSE_TOOL] as const;

export function methodForTool(toolName: string): MeasurementMethod | null {
  if (toolName === FREEHAND_TOOL) return 'freehand';
  if (toolName === SPLINE_TOOL) return 'spline';
  if (toolName === ELLIPSE_TOOL) return 'ellipse';
  return null;
}
