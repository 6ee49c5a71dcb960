import { describe, expect, it } from 'vitest';
import { MUSCLES, NCS_NERVES } from '../../../src/domain/emg';
import {
  LESION_LEVELS,
  NERVE_GRAPH,
  ancestorsOf,
  isAtOrBelow,
  musclesAffectedBy,
  musclesDownstreamOf,
  segmentNode,
  studiesAffectedBy,
} from '../../../src/domain/localization';

const ids = (list: ReadonlyArray<{ id: string }>) => list.map((x) => x.id);

describe('nerve graph (data)', () => {
  it('every muscle and conduction study hangs from a node of the graph', () => {
    const nodes = new Set(NERVE_GRAPH.map((n) => n.id));
    for (const m of MUSCLES) expect(nodes.has(m.branch), m.id).toBe(true);
    for (const n of NCS_NERVES) expect(nodes.has(n.branch), n.id).toBe(true);
  });

  it('the tree runs plexus → sciatic trunk → peroneal division → common peroneal at the fibular head → deep/superficial peroneal', () => {
    expect(ancestorsOf('deep-peroneal')).toEqual([
      'deep-peroneal',
      'common-peroneal-fibular-head',
      'sciatic-peroneal-division',
      'sciatic-trunk',
      'sacral-plexus',
      'lumbosacral-plexus',
    ]);
    expect(ancestorsOf('tibial')).toEqual(['tibial', 'sciatic-tibial-division', 'sciatic-trunk', 'sacral-plexus', 'lumbosacral-plexus']);
    expect(isAtOrBelow('superior-gluteal', 'sciatic-trunk')).toBe(false);
    expect(isAtOrBelow('femoral', 'lumbar-plexus')).toBe(true);
    expect(ancestorsOf('dorsal-rami')).toEqual(['dorsal-rami']);
  });

  it('candidate lesion sites include each root level, the plexus, the sciatic trunk and divisions, peroneal and tibial nerves, gluteal nerves and pudendal', () => {
    for (const level of [
      'root-L2',
      'root-L5',
      'root-S1',
      'root-S4',
      'lumbosacral-plexus',
      'sacral-plexus',
      'sciatic-trunk',
      'sciatic-peroneal-division',
      'sciatic-tibial-division',
      'common-peroneal-fibular-head',
      'deep-peroneal',
      'superficial-peroneal',
      'tibial',
      'superior-gluteal',
      'inferior-gluteal',
      'pudendal',
    ]) {
      expect(LESION_LEVELS).toContain(level);
    }
    expect(LESION_LEVELS).not.toContain('dorsal-rami');
  });

  it('paraspinals are affected only by root lesions (dorsal rami leave at the root)', () => {
    for (const level of LESION_LEVELS) {
      const para = musclesAffectedBy(level).filter((m) => m.branch === 'dorsal-rami');
      if (level.startsWith('root-')) continue;
      expect(para, level).toEqual([]);
    }
    expect(ids(musclesAffectedBy('root-L5'))).toContain('paraspinals-L5');
  });

  it('a root lesion does not affect sensory responses (preganglionic); plexus and nerve lesions do', () => {
    expect(ids(studiesAffectedBy('root-S1'))).not.toContain('sural-sensory');
    expect(ids(studiesAffectedBy('root-S1'))).toContain('tibial-h-reflex');
    expect(ids(studiesAffectedBy('root-L5'))).not.toContain('superficial-peroneal-sensory');
    expect(ids(studiesAffectedBy('root-L5'))).toContain('peroneal-motor-edb');
    expect(ids(studiesAffectedBy('sacral-plexus'))).toContain('sural-sensory');
    expect(ids(studiesAffectedBy('common-peroneal-fibular-head'))).toContain('superficial-peroneal-sensory');
  });

  it('musclesDownstreamOf maps imaged segments to graph nodes', () => {
    expect(segmentNode('sciatic', 'gluteal-fold')).toBe('sciatic-trunk');
    expect(segmentNode('sciatic', 'mid-thigh')).toBe('sciatic-trunk');
    expect(segmentNode('tibial', 'popliteal-fossa')).toBe('tibial');
    expect(segmentNode('common-peroneal', 'fibular-head')).toBe('common-peroneal-fibular-head');
    expect(segmentNode('custom:Sural nerve', 'custom:calf')).toBeNull();

    const sciatic = ids(musclesDownstreamOf('sciatic', 'gluteal-fold'));
    for (const id of ['biceps-femoris-short-head', 'biceps-femoris-long-head', 'tibialis-anterior', 'gastrocnemius-medial-head', 'extensor-digitorum-brevis']) {
      expect(sciatic).toContain(id);
    }
    for (const id of ['gluteus-medius', 'gluteus-maximus', 'paraspinals-L5', 'vastus-lateralis']) expect(sciatic).not.toContain(id);

    const fibularHead = ids(musclesDownstreamOf('common-peroneal', 'fibular-head'));
    expect(fibularHead.sort()).toEqual(['extensor-digitorum-brevis', 'extensor-hallucis-longus', 'peroneus-longus', 'tibialis-anterior']);
    const tibial = ids(musclesDownstreamOf('tibial', 'popliteal-fossa'));
    expect(tibial).toContain('tibialis-posterior');
    expect(tibial).not.toContain('tibialis-anterior');
    expect(tibial).not.toContain('biceps-femoris-long-head');
  });
});
