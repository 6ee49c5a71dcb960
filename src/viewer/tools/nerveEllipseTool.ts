/**
 * The ellipse (D1×D2) method on Cornerstone's bidirectional tool, as a sonographer expects it:
 * the ellipse the area is computed from is drawn through the four diameter ends, and the short
 * diameter starts at half the long one (Cornerstone starts it at two thirds) before the user
 * adjusts it. Same tool name, so stored annotations and sessions are unchanged; the numbers come
 * from the domain (measureEllipseByDiameters), not from this drawing.
 */
import { BidirectionalTool, annotation as annotationApi, drawing, type Types as ToolTypes } from '@cornerstonejs/tools';
import type { Types } from '@cornerstonejs/core';

/** Start of the short diameter as a fraction of the long one. */
const INITIAL_SHORT_TO_LONG = 0.5;
/** Cornerstone's own starting ratio (BidirectionalTool: dist / 3 either side of the centre). */
const CORNERSTONE_SHORT_TO_LONG = 2 / 3;
const OUTLINE_POINTS = 72;

type Point3 = Types.Point3;
type Handles = { points: Point3[] };
interface DrawingTool {
  _dragDrawCallback: (evt: unknown) => void;
  editData: { annotation: { data: { handles: Handles } } } | null;
  renderAnnotation: (enabledElement: Types.IEnabledElement, svg: ToolTypes.SVGDrawingHelper) => boolean;
}

/** The ellipse through two diameters, in world coordinates (same parametrisation as the domain). */
export function ellipseOutlineWorld([a, b, c, d]: readonly Point3[]): Point3[] {
  const centre = [0, 1, 2].map((i) => (a![i]! + b![i]!) / 2);
  const half1 = [0, 1, 2].map((i) => (b![i]! - a![i]!) / 2);
  const half2 = [0, 1, 2].map((i) => (d![i]! - c![i]!) / 2);
  return Array.from({ length: OUTLINE_POINTS }, (_, k) => {
    const t = (2 * Math.PI * k) / OUTLINE_POINTS;
    return [0, 1, 2].map((i) => centre[i]! + Math.cos(t) * half1[i]! + Math.sin(t) * half2[i]!) as Point3;
  });
}

export class NerveEllipseTool extends BidirectionalTool {
  static override toolName = BidirectionalTool.toolName;

  constructor(...args: ConstructorParameters<typeof BidirectionalTool>) {
    super(...args);
    const self = this as unknown as DrawingTool;
    const drawLongAxis = self._dragDrawCallback;
    self._dragDrawCallback = (evt) => {
      drawLongAxis(evt);
      const points = self.editData?.annotation.data.handles.points;
      if (points?.length === 4) shortenShortAxis(points);
    };
    const render = self.renderAnnotation;
    self.renderAnnotation = (enabledElement, svg) => {
      const rendered = render(enabledElement, svg);
      this.drawOutlines(enabledElement, svg);
      return rendered;
    };
  }

  private drawOutlines(enabledElement: Types.IEnabledElement, svg: ToolTypes.SVGDrawingHelper) {
    const { viewport } = enabledElement;
    const imageId = (viewport as Types.IStackViewport).getCurrentImageId?.();
    const annotations = annotationApi.state.getAnnotations(this.getToolName(), viewport.element) ?? [];
    for (const a of annotations) {
      const points = (a.data as { handles?: Handles }).handles?.points;
      if (!a.annotationUID || a.metadata?.referencedImageId !== imageId || points?.length !== 4) continue;
      if (a.isVisible === false) continue;
      const outline = ellipseOutlineWorld(points).map((p) => viewport.worldToCanvas(p));
      const color = this.getStyle('color', { annotationUID: a.annotationUID, viewportId: viewport.id, toolGroupId: '' } as never, a) as string;
      drawing.drawPolyline(svg, a.annotationUID, 'nerve-ellipse-outline', outline, { color, lineWidth: 1, lineDash: '4,3', closePath: true });
    }
  }
}

/** Cornerstone just placed the short diameter at 2/3 of the long one: bring it to 1/2. */
function shortenShortAxis(points: Point3[]) {
  const [a, b, c, d] = points as [Point3, Point3, Point3, Point3];
  const centre = [0, 1, 2].map((i) => (a[i]! + b[i]!) / 2);
  const scale = INITIAL_SHORT_TO_LONG / CORNERSTONE_SHORT_TO_LONG;
  points[2] = [0, 1, 2].map((i) => centre[i]! + (c[i]! - centre[i]!) * scale) as Point3;
  points[3] = [0, 1, 2].map((i) => centre[i]! + (d[i]! - centre[i]!) * scale) as Point3;
}
