/**
 * sample-dicom/manifest.json: ground truth for every generated file.
 * Outlines are in 0-based image pixel coordinates (x = column, y = row, pixel centres at
 * integer positions) and trace the INNER border of the hyperechoic epineurial rim (US) or the
 * boundary between the bright nerve and its dark perineural fat rim (MR).
 */
import type { PhantomManifest } from './phantoms/files.ts';
import { type Ellipse, type PixelMap, type Vec2, ellipseArea, ellipsePerimeter, ellipsePoints, mmToPx, polygonArea, polygonCentroid, polygonPerimeter } from './geometry.ts';

export type Side = 'L' | 'R';
export type Site = 'gluteal-fold' | 'mid-thigh' | 'distal-thigh-above-bifurcation';

export interface ManifestCalibration {
  source: 'us-region' | 'pixel-spacing' | 'none';
  rowSpacingMm: number | null;
  columnSpacingMm: number | null;
  /** Index of the ultrasound region holding the calibration (us-region only). */
  regionIndex?: number;
  /** For 'none': the true scale, recoverable from the burned-in depth ticks. */
  trueRowSpacingMm?: number;
  trueColumnSpacingMm?: number;
}

export interface ManifestNerve {
  nerve: 'sciatic';
  site: Site;
  side: Side;
  frame: number;
  /** Closed polygon (first point not repeated), >= 64 points. */
  outline: Vec2[];
  centroid: Vec2;
  /** Analytic area of the phantom ellipse (pi a b, semi-axes in mm). */
  areaMm2: number;
  /** Analytic perimeter (Ramanujan) in mm. */
  perimeterMm: number;
  /** Analytic area in pixel units (areaMm2 / (rowSpacing * columnSpacing)). */
  areaPx2: number;
  /** Shoelace area / length of the outline polygon, for cross-checking (within 0.5 % of the analytic values). */
  polygonAreaMm2: number;
  polygonPerimeterMm: number;
  /** Phantom parameters: semi-axes (mm) and rotation (degrees, image axes, clockwise on screen). */
  semiAxesMm: [number, number];
  rotationDeg: number;
}

export interface ManifestFile {
  file: string;
  modality: 'US' | 'MR';
  description: string;
  sopClassUid: string;
  sopInstanceUid: string;
  seriesInstanceUid: string;
  studyInstanceUid: string;
  transferSyntaxUid: string;
  transferSyntaxName: string;
  rows: number;
  columns: number;
  frames: number;
  samplesPerPixel: number;
  photometricInterpretation: string;
  bitsAllocated: number;
  bitsStored: number;
  calibration: ManifestCalibration;
  side?: Side;
  /** Attribute that records the side in the file: ImageLaterality (0020,0062) or series Laterality (0020,0060). */
  sideAttribute?: 'ImageLaterality' | 'Laterality';
  site?: Site;
  /** MR only. */
  instanceNumber?: number;
  imagePositionPatient?: [number, number, number];
  sliceLocationMm?: number;
  /** Uncompressed original this file was derived from. */
  derivedFrom?: string;
  lossy?: boolean;
  depthTicks?: { spacingMm: number; spacingPx: number; x: number; firstY: number; count: number; minorSpacingMm: number; minorSpacingPx: number };
  notes?: string;
  nerves: ManifestNerve[];
  sizeBytes?: number;
}

const OUTLINE_POINTS = 128;
const r3 = (v: number): number => Math.round(v * 1000) / 1000;
const r4 = (v: number): number => Math.round(v * 10000) / 10000;

/** Builds the ground-truth entry for an elliptical nerve given in physical mm and a mm->pixel map. */
export function nerveEntry(e: Ellipse, map: PixelMap, site: Site, side: Side, frame: number): ManifestNerve {
  const mm = ellipsePoints(e, OUTLINE_POINTS);
  const outline = mm.map((p) => mmToPx(map, p)).map(([x, y]): Vec2 => [r3(x), r3(y)]);
  const areaMm2 = ellipseArea(e);
  const perimeterMm = ellipsePerimeter(e);
  // Polygon check uses the rounded pixel outline converted back to mm.
  const back = outline.map(([x, y]): Vec2 => [(x - map.col0) * map.columnSpacingMm, (y - map.row0) * map.rowSpacingMm]);
  const polygonAreaMm2 = polygonArea(back);
  const polygonPerimeterMm = polygonPerimeter(back);
  if (Math.abs(polygonAreaMm2 / areaMm2 - 1) > 0.005 || Math.abs(polygonPerimeterMm / perimeterMm - 1) > 0.005) {
    throw new Error(`outline polygon disagrees with the analytic ellipse (${polygonAreaMm2} vs ${areaMm2})`);
  }
  const centroid = polygonCentroid(outline);
  return {
    nerve: 'sciatic',
    site,
    side,
    frame,
    outline,
    centroid: [r3(centroid[0]), r3(centroid[1])],
    areaMm2: r4(areaMm2),
    perimeterMm: r4(perimeterMm),
    areaPx2: r3(areaMm2 / (map.rowSpacingMm * map.columnSpacingMm)),
    polygonAreaMm2: r4(polygonAreaMm2),
    polygonPerimeterMm: r4(polygonPerimeterMm),
    semiAxesMm: [r4(e.a), r4(e.b)],
    rotationDeg: r3((e.theta * 180) / Math.PI),
  };
}

export interface Manifest {
  generator: string;
  description: string;
  conventions: Record<string, string>;
  patient: { name: string; id: string };
  studies: Array<{ studyInstanceUid: string; modality: string; description: string }>;
  files: ManifestFile[];
  /** Tracing phantoms (sample-dicom/phantoms/), not part of the sample study. */
  tracingPhantoms?: PhantomManifest;
}

/** Stable JSON: outlines on one line each, everything else indented. */
export function manifestJson(m: Manifest): string {
  const json = JSON.stringify(m, null, 2);
  // Collapse [x, y] pairs onto single lines to keep the file readable.
  return json.replace(/\[\s+(-?[\d.e+-]+),\s+(-?[\d.e+-]+)\s+\]/g, '[$1, $2]').replace(/\[\s+(-?[\d.e+-]+),\s+(-?[\d.e+-]+),\s+(-?[\d.e+-]+)\s+\]/g, '[$1, $2, $3]') + '\n';
}
