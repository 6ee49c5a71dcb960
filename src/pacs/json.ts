/** Reading single values out of DICOM JSON model attributes (QIDO-RS / WADO-RS metadata). */
import type { DicomJson } from '../dicom';

export function text(json: DicomJson, tag: string): string {
  const value = json[tag]?.Value?.[0];
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  if (value && typeof value === 'object' && 'Alphabetic' in value) return String((value as { Alphabetic?: unknown }).Alphabetic ?? '');
  return '';
}

export function texts(json: DicomJson, tag: string): string[] {
  return (json[tag]?.Value ?? []).map((v) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '')).filter(Boolean);
}

export function count(json: DicomJson, tag: string): number | null {
  const value = json[tag]?.Value?.[0];
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

export function items(json: DicomJson, tag: string): DicomJson[] {
  return (json[tag]?.Value ?? []) as DicomJson[];
}

/** "20250321" → "2025-03-21"; anything else as it is. */
export function isoDate(dicom: string): string {
  return /^\d{8}$/.test(dicom) ? `${dicom.slice(0, 4)}-${dicom.slice(4, 6)}-${dicom.slice(6, 8)}` : dicom;
}
