/**
 * Axonal or demyelinating? A polyneuropathy is called demyelinating when motor values lie in the
 * demyelinating range (EFNS/PNS 2010: distal latency ≥ 50 % above the upper limit, velocity ≥ 30 %
 * below the lower limit) in two or more nerves; axonal when amplitudes are low (or responses absent)
 * with latencies and velocities short of that range; mixed when both, in one nerve each or more.
 * The thresholds are parameters (CONDUCTION_THRESHOLDS, with their sources).
 */
import { DEFAULT_NCS_LIMITS, flagNcs, resolveStimulationSite } from '../emg';
import { CONDUCTION_THRESHOLDS } from './parameters';
import type { EvidenceWeights } from './parameters';
import type { DiffuseProcess, LocalizationInput, LocalizedFinding, PolyneuropathyType } from './types';

export function classifyPolyneuropathy(
  findings: readonly LocalizedFinding[],
  input: LocalizationInput,
  _ew: EvidenceWeights,
): DiffuseProcess {
  const t = CONDUCTION_THRESHOLDS;
  const flagged = flagNcs(input.ncs ?? [], input.ncsLimits ?? DEFAULT_NCS_LIMITS, input.ageYears === undefined ? {} : { ageYears: input.ageYears });
  const demyelinating = new Set<string>();
  const axonal = new Set<string>();
  const reasons: string[] = [];
  for (const f of flagged) {
    const key = `${f.label} (${f.row.side})`;
    const row = f.row;
    if (row.kind === 'motor' && f.limit) {
      if (f.distal && row.latencyMs !== undefined && f.limit.maxLatencyMs !== undefined && row.latencyMs >= t.demyelinatingLatencyFactor * f.limit.maxLatencyMs) {
        demyelinating.add(key);
        reasons.push(`${key}: latency ${row.latencyMs.toFixed(1)} ms ≥ ${Math.round((t.demyelinatingLatencyFactor - 1) * 100)} % above the upper limit (demyelinating range) [EFNS/PNS 2010].`);
      }
      // EFNS/PNS 2010 judge velocities away from entrapment sites: a segment across the fibular head is left out.
      const acrossEntrapment = /peroneal/.test(f.nerveId ?? '') && ['above-fibular-head', 'popliteal-fossa', 'knee'].includes(resolveStimulationSite(row.stimulationSite) ?? '');
      if (!acrossEntrapment && row.velocityMs !== undefined && f.limit.minVelocityMs !== undefined && row.velocityMs <= t.demyelinatingVelocityFactor * f.limit.minVelocityMs) {
        demyelinating.add(key);
        reasons.push(`${key}: velocity ${row.velocityMs.toFixed(0)} m/s ≥ ${Math.round((1 - t.demyelinatingVelocityFactor) * 100)} % below the lower limit (demyelinating range) [EFNS/PNS 2010].`);
      }
    }
    if (f.distal && f.flags.some((x) => x.kind === 'absent' || x.kind === 'low-amplitude')) axonal.add(key);
  }
  const axonalOnly = [...axonal].filter((k) => !demyelinating.has(k));
  let type: PolyneuropathyType;
  if (demyelinating.size >= 2 && axonalOnly.length === 0) type = 'demyelinating';
  else if (demyelinating.size >= 1 && (axonalOnly.length > 0 || demyelinating.size >= 2)) type = demyelinating.size >= 2 ? 'demyelinating' : 'mixed';
  else if (demyelinating.size === 1) type = 'mixed';
  else if (axonal.size > 0) type = 'axonal';
  else type = 'undetermined';
  if (type === 'axonal') reasons.push(`Low or absent responses (${[...axonal].join(', ')}) with latencies and velocities short of the demyelinating range: axonal [EFNS/PNS 2010].`);
  if (type === 'mixed') reasons.push(`Demyelinating-range values in ${demyelinating.size} nerve and low amplitudes in ${axonalOnly.length}: mixed axonal and demyelinating.`);
  if (type === 'undetermined') reasons.push('No nerve conduction values decide between axonal and demyelinating.');

  const abnormal = findings.filter((f) => f.abnormal);
  const sensory = abnormal.some((f) => f.placement?.postganglionicSensory);
  const motor = abnormal.some((f) => f.kind === 'muscle' || (f.kind === 'ncs' && !f.placement?.postganglionicSensory));
  const fibres = sensory && motor ? 'sensorimotor ' : sensory ? 'sensory ' : motor ? 'motor ' : '';
  const typeWord = type === 'undetermined' ? '' : type === 'mixed' ? 'mixed axonal and demyelinating ' : `${type} `;
  return { kind: 'polyneuropathy', type, name: `generalized length-dependent ${fibres}${typeWord}polyneuropathy`, typeReasons: reasons };
}
