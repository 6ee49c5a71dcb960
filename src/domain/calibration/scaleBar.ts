/**
 * The scale bar drawn on a calibrated image: a round length (1, 2 or 5 × 10ⁿ mm) whose bar is
 * close to a target width on screen. Horizontal, so it uses the column spacing.
 */
export interface ScaleBar {
  readonly lengthMm: number;
  readonly widthPx: number;
}

export function scaleBar(columnSpacingMm: number, screenPxPerColumn: number, targetWidthPx = 100): ScaleBar | null {
  const mmPerScreenPx = columnSpacingMm / screenPxPerColumn;
  if (!(Number.isFinite(mmPerScreenPx) && mmPerScreenPx > 0)) return null;
  const wantedMm = mmPerScreenPx * targetWidthPx;
  const decade = 10 ** Math.floor(Math.log10(wantedMm));
  // The largest 1-2-5 step not longer than the target (so the bar never exceeds it).
  const lengthMm = [5, 2, 1].map((f) => f * decade).find((mm) => mm <= wantedMm) ?? decade;
  return { lengthMm, widthPx: lengthMm / mmPerScreenPx };
}

/** "10 mm", "0.5 mm", "2 cm" style label. */
export function scaleBarLabel(lengthMm: number): string {
  if (lengthMm >= 10) return `${+(lengthMm / 10).toPrecision(3)} cm`;
  return `${+lengthMm.toPrecision(3)} mm`;
}
