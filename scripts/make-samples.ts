/**
 * Generates the synthetic sample study in sample-dicom/ (run: `npm run samples`).
 *
 * Deterministic: seeded PRNG, fixed UIDs under a fixed 2.25 root, fixed dates; running it
 * again produces identical bytes. Compressed variants need Debian dcmtk (dcmcjpeg, dcmcjpls,
 * dcmcrle, dcmconv); without it they are skipped with a message and existing files are kept.
 * JPEG 2000 uses the OpenJPEG WebAssembly encoder shipped with @cornerstonejs/codec-openjpeg.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeJ2kLossless, missingDcmtkTools, runDcmtk } from './samples/compress.ts';
import { type MrSliceDatasetSpec, type UsRegionSpec, mrDataset, usDataset } from './samples/datasets.ts';
import { type Dataset, MR_STUDY, SOP, TS, TS_NAME, type SeriesInfo, US_STUDY, instanceUid, readBack, seriesUid, uid, writePart10 } from './samples/dicom.ts';
import { type Ellipse, type PixelMap, ellipseWithArea } from './samples/geometry.ts';
import { type Manifest, type ManifestFile, type ManifestNerve, type Side, type Site, manifestJson, nerveEntry } from './samples/manifest.ts';
import { type MrThigh, localToPatient, renderMrSlice } from './samples/mri.ts';
import { type PhantomManifest, writeTracingPhantoms } from './samples/phantoms/files.ts';
import { ENLARGED_NERVE, NORMAL_NERVE, type NerveStyle, makeFascicles } from './samples/nerve.ts';
import {
  type Bone,
  type Flow,
  type Lumen,
  type RegionBox,
  type UsView,
  dopplerRgb,
  drawDepthScale,
  drawMarkers,
  makeTissue,
  renderEcho,
  speckleField,
  speckleMagnitude,
  toBMode,
  usPixelMap,
} from './samples/ultrasound.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'sample-dicom');

const files: ManifestFile[] = [];
const log = (msg: string): void => console.log(msg);

function save(rel: string, bytes: Uint8Array): void {
  const p = join(OUT, rel);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, bytes);
}

/** Checks that dcmjs can read the file back and the pixel data has the expected length. */
function checkRoundTrip(bytes: Uint8Array, expectedPixelBytes: number): void {
  const ds = readBack(bytes);
  const pd = ds.PixelData as ArrayBuffer[] | undefined;
  const len = pd?.[0]?.byteLength ?? -1;
  if (len !== expectedPixelBytes) throw new Error(`pixel data length ${len}, expected ${expectedPixelBytes}`);
}

// ---------------------------------------------------------------------------------------------
// Ultrasound
// ---------------------------------------------------------------------------------------------

const US_W = 640;
const US_H = 480;
const US_REGION: RegionBox = { x0: 80, y0: 40, x1: 559, y1: 471 };

interface UsNerveCase {
  readonly key: string;
  readonly file: string;
  readonly seriesNumber: number;
  readonly description: string;
  readonly side: Side;
  readonly site: Site;
  readonly areaMm2: number;
  readonly aMm: number;
  readonly thetaDeg: number;
  readonly cx: number;
  readonly cy: number;
  readonly fatDepthMm: number;
  readonly planeSlope: number;
  readonly bone: Bone | null;
  readonly enlarged: boolean;
  readonly dxMm: number;
  readonly dyMm: number;
}

const bodyPart = (site: Site): 'THIGH' | 'BUTTOCK' => (site === 'gluteal-fold' ? 'BUTTOCK' : 'THIGH');
const ISCHIUM: Bone = { x: 34, depth: 22, halfWidth: 7, curvature: 0.05 };
const FEMUR_US: Bone = { x: 3, depth: 28.5, halfWidth: 8, curvature: 0.04 };

