/**
 * Binds the left mouse button to the chosen tool. Other measuring tools stay passive so their
 * contours can still be selected and edited; navigation keeps pan (middle), zoom (right), wheel.
 */
import { ToolGroupManager, WindowLevelTool, Enums as ToolEnums } from '@cornerstonejs/tools';
import type { ToolMode } from '../../stores/toolStore';
import { TOOL_GROUP_ID } from '../stackViewportController';
import { CALIBRATION_TOOL, ELLIPSE_TOOL, FREEHAND_TOOL, MEASURING_TOOLS, SPLINE_TOOL } from './toolNames';

const TOOL_FOR_MODE: Record<ToolMode, string> = {
  navigate: WindowLevelTool.toolName,
  freehand: FREEHAND_TOOL,
  spline: SPLINE_TOOL,
  ellipse: ELLIPSE_TOOL,
  calibrate: CALIBRATION_TOOL,
};

export function activateToolMode(mode: ToolMode): void {
  const group = ToolGroupManager.getToolGroup(TOOL_GROUP_ID);
  if (!group) return;
  const primary = [{ mouseButton: ToolEnums.MouseBindings.Primary }];
  for (const name of [WindowLevelTool.toolName, CALIBRATION_TOOL, ...MEASURING_TOOLS]) {
    if (name === TOOL_FOR_MODE[mode]) continue;
    if ((MEASURING_TOOLS as readonly string[]).includes(name)) group.setToolPassive(name);
    else group.setToolDisabled(name);
  }
  group.setToolActive(TOOL_FOR_MODE[mode], { bindings: primary });
}
