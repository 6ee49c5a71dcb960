/**
 * One Cornerstone3D stack viewport bound to a DOM element: display, scroll, window/level,
 * zoom, invert, reset. Reports what the overlay needs after every render.
 */
import { Enums, cache, eventTarget, utilities as coreUtilities, type RenderingEngine, type Types } from '@cornerstonejs/core';
import { ToolGroupManager, WindowLevelTool, PanTool, ZoomTool, StackScrollTool, LengthTool, Enums as ToolEnums, utilities as toolUtilities } from '@cornerstonejs/tools';
import { initCornerstone, RENDERING_ENGINE_ID } from './cornerstoneSetup';
import { ASSISTED_TOOL, CALIBRATION_TOOL, LENGTH_TOOL, MEASURING_TOOLS, SPLINE_TOOL } from './tools/toolNames';
import { labelLines, lengthLabelLines } from './tools/labelLines';
import { prefetchRadius } from './prefetchBudget';
import { imagePointToWorld } from './tools/imageCoordinates';
import type { ImagePoint } from '../domain/types';
import { RENDER_FAILED, containRenderFailures, describeRenderError } from './renderContainment';
import { flatImageRange } from './flatImageRange';
import { undrawableReason, type DecodedImage } from './drawableImage';

export interface ViewportDisplayState {
  /** The image the viewport is on (null before the first one); it may still be loading. */
  readonly imageId: string | null;
  /** The image actually drawn (its pixels on the canvas); equals imageId once that has loaded. */
  readonly drawnImageId: string | null;
  readonly imageIndex: number;
  readonly imageCount: number;
  readonly windowWidth: number | null;
  readonly windowCenter: number | null;
  readonly invert: boolean;
  readonly zoom: number;
  /** Screen (CSS) pixels per image column, for the scale bar; null before an image is shown. */
  readonly screenPxPerColumn: number | null;
}

export interface WindowLevel {
  readonly windowWidth: number;
  readonly windowCenter: number;
}

export const TOOL_GROUP_ID = 'nervetrace-stack-tools';

/**
 * What Cornerstone 5.x's StackViewport keeps of its stack. No public call replaces the stack
 * without resetting the view (setStack clears window, zoom and inversion and blanks the canvas),
 * so a series that grows while being opened is put in place here (extendStack).
 */
interface StackInternals {
  imageIds: string[];
  imageKeyToIndexMap: Map<string, number>;
  currentImageIdIndex: number;
  targetImageIdIndex: number;
}

const capturing = (type: string) => (type === 'pointerdown' || type === 'wheel' ? { capture: true, passive: true } : false);

function stackInternals(vp: Types.IStackViewport): StackInternals | null {
  const inner = vp as unknown as Partial<StackInternals>;
  return Array.isArray(inner.imageIds) && inner.imageKeyToIndexMap instanceof Map && typeof inner.currentImageIdIndex === 'number'
    ? (inner as StackInternals)
    : null;
}

function ensureToolGroup() {
  let group = ToolGroupManager.getToolGroup(TOOL_GROUP_ID);
  if (group) return group;
  group = ToolGroupManager.createToolGroup(TOOL_GROUP_ID)!;
  group.addTool(WindowLevelTool.toolName);
  group.addTool(PanTool.toolName);
  group.addTool(ZoomTool.toolName);
  group.addTool(StackScrollTool.toolName);
  // Labels come from the domain (labelLines), never from Cornerstone's statistics. The spline
  // tool's own statistics throw on ultrasound-region images (Cornerstone 5.14), which would also
  // stop its "completed" event, so they are switched off; the freehand tool needs them on to
  // draw its label at all. A nerve cross-section is always closed: an unclosed freehand trace is
  // closed on release rather than kept as an open line.
  for (const name of MEASURING_TOOLS) {
    group.addTool(name, { getTextLines: labelLines, calculateStats: name !== SPLINE_TOOL, allowOpenContours: false });
  }
  group.addTool(CALIBRATION_TOOL);
  group.addTool(ASSISTED_TOOL);
  group.addToolInstance(LENGTH_TOOL, LengthTool.toolName, { getTextLines: lengthLabelLines });
  const { MouseBindings } = ToolEnums;
  group.setToolActive(WindowLevelTool.toolName, { bindings: [{ mouseButton: MouseBindings.Primary }] });
  group.setToolActive(PanTool.toolName, { bindings: [{ mouseButton: MouseBindings.Auxiliary }] });
  group.setToolActive(ZoomTool.toolName, { bindings: [{ mouseButton: MouseBindings.Secondary }] });
  group.setToolActive(StackScrollTool.toolName, { bindings: [{ mouseButton: MouseBindings.Wheel }] });
  // With the default (window/level) tool, existing traces can be selected and edited.
  for (const name of [...MEASURING_TOOLS, LENGTH_TOOL]) group.setToolPassive(name);
  return group;
}