const BMODE_CASES: UsNerveCase[] = [
  { key: 'us-gluteal-L', file: 'us/us-sciatic-gluteal-L.dcm', seriesNumber: 1, description: 'Sciatic gluteal fold L', side: 'L', site: 'gluteal-fold', areaMm2: 50, aMm: 6.0, thetaDeg: -7, cx: 17.5, cy: 16.5, fatDepthMm: 8, planeSlope: 0.12, bone: ISCHIUM, enlarged: false, dxMm: 0.075, dyMm: 0.075 },
  { key: 'us-gluteal-R', file: 'us/us-sciatic-gluteal-R.dcm', seriesNumber: 2, description: 'Sciatic gluteal fold R', side: 'R', site: 'gluteal-fold', areaMm2: 100, aMm: 8.2, thetaDeg: 6, cx: 18.5, cy: 16.8, fatDepthMm: 7.5, planeSlope: -0.1, bone: ISCHIUM, enlarged: true, dxMm: 0.075, dyMm: 0.075 },
  { key: 'us-midthigh-L', file: 'us/us-sciatic-midthigh-L.dcm', seriesNumber: 3, description: 'Sciatic mid-thigh L', side: 'L', site: 'mid-thigh', areaMm2: 42, aMm: 4.3, thetaDeg: 10, cx: 18.5, cy: 19, fatDepthMm: 6, planeSlope: -0.08, bone: FEMUR_US, enlarged: false, dxMm: 0.075, dyMm: 0.075 },
  { key: 'us-midthigh-R', file: 'us/us-sciatic-midthigh-R.dcm', seriesNumber: 4, description: 'Sciatic mid-thigh R', side: 'R', site: 'mid-thigh', areaMm2: 84, aMm: 5.9, thetaDeg: -8, cx: 18, cy: 19.2, fatDepthMm: 6.5, planeSlope: 0.09, bone: FEMUR_US, enlarged: true, dxMm: 0.075, dyMm: 0.075 },
];

function nerveStyle(enlarged: boolean): NerveStyle {
  return enlarged ? ENLARGED_NERVE : NORMAL_NERVE;
}

function usTissueFor(c: UsNerveCase, nerve: Ellipse, lumens: Lumen[] = [], xRange: [number, number] = [-2, 52]): ReturnType<typeof makeTissue> {
  return makeTissue({
    seed: c.key,
    fatDepthMm: c.fatDepthMm,
    nerve,
    fascicles: makeFascicles(nerve, nerveStyle(c.enlarged), `${c.key}/fascicles`),
    style: nerveStyle(c.enlarged),
    enlarged: c.enlarged,
    planeSlope: c.planeSlope,
    bone: c.bone,
    lumens,
    xRangeMm: xRange,
    depthMm: 36,
  });
}

function usRegion(v: UsView, dataType = 1, box: RegionBox = v.region): UsRegionSpec {
  return { box, deltaXCm: v.dxMm / 10, deltaYCm: v.dyMm / 10, dataType };
}

function usCalibration(v: UsView): ManifestFile['calibration'] {
  return { source: 'us-region', rowSpacingMm: v.dyMm, columnSpacingMm: v.dxMm, regionIndex: 0 };
}

function usFileEntry(file: string, ds: Dataset, frames: number, samples: number, calibration: ManifestFile['calibration'], side: Side, site: Site, nerves: ManifestNerve[], notes: string): ManifestFile {
  return {
    file,
    modality: 'US',
    description: ds.SeriesDescription as string,
    sopClassUid: ds.SOPClassUID as string,
    sopInstanceUid: ds.SOPInstanceUID as string,
    seriesInstanceUid: ds.SeriesInstanceUID as string,
    studyInstanceUid: ds.StudyInstanceUID as string,
    transferSyntaxUid: TS.EXPLICIT_LE,
    transferSyntaxName: TS_NAME[TS.EXPLICIT_LE]!,
    rows: ds.Rows as number,
    columns: ds.Columns as number,
    frames,
    samplesPerPixel: samples,
    photometricInterpretation: ds.PhotometricInterpretation as string,
    bitsAllocated: 8,
    bitsStored: 8,
    calibration,
    side,
    sideAttribute: ds.ImageLaterality ? 'ImageLaterality' : 'Laterality',
    site,
    notes,
    nerves,
  };
}

/** Source datasets kept for the compressed variants. */
const sources = new Map<string, { ds: Dataset; entry: ManifestFile }>();

function writeBmodeCase(c: UsNerveCase): void {
  const v: UsView = { width: US_W, height: US_H, region: US_REGION, dxMm: c.dxMm, dyMm: c.dyMm, lateralOffsetMm: 0 };
  const nerve = ellipseWithArea(c.cx, c.cy, c.aMm, c.areaMm2, c.thetaDeg);
  const tissue = usTissueFor(c, nerve);
  const E = renderEcho(tissue, v);
  const sp = speckleField(c.key, US_W, US_H);
  const img = toBMode(E, speckleMagnitude(sp, 0, US_W, US_H), v);
  drawDepthScale(img, v, US_REGION.x1 + 10);
  drawMarkers(img, v, c.cy);
  const series: SeriesInfo = { study: US_STUDY, seriesNumber: c.seriesNumber, description: c.description };
  const ds = usDataset({
    series,
    instanceNumber: 1,
    rows: US_H,
    columns: US_W,
    samplesPerPixel: 1,
    pixels: img,
    frames: 1,
    regions: [usRegion(v)],
    side: c.side,
    lateralityAttribute: 'ImageLaterality',
    bodyPart: bodyPart(c.site),
    modeBits: '0001',
    comments: `Synthetic B-mode phantom, sciatic nerve ${c.site} ${c.side}${c.enlarged ? ', enlarged (tumour infiltration)' : ''}`,
  });
  const bytes = writePart10(ds, TS.EXPLICIT_LE);
  checkRoundTrip(bytes, US_W * US_H);
  save(c.file, bytes);
  const entry = usFileEntry(c.file, ds, 1, 1, usCalibration(v), c.side, c.site, [nerveEntry(nerve, usPixelMap(v), c.site, c.side, 0)], `B-mode, ${c.enlarged ? 'enlarged nerve (about twice the contralateral area)' : 'normal-sized nerve'}.`);
  files.push(entry);
  sources.set(c.key, { ds, entry });
  log(`  ${c.file}`);
}

