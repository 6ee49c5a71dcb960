/**
 * Coded concepts of the NerveTrace measurement report. Standard codes (DCM, SCT, UCUM) where one
 * exists; nerves, measurement sites and tracing methods have no standard code that was verified for
 * this project, so they use the private coding scheme 99NRVTRC (declared in the file's Coding Scheme
 * Identification Sequence), as PS3.16 allows. Nerve finding sites use SNOMED CT codes listed, and
 * marked unverified, in sr/findingSites.ts.
 */
import type { MeasurementMethod } from '../../measurement';
import { nerveLabel, siteLabel, type NerveId, type SiteId } from '../../reference';
import type { Side } from '../../types';
import { nerveFromSctCode, sctNerveCode } from './findingSites';

export interface Code {
  readonly value: string;
  readonly scheme: string;
  readonly meaning: string;
}

const code = (value: string, scheme: string, meaning: string): Code => ({ value, scheme, meaning });

export const PRIVATE_SCHEME = '99NRVTRC';
export const PRIVATE_SCHEME_NAME = 'NerveTrace private codes';

export const CODES = {
  imagingMeasurementReport: code('126000', 'DCM', 'Imaging Measurement Report'),
  imagingMeasurements: code('126010', 'DCM', 'Imaging Measurements'),
  measurementGroup: code('125007', 'DCM', 'Measurement Group'),
  imageLibrary: code('111028', 'DCM', 'Image Library'),
  imageLibraryGroup: code('126200', 'DCM', 'Image Library Group'),
  language: code('121049', 'DCM', 'Language of Content Item and Descendants'),
  english: code('en', 'RFC5646', 'English'),
  observerType: code('121005', 'DCM', 'Observer Type'),
  device: code('121007', 'DCM', 'Device'),
  deviceObserverUid: code('121012', 'DCM', 'Device Observer UID'),
  deviceObserverName: code('121013', 'DCM', 'Device Observer Name'),
  procedureReported: code('121058', 'DCM', 'Procedure reported'),
  imagingProcedure: code('363679005', 'SCT', 'Imaging procedure'),
  trackingIdentifier: code('112039', 'DCM', 'Tracking Identifier'),
  trackingUid: code('112040', 'DCM', 'Tracking Unique Identifier'),
  findingSite: code('363698007', 'SCT', 'Finding Site'),
  laterality: code('272741003', 'SCT', 'Laterality'),
  topographicalModifier: code('106233006', 'SCT', 'Topographical modifier'),
  measurementMethod: code('370129005', 'SCT', 'Measurement Method'),
  imageRegion: code('111030', 'DCM', 'Image Region'),
  area: code('42798000', 'SCT', 'Area'),
  perimeter: code('131191004', 'SCT', 'Perimeter'),
  horizontalPixelSpacing: code('111026', 'DCM', 'Horizontal Pixel Spacing'),
  verticalPixelSpacing: code('111066', 'DCM', 'Vertical Pixel Spacing'),
  comment: code('121106', 'DCM', 'Comment'),
  nerveTraceRecord: code('NT-RECORD', PRIVATE_SCHEME, 'NerveTrace measurement record'),
  personObserverName: code('121008', 'DCM', 'Person Observer Name'),
} as const;

export const UNITS = {
  mm2: code('mm2', 'UCUM', 'square millimeter'),
  mm: code('mm', 'UCUM', 'millimeter'),
} as const;

export const SIDE_CODES: Readonly<Record<Side, Code>> = {
  L: code('7771000', 'SCT', 'Left'),
  R: code('24028007', 'SCT', 'Right'),
};

/** Private code values are short (SH, 16 characters); the ids themselves travel in the NerveTrace record. */
const NERVE_CODE_VALUES: Readonly<Record<string, string>> = {
  sciatic: 'SCIATIC',
  tibial: 'TIBIAL',
  'common-peroneal': 'COMMON-PERONEAL',
};
const SITE_CODE_VALUES: Readonly<Record<string, string>> = {
  'gluteal-fold': 'GLUTEAL-FOLD',
  'mid-thigh': 'MID-THIGH',
  'distal-thigh-above-bifurcation': 'DISTAL-THIGH',
  'popliteal-fossa': 'POPLITEAL-FOSSA',
  'fibular-head': 'FIBULAR-HEAD',
  custom: 'CUSTOM-SITE',
};
const METHOD_MEANINGS: Readonly<Record<MeasurementMethod, string>> = {
  freehand: 'Freehand trace',
  spline: 'Spline trace',
  ellipse: 'Ellipse from two diameters',
};

/** Code meanings are LO: at most 64 characters, no backslash. */
const meaning = (raw: string): string => {
  const text = raw.replace(/\\/g, '/'); // a backslash separates values in LO
  return text.length > 64 ? `${text.slice(0, 63)}…` : text;
};

/** SNOMED CT where a code is listed (sr/findingSites.ts), else the private code. */
export function nerveCode(nerve: NerveId): Code {
  return sctNerveCode(nerve) ?? code(NERVE_CODE_VALUES[nerve] ?? 'CUSTOM-NERVE', PRIVATE_SCHEME, meaning(nerveLabel(nerve)));
}

export function siteCode(site: SiteId): Code {
  return code(SITE_CODE_VALUES[site] ?? 'CUSTOM-SITE', PRIVATE_SCHEME, meaning(siteLabel(site)));
}

export function methodCode(method: MeasurementMethod): Code {
  return code(method.toUpperCase(), PRIVATE_SCHEME, METHOD_MEANINGS[method]);
}

/** Known id for a SNOMED CT or private nerve or site code (for SRs without a NerveTrace record). */
export function nerveFromCode(value: string): NerveId | null {
  return ((nerveFromSctCode(value) ?? Object.entries(NERVE_CODE_VALUES).find(([, v]) => v === value)?.[0]) as NerveId | undefined) ?? null;
}
export function siteFromCode(value: string): SiteId | null {
  return (Object.entries(SITE_CODE_VALUES).find(([, v]) => v === value)?.[0] as SiteId | undefined) ?? null;
}
export function methodFromCode(value: string): MeasurementMethod | null {
  const lower = value.toLowerCase();
  return lower === 'freehand' || lower === 'spline' || lower === 'ellipse' ? lower : null;
}

export function sameCode(a: { CodeValue?: unknown; CodingSchemeDesignator?: unknown } | undefined, b: Code): boolean {
  return !!a && a.CodeValue === b.value && a.CodingSchemeDesignator === b.scheme;
}
