/**
 * Plausibility limits for a pixel size: the one place that says which millimetre scales are
 * physical. A value outside them (1e+150 mm, 1e-320 mm, 1e+20 cm) is not a calibration but a
 * corrupt or hostile header; it makes the image UNCALIBRATED (results in px) instead of giving
 * 1.6e+303 mm² or 0 mm².
 *
 * The limits are a design choice with a wide margin, not a published standard (DICOM sets no
 * range for PixelSpacing or PhysicalDeltaX/Y):
 * - lower, 0.001 mm (1 µm): ten times finer than the finest clinical images NerveTrace opens —
 *   ultra-high-frequency ultrasound (up to 70 MHz) resolves about 30 µm and is stored at about
 *   10 µm per pixel; MR and PET pixels are far coarser;
 * - upper, 20 mm: about twice the coarsest clinical tomographic pixel, a PET or SPECT image with a
 *   64 × 64 matrix over a 60–70 cm field of view (about 10–11 mm). A nerve cannot be traced on
 *   pixels larger than itself anyway.
 * Both ends are parameters (PlausibleSpacingLimits) so a caller with other images can widen them.
 */
export interface PlausibleSpacingLimits {
  /** Smallest accepted pixel size in mm (inclusive). */
  readonly minMm: number;
  /** Largest accepted pixel size in mm (inclusive). */
  readonly maxMm: number;
}

export const PLAUSIBLE_PIXEL_SPACING_MM: PlausibleSpacingLimits = { minMm: 0.001, maxMm: 20 };

/** A pixel size in mm that is finite, positive and inside the limits. */
export function isPlausibleSpacingMm(mm: unknown, limits: PlausibleSpacingLimits = PLAUSIBLE_PIXEL_SPACING_MM): mm is number {
  return typeof mm === 'number' && Number.isFinite(mm) && mm >= limits.minMm && mm <= limits.maxMm;
}

/** A number as exactly as it was read, exponent form when very large or small (1e+20, 1e-308, 0.0075, 100000). */
export function formatRawNumber(value: number): string {
  const size = Math.abs(value);
  return size !== 0 && Number.isFinite(size) && (size >= 1e6 || size < 1e-4) ? value.toExponential() : String(value);
}

/** "NerveTrace accepts 0.001 to 20 mm per pixel" — in the unit the value was given in. */
export function acceptedRange(unit: 'mm' | 'cm', limits: PlausibleSpacingLimits = PLAUSIBLE_PIXEL_SPACING_MM): string {
  // Rounded to 6 significant digits so 0.001 × 0.1 prints as 0.0001, not 0.00010000000000000002.
  const inUnit = (mm: number) => formatRawNumber(Number((unit === 'cm' ? mm / 10 : mm).toPrecision(6)));
  return `NerveTrace accepts ${inUnit(limits.minMm)} to ${inUnit(limits.maxMm)} ${unit} per pixel`;
}

/**
 * The sentence for a PixelSpacing whose values are numbers but not physical, or null when both
 * are plausible. Both values are quoted when they differ, so the reader sees the whole header.
 */
export function implausiblePixelSpacing(rowMm: number, columnMm: number, limits = PLAUSIBLE_PIXEL_SPACING_MM): string | null {
  if (isPlausibleSpacingMm(rowMm, limits) && isPlausibleSpacingMm(columnMm, limits)) return null;
  const values = rowMm === columnMm ? formatRawNumber(rowMm) : `${formatRawNumber(rowMm)}\\${formatRawNumber(columnMm)}`;
  return `PixelSpacing ${values} mm is not a physical pixel size (${acceptedRange('mm', limits)}).`;
}

/** The same for an ultrasound region's PhysicalDeltaX/Y, which are in centimetres. */
export function implausibleRegionDeltas(index: number, deltaXCm: number, deltaYCm: number, limits = PLAUSIBLE_PIXEL_SPACING_MM): string | null {
  const xOk = isPlausibleSpacingMm(deltaXCm * 10, limits);
  const yOk = isPlausibleSpacingMm(deltaYCm * 10, limits);
  if (xOk && yOk) return null;
  let which: string;
  if (!xOk && !yOk) {
    which = deltaXCm === deltaYCm
      ? `PhysicalDeltaX and PhysicalDeltaY ${formatRawNumber(deltaXCm)} cm are not a physical pixel size`
      : `PhysicalDeltaX ${formatRawNumber(deltaXCm)} cm and PhysicalDeltaY ${formatRawNumber(deltaYCm)} cm are not a physical pixel size`;
  } else {
    which = `${xOk ? 'PhysicalDeltaY' : 'PhysicalDeltaX'} ${formatRawNumber(xOk ? deltaYCm : deltaXCm)} cm is not a physical pixel size`;
  }
  return `Ultrasound region ${index} ${which} (${acceptedRange('cm', limits)}).`;
}
