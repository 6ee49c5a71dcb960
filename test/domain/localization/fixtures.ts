import type { Side } from '../../../src/domain/types';
import type { NcsRow, NeedleEmgRow } from '../../../src/domain/emg';

let counter = 0;

/** An abnormal (neurogenic) muscle: fibrillations/PSW and reduced recruitment by default. */
export function abnormal(muscle: string, side: Side, extra: Partial<NeedleEmgRow> = {}): NeedleEmgRow {
  counter += 1;
  return {
    id: `${side}-${muscle}-${counter}`,
    muscle,
    side,
    insertionalActivity: 'increased',
    fibrillations: 2,
    positiveSharpWaves: 2,
    muapAmplitude: 'normal',
    muapDuration: 'normal',
    polyphasia: 'normal',
    recruitment: 'reduced',
    ...extra,
  };
}

/** A normal muscle. */
export function normal(muscle: string, side: Side): NeedleEmgRow {
  counter += 1;
  return {
    id: `${side}-${muscle}-${counter}`,
    muscle,
    side,
    insertionalActivity: 'normal',
    fibrillations: 0,
    positiveSharpWaves: 0,
    muapAmplitude: 'normal',
    muapDuration: 'normal',
    polyphasia: 'normal',
    recruitment: 'full',
  };
}

export function ncs(nerve: string, side: Side, values: Partial<NcsRow> & { kind: NcsRow['kind'] }): NcsRow {
  counter += 1;
  return { id: `${side}-${nerve}-${counter}`, nerve, side, noResponse: false, ...values };
}

export const normalSural = (side: Side): NcsRow => ncs('sural-sensory', side, { kind: 'sensory', latencyMs: 3.6, amplitude: 14 });
export const normalSuperficialPeroneal = (side: Side): NcsRow =>
  ncs('superficial-peroneal-sensory', side, { kind: 'sensory', latencyMs: 3.4, amplitude: 11 });
export const normalPeronealMotor = (side: Side): NcsRow =>
  ncs('peroneal-motor-edb', side, { kind: 'motor', latencyMs: 4.6, amplitude: 5.5, velocityMs: 46 });
export const normalTibialMotor = (side: Side): NcsRow =>
  ncs('tibial-motor-ah', side, { kind: 'motor', latencyMs: 4.4, amplitude: 11 });

