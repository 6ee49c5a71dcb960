/**
 * Generates the follow-up sample (run: `npx tsx scripts/make-followup-samples.ts`; needs
 * sample-dicom/ from `npm run samples`): two visits of the sample patient PHANTOM^SCIATIC with the
 * sciatic nerve measured at three sites per side, three tracings per site.
 *
 * - sample-dicom/followup/visit-1/, visit-2/: the images the bundled study lacks (see
 *   scripts/followup/images.ts) and followup/manifest.json with their ground truth. They are NOT in
 *   sample-dicom/manifest.json, so "Open sample study" is unchanged.
 * - followup/visit-1-session.json (2025-03-14): gluteal fold and mid-thigh on the bundled images,
 *   distal thigh on the visit-1 images. At the right gluteal fold a fourth, poor tracing is marked
 *   excluded (shown, never averaged).
 * - followup/visit-2-session.json (2025-09-12): all three sites on the visit-2 images; the right
 *   nerve is smaller after treatment.
 * Every number is computed by the domain, so the files agree with what NerveTrace recomputes on load.
 */
import { writeFileSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { traceCalibration } from '../src/cli/calibration.ts';
import { sideForContour, sideFromTags } from '../src/cli/side.ts';
import { DEFAULT_NCS_LIMITS } from '../src/domain/emg/index.ts';
import { intensityInside, measureContour, type NerveMeasurement } from '../src/domain/measurement/index.ts';
import { DEFAULT_REFERENCE_SET, type SiteId } from '../src/domain/reference/index.ts';
import { rehydrateSession, serializeSession, validateSession, type Session, type SessionStudy } from '../src/domain/session/index.ts';
import type { ImagePoint, Side } from '../src/domain/types.ts';
import { FOLLOW_UP_CASES, FOLLOW_UP_STUDY, writeFollowUpImage } from './followup/images.ts';
import { US_STUDY } from './samples/dicom.ts';
import { type Manifest, type ManifestFile, manifestJson } from './samples/manifest.ts';
import { pixelGrid, readSampleImage, type SampleImage } from './sample-session/images.ts';
import { fromManifest, perturbed } from './sample-session/outlines.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SAMPLE_DIR = join(ROOT, 'sample-dicom');
const appVersion = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

const followUpFiles = FOLLOW_UP_CASES.map((c) => writeFollowUpImage(SAMPLE_DIR, c));
const followUpManifest: Manifest = {
  generator: 'scripts/make-followup-samples.ts; deterministic',
  description:
    'Follow-up images of the sample patient: the distal thigh at the first visit (study of 2025-03-14) and a second ultrasound study on 2025-09-12 after treatment, the right sciatic nerve smaller. Same conventions as ../manifest.json.',
  conventions: { see: '../manifest.json' },
  patient: { name: 'PHANTOM^SCIATIC', id: 'NT-0001' },
  studies: [
    { studyInstanceUid: US_STUDY.StudyInstanceUID, modality: 'US', description: US_STUDY.StudyDescription },
    { studyInstanceUid: FOLLOW_UP_STUDY.StudyInstanceUID, modality: 'US', description: FOLLOW_UP_STUDY.StudyDescription },
  ],
  files: followUpFiles,
};
writeFileSync(join(SAMPLE_DIR, 'followup', 'manifest.json'), manifestJson(followUpManifest));

const mainManifest = JSON.parse(readFileSync(join(SAMPLE_DIR, 'manifest.json'), 'utf8')) as { files: ManifestFile[] };
const entries = new Map<string, ManifestFile>([...mainManifest.files, ...followUpFiles].map((f) => [f.file, f]));

/** The true outline, then two repeats (scale, turn in degrees, jitter px); a fourth "poor" one when asked. */
const TRACINGS = [
  { scale: 1, turnDeg: 0, jitterPx: 0 },
  { scale: 1.018, turnDeg: 1.5, jitterPx: 0.3 },
  { scale: 0.984, turnDeg: -1.2, jitterPx: 0.3 },
  { scale: 1.12, turnDeg: 4, jitterPx: 0.6 },
] as const;

interface Plan {
  readonly file: string;
  readonly tracings: number;
  /** Tracing indices marked excluded. */
  readonly excluded?: readonly number[];
}

function buildSession(name: string, plans: readonly Plan[], startIso: string): Session {
  const start = Date.parse(startIso);
  const at = (minutes: number): string => new Date(start + minutes * 60_000).toISOString();
  const images = new Map<string, SampleImage>();
  const image = (file: string): SampleImage => {
    let img = images.get(file);
    if (!img) images.set(file, (img = readSampleImage(SAMPLE_DIR, file)));
    return img;
  };
  let index = 0;
  const measurements: NerveMeasurement[] = plans.flatMap((plan) =>
    Array.from({ length: plan.tracings }, (_, tracing): NerveMeasurement => {
      const img = image(plan.file);
      const entry = entries.get(plan.file)!.nerves[0]!;
      const truth = fromManifest(entry.outline);
      const t = TRACINGS[tracing]!;
      const contour: ImagePoint[] = tracing === 0 ? truth : perturbed(truth, t.scale, t.turnDeg, t.jitterPx, 2000 + index);
      const calibration = traceCalibration(img.meta, contour);
      if (!calibration.ok) throw new Error(`${plan.file}: ${calibration.error}`);
      const metrics = measureContour(contour, calibration.value);
      if (!metrics.ok) throw new Error(`${plan.file}: ${metrics.error}`);
      const side = sideForContour(img.meta, contour, 0);
      if (side.side !== (entry.side as Side)) throw new Error(`${plan.file}: side ${side.side} is not ${entry.side}`);
      index += 1;
      return {
        id: `${name}-${String(index).padStart(2, '0')}`,
        label: `A${index}`,
        nerve: 'sciatic',
        site: entry.site as SiteId,
        side: side.side,
        sideSource: side.sideSource,
        modality: 'US',
        method: 'freehand',
        image: {
          studyInstanceUid: img.meta.studyInstanceUid!,
          seriesInstanceUid: img.meta.seriesInstanceUid!,
          sopInstanceUid: img.meta.sopInstanceUid!,
          frameIndex: 0,
          fileName: plan.file,
        },
        contour,
        calibration: calibration.value,
        metrics: metrics.value,
        intensity: intensityInside(contour, pixelGrid(img)),
        createdAt: at(index),
        updatedAt: at(index),
        ...(plan.excluded?.includes(tracing) ? { excluded: true } : {}),
      };
    }),
  );
  const studies: SessionStudy[] = [];
  for (const img of images.values()) {
    const m = img.meta;
    let study = studies.find((s) => s.studyInstanceUid === m.studyInstanceUid);
    if (!study) {
      study = { studyInstanceUid: m.studyInstanceUid!, description: m.studyDescription ?? '', studyDate: m.studyDate ?? '', series: [] };
      studies.push(study);
    }
    (study.series as SessionStudy['series'][number][]).push({
      seriesInstanceUid: m.seriesInstanceUid!,
      modality: m.modality ?? '',
      description: m.seriesDescription ?? '',
      laterality: sideFromTags(m).side,
      instances: [{ sopInstanceUid: m.sopInstanceUid!, sopClassUid: m.sopClassUid, fileName: img.file, frames: m.numberOfFrames }],
    });
  }
  const first = [...images.values()][0]!.meta;
  const session: Session = {
    schemaVersion: 2,
    app: { name: 'NerveTrace', version: appVersion },
    createdAt: at(0),
    updatedAt: at(index + 5),
    patient: { name: first.patientName ?? '', id: first.patientId ?? '', birthDate: '', accessionNumber: '' },
    studies,
    calibrations: [],
    measurements,
    emg: [],
    ncs: [],
    referenceSet: DEFAULT_REFERENCE_SET,
    options: { ratioThreshold: null, ncsLimitSetId: DEFAULT_NCS_LIMITS.id },
  };
  const text = serializeSession(session);
  const checked = validateSession(JSON.parse(text) as unknown);
  if (!checked.ok) throw new Error(checked.error);
  const rehydrated = rehydrateSession(checked.value);
  if (rehydrated.warnings.length > 0) throw new Error(rehydrated.warnings.map((w) => w.message).join('\n'));
  writeFileSync(join(SAMPLE_DIR, 'followup', `${name}-session.json`), text);
  return session;
}

const visit1 = buildSession(
  'visit-1',
  [
    { file: 'us/us-sciatic-gluteal-L.dcm', tracings: 3 },
    { file: 'us/us-sciatic-gluteal-R.dcm', tracings: 4, excluded: [3] },
    { file: 'us/us-sciatic-midthigh-L.dcm', tracings: 3 },
    { file: 'us/us-sciatic-midthigh-R.dcm', tracings: 3 },
    { file: 'followup/visit-1/us-sciatic-distal-L.dcm', tracings: 3 },
    { file: 'followup/visit-1/us-sciatic-distal-R.dcm', tracings: 3 },
  ],
  '2025-03-14T09:30:00.000Z',
);
const visit2 = buildSession(
  'visit-2',
  [
    { file: 'followup/visit-2/us-sciatic-gluteal-L.dcm', tracings: 3 },
    { file: 'followup/visit-2/us-sciatic-gluteal-R.dcm', tracings: 3 },
    { file: 'followup/visit-2/us-sciatic-midthigh-L.dcm', tracings: 3 },
    { file: 'followup/visit-2/us-sciatic-midthigh-R.dcm', tracings: 3 },
    { file: 'followup/visit-2/us-sciatic-distal-L.dcm', tracings: 3 },
    { file: 'followup/visit-2/us-sciatic-distal-R.dcm', tracings: 3 },
  ],
  '2025-09-12T10:00:00.000Z',
);
process.stdout.write(
  `Wrote sample-dicom/followup/: ${followUpFiles.length} images, manifest.json, visit-1-session.json (${visit1.measurements.length} measurements), visit-2-session.json (${visit2.measurements.length})\n`,
);
