/** Small statistics helpers shared by the measurements. */

export function median(values: readonly number[]): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Median wall time of `fn` in ms over `runs` calls, after `warmup` untimed calls. */
export function timeMedian(fn: () => unknown, runs: number, warmup: number): { medianMs: number; minMs: number; runs: number } {
  let sink: unknown;
  for (let i = 0; i < warmup; i++) sink = fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    sink = fn();
    times.push(performance.now() - t0);
  }
  if (sink === Symbol.for('never')) console.log(sink); // keep the result alive
  return { medianMs: median(times), minMs: Math.min(...times), runs };
}