function writeDopplerCase(): void {
  const c: UsNerveCase = { ...BMODE_CASES[3]!, key: 'us-midthigh-R-doppler', file: 'us/us-sciatic-midthigh-R-doppler-rgb.dcm', seriesNumber: 5, description: 'Sciatic mid-thigh R colour Doppler', cx: 17.2, cy: 18.6, thetaDeg: -5 };
  const v: UsView = { width: US_W, height: US_H, region: US_REGION, dxMm: 0.075, dyMm: 0.075, lateralOffsetMm: 0 };
  const nerve = ellipseWithArea(c.cx, c.cy, c.aMm, c.areaMm2, c.thetaDeg);
  const artery = { x: c.cx + c.aMm + 2.3, y: c.cy - 1.2, r: 1.1 };
  const vein = { x: c.cx - c.aMm - 2.6, y: c.cy + 1.6, r: 1.5 };
  const lumens: Lumen[] = [
    { ...artery, wallEcho: 0.8 },
    { ...vein, wallEcho: 0.45 },
  ];
  const tissue = usTissueFor(c, nerve, lumens);
  const E = renderEcho(tissue, v);
  const grey = toBMode(E, speckleMagnitude(speckleField(c.key, US_W, US_H), 0, US_W, US_H), v);
  drawDepthScale(grey, v, US_REGION.x1 + 10);
  drawMarkers(grey, v, c.cy);
  // Intraneural hypervascularity (tumour) plus the companion artery and a vein.
  const flows: Flow[] = [
    { ...artery, peak: 1.0 },
    { ...vein, peak: -0.7 },
    { x: c.cx - 2.1, y: c.cy - 1.4, r: 0.6, peak: 0.75 },
    { x: c.cx + 1.6, y: c.cy + 1.8, r: 0.5, peak: -0.6 },
    { x: c.cx + 3.2, y: c.cy - 0.6, r: 0.45, peak: 0.55 },
    { x: c.cx - 0.4, y: c.cy + 0.3, r: 0.4, peak: 0.5 },
  ];
  const boxMm = { x0: c.cx - 11.5, y0: c.cy - 8, x1: c.cx + 11.5, y1: c.cy + 8 };
  const { rgb, boxPx } = dopplerRgb(grey, v, boxMm, flows, c.key);
  const series: SeriesInfo = { study: US_STUDY, seriesNumber: c.seriesNumber, description: c.description };
  const ds = usDataset({
    series,
    instanceNumber: 1,
    rows: US_H,
    columns: US_W,
    samplesPerPixel: 3,
    pixels: rgb,
    frames: 1,
    regions: [usRegion(v), usRegion(v, 2, boxPx)],
    side: c.side,
    lateralityAttribute: 'ImageLaterality',
    bodyPart: 'THIGH',
    modeBits: '0011',
    comments: 'Synthetic colour Doppler phantom: intraneural flow in an enlarged right sciatic nerve',
  });
  const bytes = writePart10(ds, TS.EXPLICIT_LE);
  checkRoundTrip(bytes, US_W * US_H * 3);
  save(c.file, bytes);
  files.push(
    usFileEntry(c.file, ds, 1, 3, usCalibration(v), c.side, c.site, [nerveEntry(nerve, usPixelMap(v), c.site, c.side, 0)], 'RGB (PlanarConfiguration 0). Region 0 = 2D tissue, region 1 = colour-flow box (same scale).'),
  );
  log(`  ${c.file}`);
}

