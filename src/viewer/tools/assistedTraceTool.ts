/**
 * "Assisted" tracing (key A): the user clicks a few points around the nerve, or drags loosely round
 * it; between the points the outline follows the inner border of the bright rim (livewire on the
 * stored pixel values, see src/domain/tracing). Clicking the first point again, ending a drag near
 * where it began, a double click or Enter closes it; Esc cancels; Backspace removes the last point. The finished outline becomes an ordinary freehand
 * trace (same annotation type, same measurement path: editable with Select, one undo step).
 */
import { BaseTool, drawing, utilities as toolUtilities, type Types as ToolTypes } from '@cornerstonejs/tools';
import { getEnabledElement, type Types } from '@cornerstonejs/core';
import { AssistedTrace } from '../../domain/tracing';
import type { ImagePoint } from '../../domain/types';
import { imagePointToWorld, worldToImagePoint } from './imageCoordinates';
import { tracingFrameForImage } from './assistedFrame';
import { commitAssistedContour, assistedNotice } from './assistedCommit';
import { ASSISTED_TOOL } from './toolNames';
import { assistedKeys } from './assistedKeys';


/**
 * Search growth allowed per mouse move, and per slice of closing (ms): closing a large outline on a
 * large frame is spread over animation frames, so no single step blocks the page.
 */
const MOVE_BUDGET_MS = 12;
const FINISH_BUDGET_MS = 25;

/**
 * Test seam: `?assistedSliceMs=1` in the page address closes in 1 ms slices, one per animation
 * frame, so an end-to-end test sees "Closing…" and can cancel it on a fast machine too. Never
 * more than FINISH_BUDGET_MS.
 */
function finishBudgetMs(): number {
  const given = new URLSearchParams(globalThis.location?.search ?? '').get('assistedSliceMs');
  const ms = given === null || given === '' ? Number.NaN : Number(given);
  return Number.isFinite(ms) && ms >= 0 ? Math.min(ms, FINISH_BUDGET_MS) : FINISH_BUDGET_MS;
}
const CLOSING_NOTICE = 'Closing the outline… (Esc cancels)';
/** A click this close (screen px) to the first point closes the outline. */
const CLOSE_RADIUS_CANVAS_PX = 10;
const PREVIEW_UID = 'nv-assisted-preview';
/** A press that moves further than this (screen px) is a drag, not a click with a shaky hand. */
const DRAG_START_CANVAS_PX = 6;
/**
 * While dragging, a point is dropped each time the pointer has travelled this far along its path
 * (screen px): a loose drag round a nerve of 150 px gives about 16 points, more than the 5 clicks
 * the benchmark's accuracy is stated for.
 */
const DRAG_POINT_SPACING_CANVAS_PX = 30;
/** Ending a drag this close (screen px) to where the trace began closes it. */
const DRAG_CLOSE_RADIUS_CANVAS_PX = 25;

interface Session {
  readonly element: HTMLDivElement;
  readonly imageId: string;
  readonly trace: AssistedTrace;
  pointer: ImagePoint | null;
  preview: ImagePoint[];
  growing: number;
  finishing: boolean;
  closingShown: boolean;
  /** The press in progress (mouse button down), to tell a drag from a click. */
  press: Press | null;
}

interface Press {
  readonly startCanvas: Types.Point2;
  lastCanvas: Types.Point2;
  /** Path travelled since the last dropped point (screen px). */
  travelled: number;
  dragging: boolean;
}

type InteractionEvent = { detail: { element: HTMLDivElement; currentPoints: { world: Types.Point3; canvas: Types.Point2 } } };

let session: Session | null = null;

function stackViewport(element: HTMLDivElement): Types.IStackViewport | null {
  const viewport = getEnabledElement(element)?.viewport as Types.IStackViewport | undefined;
  return viewport?.getCurrentImageId ? viewport : null;
}

