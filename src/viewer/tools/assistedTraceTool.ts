/**
 * "Assisted" tracing (key A): the user clicks a few points around the nerve; between clicks the
 * outline follows the inner border of the bright rim (livewire on the stored pixel values, see
 * src/domain/tracing). Clicking the first point again, a double click or Enter closes it; Esc
 * cancels; Backspace removes the last click. The finished outline becomes an ordinary freehand
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
const CLOSING_NOTICE = 'Closing the outline… (Esc cancels)';
/** A click this close (screen px) to the first point closes the outline. */
const CLOSE_RADIUS_CANVAS_PX = 10;
const PREVIEW_UID = 'nv-assisted-preview';

interface Session {
  readonly element: HTMLDivElement;
  readonly imageId: string;
  readonly trace: AssistedTrace;
  pointer: ImagePoint | null;
  preview: ImagePoint[];
  growing: number;
  finishing: boolean;
  closingShown: boolean;
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
  const step = () => {
    if (session !== s) return;
    const result = s.trace.finish(FINISH_BUDGET_MS);
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
      session = { element, imageId, trace: new AssistedTrace(frame), pointer: null, preview: [], growing: 0, finishing: false, closingShown: false };
    }
    const s = session;
    const point = worldToImagePoint(imageId, currentPoints.world);
    if (s.trace.anchors.length >= 3 && this.nearFirst(viewport, imageId, s, currentPoints.canvas)) {
      s.trace.close();
      finishSoon(s);
      return true;
    }
    if (s.trace.click(point) === 'closed') {
      finishSoon(s);
      return true;
    }
    s.pointer = point;
    updatePreview(s);
    return true;
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

  private nearFirst(viewport: Types.IStackViewport, imageId: string, s: Session, canvas: Types.Point2): boolean {
    const first = viewport.worldToCanvas(imagePointToWorld(imageId, s.trace.anchors[0]!));
    return Math.hypot(first[0] - canvas[0], first[1] - canvas[1]) <= CLOSE_RADIUS_CANVAS_PX;
  }
}

assistedKeys.cancel = cancelAssistedTrace;
assistedKeys.close = closeAssistedTrace;
assistedKeys.undoClick = undoAssistedClick;