function writeCineCase(): void {
  const W = 320;
  const H = 240;
  const region: RegionBox = { x0: 24, y0: 16, x1: 295, y1: 231 };
  const d = 0.15;
  const frames = 30;
  const maxShift = 26;
  const base: UsNerveCase = { ...BMODE_CASES[0]!, key: 'us-gluteal-L-cine', file: 'us/us-sciatic-gluteal-L-cine.dcm', seriesNumber: 6, description: 'Sciatic gluteal fold L cine', cx: 20.4, cy: 16.2 };
  const nerve0 = ellipseWithArea(base.cx, base.cy, base.aMm, base.areaMm2, base.thetaDeg);
  const tissue = usTissueFor(base, nerve0, [], [-12, 62]);
  const world = speckleField(base.key, W + maxShift, H);
  const all = new Uint8Array(W * H * frames);
  const nerves: ManifestNerve[] = [];
  let firstView: UsView | null = null;
  for (let f = 0; f < frames; f++) {
    const s = f / (frames - 1);
    const shiftPx = Math.round(maxShift * s);
    const v: UsView = { width: W, height: H, region, dxMm: d, dyMm: d, lateralOffsetMm: shiftPx * d };
    firstView ??= v;
    const area = base.areaMm2 - 4 * s;
    const nerve = ellipseWithArea(base.cx + 1.2 * s + 0.3 * Math.sin((2 * Math.PI * f) / 12), base.cy + 0.8 * s + 0.15 * Math.sin((2 * Math.PI * f) / 9), base.aMm - 0.7 * s, area, base.thetaDeg + 5 * s);
    const t = { ...tissue, nerve };
    const E = renderEcho(t, v);
    const fresh = speckleField(`${base.key}/frame${f}`, W, H);
    const img = toBMode(E, speckleMagnitude(world, shiftPx, W, H, fresh, 0.15), v);
    drawDepthScale(img, v, region.x1 + 10);
    drawMarkers(img, v, nerve.cy);
    all.set(img, f * W * H);
    nerves.push(nerveEntry(nerve, usPixelMap(v), base.site, base.side, f));
  }
  const v0 = firstView!;
  const series: SeriesInfo = { study: US_STUDY, seriesNumber: base.seriesNumber, description: base.description };
  const ds = usDataset({
    series,
    instanceNumber: 1,
    rows: H,
    columns: W,
    samplesPerPixel: 1,
    pixels: all,
    frames,
    frameTimeMs: 40,
    regions: [usRegion(v0)],
    side: base.side,
    lateralityAttribute: 'Laterality',
    bodyPart: 'BUTTOCK',
    modeBits: '0001',
    comments: 'Synthetic cine: probe sliding distally, the nerve drifts and flattens slightly',
  });
  const bytes = writePart10(ds, TS.EXPLICIT_LE);
  checkRoundTrip(bytes, W * H * frames);
  save(base.file, bytes);
  files.push(usFileEntry(base.file, ds, frames, 1, usCalibration(v0), base.side, base.site, nerves, `Multi-frame cine, ${frames} frames at 40 ms (25 fps). One nerve entry per frame; frame indices are 0-based.`));
  log(`  ${base.file}`);
}

function writeUncalibratedCase(): void {
  const d = 0.0625; // true scale, only recoverable from the burned-in depth ticks (10 mm = 160 px)
  const c: UsNerveCase = { ...BMODE_CASES[1]!, key: 'us-gluteal-R-uncal', file: 'us/us-sciatic-gluteal-R-uncalibrated.dcm', seriesNumber: 7, description: 'Sciatic gluteal fold R uncalibrated', cx: 15, cy: 14.5, thetaDeg: 4, bone: { x: 28, depth: 21, halfWidth: 6, curvature: 0.05 }, fatDepthMm: 6.5 };
  const v: UsView = { width: US_W, height: US_H, region: US_REGION, dxMm: d, dyMm: d, lateralOffsetMm: 0 };
  const nerve = ellipseWithArea(c.cx, c.cy, c.aMm, c.areaMm2, c.thetaDeg);
  const tissue = usTissueFor(c, nerve);
  const E = renderEcho(tissue, v);
  const img = toBMode(E, speckleMagnitude(speckleField(c.key, US_W, US_H), 0, US_W, US_H), v);
  const ticks = drawDepthScale(img, v, US_REGION.x1 + 10);
  drawMarkers(img, v, c.cy);
  const series: SeriesInfo = { study: US_STUDY, seriesNumber: c.seriesNumber, description: c.description };
  const ds = usDataset({
    series,
    instanceNumber: 1,
    rows: US_H,
    columns: US_W,
    samplesPerPixel: 1,
    pixels: img,
    frames: 1,
    regions: [],
    side: c.side,
    lateralityAttribute: 'ImageLaterality',
    bodyPart: 'BUTTOCK',
    modeBits: '0001',
    comments: 'No calibration in the header: use the depth scale (long ticks every 10 mm, short ticks every 5 mm)',
  });
  const bytes = writePart10(ds, TS.EXPLICIT_LE);
  checkRoundTrip(bytes, US_W * US_H);
  save(c.file, bytes);
  const entry = usFileEntry(
    c.file,
    ds,
    1,
    1,
    { source: 'none', rowSpacingMm: null, columnSpacingMm: null, trueRowSpacingMm: d, trueColumnSpacingMm: d },
    c.side,
    c.site,
    [nerveEntry(nerve, usPixelMap(v), c.site, c.side, 0)],
    'No Sequence of Ultrasound Regions and no PixelSpacing. Square pixels; areaMm2 uses the true scale given by the depth ticks.',
  );
  entry.depthTicks = { spacingMm: 10, spacingPx: Math.round(10 / d), x: ticks.x, firstY: ticks.firstY, count: ticks.majorRows.length, minorSpacingMm: 5, minorSpacingPx: Math.round(5 / d) };
  files.push(entry);
  log(`  ${c.file}`);
}