/** ": reason." from whatever the loader rejected with (an Error, a string, or a bare code). */
function describeLoadError(error: unknown): string {
  const text = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  return text && !/^\d+$/.test(text) ? `: ${text}` : ': the compressed data is damaged or not supported.';
}

/**
 * Move the camera so that a world point is drawn at a canvas point. The focal point moves in the
 * image plane (along the canvas's own axes, so any orientation works), and the effect on screen
 * is measured rather than assumed: Cornerstone's WebGL and CPU paths map the focal point to the
 * screen differently, but both linearly.
 */
function centreOn(vp: Types.IStackViewport, world: Types.Point3, target: Types.Point2): void {
  const { focalPoint, position } = vp.getCamera();
  if (!focalPoint || !position) return;
  const origin = vp.canvasToWorld([0, 0]);
  const u = vp.canvasToWorld([1, 0]).map((v, i) => v - origin[i]!);
  const w = vp.canvasToWorld([0, 1]).map((v, i) => v - origin[i]!);
  const moveBy = (du: number, dv: number) => {
    const shift = (i: number) => du * u[i]! + dv * w[i]!;
    vp.setCamera({
      focalPoint: focalPoint.map((f, i) => f + shift(i)) as Types.Point3,
      position: position.map((p, i) => p + shift(i)) as Types.Point3,
    });
  };
  const PROBE = 10; // canvas pixels' worth of world distance
  const [x0, y0] = vp.worldToCanvas(world) as [number, number];
  moveBy(PROBE, 0);
  const [x1, y1] = vp.worldToCanvas(world) as [number, number];
  moveBy(0, PROBE);
  const [x2, y2] = vp.worldToCanvas(world) as [number, number];
  const [a, c] = [(x1 - x0) / PROBE, (y1 - y0) / PROBE];
  const [b, d] = [(x2 - x0) / PROBE, (y2 - y0) / PROBE];
  const det = a * d - b * c;
  if (!Number.isFinite(det) || Math.abs(det) < 1e-9) return moveBy(0, 0);
  const [ex, ey] = [target[0] - x0, target[1] - y0];
  moveBy((d * ex - b * ey) / det, (a * ey - c * ex) / det);
}

export class StackViewportController {
  private engine: RenderingEngine | null = null;
  private viewport: Types.IStackViewport | null = null;
  private readonly listeners: Array<[string, EventListener]> = [];

  constructor(
    readonly viewportId: string,
    private readonly element: HTMLDivElement,
    private readonly onState: (state: ViewportDisplayState) => void,
    /** imageId is the image that failed, when known (it may not be the one on screen yet). */
    private readonly onError: (message: string, imageId?: string) => void,
  ) {}

  async mount(): Promise<void> {
    this.engine = await initCornerstone();
    this.engine.enableElement({
      viewportId: this.viewportId,
      element: this.element,
      type: Enums.ViewportType.STACK,
      defaultOptions: { background: [0, 0, 0] as Types.Point3 },
    });
    this.viewport = this.engine.getViewport(this.viewportId) as Types.IStackViewport;
    containRenderFailures(this.engine);
    ensureToolGroup().addViewport(this.viewportId, RENDERING_ENGINE_ID);
    const report = () => this.reportState();
    this.listen(Enums.Events.IMAGE_RENDERED, () => {
      if (this.pendingStack) this.extendStack(this.pendingStack);
      report();
    });
    this.listen(Enums.Events.VOI_MODIFIED, report);
    this.listen(Enums.Events.CAMERA_MODIFIED, report);
    // A press or a wheel on the image is the user at work (windowing, tracing, scrolling, panning).
    const touched = () => (this.touched = true);
    this.listen('pointerdown', touched);
    this.listen('wheel', touched);
    const decodeFailed = ((event: CustomEvent) => {
      const detail = event.detail as { imageId?: string; error?: unknown } | undefined;
      const imageId = detail?.imageId;
      // Another viewport's image, or a background (prefetch) decode of an image not on screen:
      // that one is named when it is shown, without covering the image on screen now.
      if (imageId && imageId !== this.viewport?.getCurrentImageId()) return;
      if (imageId) this.decodeFailures.add(imageId);
      this.onError(`The image could not be decoded${describeLoadError(detail?.error)}`, imageId);
    }) as EventListener;
    this.listen(Enums.Events.IMAGE_LOAD_ERROR, decodeFailed);
    // Drawing failed (renderContainment.ts): take the image off screen and name the file.
    this.listen(RENDER_FAILED, ((event: CustomEvent) => {
      const { imageId, error } = (event.detail ?? {}) as { imageId?: string; error?: unknown };
      this.clearCanvas();
      if (imageId && this.decodeFailures.has(imageId)) return;
      if (imageId) this.decodeFailures.add(imageId);
      const image = imageId ? (cache.getImage(imageId) as unknown as DecodedImage | undefined) : undefined;
      this.onError((image && undrawableReason(image)) ?? describeRenderError(error), imageId);
    }) as EventListener);
    // Decoder failures are announced globally, not on the element.
    eventTarget.addEventListener(Enums.Events.IMAGE_LOAD_FAILED, decodeFailed);
    this.globalListeners.push([Enums.Events.IMAGE_LOAD_FAILED, decodeFailed]);
  }

