import { describe, expect, it } from 'vitest';
import {
  MUSCLES,
  NCS_NERVES,
  matchMuscle,
  parseGrade,
  parseLevel,
  parseOtherDischarges,
  parsePolyphasia,
  parseRecruitment,
  resolveMuscle,
  resolveNcsNerve,
} from '../../../src/domain/emg';

describe('grades: "0", "1+", "+", "++", "+++", "++++", "4+", "none", "-" → number', () => {
  it.each([
    ['0', 0],
    ['1+', 1],
    ['+', 1],
    ['++', 2],
    ['+++', 3],
    ['++++', 4],
    ['4+', 4],
    ['none', 0],
    ['-', 0],
    ['2', 2],
    [' 3+ ', 3],
    ['None', 0],
    ['+2', 2],
  ])('%s → %i', (text, grade) => {
    const r = parseGrade(text);
    expect(r).toEqual({ ok: true, value: grade });
  });

  it.each(['5+', '+++++', 'many', 'x'])('refuses %s with a plain sentence', (text) => {
    const r = parseGrade(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/is not a grade/);
  });
});

describe('recruitment and interference terms', () => {
  it.each([
    ['mixed phase', 'reduced'],
    ['Mixed-phase', 'reduced'],
    ['reduced', 'reduced'],
    ['simple phase', 'discrete'],
    ['Simple Phase', 'discrete'],
    ['discrete', 'discrete'],
    ['single unit', 'single-unit'],
    ['Single-unit', 'single-unit'],
    ['no MUAP', 'none'],
    ['no MUP', 'none'],
    ['none', 'none'],
    ['interference', 'full'],
    ['full', 'full'],
    ['complete', 'full'],
  ])('"%s" → %s', (text, value) => {
    expect(parseRecruitment(text)).toEqual({ ok: true, value });
  });

  it('refuses an unknown term', () => {
    expect(parseRecruitment('early').ok).toBe(false);
  });

  it('MUAP levels, polyphasia and other discharges', () => {
    expect(parseLevel('Inc')).toEqual({ ok: true, value: 'increased' });
    expect(parseLevel('N')).toEqual({ ok: true, value: 'normal' });
    expect(parseLevel('-1')).toEqual({ ok: true, value: 'decreased' });
    expect(parseLevel('-').ok).toBe(false); // ambiguous in a MUAP column
    expect(parsePolyphasia('++')).toEqual({ ok: true, value: 'increased' });
    expect(parseOtherDischarges('CRD, myokymia')).toEqual({ discharges: ['complex-repetitive', 'myokymic'], unknown: [] });
    expect(parseOtherDischarges('none')).toEqual({ discharges: [], unknown: [] });
    expect(parseOtherDischarges('fascics; doublets')).toEqual({ discharges: ['fasciculations'], unknown: ['doublets'] });
  });
});

