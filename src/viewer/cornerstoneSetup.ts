/**
 * One-time Cornerstone3D initialisation. Loaded lazily (dynamic import) the first time a file is
 * opened, so the start screen does not download the imaging stack.
 */
import { init as coreInit, RenderingEngine, cache, getRenderingCapabilities, setUseCPURendering } from '@cornerstonejs/core';
import { init as dicomImageLoaderInit } from '@cornerstonejs/dicom-image-loader';
import {
  init as toolsInit,
  addTool,
  WindowLevelTool,
  PanTool,
  ZoomTool,
  StackScrollTool,
  PlanarFreehandROITool,
  SplineROITool,
  LengthTool,
} from '@cornerstonejs/tools';
import { NerveEllipseTool } from './tools/nerveEllipseTool';
import { AssistedTraceTool } from './tools/assistedTraceTool';
import { registerDisplayGeometryProvider } from './displayGeometryProvider';
import { registerDisplayValuesProvider } from './displayValuesProvider';
import { registerBoundedPixelRangeLoader } from './boundedPixelRange';
import { absorbDecoderRejections } from './decoderRejections';
import { decodeNativeFramesOnMainThread } from './mainThreadDecode';
import { frameRequestHeaders, registerPacsFrameLoader } from './wadors';
import dcmjs from 'dcmjs';

export const RENDERING_ENGINE_ID = 'nervetrace-engine';

let ready: Promise<RenderingEngine> | null = null;

/**
 * Image cache size in MB from an optional `?cacheMB=` in the page address (the benchmark opens
 * a series larger than a small cache); Cornerstone's default (3 GB) otherwise.
 */
function cacheLimitBytes(): number | null {
  const mb = Number(new URLSearchParams(globalThis.location?.search ?? '').get('cacheMB'));
  return Number.isFinite(mb) && mb > 0 ? Math.round(mb * 1024 * 1024) : null;
}

/** Initialise core, DICOM loader and tools once; resolves to the shared rendering engine. */
export function initCornerstone(): Promise<RenderingEngine> {
  ready ??= (async () => {
    await coreInit();
    const limit = cacheLimitBytes();
    if (limit !== null) cache.setMaxCacheSize(limit);
    // Without a GPU (a software rasterizer such as SwiftShader or llvmpipe: virtual machines,
    // remote desktops) WebGL is far slower than Cornerstone's CPU path, because every frame is
    // read back from the WebGL canvas (~100 ms for a 512 × 512 slice): draw on the CPU there.
    if (getRenderingCapabilities().softwareRasterizer) setUseCPURendering(true);
    // Decoding runs in web workers; two cores on our reference machine.
    dicomImageLoaderInit({
      maxWebWorkers: Math.max(1, Math.min(navigator.hardwareConcurrency || 2, 4)),
      // PACS frames (wadors:) carry the PACS login when one was given.
      beforeSend: (_xhr: XMLHttpRequest, imageId: string) => frameRequestHeaders(imageId),
    });
    // PACS frames already fetched (the opening frame, a cine's frame lists) are not asked for again.
    registerPacsFrameLoader();
    registerDisplayGeometryProvider();
    // Cornerstone's metadata reader (dcmjs) logs "Invalid vr type xs" as a console error for
    // every Implicit VR element whose VR is US or SS by context, then reads it correctly: noise.
    dcmjs.log.getLogger('validation.dcmjs').setLevel('silent', false);
    registerDisplayValuesProvider();
    registerBoundedPixelRangeLoader();
    decodeNativeFramesOnMainThread();
    absorbDecoderRejections();
    toolsInit();
    // The ellipse method is Cornerstone's bidirectional tool with its ellipse drawn (same tool name).
    const tools = [WindowLevelTool, PanTool, ZoomTool, StackScrollTool, PlanarFreehandROITool, SplineROITool, NerveEllipseTool, LengthTool, AssistedTraceTool];
    for (const tool of tools) addTool(tool);
    return new RenderingEngine(RENDERING_ENGINE_ID);
  })();
  return ready;
}
