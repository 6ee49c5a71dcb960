/**
 * Generates sample-dicom/sample-session.json: a realistic NerveTrace session on the sample study
 * (run: `npx tsx scripts/make-sample-session.ts`; needs sample-dicom/ from `npm run samples`).
 *
 * - Sciatic nerve, left and right, at the gluteal fold (three tracings each: the manifest's true
 *   outline and two slightly different repeats) and at mid-thigh on the ultrasound images, and on
 *   MR slice 9 (both sides, side from patient coordinates).
 * - Real UIDs and file names of the sample files; calibrations as the files give them.
 * - EMG and NCS of a right sciatic neuropathy with peroneal-division predominance.
 * Every number is computed by the domain (resolveCalibration, measureContour, intensityInside),
 * so the file cannot disagree with what NerveTrace recomputes on load. Deterministic output.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { str } from '../src/dicom/values.ts';
import { parseDicomBytes } from '../src/dicom/parse.ts';
import { traceCalibration } from '../src/cli/calibration.ts';
import { sideForContour, sideFromTags } from '../src/cli/side.ts';
import { intensityInside, measureContour, type NerveMeasurement } from '../src/domain/measurement/index.ts';
import { DEFAULT_NCS_LIMITS } from '../src/domain/emg/index.ts';
import { DEFAULT_REFERENCE_SET, type SiteId } from '../src/domain/reference/index.ts';
import {
  rehydrateSession,
  serializeSession,
  validateSession,
  type Session,
  type SessionStudy,
} from '../src/domain/session/index.ts';
import type { ImagePoint, Side } from '../src/domain/types.ts';
import { SAMPLE_EMG, SAMPLE_NCS } from './sample-session/electrodiagnosis.ts';
import { pixelGrid, readSampleImage, type SampleImage } from './sample-session/images.ts';
import { fromManifest, perturbed } from './sample-session/outlines.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SAMPLE_DIR = join(ROOT, 'sample-dicom');
const OUT = join(SAMPLE_DIR, 'sample-session.json');
const CREATED = Date.parse('2025-01-15T09:30:00.000Z');

interface ManifestNerve {
  readonly site: SiteId;
  readonly side: Side;
  readonly frame: number;
  readonly outline: ReadonlyArray<readonly [number, number]>;
}
interface ManifestFile {
  readonly file: string;
  readonly nerves?: readonly ManifestNerve[];
}

const manifest = JSON.parse(readFileSync(join(SAMPLE_DIR, 'manifest.json'), 'utf8')) as { files: ManifestFile[] };
const appVersion = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** Which tracings to make: the true outline, then repeats (scale, turn in degrees, jitter in px). */
const REPEATS = [
  { scale: 1, turnDeg: 0, jitterPx: 0 },
  { scale: 1.018, turnDeg: 1.5, jitterPx: 0.3 },
  { scale: 0.984, turnDeg: -1.2, jitterPx: 0.3 },
] as const;

const PLAN: ReadonlyArray<{ file: string; side: Side; tracings: number }> = [
  { file: 'us/us-sciatic-gluteal-L.dcm', side: 'L', tracings: 3 },
  { file: 'us/us-sciatic-gluteal-R.dcm', side: 'R', tracings: 3 },
  { file: 'us/us-sciatic-midthigh-L.dcm', side: 'L', tracings: 1 },
  { file: 'us/us-sciatic-midthigh-R.dcm', side: 'R', tracings: 1 },
  { file: 'mr/mr-stir-axial-09.dcm', side: 'R', tracings: 1 },
  { file: 'mr/mr-stir-axial-09.dcm', side: 'L', tracings: 1 },
];

const images = new Map<string, SampleImage>(manifest.files.map((f) => [f.file, readSampleImage(SAMPLE_DIR, f.file)]));
const image = (file: string): SampleImage => images.get(file)!;
const minutesAfterStart = (n: number): string => new Date(CREATED + n * 60_000).toISOString();