function render(element: HTMLDivElement) {
  toolUtilities.triggerAnnotationRender(element);
}

/** Drops the trace in progress (Esc, another tool, another image). */
export function cancelAssistedTrace(): boolean {
  if (!session) return false;
  const { element, growing, finishing } = session;
  cancelAnimationFrame(growing);
  session = null;
  if (finishing) assistedNotice('Assisted trace cancelled; nothing was recorded.');
  render(element);
  return true;
}

/** Enter: closes the outline in progress (needs three clicks). */
export function closeAssistedTrace(): boolean {
  if (!session || session.finishing) return false;
  if (!session.trace.close()) {
    assistedNotice('Click at least three points around the nerve before closing.');
    return true;
  }
  finishSoon(session);
  return true;
}

/** Backspace: takes back the last click. */
export function undoAssistedClick(): boolean {
  if (!session || session.finishing) return false;
  session.trace.removeLastAnchor();
  if (!session.trace.anchors.length) return cancelAssistedTrace();
  updatePreview(session);
  return true;
}

function updatePreview(s: Session) {
  if (!s.pointer) return;
  const preview = s.trace.move(s.pointer, MOVE_BUDGET_MS);
  s.preview = preview.points;
  cancelAnimationFrame(s.growing);
  // Not reached within the budget (a far jump on a large frame): keep growing on the next frames.
  if (!preview.complete) s.growing = requestAnimationFrame(() => session === s && updatePreview(s));
  render(s.element);
}

/**
 * Finishes in slices (one per animation frame, "Closing…" shown meanwhile), so the page never
 * blocks; nothing is stored until the outline is done, and Esc drops it. Then the outline is
 * handed over as a freehand trace.
 */
function finishSoon(s: Session) {
  s.finishing = true;
  cancelAnimationFrame(s.growing);
  const budgetMs = finishBudgetMs();
  const step = () => {
    if (session !== s) return;
    const result = s.trace.finish(budgetMs);
    if (!result.done) {
      if (!s.closingShown) assistedNotice(CLOSING_NOTICE);
      s.closingShown = true;
      s.growing = requestAnimationFrame(step);
      return;
    }
    session = null;
    if (s.closingShown) assistedNotice('');
    render(s.element);
    if (!result.ok) assistedNotice(`Trace not recorded: ${result.error}`);
    else commitAssistedContour(s.imageId, result.contour);
  };
  step();
}

export class AssistedTraceTool extends BaseTool {
  static override toolName = ASSISTED_TOOL;

  constructor(toolProps = {}, defaultToolProps = { supportedInteractionTypes: ['Mouse'], configuration: {} }) {
    super(toolProps, defaultToolProps as never);
  }

  /** Every press with this tool is a click of the trace (nothing else is started or edited). */
  preMouseDownCallback = (evt: InteractionEvent): boolean => {
    const { element, currentPoints } = evt.detail;
    const viewport = stackViewport(element);
    const imageId = viewport?.getCurrentImageId();
    if (!viewport || !imageId) return true;
    if (session && (session.element !== element || session.imageId !== imageId)) cancelAssistedTrace();
    if (session?.finishing) return true;
    if (!session) {
      const frame = tracingFrameForImage(imageId, viewport);
      if (!frame) {
        assistedNotice('The image is not loaded yet; try again in a moment.');
        return true;
      }
      session = { element, imageId, trace: new AssistedTrace(frame), pointer: null, preview: [], growing: 0, finishing: false, closingShown: false, press: null };
    }
    const s = session;
    const point = worldToImagePoint(imageId, currentPoints.world);
    if (s.trace.anchors.length >= 3 && this.nearFirst(s, currentPoints.canvas, CLOSE_RADIUS_CANVAS_PX)) {
      s.trace.close();
      finishSoon(s);
      return true;
    }
    if (s.trace.click(point) === 'closed') {
      finishSoon(s);
      return true;
    }
    s.press = { startCanvas: currentPoints.canvas, lastCanvas: currentPoints.canvas, travelled: 0, dragging: false };
    s.pointer = point;
    updatePreview(s);
    return true;
  };

