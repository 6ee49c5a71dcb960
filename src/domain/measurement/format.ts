import type { ContourMetrics } from './measureContour';

/**
 * THE rounding rule. A measurement stores its numbers at full precision; every view rounds that
 * same stored value here and nowhere else:
 * - what a person reads (panel, image label, printed report, CLI text): mm² and mm to one decimal
 *   (well below ultrasound resolution), pixels as whole numbers flagged "(uncalibrated)";
 * - what a program reads (session JSON, CSV, DICOM SR): full precision (exportNumber).
 *
 * What the user reads, identical in the CLI and the UI: millimetres to one decimal, pixels as
 * whole numbers and always flagged "(uncalibrated)" so a pixel count is never mistaken for mm².
 */
export function formatArea(metrics: ContourMetrics): string {
  return metrics.calibrated ? formatAreaMm2(metrics.areaMm2) : `${wholeNumber(metrics.areaPx2)} px² (uncalibrated)`;
}

export function formatLength(metrics: ContourMetrics): string {
  return metrics.calibrated ? formatLengthMm(metrics.perimeterMm) : `${wholeNumber(metrics.perimeterPx)} px (uncalibrated)`;
}

/** "58.2 mm²" — also for areas that do not come from a trace (ellipse from diameters). */
export function formatAreaMm2(areaMm2: number): string {
  return `${oneDecimal(areaMm2)} mm²`;
}

/** "29.4 mm" — perimeters, diameters, circumferences. */
export function formatLengthMm(lengthMm: number): string {
  return `${oneDecimal(lengthMm)} mm`;
}

/** "12.3 mm" or "164 px (uncalibrated)" for a plain distance. */
export function formatLineLength(length: { calibrated: true; lengthMm: number } | { calibrated: false; lengthPx: number }): string {
  return length.calibrated ? formatLengthMm(length.lengthMm) : `${wholeNumber(length.lengthPx)} px (uncalibrated)`;
}

function oneDecimal(value: number): string {
  if (!Number.isFinite(value)) return '—';
  const text = value.toFixed(1);
  return text === '-0.0' ? '0.0' : text;
}

function wholeNumber(value: number): string {
  if (!Number.isFinite(value)) return '—';
  const rounded = Math.round(value);
  return String(rounded === 0 ? 0 : rounded);
}

/**
 * A stored number for a file meant for programs (CSV): full precision, the shortest text that reads
 * back as exactly the same double (as JSON writes it); empty for a missing value.
 */
export function exportNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return Object.is(value, -0) ? '0' : String(value);
}