  private readonly globalListeners: Array<[string, EventListener]> = [];
  /** Images whose decode failure was already reported (CPU rendering also rejects setStack with it). */
  private readonly decodeFailures = new Set<string>();

  /**
   * The user has done something in this viewport since the series was shown (openingStack.ts:
   * then it does not jump to the middle slice when the series finishes loading).
   */
  touched = false;
  /** A grown stack waiting for the image being loaded to be drawn (extendStack). */
  private pendingStack: string[] | null = null;

  /** Toolbar actions aimed at this viewport (a new tool chosen) count as interaction too. */
  noteUserAction(): void {
    this.touched = true;
  }

  private listen(type: string, handler: EventListener) {
    // Presses and wheels are seen before Cornerstone's tools (capture), which may stop them.
    this.element.addEventListener(type, handler, capturing(type));
    this.listeners.push([type, handler]);
  }

  private reportState() {
    const vp = this.viewport;
    if (!vp) return;
    const { voiRange, invert } = vp.getProperties();
    const width = voiRange ? voiRange.upper - voiRange.lower : null;
    this.onState({
      imageId: vp.getCurrentImageId() ?? null,
      drawnImageId: (vp.getCornerstoneImage?.() as { imageId?: string } | undefined)?.imageId ?? null,
      imageIndex: vp.getCurrentImageIdIndex(),
      imageCount: vp.getImageIds().length,
      windowWidth: width,
      windowCenter: voiRange ? voiRange.lower + (width as number) / 2 : null,
      invert: Boolean(invert),
      zoom: this.relativeZoom(vp),
      screenPxPerColumn: this.screenPxPerColumn(vp),
    });
  }

  private screenPxPerColumn(vp: Types.IStackViewport): number | null {
    // The image drawn, not the one being loaded (scrolled to): its geometry may not be known yet.
    const imageId = (vp.getCornerstoneImage?.() as { imageId?: string } | undefined)?.imageId;
    if (!imageId || !vp.getImageData()) return null;
    const a = vp.worldToCanvas(imagePointToWorld(imageId, { x: 0, y: 0 }));
    const b = vp.worldToCanvas(imagePointToWorld(imageId, { x: 100, y: 0 }));
    const perColumn = Math.hypot(b[0]! - a[0]!, b[1]! - a[1]!) / 100;
    return Number.isFinite(perColumn) && perColumn > 0 ? perColumn : null;
  }

  /**
   * The zoom at which the image fits. The overlay shows zoom relative to it: the WebGL path
   * reports 1 at fit, the CPU path its absolute scale (undefined before the first image).
   */
  private fitZoom: number | null = null;

  private relativeZoom(vp: Types.IStackViewport): number {
    const zoom = vp.getZoom();
    if (!Number.isFinite(zoom) || zoom <= 0) return 1;
    this.fitZoom ??= zoom;
    return zoom / this.fitZoom;
  }

  /** After the camera was reset to fit the image. */
  private refit(vp: Types.IStackViewport): void {
    const zoom = vp.getZoom();
    this.fitZoom = Number.isFinite(zoom) && zoom > 0 ? zoom : null;
  }