  /** A loose drag round the nerve: points are dropped along the way as if clicked. */
  mouseDragCallback = (evt: InteractionEvent): void => {
    const s = session;
    const press = s?.press;
    if (!s || !press || s.finishing || s.element !== evt.detail.element) return;
    const { canvas, world } = evt.detail.currentPoints;
    if (!press.dragging && Math.hypot(canvas[0] - press.startCanvas[0], canvas[1] - press.startCanvas[1]) < DRAG_START_CANVAS_PX) return;
    press.dragging = true;
    press.travelled += Math.hypot(canvas[0] - press.lastCanvas[0], canvas[1] - press.lastCanvas[1]);
    press.lastCanvas = canvas;
    s.pointer = worldToImagePoint(s.imageId, world);
    if (press.travelled >= DRAG_POINT_SPACING_CANVAS_PX && !this.nearFirst(s, canvas, DRAG_CLOSE_RADIUS_CANVAS_PX)) {
      press.travelled = 0;
      // At a high zoom the trace's own closing radius (image px) can be reached first.
      if (s.trace.click(s.pointer) === 'closed') return finishSoon(s);
    }
    updatePreview(s);
  };

  /** The end of a drag: near where the trace began it closes; elsewhere it drops a point and waits. */
  mouseUpCallback = (evt: InteractionEvent): void => {
    const s = session;
    const press = s?.press;
    if (!s || !press || s.element !== evt.detail.element) return;
    s.press = null;
    if (!press.dragging || s.finishing) return;
    const { canvas, world } = evt.detail.currentPoints;
    if (s.trace.canClose && this.nearFirst(s, canvas, DRAG_CLOSE_RADIUS_CANVAS_PX)) {
      s.trace.close();
      finishSoon(s);
      return;
    }
    s.pointer = worldToImagePoint(s.imageId, world);
    if (s.trace.click(s.pointer) === 'closed') finishSoon(s);
    else updatePreview(s);
  };

  mouseMoveCallback = (evt: InteractionEvent): boolean => {
    const s = session;
    if (!s || s.finishing || s.element !== evt.detail.element) return false;
    s.pointer = worldToImagePoint(s.imageId, evt.detail.currentPoints.world);
    updatePreview(s);
    return false;
  };

  doubleClickCallback = (): void => {
    closeAssistedTrace();
  };

  renderAnnotation = (enabledElement: Types.IEnabledElement, svg: ToolTypes.SVGDrawingHelper): boolean => {
    const s = session;
    const viewport = enabledElement.viewport as Types.IStackViewport;
    if (!s || s.element !== viewport.element || viewport.getCurrentImageId?.() !== s.imageId) return false;
    const toCanvas = (p: ImagePoint) => viewport.worldToCanvas(imagePointToWorld(s.imageId, p));
    const color = 'rgb(255, 215, 0)';
    drawing.drawPolyline(svg, PREVIEW_UID, 'path', s.preview.map(toCanvas), { color, lineWidth: 1.5, closePath: s.trace.closed });
    drawing.drawHandles(svg, PREVIEW_UID, 'anchors', s.trace.anchors.map(toCanvas), { color, handleRadius: 3, fill: color });
    return true;
  };

  private nearFirst(s: Session, canvas: Types.Point2, radius: number): boolean {
    const viewport = stackViewport(s.element);
    const first = s.trace.anchors[0];
    if (!viewport || !first) return false;
    const c = viewport.worldToCanvas(imagePointToWorld(s.imageId, first));
    return Math.hypot(c[0] - canvas[0], c[1] - canvas[1]) <= radius;
  }
}

assistedKeys.cancel = cancelAssistedTrace;
assistedKeys.close = closeAssistedTrace;
assistedKeys.undoClick = undoAssistedClick;
