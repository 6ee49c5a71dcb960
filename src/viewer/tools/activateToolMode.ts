/**
 * Binds the left mouse button to the chosen tool; navigation keeps pan (middle), zoom (right),
 * wheel. With the Select / window-level tool, measuring tools are passive: a drag on an outline or
 * a handle edits it (as in OHIF). With a drawing tool, every press draws a new outline wherever it
 * starts: other measuring tools are only drawn, and the drawing tool ignores its own outlines.
 */
import { ToolGroupManager, WindowLevelTool, Enums as ToolEnums } from '@cornerstonejs/tools';
import type { ToolMode } from './toolModes';
import { TOOL_GROUP_ID } from '../stackViewportController';
import { ASSISTED_TOOL, CALIBRATION_TOOL, LENGTH_TOOL, MEASURING_TOOLS, SPLINE_TOOL, ELLIPSE_TOOL, FREEHAND_TOOL } from './toolNames';
import { setDrawOnly } from './drawOnly';
import { cancelAssistedTrace } from './assistedTraceTool';

const TOOL_FOR_MODE: Record<ToolMode, string> = {
  navigate: WindowLevelTool.toolName,
  freehand: FREEHAND_TOOL,
  assisted: ASSISTED_TOOL,
  spline: SPLINE_TOOL,
  ellipse: ELLIPSE_TOOL,
  calibrate: CALIBRATION_TOOL,
  length: LENGTH_TOOL,
};

/** Tools whose outlines the user measures and edits. */
const EDITABLE = [...MEASURING_TOOLS, LENGTH_TOOL] as readonly string[];

export function activateToolMode(mode: ToolMode): void {
  const group = ToolGroupManager.getToolGroup(TOOL_GROUP_ID);
  if (!group) return;
  const primary = [{ mouseButton: ToolEnums.MouseBindings.Primary }];
  const chosen = TOOL_FOR_MODE[mode];
  const editing = mode === 'navigate';
  if (mode !== 'assisted') cancelAssistedTrace();
  for (const name of [WindowLevelTool.toolName, CALIBRATION_TOOL, ASSISTED_TOOL, ...EDITABLE]) {
    setDrawOnly(group.getToolInstance(name), !editing && name === chosen);
    if (name === chosen) continue;
    if (!EDITABLE.includes(name)) group.setToolDisabled(name);
    else if (editing) group.setToolPassive(name);
    else group.setToolEnabled(name);
  }
  group.setToolActive(chosen, { bindings: primary });
}