  /**
   * Shows a stack afresh at an index (the view reset and fitted). `prefetch: false` while the
   * series is still being read: decoding ahead would compete with reading the files.
   */
  async show(imageIds: string[], index = 0, { prefetch = true } = {}): Promise<void> {
    const vp = this.requireViewport();
    this.touched = false;
    this.pendingStack = null;
    try {
      await vp.setStack(imageIds, Math.min(Math.max(0, index), imageIds.length - 1));
      vp.resetCamera();
      this.refit(vp);
      this.showFlatImageBlack(vp);
      vp.render();
      // Decode the rest of the stack in the background, nearest images first, so that a cine
      // plays and a series scrolls without waiting for the decoder — as much as the cache holds.
      if (prefetch && imageIds.length > 1) this.prefetchWithinCache(vp);
    } catch (error) {
      const shown = imageIds[Math.min(Math.max(0, index), imageIds.length - 1)];
      if (shown && this.decodeFailures.has(shown)) return; // already named as a decode failure
      this.onError(`The image could not be displayed${describeLoadError(error)}`, imageIds[index]);
    }
  }

  /**
   * The series grew or re-sorted while being opened: the same image stays on screen, at its new
   * index, with the window, zoom and anything drawn untouched. While an image is still loading
   * (the user scrolled) the change waits for it to be drawn; Cornerstone would drop an image
   * whose index moved under it.
   */
  extendStack(imageIds: string[], { prefetch = false } = {}): void {
    const vp = this.viewport;
    if (!vp || !imageIds.length) return;
    const inner = stackInternals(vp);
    const currentId = vp.getCurrentImageId() ?? null;
    const index = currentId === null ? -1 : imageIds.indexOf(currentId);
    if (!inner || index < 0) {
      void this.show(imageIds, Math.max(0, index), { prefetch });
      return;
    }
    const drawn = (vp.getCornerstoneImage?.() as { imageId?: string } | undefined)?.imageId;
    if (drawn !== currentId || inner.targetImageIdIndex !== inner.currentImageIdIndex) {
      this.pendingStack = imageIds;
      return;
    }
    this.pendingStack = null;
    inner.imageIds = imageIds;
    inner.imageKeyToIndexMap.clear();
    imageIds.forEach((id, i) => {
      inner.imageKeyToIndexMap.set(id, i);
      inner.imageKeyToIndexMap.set(coreUtilities.imageIdToURI(id), i);
    });
    inner.currentImageIdIndex = index;
    inner.targetImageIdIndex = index;
    if (prefetch && imageIds.length > 1) this.prefetchWithinCache(vp);
    this.reportState();
  }

  /** The images of the stack, in order. */
  get imageIds(): readonly string[] {
    return this.viewport?.getImageIds() ?? [];
  }

  get currentImageId(): string | null {
    return this.viewport?.getCurrentImageId() ?? null;
  }

  get imageIndex(): number {
    return this.viewport?.getCurrentImageIdIndex() ?? 0;
  }

  get imageCount(): number {
    return this.viewport?.getImageIds().length ?? 0;
  }

  async setImageIndex(index: number): Promise<void> {
    const vp = this.requireViewport();
    this.touched = true;
    const count = vp.getImageIds().length;
    if (!count) return;
    await vp.setImageIdIndex(((index % count) + count) % count);
  }

  /** Scroll by whole slices; stops at the ends (a radiologist expects no wrap-around on MR). */
  async scroll(delta: number): Promise<void> {
    const vp = this.requireViewport();
    this.touched = true;
    const target = Math.min(Math.max(0, vp.getCurrentImageIdIndex() + delta), vp.getImageIds().length - 1);
    if (target !== vp.getCurrentImageIdIndex()) await vp.setImageIdIndex(target);
  }

  setWindowLevel({ windowWidth, windowCenter }: WindowLevel): void {
    const vp = this.requireViewport();
    this.touched = true;
    vp.setProperties({ voiRange: { lower: windowCenter - windowWidth / 2, upper: windowCenter + windowWidth / 2 } });
    vp.render();
  }

  toggleInvert(): void {
    const vp = this.requireViewport();
    this.touched = true;
    vp.setProperties({ invert: !vp.getProperties().invert });
    vp.render();
  }

  private prefetchWithinCache(vp: Types.IStackViewport): void {
    const radius = prefetchRadius(cache.getMaxCacheSize(), cache.getImage(vp.getCurrentImageId())?.sizeInBytes ?? 0);
    if (radius < 1) return;
    const { stackPrefetch } = toolUtilities;
    stackPrefetch.setConfiguration({ ...stackPrefetch.getConfiguration(), maxImagesToPrefetch: radius });
    stackPrefetch.enable(this.element);
  }

  zoomBy(factor: number): void {
    const vp = this.requireViewport();
    this.touched = true;
    const zoom = vp.getZoom();
    if (!Number.isFinite(zoom) || zoom <= 0) return; // no image yet
    vp.setZoom(zoom * factor);
    vp.render();
  }

