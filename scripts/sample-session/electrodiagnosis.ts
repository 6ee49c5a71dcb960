/**
 * The EMG and NCS of the sample case: a right sciatic neuropathy with peroneal-division
 * predominance (the pattern of the case report the sample study imitates). Peroneal-division
 * muscles, the short head of biceps femoris included, show fibrillations 2+/3+ and reduced
 * recruitment; the medial gastrocnemius (tibial division) only 1+; the glutei and the
 * paraspinals are normal, which places the lesion below the sciatic notch and outside the roots.
 */
import type { NcsRow, NeedleEmgRow } from '../../src/domain/emg/index.ts';

type Muscle = Omit<NeedleEmgRow, 'id' | 'side' | 'muscle'>;

const NORMAL: Muscle = {
  insertionalActivity: 'normal',
  fibrillations: 0,
  positiveSharpWaves: 0,
  muapAmplitude: 'normal',
  muapDuration: 'normal',
  polyphasia: 'normal',
  recruitment: 'full',
};

const denervated = (grade: 1 | 2 | 3, recruitment: NeedleEmgRow['recruitment']): Muscle => ({
  insertionalActivity: grade >= 2 ? 'increased' : 'normal',
  fibrillations: grade,
  positiveSharpWaves: grade,
  muapAmplitude: 'normal',
  muapDuration: 'normal',
  polyphasia: 'normal',
  recruitment,
});

const EMG_ROWS: ReadonlyArray<[string, NeedleEmgRow['side'], Muscle]> = [
  ['tibialis-anterior', 'R', denervated(3, 'reduced')],
  ['extensor-digitorum-brevis', 'R', denervated(3, 'reduced')],
  ['peroneus-longus', 'R', denervated(2, 'reduced')],
  ['biceps-femoris-short-head', 'R', denervated(2, 'reduced')],
  ['gastrocnemius-medial-head', 'R', { ...NORMAL, fibrillations: 1 }],
  ['tibialis-posterior', 'R', NORMAL],
  ['biceps-femoris-long-head', 'R', NORMAL],
  ['gluteus-maximus', 'R', NORMAL],
  ['gluteus-medius', 'R', NORMAL],
  ['tensor-fasciae-latae', 'R', NORMAL],
  ['paraspinals-L5', 'R', NORMAL],
  ['paraspinals-S1', 'R', NORMAL],
  ['tibialis-anterior', 'L', NORMAL],
];

export const SAMPLE_EMG: readonly NeedleEmgRow[] = EMG_ROWS.map(([muscle, side, findings], i) => ({
  id: `emg-${i + 1}`,
  muscle,
  side,
  ...findings,
}));

export const SAMPLE_NCS: readonly NcsRow[] = [
  { id: 'ncs-1', nerve: 'peroneal-motor-edb', kind: 'motor', side: 'R', stimulationSite: 'ankle', latencyMs: 5.0, amplitude: 0.8, velocityMs: 41, noResponse: false },
  { id: 'ncs-2', nerve: 'peroneal-motor-edb', kind: 'motor', side: 'L', stimulationSite: 'ankle', latencyMs: 4.6, amplitude: 5.5, velocityMs: 46, noResponse: false },
  { id: 'ncs-3', nerve: 'tibial-motor-ah', kind: 'motor', side: 'R', stimulationSite: 'ankle', latencyMs: 4.4, amplitude: 11, noResponse: false },
  { id: 'ncs-4', nerve: 'tibial-motor-ah', kind: 'motor', side: 'L', stimulationSite: 'ankle', latencyMs: 4.3, amplitude: 12, noResponse: false },
  { id: 'ncs-5', nerve: 'sural-sensory', kind: 'sensory', side: 'R', latencyMs: 3.8, amplitude: 4, noResponse: false },
  { id: 'ncs-6', nerve: 'sural-sensory', kind: 'sensory', side: 'L', latencyMs: 3.6, amplitude: 13, noResponse: false },
];
