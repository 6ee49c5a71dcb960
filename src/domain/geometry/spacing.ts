/**
 * Spacings are validated by measureContour and the calibration builders; reaching
 * the raw geometry with a bad one is a programming error, so fail loudly rather
 * than return a plausible-looking wrong number.
 */
export function assertSpacing(value: number, name: string): void {
  if (!(Number.isFinite(value) && value > 0)) {
    throw new RangeError(`${name} must be a positive finite number of millimetres, got ${value}`);
  }
}