function writeAnisotropicCase(): void {
  const c: UsNerveCase = { ...BMODE_CASES[2]!, key: 'us-midthigh-L-aniso', file: 'us/us-sciatic-midthigh-L-anisotropic.dcm', seriesNumber: 8, description: 'Sciatic mid-thigh L anisotropic pixels', cx: 24, cy: 18.5, thetaDeg: 0, dxMm: 0.1, dyMm: 0.075, bone: { ...FEMUR_US, x: 6 } };
  const v: UsView = { width: US_W, height: US_H, region: US_REGION, dxMm: c.dxMm, dyMm: c.dyMm, lateralOffsetMm: 0 };
  const r = Math.sqrt(c.areaMm2 / Math.PI);
  const nerve: Ellipse = { cx: c.cx, cy: c.cy, a: r, b: r, theta: 0 };
  const tissue = usTissueFor(c, nerve, [], [-2, 62]);
  const E = renderEcho(tissue, v);
  const img = toBMode(E, speckleMagnitude(speckleField(c.key, US_W, US_H), 0, US_W, US_H), v);
  drawDepthScale(img, v, US_REGION.x1 + 10);
  drawMarkers(img, v, c.cy);
  const series: SeriesInfo = { study: US_STUDY, seriesNumber: c.seriesNumber, description: c.description };
  const ds = usDataset({
    series,
    instanceNumber: 1,
    rows: US_H,
    columns: US_W,
    samplesPerPixel: 1,
    pixels: img,
    frames: 1,
    regions: [usRegion(v)],
    side: c.side,
    lateralityAttribute: 'ImageLaterality',
    bodyPart: 'THIGH',
    modeBits: '0001',
    comments: 'Anisotropic region calibration (0.01 cm/column, 0.0075 cm/row): round nerve appears as a tall ellipse in pixels',
  });
  const bytes = writePart10(ds, TS.EXPLICIT_LE);
  checkRoundTrip(bytes, US_W * US_H);
  save(c.file, bytes);
  files.push(
    usFileEntry(c.file, ds, 1, 1, usCalibration(v), c.side, c.site, [nerveEntry(nerve, usPixelMap(v), c.site, c.side, 0)], 'PhysicalDeltaX 0.01 cm != PhysicalDeltaY 0.0075 cm; the nerve is a circle in mm (elliptical in pixels).'),
  );
  log(`  ${c.file}`);
}

// ---------------------------------------------------------------------------------------------
// MR
// ---------------------------------------------------------------------------------------------

const MR_ROWS = 256;
const MR_COLS = 512;
const MR_SPACING = 0.7;
const MR_SLICES = 16;
const MR_FOR_UID = uid(2, 0, 1);
const MR_MAP: PixelMap = { col0: (MR_COLS - 1) / 2, row0: (MR_ROWS - 1) / 2, columnSpacingMm: MR_SPACING, rowSpacingMm: MR_SPACING };
const MR_SERIES: SeriesInfo = { study: MR_STUDY, seriesNumber: 1, description: 'MR axial thigh STIR' };
const mrFile = (k: number): string => `mr/mr-stir-axial-${String(k + 1).padStart(2, '0')}.dcm`;
const MR_NORMAL = { spacingMm: 1.5, rMinMm: 0.42, rMaxMm: 0.6, marginMm: 0.2 };
const MR_ENLARGED = { spacingMm: 2.0, rMinMm: 0.6, rMaxMm: 0.9, marginMm: 0.25 };

interface MrSlice {
  spec: MrSliceDatasetSpec;
  entry: ManifestFile;
}
const mrSlices: MrSlice[] = [];

