/**
 * Uncompressed frames are "decoded" on the main thread instead of in Cornerstone's decode
 * workers. For them decoding is a view on the bytes plus a min/max pass (~1 ms for 512 × 512),
 * but the worker round trip copies the frame twice (into the worker, and the result back), and
 * the worker's copies stay resident until that worker's garbage collector runs — V8 waits for
 * about 64 MB of such memory per worker: with two workers, ~145 MB of a 200-slice MR series
 * (measured, bench/changes.md "Issue 18, memory"). The same function as in the worker runs
 * (the loader's exported decodeImageFrame), on a copy of the frame's bytes, so the pixels are
 * identical and the bytes the metadata holds are never modified in place. Compressed frames
 * still go to the workers. While the user is scrolling or pointing, decodes for the background
 * prefetch wait for an idle moment, so that scrolling keeps its frame rate.
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
 * Prefetch decodes during user input wait for an idle period (at the latest IDLE_TIMEOUT_MS);
 * those waiting then run together, in the microtasks after the callback (a 512 × 512 slice takes
 * 1–2 ms). Measured on 2,000 slices (bench/changes.md): scrolling at 34 frames/s when prefetch
 * decodes never waited, 43–55 when they wait (workers: 57); one per idle period: 21 (the prefetch
 * falls behind). Always waiting kept decoded-but-waiting frames alive and raised the peak memory
 * while a series loads untouched, hence only during input.
 */
const INPUT_QUIET_MS = 500;
let lastInput = -Infinity;
const noteInput = () => {
  lastInput = performance.now();
};
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
  for (const type of ['keydown', 'wheel', 'pointerdown', 'pointermove']) window.addEventListener(type, noteInput, { capture: true, passive: true });
  const manager = getWebWorkerManager() as unknown as { executeTask: ExecuteTask };
  const toWorker = manager.executeTask.bind(manager);
  const decode = decodeImageFrame as unknown as (imageFrame: unknown, transferSyntax: string, pixelData: Uint8Array, decodeConfig: unknown, options: unknown) => Promise<unknown>;
  manager.executeTask = (workerName, methodName, args, options) => {
    const task = args as DecodeTaskArgs | undefined;
    if (workerName !== 'dicomImageLoader' || methodName !== 'decodeTask' || !task || !decodesOnMainThread(task.transferSyntax)) {
      return toWorker(workerName, methodName, args, options);
    }
    // A copy, as the worker would receive: the decoded image must not share the file's bytes.
    const owned = ownedBuffers.has(task.pixelData.buffer);
    const pixels = owned ? task.pixelData : task.pixelData.slice();
    const run = () => decode(task.imageFrame, task.transferSyntax, pixels, task.decodeConfig, task.options);
    // A frame already decoded to RGBA (jpegColorFrame.ts) only needs its alpha dropped: at once.
    const prefetch = (options as { requestType?: string } | undefined)?.requestType === 'prefetch';
    return prefetch && !owned && performance.now() - lastInput < INPUT_QUIET_MS ? idle().then(run) : run();
  };
}
