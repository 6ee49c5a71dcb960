/**
 * A large session: 500 nerve measurements (every nerve, site, modality and side of the default
 * reference set, repeated tracings) and 200 needle EMG rows, plus the sample case's NCS rows.
 * Every number is computed by the domain, and the file must pass parseSession and rehydrate
 * without a warning, like a session the workstation saved.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { measureContour, type NerveMeasurement } from '../../src/domain/measurement/index.ts';
import { DEFAULT_NCS_LIMITS, MUSCLES, type NeedleEmgRow } from '../../src/domain/emg/index.ts';
import { DEFAULT_REFERENCE_SET } from '../../src/domain/reference/index.ts';
import { parseSession, rehydrateSession, serializeSession, type Session } from '../../src/domain/session/index.ts';
import type { Calibration, ImagePoint, Side } from '../../src/domain/types.ts';
import { SAMPLE_NCS } from '../../scripts/sample-session/electrodiagnosis.ts';
import { benchUid, rng } from './dicom.ts';

export const SESSION_SIZE = { measurements: 500, emgRows: 200 } as const;

const START = Date.parse('2025-04-01T10:00:00.000Z');
const at = (minutes: number): string => new Date(START + minutes * 60_000).toISOString();

/** A slightly irregular closed outline of about `areaMm2` (64 points, never self-crossing). */
function outline(areaMm2: number, mmPerPx: number, random: () => number): ImagePoint[] {
  const rPx = Math.sqrt(areaMm2 / Math.PI) / mmPerPx;
  const aspect = 1.2 + 0.4 * random();
  return Array.from({ length: 64 }, (_, i) => {
    const t = (2 * Math.PI * i) / 64;
    const wobble = 1 + 0.04 * Math.sin(3 * t + random());
    return {
      x: Math.round((300 + rPx * aspect * wobble * Math.cos(t)) * 1000) / 1000,
      y: Math.round((250 + (rPx / aspect) * wobble * Math.sin(t)) * 1000) / 1000,
    };
  });
}

function measurements(): NerveMeasurement[] {
  const random = rng(23);
  const out: NerveMeasurement[] = [];
  const thresholds = DEFAULT_REFERENCE_SET.thresholds;
  for (let i = 0; out.length < SESSION_SIZE.measurements; i++) {
    const th = thresholds[i % thresholds.length]!;
    const side: Side = Math.floor(i / thresholds.length) % 2 === 0 ? 'L' : 'R';
    const mmPerPx = th.modality === 'US' ? 0.075 : 0.8;
    const calibration: Calibration =
      th.modality === 'US'
        ? { source: 'us-region', rowSpacingMm: mmPerPx, columnSpacingMm: mmPerPx, regionIndex: 0, description: `US region 0: ${mmPerPx} mm/px` }
        : { source: 'pixel-spacing', rowSpacingMm: mmPerPx, columnSpacingMm: mmPerPx, description: `PixelSpacing ${mmPerPx}\\${mmPerPx} mm` };
    // Right side enlarged on some nerves, so the comparison and the report have findings to state.
    const enlarge = side === 'R' && th.nerve === 'sciatic' ? 1.6 : 1;
    const contour = outline((th.meanMm2 ?? th.upperLimitMm2 * 0.8) * enlarge * (0.9 + 0.2 * random()), mmPerPx, random);
    const metrics = measureContour(contour, calibration);
    if (!metrics.ok) throw new Error(`session generator: ${metrics.error}`);
    const series = th.modality === 'US' ? 1 : 2;
    const n = out.length + 1;
    out.push({
      id: `bench-${n}`,
      label: `M${n}`,
      nerve: th.nerve,
      site: th.site,
      side,
      sideSource: 'ImageLaterality',
      modality: th.modality,
      method: n % 3 === 0 ? 'spline' : 'freehand',
      image: {
        studyInstanceUid: benchUid(3, series),
        seriesInstanceUid: benchUid(3, series, 1),
        sopInstanceUid: benchUid(3, series, 1, n),
        frameIndex: 0,
        fileName: `bench-${n}.dcm`,
      },
      contour,
      calibration,
      metrics: metrics.value,
      intensity: { mean: 80 + 20 * random(), sd: 10 + 5 * random(), pixelCount: 500 + Math.floor(500 * random()) },
      createdAt: at(n),
      updatedAt: at(n),
    });
  }
  return out;
}

function emgRows(): NeedleEmgRow[] {
  const grades = [0, 1, 2, 3] as const;
  const recruitment = ['full', 'reduced', 'full', 'discrete'] as const;
  return Array.from({ length: SESSION_SIZE.emgRows }, (_, i) => {
    const muscle = MUSCLES[i % MUSCLES.length]!;
    const side: Side = Math.floor(i / MUSCLES.length) % 2 === 0 ? 'R' : 'L';
    const g = grades[(i * 7) % 4]!;
    return {
      id: `emg-${i + 1}`,
      muscle: muscle.id,
      side,
      insertionalActivity: g >= 2 ? 'increased' : 'normal',
      fibrillations: g,
      positiveSharpWaves: g,
      muapAmplitude: 'normal',
      muapDuration: 'normal',
      polyphasia: 'normal',
      recruitment: recruitment[(i * 3) % 4]!,
    };
  });
}

/** The studies the measurements were drawn on: one US and one MR study, one image per measurement. */
function studies(list: readonly NerveMeasurement[]): Session['studies'] {
  return [1, 2].map((series) => {
    const mine = list.filter((m) => m.image.studyInstanceUid === benchUid(3, series));
    return {
      studyInstanceUid: benchUid(3, series),
      description: series === 1 ? 'Benchmark US' : 'Benchmark MR',
      series: [
        {
          seriesInstanceUid: benchUid(3, series, 1),
          modality: series === 1 ? 'US' : 'MR',
          description: 'Benchmark series',
          laterality: null,
          instances: mine.map((m) => ({
            sopInstanceUid: m.image.sopInstanceUid,
            sopClassUid: series === 1 ? '1.2.840.10008.5.1.4.1.1.6.1' : '1.2.840.10008.5.1.4.1.1.4',
            fileName: m.image.fileName ?? '',
            frames: 1,
          })),
        },
      ],
    };
  });
}

export function buildLargeSession(): Session {
  const list = measurements();
  return {
    schemaVersion: 2,
    app: { name: 'NerveTrace', version: '0.1.0' },
    createdAt: at(0),
    updatedAt: at(SESSION_SIZE.measurements + 1),
    studies: studies(list),
    calibrations: [],
    measurements: list,
    emg: emgRows(),
    ncs: SAMPLE_NCS,
    referenceSet: DEFAULT_REFERENCE_SET,
    options: { ratioThreshold: null, ncsLimitSetId: DEFAULT_NCS_LIMITS.id },
  };
}

/** Writes the session file and returns it as parseSession reads it back (checked, rehydrated). */
export function writeLargeSession(path: string): { session: Session; bytes: number } {
  const text = serializeSession(buildLargeSession());
  const parsed = parseSession(text);
  if (!parsed.ok) throw new Error(`session generator: ${parsed.error}`);
  const rehydrated = rehydrateSession(parsed.value);
  if (rehydrated.warnings.length) throw new Error(`session generator: ${rehydrated.warnings[0]!.message}`);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return { session: rehydrated.session, bytes: text.length };
}