function mrThighs(k: number): { thighs: MrThigh[]; nerves: Array<{ side: Side; e: Ellipse }> } {
  const s = k / (MR_SLICES - 1);
  const leftArea = 44 - 4 * s;
  const bulge = 1 + 0.1 * Math.exp(-(((k - 8) / 3.5) ** 2));
  const thighs: MrThigh[] = [];
  const nerves: Array<{ side: Side; e: Ellipse }> = [];
  for (const side of ['R', 'L'] as const) {
    const t0: MrThigh = {
      side,
      cx: side === 'R' ? -86 : 86,
      cy: 0,
      skinMl: 66 - 3 * s,
      skinAp: 60 - 3 * s,
      nerve: { ellipse: { cx: 0, cy: 0, a: 1, b: 1, theta: 0 }, fascicles: [], marginMm: 0, fascicleSignal: 0, stromaSignal: 0 },
    };
    const [x, y] = localToPatient(t0, 1 + 2 * s, 28 - 2 * s);
    const enlarged = side === 'R';
    const area = enlarged ? 2 * leftArea * bulge : leftArea;
    const a = enlarged ? 6.3 - 0.3 * s : 4.35 - 0.2 * s;
    const theta = (side === 'R' ? 1 : -1) * (12 - 4 * s);
    const e = ellipseWithArea(x, y, a, area, theta);
    const style = enlarged ? MR_ENLARGED : MR_NORMAL;
    // Fascicle pattern fixed per nerve (normalised coordinates), so it is continuous across slices.
    const nominal = ellipseWithArea(0, 0, a, area, 0);
    thighs.push({
      ...t0,
      nerve: {
        ellipse: e,
        fascicles: makeFascicles(nominal, style, `mr-nerve-${side}`),
        marginMm: style.marginMm,
        fascicleSignal: enlarged ? 1900 : 1650,
        stromaSignal: enlarged ? 700 : 560,
      },
    });
    nerves.push({ side, e });
  }
  return { thighs, nerves };
}

function writeMrSeries(): void {
  for (let k = 0; k < MR_SLICES; k++) {
    const z = -400 - 5 * k;
    const { thighs, nerves } = mrThighs(k);
    const pixels = renderMrSlice({ rows: MR_ROWS, columns: MR_COLS, map: MR_MAP, thighs, seed: `mr-slice-${k}`, noiseSigma: 20 });
    const ipp: [number, number, number] = [-MR_MAP.col0 * MR_SPACING, -MR_MAP.row0 * MR_SPACING, z];
    const spec: MrSliceDatasetSpec = {
      series: MR_SERIES,
      instanceNumber: k + 1,
      rows: MR_ROWS,
      columns: MR_COLS,
      pixelSpacing: [MR_SPACING, MR_SPACING],
      imagePositionPatient: ipp,
      sliceThicknessMm: 4,
      spacingBetweenSlicesMm: 5,
      frameOfReferenceUid: MR_FOR_UID,
      pixels,
      windowCenter: 750,
      windowWidth: 1500,
    };
    const ds = mrDataset(spec);
    const bytes = writePart10(ds, TS.EXPLICIT_LE);
    checkRoundTrip(bytes, MR_ROWS * MR_COLS * 2);
    const file = mrFile(k);
    save(file, bytes);
    const entry: ManifestFile = {
      file,
      modality: 'MR',
      description: MR_SERIES.description,
      sopClassUid: SOP.MR,
      sopInstanceUid: ds.SOPInstanceUID as string,
      seriesInstanceUid: ds.SeriesInstanceUID as string,
      studyInstanceUid: MR_STUDY.StudyInstanceUID,
      transferSyntaxUid: TS.EXPLICIT_LE,
      transferSyntaxName: TS_NAME[TS.EXPLICIT_LE]!,
      rows: MR_ROWS,
      columns: MR_COLS,
      frames: 1,
      samplesPerPixel: 1,
      photometricInterpretation: 'MONOCHROME2',
      bitsAllocated: 16,
      bitsStored: 12,
      calibration: { source: 'pixel-spacing', rowSpacingMm: MR_SPACING, columnSpacingMm: MR_SPACING },
      site: 'mid-thigh',
      instanceNumber: k + 1,
      imagePositionPatient: ipp,
      sliceLocationMm: z,
      notes: "Both thighs; patient's right is on the image left. Right nerve enlarged (fusiform, maximal near slice 9).",
      nerves: nerves.map((n) => nerveEntry(n.e, MR_MAP, 'mid-thigh', n.side, 0)),
    };
    files.push(entry);
    mrSlices.push({ spec, entry });
  }
  log(`  mr/mr-stir-axial-01..${MR_SLICES}.dcm`);
}

// ---------------------------------------------------------------------------------------------
// Compressed / alternative transfer syntax variants
// ---------------------------------------------------------------------------------------------

