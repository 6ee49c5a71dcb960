/**
 * One-time Cornerstone3D initialisation. Loaded lazily (dynamic import) the first time a file is
 * opened, so the start screen does not download the imaging stack.
 */
import { init as coreInit, RenderingEngine } from '@cornerstonejs/core';
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
  BidirectionalTool,
  LengthTool,
} from '@cornerstonejs/tools';
import { registerDisplayGeometryProvider } from './displayGeometryProvider';
import { absorbDecoderRejections } from './decoderRejections';

export const RENDERING_ENGINE_ID = 'nervetrace-engine';

let ready: Promise<RenderingEngine> | null = null;

/** Initialise core, DICOM loader and tools once; resolves to the shared rendering engine. */
export function initCornerstone(): Promise<RenderingEngine> {
  ready ??= (async () => {
    await coreInit();
    // Decoding runs in web workers; two cores on our reference machine.
    dicomImageLoaderInit({ maxWebWorkers: Math.max(1, Math.min(navigator.hardwareConcurrency || 2, 4)) });
    registerDisplayGeometryProvider();
    absorbDecoderRejections();
    toolsInit();
    const tools = [WindowLevelTool, PanTool, ZoomTool, StackScrollTool, PlanarFreehandROITool, SplineROITool, BidirectionalTool, LengthTool];
    for (const tool of tools) addTool(tool);
    return new RenderingEngine(RENDERING_ENGINE_ID);
  })();
  return ready;
}
