/**
 * The range to show when the loader's full-range window is empty: every pixel has one value (an
 * all-zero localizer, once its unusable width-0 window is left out by displayValuesProvider.ts).
 * That value goes at the bottom of a 1-wide range, so it paints black on MONOCHROME2 as dcmtk
 * does. Null when the range is usable as it is.
 */
export function flatImageRange(voiRange: { lower: number; upper: number } | undefined): { lower: number; upper: number } | null {
  if (!voiRange || !Number.isFinite(voiRange.lower)) return null;
  return voiRange.upper > voiRange.lower ? null : { lower: voiRange.lower, upper: voiRange.lower + 1 };
}