interface Variant {
  readonly file: string;
  readonly ts: string;
  readonly suffix: string;
  readonly seriesNumber: number;
  readonly tool?: { name: 'dcmcjpeg' | 'dcmcjpls' | 'dcmcrle' | 'dcmconv'; args: string[] };
}

const MR_VARIANT_SLICE = 8; // 0-based: the ninth slice, near the largest right nerve
const MR_VARIANTS: Variant[] = [
  { file: 'mr/compressed/mr-stir-axial-09-rle.dcm', ts: TS.RLE, suffix: 'RLE', seriesNumber: 101, tool: { name: 'dcmcrle', args: [] } },
  { file: 'mr/compressed/mr-stir-axial-09-jpegls.dcm', ts: TS.JPEG_LS_LOSSLESS, suffix: 'JPEG-LS', seriesNumber: 102, tool: { name: 'dcmcjpls', args: ['+el'] } },
  { file: 'mr/compressed/mr-stir-axial-09-j2k.dcm', ts: TS.JPEG2000_LOSSLESS, suffix: 'JPEG 2000', seriesNumber: 103 },
  { file: 'mr/compressed/mr-stir-axial-09-bigendian.dcm', ts: TS.EXPLICIT_BE, suffix: 'Explicit VR Big Endian', seriesNumber: 104, tool: { name: 'dcmconv', args: ['+tb'] } },
  { file: 'mr/compressed/mr-stir-axial-09-deflate.dcm', ts: TS.DEFLATED, suffix: 'Deflated', seriesNumber: 105, tool: { name: 'dcmconv', args: ['+td', '+cl', '6'] } },
];
const US_JPEG: Variant = { file: 'us/compressed/us-sciatic-gluteal-L-jpeg-baseline.dcm', ts: TS.JPEG_BASELINE, suffix: 'JPEG baseline', seriesNumber: 9, tool: { name: 'dcmcjpeg', args: ['+eb', '+q', '90', '+un'] } };

function variantDataset(src: Dataset, series: SeriesInfo): Dataset {
  return {
    ...src,
    SeriesInstanceUID: seriesUid(series),
    SeriesNumber: series.seriesNumber,
    SeriesDescription: series.description,
    SOPInstanceUID: instanceUid(series, 1),
    InstanceNumber: 1,
    DerivationDescription: `Same pixels as series ${String(src.SeriesNumber)} instance ${String(src.InstanceNumber)}, re-encoded`,
  };
}

function variantEntry(src: ManifestFile, ds: Dataset, v: Variant, lossy: boolean): ManifestFile {
  return {
    ...src,
    file: v.file,
    description: ds.SeriesDescription as string,
    sopInstanceUid: ds.SOPInstanceUID as string,
    seriesInstanceUid: ds.SeriesInstanceUID as string,
    transferSyntaxUid: v.ts,
    transferSyntaxName: TS_NAME[v.ts]!,
    instanceNumber: src.modality === 'MR' ? 1 : undefined,
    derivedFrom: src.file,
    lossy,
    notes: `${TS_NAME[v.ts]} copy of ${src.file}${lossy ? ' (lossy: pixel values differ slightly; geometry unchanged)' : ' (pixel values identical)'}.`,
    nerves: src.nerves,
  };
}