/** Textbook patterns (right side). */
export const CASES = {
  l5Radiculopathy: {
    emg: [
      abnormal('tibialis-anterior', 'R'),
      abnormal('extensor-hallucis-longus', 'R'),
      abnormal('tibialis-posterior', 'R'),
      abnormal('flexor-digitorum-longus', 'R'),
      abnormal('tensor-fasciae-latae', 'R'),
      abnormal('gluteus-medius', 'R'),
      abnormal('paraspinals-L5', 'R', { recruitment: undefined, muapAmplitude: undefined, muapDuration: undefined, polyphasia: undefined }),
      normal('gastrocnemius-medial-head', 'R'),
      normal('soleus', 'R'),
      normal('vastus-lateralis', 'R'),
      normal('gluteus-maximus', 'R'),
    ],
    ncs: [normalSural('R'), normalSuperficialPeroneal('R'), normalPeronealMotor('R'), normalTibialMotor('R')],
  },
  s1Radiculopathy: {
    emg: [
      abnormal('gastrocnemius-medial-head', 'R'),
      abnormal('soleus', 'R'),
      abnormal('gluteus-maximus', 'R'),
      abnormal('biceps-femoris-long-head', 'R'),
      abnormal('paraspinals-S1', 'R', { recruitment: undefined }),
      normal('tibialis-anterior', 'R'),
      normal('extensor-hallucis-longus', 'R'),
      normal('tibialis-posterior', 'R'),
      normal('vastus-lateralis', 'R'),
    ],
    ncs: [
      normalSural('R'),
      normalSuperficialPeroneal('R'),
      normalTibialMotor('R'),
      ncs('tibial-h-reflex', 'R', { kind: 'h-reflex', noResponse: true }),
    ],
  },
  peronealAtFibularHead: {
    emg: [
      abnormal('tibialis-anterior', 'R'),
      abnormal('extensor-hallucis-longus', 'R'),
      abnormal('extensor-digitorum-brevis', 'R'),
      abnormal('peroneus-longus', 'R'),
      normal('biceps-femoris-short-head', 'R'),
      normal('tibialis-posterior', 'R'),
      normal('gastrocnemius-medial-head', 'R'),
      normal('paraspinals-L5', 'R'),
    ],
    ncs: [
      ncs('superficial-peroneal-sensory', 'R', { kind: 'sensory', latencyMs: 3.9, amplitude: 3 }),
      ncs('superficial-peroneal-sensory', 'L', { kind: 'sensory', latencyMs: 3.5, amplitude: 12 }),
      ncs('peroneal-motor-edb', 'R', { kind: 'motor', latencyMs: 5.2, amplitude: 1.1 }),
      normalSural('R'),
      normalTibialMotor('R'),
    ],
  },
  sciaticPeronealPredominant: {
    emg: [
      abnormal('tibialis-anterior', 'R', { fibrillations: 3, positiveSharpWaves: 3, recruitment: 'discrete' }),
      abnormal('extensor-digitorum-brevis', 'R', { fibrillations: 3, positiveSharpWaves: 3, recruitment: 'single-unit' }),
      abnormal('peroneus-longus', 'R', { fibrillations: 2, recruitment: 'reduced' }),
      abnormal('biceps-femoris-short-head', 'R', { fibrillations: 2, recruitment: 'reduced' }),
      abnormal('gastrocnemius-medial-head', 'R', {
        insertionalActivity: 'normal',
        fibrillations: 1,
        positiveSharpWaves: 0,
        recruitment: 'full',
      }),
      normal('tibialis-posterior', 'R'),
      normal('biceps-femoris-long-head', 'R'),
      normal('gluteus-maximus', 'R'),
      normal('gluteus-medius', 'R'),
      normal('tensor-fasciae-latae', 'R'),
      normal('paraspinals-L5', 'R'),
      normal('paraspinals-S1', 'R'),
    ],
    ncs: [
      ncs('sural-sensory', 'R', { kind: 'sensory', latencyMs: 3.8, amplitude: 4 }),
      ncs('sural-sensory', 'L', { kind: 'sensory', latencyMs: 3.6, amplitude: 13 }),
      ncs('superficial-peroneal-sensory', 'R', { kind: 'sensory', noResponse: true }),
      ncs('peroneal-motor-edb', 'R', { kind: 'motor', latencyMs: 5.0, amplitude: 0.8, velocityMs: 41 }),
      normalTibialMotor('R'),
    ],
  },
  lumbosacralPlexopathy: {
    emg: [
      abnormal('tibialis-anterior', 'R'),
      abnormal('peroneus-longus', 'R'),
      abnormal('tibialis-posterior', 'R'),
      abnormal('gastrocnemius-medial-head', 'R'),
      abnormal('biceps-femoris-short-head', 'R'),
      abnormal('biceps-femoris-long-head', 'R'),
      abnormal('gluteus-medius', 'R'),
      abnormal('gluteus-maximus', 'R'),
      normal('vastus-lateralis', 'R'),
      normal('adductor-longus', 'R'),
      normal('paraspinals-L4', 'R'),
      normal('paraspinals-L5', 'R'),
      normal('paraspinals-S1', 'R'),
    ],
    ncs: [
      ncs('sural-sensory', 'R', { kind: 'sensory', latencyMs: 3.9, amplitude: 3 }),
      ncs('sural-sensory', 'L', { kind: 'sensory', latencyMs: 3.6, amplitude: 12 }),
      ncs('superficial-peroneal-sensory', 'R', { kind: 'sensory', latencyMs: 3.9, amplitude: 2.5 }),
      ncs('peroneal-motor-edb', 'R', { kind: 'motor', latencyMs: 5.0, amplitude: 1.5 }),
      ncs('tibial-motor-ah', 'R', { kind: 'motor', latencyMs: 5.0, amplitude: 3 }),
    ],
  },
  tibialNeuropathy: {
    emg: [
      abnormal('gastrocnemius-medial-head', 'R'),
      abnormal('soleus', 'R'),
      abnormal('tibialis-posterior', 'R'),
      abnormal('flexor-digitorum-longus', 'R'),
      abnormal('abductor-hallucis', 'R'),
      normal('tibialis-anterior', 'R'),
      normal('peroneus-longus', 'R'),
      normal('biceps-femoris-short-head', 'R'),
      normal('biceps-femoris-long-head', 'R'),
      normal('semitendinosus', 'R'),
      normal('gluteus-medius', 'R'),
      normal('paraspinals-S1', 'R'),
    ],
    ncs: [
      ncs('tibial-motor-ah', 'R', { kind: 'motor', latencyMs: 6.4, amplitude: 1.8 }),
      ncs('tibial-motor-ah', 'L', { kind: 'motor', latencyMs: 4.5, amplitude: 10 }),
      normalSural('R'),
      normalPeronealMotor('R'),
    ],
  },
  normalStudy: {
    emg: [
      normal('tibialis-anterior', 'R'),
      normal('gastrocnemius-medial-head', 'R'),
      normal('biceps-femoris-short-head', 'R'),
      normal('gluteus-medius', 'R'),
      normal('paraspinals-L5', 'R'),
    ],
    ncs: [normalSural('R'), normalSuperficialPeroneal('R'), normalPeronealMotor('R'), normalTibialMotor('R')],
  },
  /** Isolated L5 paraspinal fibrillations while extensor hallucis longus (L5 only) and every other L5 muscle is normal. */
  conflicting: {
    emg: [
      abnormal('paraspinals-L5', 'R', { recruitment: undefined }),
      normal('extensor-hallucis-longus', 'R'),
      normal('tibialis-anterior', 'R'),
      normal('tibialis-posterior', 'R'),
      normal('gluteus-medius', 'R'),
      normal('tensor-fasciae-latae', 'R'),
      normal('peroneus-longus', 'R'),
    ],
    ncs: [normalSural('R'), normalSuperficialPeroneal('R')],
  },
  multiLevelL5S1: {
    emg: [
      abnormal('tibialis-anterior', 'L'),
      abnormal('extensor-hallucis-longus', 'L'),
      abnormal('tibialis-posterior', 'L'),
      abnormal('gastrocnemius-medial-head', 'L'),
      abnormal('soleus', 'L'),
      abnormal('paraspinals-L5', 'L', { recruitment: undefined }),
      abnormal('paraspinals-S1', 'L', { recruitment: undefined }),
      normal('vastus-lateralis', 'L'),
    ],
    ncs: [normalSural('L'), normalSuperficialPeroneal('L')],
  },
} as const;
