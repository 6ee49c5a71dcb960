/**
 * An SUV measurement as NerveTrace records it: a region (SUVmax, SUVmean, SUVpeak) or a line
 * drawn down a nerve (SUV profile, its maximum located), on which PET image, with the SUV factor's
 * source and whether the weight or dose were edited by the user.
 */
import type { ImageReference } from '../measurement/nerveMeasurement';
import { nerveLabel, siteLabel, type NerveId, type SiteId } from '../reference';
import type { ImagePoint, Side, SideSource } from '../types';

export type SuvMeasurementKind = 'region' | 'line';

export interface SuvValues {
  readonly suvMax: number;
  /** Pixel (region) or point on the line (line) holding SUVmax, image coordinates. */
  readonly maxAt: ImagePoint;
  /** Region only. */
  readonly suvMean: number | null;
  /** Region only: the 2-D disc equivalent of the 1 cm³ sphere (see SUV_PEAK_DEFINITION). */
  readonly suvPeak: number | null;
  readonly pixelCount: number | null;
  /** Line only: its length and the distance of the maximum from its first point, mm. */
  readonly lengthMm: number | null;
  readonly maxDistanceMm: number | null;
}

export interface SuvMeasurement {
  readonly id: string;
  /** "S1" for a region, "P1" for a profile line. */
  readonly label: string;
  readonly kind: SuvMeasurementKind;
  readonly nerve: NerveId;
  readonly site: SiteId;
  readonly side: Side | null;
  readonly sideSource: SideSource;
  readonly image: ImageReference;
  /** Region: closed outline; line: polyline; image pixel coordinates. */
  readonly points: readonly ImagePoint[];
  readonly values: SuvValues;
  /** SUVbw factor used (g/ml per rescaled pixel value) and its one-sentence source. */
  readonly factor: number;
  readonly factorSource: string;
  readonly weightEdited: boolean;
  readonly doseEdited: boolean;
  readonly createdAt: string;
}

/** The unit of every SUV value, as UCUM writes it in DICOM SR. */
export const SUV_UNIT = 'g/ml{SUVbw}';

const SIDE_WORD: Readonly<Record<Side, string>> = { L: 'left', R: 'right' };

/** "left sciatic nerve at mid-thigh" */
export function suvLocation(m: Pick<SuvMeasurement, 'nerve' | 'site' | 'side'>): string {
  const side = m.side ? `${SIDE_WORD[m.side]} ` : '';
  return `${side}${nerveLabel(m.nerve).toLowerCase()} at ${siteLabel(m.site).toLowerCase()}`;
}

/** One decimal, as SUV is reported clinically. */
export const formatSuv = (v: number): string => v.toFixed(1);

/**
 * "SUVmax 4.6 along the left sciatic nerve at mid-thigh" (line) or
 * "SUVmax 4.6, SUVmean 2.5, SUVpeak 4.3 (2-D) in a region on the left sciatic nerve at mid-thigh";
 * with "(weight edited)" / "(dose edited)" when the user changed them.
 */
export function suvSentence(m: SuvMeasurement): string {
  const v = m.values;
  const edits = [m.weightEdited ? 'weight edited' : null, m.doseEdited ? 'dose edited' : null].filter((e) => e !== null);
  const edited = edits.length > 0 ? ` (${edits.join(', ')})` : '';
  if (m.kind === 'line') {
    const at = v.maxDistanceMm !== null ? `, ${v.maxDistanceMm.toFixed(0)} mm along a ${v.lengthMm?.toFixed(0)} mm line` : '';
    return `SUVmax ${formatSuv(v.suvMax)} along the ${suvLocation(m)}${at}${edited}`;
  }
  const extra = [v.suvMean !== null ? `SUVmean ${formatSuv(v.suvMean)}` : null, v.suvPeak !== null ? `SUVpeak ${formatSuv(v.suvPeak)} (2-D)` : null].filter((e) => e !== null);
  return `SUVmax ${formatSuv(v.suvMax)}${extra.length ? `, ${extra.join(', ')}` : ''} in a region on the ${suvLocation(m)}${edited}`;
}
