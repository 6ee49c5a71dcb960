/**
 * Uncompressed frames are "decoded" on the main thread instead of in Cornerstone's decode
 * workers. For them decoding is a view on the bytes plus a min/max pass (~1 ms for 512 × 512),
 * but the worker round trip copies the frame twice (into the worker, and the result back), and
 * the worker's copies stay resident until that worker's garbage collector runs — V8 waits for
 * about 64 MB of such memory per worker: with two workers, ~145 MB of a 200-slice MR series
 * (measured, bench/changes.md "Issue 18, memory"). The same function as in the worker runs
 * (the loader's exported decodeImageFrame), on a copy of the frame's bytes, so the pixels are
 * identical and the bytes the metadata holds are never modified in place. Compressed frames
 * still go to the workers. Decodes for the background prefetch wait for an idle moment, so that
 * scrolling while it runs keeps its frame rate (2,000 slices: 34 frames/s when they did not).
 */
import { getWebWorkerManager } from '@cornerstonejs/core';
import { decodeImageFrame } from '@cornerstonejs/dicom-image-loader';

/** Native (uncompressed) transfer syntaxes: Implicit LE, Explicit LE, Explicit BE. */
const NATIVE_SYNTAXES = new Set(['1.2.840.10008.1.2', '1.2.840.10008.1.2.1', '1.2.840.10008.1.2.2']);

export function decodesOnMainThread(transferSyntax: unknown): boolean {
  return typeof transferSyntax === 'string' && NATIVE_SYNTAXES.has(transferSyntax);
}

interface DecodeTaskArgs {
  readonly imageFrame: unknown;
  readonly transferSyntax: string;
  readonly pixelData: Uint8Array;
  readonly options: unknown;
  readonly decodeConfig: unknown;
}

/**
 * Prefetch decodes wait for an idle period (at the latest IDLE_TIMEOUT_MS); those waiting then
 * run together, in the microtasks after the callback (a 512 × 512 slice takes 1–2 ms). One per
 * idle period was measured too: the prefetch then falls behind and scrolling 2,000 slices drops
 * to 21 frames/s; without waiting for idle, 34; this way, 43 (workers: 57).
 */
const IDLE_TIMEOUT_MS = 1000;
const idleQueue: Array<() => void> = [];
let idleRequested = false;

function runIdle(): void {
  idleRequested = false;
  for (const resume of idleQueue.splice(0)) resume();
}

function requestIdle(): void {
  if (idleRequested) return;
  idleRequested = true;
  if ('requestIdleCallback' in globalThis) requestIdleCallback(runIdle, { timeout: IDLE_TIMEOUT_MS });
  else setTimeout(runIdle, 0);
}

function idle(): Promise<void> {
  return new Promise((resolve) => {
    idleQueue.push(resolve);
    requestIdle();
  });
}

type ExecuteTask = (workerName: string, methodName: string, args?: unknown, options?: unknown) => Promise<unknown>;

let installed = false;
/** Frame buffers made for one decode only (jpegColorFrame.ts): decoded without a copy. */
const ownedBuffers = new WeakSet<ArrayBufferLike>();

export function decodeWithoutCopy(frame: Uint8Array): Uint8Array {
  ownedBuffers.add(frame.buffer);
  return frame;
}

/** Routes the loader's decode tasks for native frames to the main thread (once). */
export function decodeNativeFramesOnMainThread(): void {
  if (installed) return;
  installed = true;
  const manager = getWebWorkerManager() as unknown as { executeTask: ExecuteTask };
  const toWorker = manager.executeTask.bind(manager);
  const decode = decodeImageFrame as unknown as (imageFrame: unknown, transferSyntax: string, pixelData: Uint8Array, decodeConfig: unknown, options: unknown) => Promise<unknown>;
  manager.executeTask = (workerName, methodName, args, options) => {
    const task = args as DecodeTaskArgs | undefined;
    if (workerName !== 'dicomImageLoader' || methodName !== 'decodeTask' || !task || !decodesOnMainThread(task.transferSyntax)) {
      return toWorker(workerName, methodName, args, options);
    }
    // A copy, as the worker would receive: the decoded image must not share the file's bytes.
    const pixels = ownedBuffers.has(task.pixelData.buffer) ? task.pixelData : task.pixelData.slice();
    const run = () => decode(task.imageFrame, task.transferSyntax, pixels, task.decodeConfig, task.options);
    return (options as { requestType?: string } | undefined)?.requestType === 'prefetch' ? idle().then(run) : run();
  };
}
