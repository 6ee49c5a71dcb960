/**
 * The follow-up sample images: B-mode transverse sections of the sample patient's sciatic nerves
 * that the bundled study does not have — the distal thigh at the first visit (same study, new
 * series) and all three sites at a second visit six months later, after treatment (the right
 * nerve smaller). Same phantom and generator as scripts/make-samples.ts; deterministic.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { usDataset } from '../samples/datasets.ts';
import { type StudyInfo, type SeriesInfo, TS, TS_NAME, US_STUDY, uid, writePart10 } from '../samples/dicom.ts';
import { ellipseWithArea } from '../samples/geometry.ts';
import { type ManifestFile, type Side, type Site, nerveEntry } from '../samples/manifest.ts';
import { ENLARGED_NERVE, NORMAL_NERVE, makeFascicles } from '../samples/nerve.ts';
import { type Bone, type RegionBox, type UsView, drawDepthScale, drawMarkers, makeTissue, renderEcho, speckleField, speckleMagnitude, toBMode, usPixelMap } from '../samples/ultrasound.ts';

const W = 640;
const H = 480;
const REGION: RegionBox = { x0: 80, y0: 40, x1: 559, y1: 471 };
const MM_PER_PX = 0.075;
const ISCHIUM: Bone = { x: 34, depth: 22, halfWidth: 7, curvature: 0.05 };
const FEMUR: Bone = { x: 3, depth: 28.5, halfWidth: 8, curvature: 0.04 };

/** The second visit: a new ultrasound study of the same patient, six months later. */
export const FOLLOW_UP_STUDY: StudyInfo = {
  studyNumber: 3,
  StudyInstanceUID: uid(3),
  StudyDate: '20250912',
  StudyTime: '100000',
  StudyID: 'US0002',
  AccessionNumber: 'NTUS0002',
  StudyDescription: 'US sciatic nerves bilateral, follow-up after treatment',
  PatientAge: '055Y',
};

export interface FollowUpCase {
  readonly file: string;
  readonly study: StudyInfo;
  readonly seriesNumber: number;
  readonly side: Side;
  readonly site: Site;
  readonly areaMm2: number;
  readonly aMm: number;
  readonly thetaDeg: number;
  readonly enlarged: boolean;
}

/** Visit 1 (US_STUDY, 2025-03-14) distal thigh; visit 2 (2025-09-12) all sites, right nerve smaller. */
export const FOLLOW_UP_CASES: readonly FollowUpCase[] = [
  { file: 'followup/visit-1/us-sciatic-distal-L.dcm', study: US_STUDY, seriesNumber: 21, side: 'L', site: 'distal-thigh-above-bifurcation', areaMm2: 36, aMm: 3.7, thetaDeg: 4, enlarged: false },
  { file: 'followup/visit-1/us-sciatic-distal-R.dcm', study: US_STUDY, seriesNumber: 22, side: 'R', site: 'distal-thigh-above-bifurcation', areaMm2: 66, aMm: 5.0, thetaDeg: -6, enlarged: true },
  { file: 'followup/visit-2/us-sciatic-gluteal-L.dcm', study: FOLLOW_UP_STUDY, seriesNumber: 1, side: 'L', site: 'gluteal-fold', areaMm2: 50, aMm: 6.0, thetaDeg: -6, enlarged: false },
  { file: 'followup/visit-2/us-sciatic-gluteal-R.dcm', study: FOLLOW_UP_STUDY, seriesNumber: 2, side: 'R', site: 'gluteal-fold', areaMm2: 70, aMm: 7.0, thetaDeg: 5, enlarged: true },
  { file: 'followup/visit-2/us-sciatic-midthigh-L.dcm', study: FOLLOW_UP_STUDY, seriesNumber: 3, side: 'L', site: 'mid-thigh', areaMm2: 42, aMm: 4.3, thetaDeg: 9, enlarged: false },
  { file: 'followup/visit-2/us-sciatic-midthigh-R.dcm', study: FOLLOW_UP_STUDY, seriesNumber: 4, side: 'R', site: 'mid-thigh', areaMm2: 60, aMm: 5.0, thetaDeg: -7, enlarged: true },
  { file: 'followup/visit-2/us-sciatic-distal-L.dcm', study: FOLLOW_UP_STUDY, seriesNumber: 5, side: 'L', site: 'distal-thigh-above-bifurcation', areaMm2: 36, aMm: 3.7, thetaDeg: 3, enlarged: false },
  { file: 'followup/visit-2/us-sciatic-distal-R.dcm', study: FOLLOW_UP_STUDY, seriesNumber: 6, side: 'R', site: 'distal-thigh-above-bifurcation', areaMm2: 50, aMm: 4.4, thetaDeg: -5, enlarged: true },
];

