/**
 * Drives the assisted tracer exactly as the viewer tool does (tracingFrameFor → clicks, mouse moves
 * with a time budget, close, finish in slices), timing every step.
 */
import { AssistedTrace, tracingFrameFor, type DisplayedFrame } from '../../src/domain/tracing';
import type { ImagePoint } from '../../src/domain/types';
import { mousePath, seeded } from './simulatedUser';

/** The viewer's budget for growing the path search on one mouse move (ms). */
export const MOVE_BUDGET_MS = 12;
/** The viewer's budget for one slice of finishing (ms). */
export const FINISH_BUDGET_MS = 25;
const MOVES_BETWEEN_CLICKS = 12;

export interface AssistedRun {
  readonly contour: ImagePoint[] | null;
  readonly error?: string;
  readonly clicks: number;
  /** Time of each mouse-move update (preview), ms. */
  readonly moveMs: number[];
  /** Longest single step of any kind (frame set-up, click, move, finishing slice), ms. */
  readonly worstStepMs: number;
  readonly setupMs: number;
}

export function driveAssisted(frame: DisplayedFrame, clicks: readonly ImagePoint[], seed: number): AssistedRun {
  const random = seeded(seed);
  const moveMs: number[] = [];
  let worst = 0;
  const timed = <T>(f: () => T): [T, number] => {
    const t0 = performance.now();
    const v = f();
    const ms = performance.now() - t0;
    worst = Math.max(worst, ms);
    return [v, ms];
  };
  const [tracing, setupMs] = timed(() => tracingFrameFor(frame));
  const trace = new AssistedTrace(tracing);
  let count = 0;
  const sequence = [...clicks, clicks[0]!];
  for (let k = 0; k < sequence.length; k++) {
    const target = sequence[k]!;
    if (k > 0) {
      for (const p of mousePath(sequence[k - 1]!, target, MOVES_BETWEEN_CLICKS, random)) {
        moveMs.push(timed(() => trace.move(p, MOVE_BUDGET_MS))[1]);
      }
      moveMs.push(timed(() => trace.move(target, MOVE_BUDGET_MS))[1]);
    }
    timed(() => trace.click(target));
    count++;
  }
  if (!trace.closed) return { contour: null, error: 'not closed', clicks: count, moveMs, worstStepMs: worst, setupMs };
  for (;;) {
    const [result] = timed(() => trace.finish(FINISH_BUDGET_MS));
    if (!result.done) continue;
    if (!result.ok) return { contour: null, error: result.error, clicks: count, moveMs, worstStepMs: worst, setupMs };
    return { contour: result.contour, clicks: count, moveMs, worstStepMs: worst, setupMs };
  }
}
