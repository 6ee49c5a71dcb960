/** One CSV row per FDG PET SUV measurement (region or line), SUV in g/ml (SUVbw). */
import { nerveLabel, siteLabel } from '../reference';
import type { Session } from '../session';
import type { SuvMeasurement } from '../suv/suvMeasurement';
import { fixed, significant, toCsv } from './csv';

export const SUV_CSV_HEADER: readonly string[] = [
  'Label',
  'Kind',
  'Nerve',
  'Site',
  'Side',
  'SUVmax (g/ml SUVbw)',
  'SUVmean (g/ml SUVbw)',
  'SUVpeak 2-D disc (g/ml SUVbw)',
  'Pixels in region',
  'Line length (mm)',
  'SUVmax distance along line (mm)',
  'SUVmax x (px)',
  'SUVmax y (px)',
  'SUV factor',
  'SUV factor source',
  'Weight edited',
  'Dose edited',
  'Study Instance UID',
  'Series Instance UID',
  'SOP Instance UID',
  'Frame index (0-based)',
  'Created',
];

export function suvRow(m: SuvMeasurement): string[] {
  const v = m.values;
  return [
    m.label,
    m.kind,
    nerveLabel(m.nerve),
    siteLabel(m.site),
    m.side ?? '',
    fixed(v.suvMax, 2),
    fixed(v.suvMean , 2),
    fixed(v.suvPeak , 2),
    v.pixelCount === null ? '' : String(v.pixelCount),
    fixed(v.lengthMm , 1),
    fixed(v.maxDistanceMm , 1),
    fixed(v.maxAt.x, 1),
    fixed(v.maxAt.y, 1),
    significant(m.factor),
    m.factorSource,
    m.weightEdited ? 'yes' : 'no',
    m.doseEdited ? 'yes' : 'no',
    m.image.studyInstanceUid,
    m.image.seriesInstanceUid,
    m.image.sopInstanceUid,
    String(m.image.frameIndex),
    m.createdAt,
  ];
}

export function suvCsv(session: Session): string {
  return toCsv(SUV_CSV_HEADER, (session.suv?.measurements ?? []).map(suvRow));
}