const SITE_TEXT: Record<Site, string> = { 'gluteal-fold': 'gluteal fold', 'mid-thigh': 'mid-thigh', 'distal-thigh-above-bifurcation': 'distal thigh' };

/** Writes one case under sampleDir and returns its manifest entry. */
export function writeFollowUpImage(sampleDir: string, c: FollowUpCase): ManifestFile {
  const key = `followup/${c.study.studyNumber}/${c.seriesNumber}`;
  const gluteal = c.site === 'gluteal-fold';
  const [cx, cy] = gluteal ? [18, 16.6] : [18.2, 19.1];
  const v: UsView = { width: W, height: H, region: REGION, dxMm: MM_PER_PX, dyMm: MM_PER_PX, lateralOffsetMm: 0 };
  const nerve = ellipseWithArea(cx, cy, c.aMm, c.areaMm2, c.thetaDeg);
  const style = c.enlarged ? ENLARGED_NERVE : NORMAL_NERVE;
  const tissue = makeTissue({
    seed: key,
    fatDepthMm: gluteal ? 7.8 : 6.2,
    nerve,
    fascicles: makeFascicles(nerve, style, `${key}/fascicles`),
    style,
    enlarged: c.enlarged,
    planeSlope: c.side === 'L' ? 0.1 : -0.09,
    bone: gluteal ? ISCHIUM : FEMUR,
    lumens: [],
    xRangeMm: [-2, 52],
    depthMm: 36,
  });
  const img = toBMode(renderEcho(tissue, v), speckleMagnitude(speckleField(key, W, H), 0, W, H), v);
  drawDepthScale(img, v, REGION.x1 + 10);
  drawMarkers(img, v, cy);
  const description = `Sciatic ${SITE_TEXT[c.site]} ${c.side}`;
  const series: SeriesInfo = { study: c.study, seriesNumber: c.seriesNumber, description };
  const ds = usDataset({
    series,
    instanceNumber: 1,
    rows: H,
    columns: W,
    samplesPerPixel: 1,
    pixels: img,
    frames: 1,
    regions: [{ box: REGION, deltaXCm: MM_PER_PX / 10, deltaYCm: MM_PER_PX / 10, dataType: 1 }],
    side: c.side,
    lateralityAttribute: 'ImageLaterality',
    bodyPart: gluteal ? 'BUTTOCK' : 'THIGH',
    modeBits: '0001',
    comments: `Synthetic B-mode phantom, sciatic nerve ${c.site} ${c.side}, ${c.study === US_STUDY ? 'first visit' : 'follow-up visit after treatment'}`,
  });
  const bytes = writePart10(ds, TS.EXPLICIT_LE);
  const path = join(sampleDir, c.file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
  return {
    file: c.file,
    modality: 'US',
    description,
    sopClassUid: ds.SOPClassUID as string,
    sopInstanceUid: ds.SOPInstanceUID as string,
    seriesInstanceUid: ds.SeriesInstanceUID as string,
    studyInstanceUid: ds.StudyInstanceUID as string,
    transferSyntaxUid: TS.EXPLICIT_LE,
    transferSyntaxName: TS_NAME[TS.EXPLICIT_LE]!,
    rows: H,
    columns: W,
    frames: 1,
    samplesPerPixel: 1,
    photometricInterpretation: 'MONOCHROME2',
    bitsAllocated: 8,
    bitsStored: 8,
    calibration: { source: 'us-region', rowSpacingMm: MM_PER_PX, columnSpacingMm: MM_PER_PX, regionIndex: 0 },
    side: c.side,
    sideAttribute: 'ImageLaterality',
    site: c.site,
    notes: `B-mode, ${c.study === US_STUDY ? 'first visit' : 'second visit (after treatment)'}, ${c.enlarged ? 'enlarged' : 'normal-sized'} nerve.`,
    nerves: [nerveEntry(nerve, usPixelMap(v), c.site, c.side, 0)],
    sizeBytes: bytes.length,
  };
}