async function writeVariants(): Promise<ManifestFile[]> {
  const out: ManifestFile[] = [];
  const missing = missingDcmtkTools();
  const haveDcmtk = missing.length === 0;
  if (!haveDcmtk) {
    log(`  ! dcmtk not found (missing: ${missing.join(', ')}): skipping the JPEG baseline, RLE, JPEG-LS, big endian and deflate`);
    log('    variants. Existing files under sample-dicom/*/compressed/ are kept. Install with: apt-get install -y dcmtk');
  }
  const tmp = mkdtempSync(join(tmpdir(), 'nervetrace-samples-'));
  try {
    const jobs: Array<{ v: Variant; src: Dataset; srcEntry: ManifestFile; study: typeof US_STUDY; base: string }> = [];
    const us = sources.get('us-gluteal-L')!;
    jobs.push({ v: US_JPEG, src: us.ds, srcEntry: us.entry, study: US_STUDY, base: 'Sciatic gluteal fold L' });
    const mr = mrSlices[MR_VARIANT_SLICE]!;
    const mrDs = mrDataset(mr.spec);
    for (const v of MR_VARIANTS) jobs.push({ v, src: mrDs, srcEntry: mr.entry, study: MR_STUDY, base: MR_SERIES.description });

    for (const job of jobs) {
      const { v } = job;
      const series: SeriesInfo = { study: job.study, seriesNumber: v.seriesNumber, description: `${job.base} ${v.suffix}` };
      const ds = variantDataset(job.src, series);
      const lossy = v.ts === TS.JPEG_BASELINE;
      if (v.ts === TS.JPEG2000_LOSSLESS) {
        const pixels = mr.spec.pixels;
        const codestream = await encodeJ2kLossless(pixels, MR_COLS, MR_ROWS, 12);
        const j2kDs: Dataset = { ...ds, PixelData: [codestream.buffer.slice(codestream.byteOffset, codestream.byteOffset + codestream.byteLength)], _vrMap: { PixelData: 'OB' } };
        save(v.file, writePart10(j2kDs, v.ts));
        out.push(variantEntry(job.srcEntry, ds, v, false));
        log(`  ${v.file}`);
        continue;
      }
      if (!haveDcmtk || !v.tool) {
        if (existsSync(join(OUT, v.file))) out.push(variantEntry(job.srcEntry, ds, v, lossy));
        continue;
      }
      const inFile = join(tmp, 'in.dcm');
      const outFile = join(tmp, 'out.dcm');
      writeFileSync(inFile, writePart10(ds, TS.EXPLICIT_LE));
      rmSync(outFile, { force: true });
      runDcmtk(v.tool.name, [...v.tool.args, inFile, outFile]);
      save(v.file, readFileSync(outFile));
      out.push(variantEntry(job.srcEntry, ds, v, lossy));
      log(`  ${v.file}`);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  // Development aid: `--only=us`, `--only=mr` or `--only=phantoms` renders just that part and leaves manifest.json alone.
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  log(`Writing synthetic samples to ${OUT}${only ? ` (only ${only}; manifest not updated)` : ''}`);
  if (!only || only === 'us') {
    for (const c of BMODE_CASES) writeBmodeCase(c);
    writeDopplerCase();
    writeCineCase();
    writeUncalibratedCase();
    writeAnisotropicCase();
  }
  if (!only || only === 'mr') writeMrSeries();
  let phantoms: PhantomManifest | undefined;
  if (!only || only === 'phantoms') {
    phantoms = writeTracingPhantoms(save);
    log(`  phantoms/ (${phantoms.files.length} tracing phantoms)`);
  }
  if (only) return;
  const variants = await writeVariants();
  // Keep US entries, then MR originals, then variants; files sorted within each group by name.
  const all = [...files, ...variants];
  for (const f of all) {
    f.sizeBytes = statSync(join(OUT, f.file)).size;
    if (f.instanceNumber === undefined) delete f.instanceNumber;
  }
  const manifest: Manifest = {
    generator: 'scripts/make-samples.ts (npm run samples); deterministic, regenerating gives identical bytes',
    description:
      'Synthetic sciatic-nerve phantom: one patient, one ultrasound study and one MR study. The RIGHT sciatic nerve is enlarged about twofold in cross-sectional area (tumour infiltration).',
    conventions: {
      coordinates: '0-based image pixel coordinates: x = column, y = row; the centre of the pixel in column c, row r is the point (c, r).',
      outline: 'Closed polygon (first point not repeated) on the inner border of the hyperechoic epineurial rim (US) / the edge of the bright nerve inside its dark fat rim (MR).',
      areaMm2: 'Analytic area of the phantom ellipse, pi*a*b with semi-axes in mm; perimeterMm is Ramanujan\'s formula. polygonAreaMm2/polygonPerimeterMm are the outline polygon values (within 0.5 %).',
      areaPx2: 'areaMm2 divided by (rowSpacingMm * columnSpacingMm).',
      calibration: 'rowSpacingMm is the distance between rows (y), columnSpacingMm between columns (x). US regions use cm in the file (PhysicalDeltaX/Y); the manifest gives mm.',
      frame: '0-based frame index (multi-frame cine); 0 for single-frame images.',
      rotationDeg: 'Rotation of the ellipse a-axis from +x towards +y in the physical plane (clockwise on screen).',
      mrOrientation: "ImageOrientationPatient 1\\0\\0\\0\\1\\0 (LPS): columns increase towards the patient's left, so the patient's RIGHT thigh is on the image's LEFT; x = 0 (midline) is at the image centre.",
    },
    patient: { name: 'PHANTOM^SCIATIC', id: 'NT-0001' },
    studies: [
      { studyInstanceUid: US_STUDY.StudyInstanceUID, modality: 'US', description: US_STUDY.StudyDescription },
      { studyInstanceUid: MR_STUDY.StudyInstanceUID, modality: 'MR', description: MR_STUDY.StudyDescription },
    ],
    files: all,
    tracingPhantoms: phantoms,
  };
  writeFileSync(join(OUT, 'manifest.json'), manifestJson(manifest));
  log(`  manifest.json (${all.length} files)`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