function measure(plan: (typeof PLAN)[number], tracing: number, index: number): NerveMeasurement {
  const img = image(plan.file);
  const entry = manifest.files.find((f) => f.file === plan.file)!.nerves!.find((n) => n.side === plan.side)!;
  const truth = fromManifest(entry.outline);
  const r = REPEATS[tracing]!;
  const contour: ImagePoint[] = tracing === 0 ? truth : perturbed(truth, r.scale, r.turnDeg, r.jitterPx, 1000 + index);
  const calibration = traceCalibration(img.meta, contour);
  if (!calibration.ok) throw new Error(`${plan.file}: ${calibration.error}`);
  const metrics = measureContour(contour, calibration.value);
  if (!metrics.ok) throw new Error(`${plan.file}: ${metrics.error}`);
  const side = sideForContour(img.meta, contour, entry.frame);
  if (side.side !== plan.side) throw new Error(`${plan.file}: side ${side.side} is not the manifest's ${plan.side}`);
  const time = minutesAfterStart(index + 1);
  return {
    id: `sample-${String(index + 1).padStart(2, '0')}`,
    label: `A${index + 1}`,
    nerve: 'sciatic',
    site: entry.site,
    side: side.side,
    sideSource: side.sideSource,
    modality: img.meta.modality ?? 'OT',
    method: 'freehand',
    image: {
      studyInstanceUid: img.meta.studyInstanceUid!,
      seriesInstanceUid: img.meta.seriesInstanceUid!,
      sopInstanceUid: img.meta.sopInstanceUid!,
      frameIndex: entry.frame,
      fileName: plan.file,
    },
    contour,
    calibration: calibration.value,
    metrics: metrics.value,
    intensity: intensityInside(contour, pixelGrid(img)),
    createdAt: time,
    updatedAt: time,
  };
}

/** Every sample file, grouped into studies and series in manifest order (references only). */
function studies(): SessionStudy[] {
  const out: Array<{ studyInstanceUid: string; description: string; series: Array<SessionStudy['series'][number] & { instances: SessionStudy['series'][number]['instances'][number][] }> }> = [];
  for (const { file } of manifest.files) {
    const { meta } = image(file);
    let study = out.find((s) => s.studyInstanceUid === meta.studyInstanceUid);
    if (!study) {
      study = { studyInstanceUid: meta.studyInstanceUid!, description: meta.studyDescription ?? '', series: [] };
      out.push(study);
    }
    let series = study.series.find((s) => s.seriesInstanceUid === meta.seriesInstanceUid);
    if (!series) {
      series = {
        seriesInstanceUid: meta.seriesInstanceUid!,
        modality: meta.modality ?? '',
        description: meta.seriesDescription ?? '',
        laterality: sideFromTags(meta).side,
        instances: [],
      };
      study.series.push(series);
    }
    series.instances.push({ sopInstanceUid: meta.sopInstanceUid!, sopClassUid: meta.sopClassUid, fileName: file, frames: meta.numberOfFrames });
  }
  return out;
}

function tag(file: string, t: string): string {
  const parsed = parseDicomBytes(image(file).bytes);
  return parsed.ok ? (str(parsed.value.dataSet, t) ?? '') : '';
}

let index = 0;
const measurements = PLAN.flatMap((plan) => Array.from({ length: plan.tracings }, (_, tracing) => measure(plan, tracing, index++)));
const first = PLAN[0]!.file;
const session: Session = {
  schemaVersion: 2,
  app: { name: 'NerveTrace', version: appVersion },
  createdAt: minutesAfterStart(0),
  updatedAt: minutesAfterStart(measurements.length + 5),
  patient: {
    name: image(first).meta.patientName ?? '',
    id: image(first).meta.patientId ?? '',
    birthDate: tag(first, 'x00100030'),
    accessionNumber: tag(first, 'x00080050'),
  },
  studies: studies(),
  calibrations: [],
  measurements,
  emg: SAMPLE_EMG,
  ncs: SAMPLE_NCS,
  referenceSet: DEFAULT_REFERENCE_SET,
  options: { ratioThreshold: null, ncsLimitSetId: DEFAULT_NCS_LIMITS.id },
};

const text = serializeSession(session);
const checked = validateSession(JSON.parse(text) as unknown);
if (!checked.ok) throw new Error(checked.error);
const rehydrated = rehydrateSession(checked.value);
if (rehydrated.warnings.length > 0) throw new Error(rehydrated.warnings.map((w) => w.message).join('\n'));
writeFileSync(OUT, text);
process.stdout.write(`Wrote sample-dicom/sample-session.json (${measurements.length} measurements, ${SAMPLE_EMG.length} EMG and ${SAMPLE_NCS.length} NCS rows)\n`);