describe('muscle vocabulary (innervation table, clinical reference §2)', () => {
  it.each([
    ['TA', 'tibialis-anterior'],
    ['tib ant', 'tibialis-anterior'],
    ['Tibialis Anterior', 'tibialis-anterior'],
    ['m. tibialis anterior', 'tibialis-anterior'],
    ['EHL', 'extensor-hallucis-longus'],
    ['BFSH', 'biceps-femoris-short-head'],
    ['biceps femoris (short head)', 'biceps-femoris-short-head'],
    ['Biceps femoris, long head', 'biceps-femoris-long-head'],
    ['med gastroc', 'gastrocnemius-medial-head'],
    ['Gastroc (med)', 'gastrocnemius-medial-head'],
    ['EDB', 'extensor-digitorum-brevis'],
    ['TFL', 'tensor-fasciae-latae'],
    ['glut med', 'gluteus-medius'],
    ['Glut. Max.', 'gluteus-maximus'],
    ['paraspinals L5', 'paraspinals-L5'],
    ['L5 paraspinals', 'paraspinals-L5'],
    ['L4/5 paraspinals', 'paraspinals-L4-L5'],
    ['Paraspinals L5-S1', 'paraspinals-L5-S1'],
    ['S1 PSP', 'paraspinals-S1'],
    ['peroneus longus', 'peroneus-longus'],
    ['Fibularis longus', 'peroneus-longus'],
    ['Tib post', 'tibialis-posterior'],
    ['FDL', 'flexor-digitorum-longus'],
    ['Abd hallucis', 'abductor-hallucis'],
    ['EAS', 'external-anal-sphincter'],
    ['vastus lateralis', 'vastus-lateralis'],
    ['Add long', 'adductor-longus'],
    ['iliopsoas', 'iliopsoas'],
    ['tibialis-anterior', 'tibialis-anterior'],
  ])('"%s" → %s', (text, id) => {
    expect(resolveMuscle(text)?.id).toBe(id);
  });

  it('does not guess between the heads of biceps femoris', () => {
    const match = matchMuscle('Biceps femoris');
    expect(match.kind).toBe('ambiguous');
    if (match.kind === 'ambiguous') expect(match.candidates.map((m) => m.id)).toEqual(['biceps-femoris-long-head', 'biceps-femoris-short-head']);
    expect(matchMuscle('rectus femoris').kind).toBe('unknown');
  });

  it('every muscle has a branch, probable roots and a source; conventions are flagged as in the table', () => {
    const ids = new Set<string>();
    for (const muscle of MUSCLES) {
      expect(ids.has(muscle.id)).toBe(false);
      ids.add(muscle.id);
      expect(muscle.roots.probable).toBe(true);
      expect(muscle.roots.levels.length).toBeGreaterThan(0);
      expect(muscle.source.length).toBeGreaterThan(0);
      expect(muscle.roots.source.length).toBeGreaterThan(0);
    }
    const conventionRoots = MUSCLES.filter((m) => m.roots.convention).map((m) => m.id);
    for (const id of ['iliopsoas', 'extensor-hallucis-longus', 'extensor-digitorum-brevis', 'abductor-hallucis', 'flexor-hallucis-brevis', 'external-anal-sphincter', 'paraspinals-L5']) {
      expect(conventionRoots).toContain(id);
    }
    expect(conventionRoots).not.toContain('tibialis-anterior');
    expect(resolveMuscle('TFL')!.source).toBe('S21');
  });

  it('root sets follow the table', () => {
    const roots = (id: string) => resolveMuscle(id)!.roots.levels.join(',');
    expect(roots('tibialis-anterior')).toBe('L4,L5');
    expect(roots('extensor-hallucis-longus')).toBe('L5');
    expect(roots('biceps-femoris-short-head')).toBe('L5,S1,S2');
    expect(roots('gastrocnemius-medial-head')).toBe('S1,S2');
    expect(roots('gluteus-medius')).toBe('L4,L5,S1');
    expect(roots('gluteus-maximus')).toBe('L5,S1,S2');
    expect(roots('external-anal-sphincter')).toBe('S2,S3,S4');
    expect(resolveMuscle('vastus-medialis')!.roots.main).toBe('L3');
    expect(resolveMuscle('biceps-femoris-short-head')!.branch).toBe('sciatic-peroneal-division');
    expect(resolveMuscle('biceps-femoris-long-head')!.branch).toBe('sciatic-tibial-division');
  });
});

describe('conduction study names', () => {
  it.each([
    ['Peroneal Motor (EDB)', 'peroneal-motor-edb'],
    ['Fibular motor', 'peroneal-motor-edb'],
    ['Peroneal - TA', 'peroneal-motor-ta'],
    ['Tibial Motor (Abd Hallucis)', 'tibial-motor-ah'],
    ['Tibial (FDMB)', 'tibial-motor-fdmb'],
    ['Sural anti sensory', 'sural-sensory'],
    ['Superficial peroneal', 'superficial-peroneal-sensory'],
    ['Sup fibular sensory', 'superficial-peroneal-sensory'],
    ['Peroneal sensory', 'superficial-peroneal-sensory'],
    ['H-reflex', 'tibial-h-reflex'],
    ['Tibial H', 'tibial-h-reflex'],
    ['Saphenous', 'saphenous-sensory'],
    ['Femoral motor (quadriceps)', 'femoral-motor'],
  ])('"%s" → %s', (text, id) => {
    expect(resolveNcsNerve(text)?.id).toBe(id);
  });

  it('sensory responses are postganglionic (spared by root lesions, S26); motor responses are not', () => {
    for (const n of NCS_NERVES) expect(n.postganglionicSensory).toBe(n.kind === 'sensory');
    expect(resolveNcsNerve('Median motor')).toBeNull();
    expect(resolveNcsNerve('Lateral femoral cutaneous')).toBeNull();
  });
});
