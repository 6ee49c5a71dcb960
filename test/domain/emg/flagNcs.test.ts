import { describe, expect, it } from 'vitest';
import {
  CONVENTIONAL_NCS_LIMITS,
  DEFAULT_NCS_LIMITS,
  S36_SURAL_NCS_LIMITS,
  flagNcs,
  type NcsRow,
} from '../../../src/domain/emg';

const row = (r: Partial<NcsRow> & Pick<NcsRow, 'nerve' | 'kind' | 'side'>): NcsRow => ({ noResponse: false, ...r });
const kinds = (rows: NcsRow[], limits = DEFAULT_NCS_LIMITS) => flagNcs(rows, limits).map((f) => f.flags.map((x) => x.kind));

describe('NCS normal limits (data)', () => {
  it('defaults are the conventional cut-offs, marked convention; published figures S33/S34/S36 are kept alongside', () => {
    expect(DEFAULT_NCS_LIMITS).toBe(CONVENTIONAL_NCS_LIMITS);
    const byNerve = Object.fromEntries(DEFAULT_NCS_LIMITS.limits.map((l) => [l.nerve, l]));
    expect(byNerve['sural-sensory']).toMatchObject({ minAmplitude: 6, maxLatencyMs: 4.4, convention: true });
    expect(byNerve['superficial-peroneal-sensory']).toMatchObject({ minAmplitude: 6, maxLatencyMs: 4.4 });
    expect(byNerve['peroneal-motor-edb']).toMatchObject({ minAmplitude: 2.5, maxLatencyMs: 6.5, minVelocityMs: 38 });
    expect(byNerve['tibial-motor-ah']).toMatchObject({ minAmplitude: 4, maxLatencyMs: 5.8 });
    expect(DEFAULT_NCS_LIMITS.sideToSide).toMatchObject({ minAmplitudeFractionOfOther: 0.5, convention: true });
    expect(DEFAULT_NCS_LIMITS.publishedFigures.map((p) => p.source)).toEqual(['S33', 'S33', 'S33', 'S34', 'S36']);
  });
});

describe('flagNcs', () => {
  it('flags low amplitude, prolonged latency and slow velocity against the conventional limits', () => {
    const flagged = flagNcs([row({ nerve: 'peroneal-motor-edb', kind: 'motor', side: 'R', latencyMs: 7.0, amplitude: 1.2, velocityMs: 35 })]);
    expect(flagged[0]!.flags.map((f) => f.text)).toEqual([
      'Amplitude 1.2 mV < 2.5 mV (convention)',
      'Latency 7.0 ms > 6.5 ms (convention)',
      'Velocity 35 m/s < 38 m/s (convention)',
    ]);
    expect(flagged[0]!.abnormal).toBe(true);
  });

  it('values at the limit are normal', () => {
    expect(kinds([row({ nerve: 'sural-sensory', kind: 'sensory', side: 'R', latencyMs: 4.4, amplitude: 6 })])).toEqual([[]]);
  });

  it('no response is "absent"', () => {
    const f = flagNcs([row({ nerve: 'sural-sensory', kind: 'sensory', side: 'L', noResponse: true })]);
    expect(f[0]!.flags).toEqual([{ kind: 'absent', deviation: 1, text: 'No response: sural sensory absent' }]);
  });

  it('side-to-side: an amplitude below 50 % of the other side flags the lower side (convention), even within limits', () => {
    const f = flagNcs([
      row({ nerve: 'sural-sensory', kind: 'sensory', side: 'R', amplitude: 7 }),
      row({ nerve: 'sural-sensory', kind: 'sensory', side: 'L', amplitude: 18 }),
    ]);
    expect(f[0]!.flags.map((x) => x.text)).toEqual(['Amplitude 7.0 µV is 39 % of the other side (18.0 µV), below 50 % (convention)']);
    expect(f[1]!.flags).toEqual([]);
    // 55 % is within the convention (and within S33's 61 %).
    expect(kinds([row({ nerve: 'sural-sensory', kind: 'sensory', side: 'R', amplitude: 11 }), row({ nerve: 'sural-sensory', kind: 'sensory', side: 'L', amplitude: 20 })])).toEqual([[], []]);
  });

  it('latency and amplitude limits apply to the distal (first) site only; velocity to every segment', () => {
    const f = flagNcs([
      row({ nerve: 'peroneal-motor-edb', kind: 'motor', side: 'R', stimulationSite: 'ankle', latencyMs: 4.5, amplitude: 4 }),
      row({ nerve: 'peroneal-motor-edb', kind: 'motor', side: 'R', stimulationSite: 'fibular head', latencyMs: 11, amplitude: 1.5, velocityMs: 30 }),
    ]);
    expect(f[0]!.distal).toBe(true);
    expect(f[1]!.distal).toBe(false);
    expect(f[1]!.flags.map((x) => x.kind)).toEqual(['slow-velocity']);
    expect(f[1]!.notes.join()).toMatch(/distal site only/);
  });

  it('the S36 alternative set flags a 7 µV sural response that the conventional set accepts, citing S36', () => {
    const sural = [row({ nerve: 'sural-sensory', kind: 'sensory', side: 'R', amplitude: 7, latencyMs: 3.9, velocityMs: 41 })];
    expect(kinds(sural, CONVENTIONAL_NCS_LIMITS)).toEqual([[]]);
    const s36 = flagNcs(sural, S36_SURAL_NCS_LIMITS)[0]!;
    expect(s36.flags.map((x) => x.text)).toEqual(['Amplitude 7.0 µV < 7.7 µV (S36)', 'Velocity 41 m/s < 43 m/s (S36)']);
    expect(s36.flags[0]!.convention).toBeUndefined();
  });

  it('free-text or limit-less studies are flagged only for absence and side-to-side, with a note', () => {
    const f = flagNcs([
      row({ nerve: 'Median motor', kind: 'motor', side: 'R', amplitude: 0.5 }),
      row({ nerve: 'peroneal-motor-ta', kind: 'motor', side: 'R', amplitude: 1 }),
      row({ nerve: 'peroneal-motor-ta', kind: 'motor', side: 'L', amplitude: 4 }),
    ]);
    expect(f[0]!.flags).toEqual([]);
    expect(f[0]!.nerveId).toBeNull();
    expect(f[0]!.notes[0]).toMatch(/not in the controlled list/);
    expect(f[1]!.flags.map((x) => x.kind)).toEqual(['side-to-side-amplitude']);
    expect(f[1]!.notes[0]).toMatch(/No default limit/);
  });
});
