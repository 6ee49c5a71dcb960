/**
 * "New means new": while a drawing tool is active, a press anywhere starts a new outline, even on
 * the rim of an earlier one. Cornerstone's mouse-down dispatcher first offers the press to any
 * active or passive tool whose annotation is near it (isPointNearTool / getHandleNearImagePoint)
 * and, if one takes it, edits that annotation instead of drawing (tools 5.14,
 * eventDispatchers/mouseEventHandlers/mouseDown.js). The active drawing tool is therefore told
 * that none of its annotations is near while it draws; the other measuring tools are set to
 * Enabled (drawn, not interactive). Editing is the Select (window/level) tool's job.
 */
interface NearTestingTool {
  isPointNearTool: (...args: unknown[]) => boolean;
  getHandleNearImagePoint: (...args: unknown[]) => unknown;
  nvDrawOnly?: boolean;
  nvDrawOnlyPatched?: boolean;
}

export function setDrawOnly(tool: unknown, drawOnly: boolean): void {
  const t = tool as NearTestingTool | undefined;
  if (!t || typeof t.isPointNearTool !== 'function') return;
  if (!t.nvDrawOnlyPatched) {
    const near = t.isPointNearTool;
    const handle = t.getHandleNearImagePoint;
    t.isPointNearTool = (...args) => (t.nvDrawOnly ? false : near.apply(t, args));
    t.getHandleNearImagePoint = (...args) => (t.nvDrawOnly ? undefined : handle.apply(t, args));
    t.nvDrawOnlyPatched = true;
  }
  t.nvDrawOnly = drawOnly;
}