  fit(): void {
    const vp = this.requireViewport();
    this.touched = true;
    vp.resetCamera();
    this.refit(vp);
    vp.render();
  }

  /** Back to the file's own window/level, no inversion, fitted. */
  reset(): void {
    const vp = this.requireViewport();
    this.touched = true;
    vp.resetProperties();
    vp.resetCamera();
    this.refit(vp);
    this.showFlatImageBlack(vp);
    vp.render();
  }

  /** An image of one value has an empty full-range window: show that value black (flatImageRange.ts). */
  private showFlatImageBlack(vp: Types.IStackViewport): void {
    const flat = flatImageRange(vp.getProperties().voiRange);
    if (flat) vp.setProperties({ voiRange: flat });
  }

  /** Nothing of a previous image may stay on screen under a failure message. */
  private clearCanvas(): void {
    const canvas = this.viewport?.getCanvas();
    const ctx = canvas?.getContext('2d');
    if (canvas && ctx) {
      ctx.fillStyle = '#000';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
    }
  }

  /**
   * The element changed size (a panel widened, a notice wrapped): the image is fitted to the new
   * size, then the user's zoom (relative to the fit) and the image point at the centre are put
   * back, so the view does not jump.
   */
  resize(): void {
    const vp = this.viewport;
    // Before an image is on screen there is no view to keep (and the CPU path cannot map points).
    const kept = vp?.getImageData() ? { zoom: this.relativeZoom(vp), centre: vp.canvasToWorld(this.engineCanvasCentre(vp)) } : null;
    this.engine?.resize(true, false);
    if (!vp) return;
    this.refit(vp);
    if (!kept || !this.fitZoom) return;
    vp.setZoom(kept.zoom * this.fitZoom); // the same units as getZoom, as zoomBy uses
    centreOn(vp, kept.centre, this.engineCanvasCentre(vp));
    vp.render();
  }

  /**
   * The canvas centre as the engine last laid it out: from the backing size, which (unlike the
   * CSS size) still describes the old layout when a ResizeObserver reports the new one.
   */
  private engineCanvasCentre(vp: Types.IStackViewport): Types.Point2 {
    const canvas = vp.getCanvas();
    const ratio = window.devicePixelRatio || 1;
    return [canvas.width / ratio / 2, canvas.height / ratio / 2];
  }

  /**
   * Where an image pixel is on the page (client coordinates). Used by the end-to-end tests to
   * trace a known outline with the mouse, as a sonographer would.
   */
  imageToClient(point: ImagePoint): { x: number; y: number } | null {
    const vp = this.viewport;
    const imageId = vp?.getCurrentImageId();
    if (!vp || !imageId) return null;
    const [cx, cy] = vp.worldToCanvas(imagePointToWorld(imageId, point));
    const rect = this.element.getBoundingClientRect();
    return { x: rect.left + cx!, y: rect.top + cy! };
  }

  /**
   * A checksum (FNV-1a over the values) of the decoded pixels of the image on screen, or null
   * before it is decoded: the end-to-end tests compare a PACS frame with the same file from disk.
   */
  pixelChecksum(): { checksum: number; length: number } | null {
    const imageId = this.viewport?.getCurrentImageId();
    const pixels = imageId ? cache.getImage(imageId)?.getPixelData() : undefined;
    if (!pixels) return null;
    let hash = 0x811c9dc5;
    for (let i = 0; i < pixels.length; i++) hash = Math.imul(hash ^ (pixels[i]! & 0xffff), 0x01000193) >>> 0;
    return { checksum: hash, length: pixels.length };
  }

  /** The 2D canvas Cornerstone paints into (the tests read its pixels). */
  get canvas(): HTMLCanvasElement | null {
    return this.viewport?.getCanvas() ?? null;
  }

  destroy(): void {
    toolUtilities.stackPrefetch.disable(this.element);
    for (const [type, handler] of this.listeners) this.element.removeEventListener(type, handler, capturing(type));
    for (const [type, handler] of this.globalListeners) eventTarget.removeEventListener(type, handler);
    this.listeners.length = 0;
    ToolGroupManager.getToolGroup(TOOL_GROUP_ID)?.removeViewports(RENDERING_ENGINE_ID, this.viewportId);
    this.engine?.disableElement(this.viewportId);
    this.viewport = null;
  }

  private requireViewport(): Types.IStackViewport {
    if (!this.viewport) throw new Error('Viewport is not mounted.');
    return this.viewport;
  }
}
