import { describe, expect, it } from 'vitest';
import { parseEmgTable, parseNcsTable } from '../../../src/domain/emg';

const EMG_PASTE = [
  'Needle EMG — Dr X',
  'Muscle\tSide\tIns. Act.\tFibs\tPSW\tFasc\tOther\tAmp\tDur\tPoly\tRecruitment/Interference',
  'Tib Ant\tR\tInc\t++\t+\t0\t\tN\tN\tN\tSimple phase',
  'EHL\tR\tN\t+++\t++\t-\tCRD\tInc\tInc\tInc\tMixed phase',
  'BFSH\tR\tN\t0\t-\t\t\tN\tN\tN\tInterference',
  'Med gastroc\tR\tN\tnone\t0\t\t\tN\tN\tN\tfull',
  'Popliteus\tR\tN\t0\t0\t\t\tN\tN\tN\tfull',
  'L5 paraspinals\tR\tN\t1+\t1+',
  '',
  'Glut med\tR\tN\t0\t0\t\tmyokymia\tN\tN\tN\tno MUAP',
].join('\n');

describe('parseEmgTable: a tab-separated table pasted from a report', () => {
  const result = parseEmgTable(EMG_PASTE);

  it('matches the header flexibly (case, punctuation, synonyms) and reports what each column became', () => {
    expect(result.columns.map((c) => c.field)).toEqual([
      'muscle',
      'side',
      'insertionalActivity',
      'fibrillations',
      'positiveSharpWaves',
      'fasciculations',
      'otherDischarges',
      'muapAmplitude',
      'muapDuration',
      'polyphasia',
      'recruitment',
    ]);
    expect(result.warnings).toContainEqual({ line: 1, message: 'Line above the header row ignored.' });
  });

  it('reads "simple phase" as discrete and "++" as fibrillation grade 2', () => {
    const ta = result.rows[0]!;
    expect(ta).toMatchObject({
      id: 'emg-3',
      muscle: 'tibialis-anterior',
      side: 'R',
      insertionalActivity: 'increased',
      fibrillations: 2,
      positiveSharpWaves: 1,
      recruitment: 'discrete',
      sourceLine: 3,
    });
    expect(ta.otherDischarges).toBeUndefined();
  });

  it('reads "+++", CRD, increased MUAPs and "mixed phase" (reduced)', () => {
    expect(result.rows[1]).toMatchObject({
      muscle: 'extensor-hallucis-longus',
      fibrillations: 3,
      positiveSharpWaves: 2,
      otherDischarges: ['complex-repetitive'],
      muapAmplitude: 'increased',
      muapDuration: 'increased',
      polyphasia: 'increased',
      recruitment: 'reduced',
    });
  });

  it('reads "-" and "none" grades as 0 and "interference" as full recruitment', () => {
    expect(result.rows[2]).toMatchObject({ muscle: 'biceps-femoris-short-head', fibrillations: 0, positiveSharpWaves: 0, recruitment: 'full' });
    expect(result.rows[3]).toMatchObject({ muscle: 'gastrocnemius-medial-head', fibrillations: 0 });
  });

  it('keeps an unknown muscle as free text with a warning on its line', () => {
    expect(result.rows[4]!.muscle).toBe('Popliteus');
    expect(result.warnings).toContainEqual({
      line: 7,
      message: 'Muscle "Popliteus" is not in the vocabulary: kept as free text (it cannot be placed on the nerve graph).',
    });
  });

  it('leaves missing cells undefined (not recorded), skips blank lines, reads myokymia and "no MUAP"', () => {
    const para = result.rows[5]!;
    expect(para).toMatchObject({ muscle: 'paraspinals-L5', fibrillations: 1, positiveSharpWaves: 1 });
    expect(para.recruitment).toBeUndefined();
    expect(para.muapAmplitude).toBeUndefined();
    expect(result.rows[6]).toMatchObject({ muscle: 'gluteus-medius', otherDischarges: ['myokymic'], recruitment: 'none', sourceLine: 10 });
    expect(result.rows).toHaveLength(7);
  });

  it('takes the side from the muscle cell when there is no side column ("R Tib Ant", "Gastroc (L)")', () => {
    const r = parseEmgTable('Muscle\tFib\tPSW\nR Tib Ant\t2+\t1+\nGastroc (L)\t0\t0\nSoleus\t0\t0');
    expect(r.rows.map((x) => [x.muscle, x.side])).toEqual([
      ['tibialis-anterior', 'R'],
      ['gastrocnemius', 'L'],
    ]);
    expect(r.warnings).toContainEqual({ line: 4, message: 'No side for "Soleus": row skipped (add a Side column or choose a default side).' });
    const withDefault = parseEmgTable('Muscle\tFib\nSoleus\t0', { defaultSide: 'L' });
    expect(withDefault.rows[0]).toMatchObject({ muscle: 'soleus', side: 'L' });
  });

  it('warns about unreadable cells instead of guessing; "-" in a MUAP column is read as normal and said so', () => {
    const r = parseEmgTable('Muscle\tSide\tFibs\tRecruitment\tAmp\nTA\tR\tlots\tearly\t-\nEHL\tX\t0\tfull\tN');
    expect(r.rows[0]!.fibrillations).toBeUndefined();
    expect(r.rows[0]!.recruitment).toBeUndefined();
    expect(r.rows[0]!.muapAmplitude).toBe('normal');
    expect(r.warnings.map((w) => w.message)).toEqual([
      'Fibrillations: "lots" is not a grade (write 0, 1+ … 4+, or + … ++++).',
      'MUAP amplitude: this table writes "-" for no change; read as normal in this column.',
      'Recruitment: "early" is not a recruitment pattern.',
      'Side "X" not recognised (write L or R).',
      'No side for "EHL": row skipped (add a Side column or choose a default side).',
    ]);
  });

  it('a combined Fib/PSW column sets both; an ambiguous "biceps femoris" stays free text with a warning', () => {
    const r = parseEmgTable('Muscle\tSide\tFib/PSW\tIP\nTA\tL\t++\tsingle unit\nBiceps femoris\tL\t0\tfull');
    expect(r.rows[0]).toMatchObject({ fibrillations: 2, positiveSharpWaves: 2, recruitment: 'single-unit' });
    expect(r.rows[1]!.muscle).toBe('Biceps femoris');
    expect(r.warnings[0]!.message).toMatch(/could mean biceps femoris \(long head\) or biceps femoris \(short head\)/);
  });

  it('accepts runs of spaces or "|" when the tabs were lost, with a warning to check the preview', () => {
    const spaced = parseEmgTable('Muscle    Side    Fibs    Recruitment\nTib ant    R    ++    simple phase');
    expect(spaced.rows[0]).toMatchObject({ muscle: 'tibialis-anterior', fibrillations: 2, recruitment: 'discrete' });
    expect(spaced.warnings[0]!.message).toMatch(/No tabs found/);
    const piped = parseEmgTable('| Muscle | Side | Fibs |\n| EDB | L | 3+ |');
    expect(piped.rows[0]).toMatchObject({ muscle: 'extensor-digitorum-brevis', side: 'L', fibrillations: 3 });
  });

  it('finds no header → no rows and one warning', () => {
    const r = parseEmgTable('TA\tR\t++');
    expect(r.rows).toEqual([]);
    expect(r.warnings).toEqual([{ line: 1, message: 'No header row with a "Muscle" column was found: nothing was read.' }]);
  });
});

describe('parseNcsTable', () => {
  it('reads one row per study, "NR", decimal commas and the kind from the controlled list', () => {
    const r = parseNcsTable(
      [
        'Nerve\tSide\tLat (ms)\tAmp\tCV (m/s)',
        'Peroneal Motor (EDB)\tR\t5,1\t1,2\t41',
        'Sural\tR\tNR\tNR\t',
        'Superficial peroneal\tL\t3.5\t12\t',
        'Median motor\tR\t3.5\t8\t55',
      ].join('\n'),
    );
    expect(r.rows[0]).toMatchObject({ nerve: 'peroneal-motor-edb', kind: 'motor', side: 'R', latencyMs: 5.1, amplitude: 1.2, velocityMs: 41, noResponse: false });
    expect(r.rows[1]).toMatchObject({ nerve: 'sural-sensory', kind: 'sensory', noResponse: true });
    expect(r.rows[1]!.latencyMs).toBeUndefined();
    expect(r.rows[2]).toMatchObject({ nerve: 'superficial-peroneal-sensory', kind: 'sensory', side: 'L' });
    expect(r.rows[3]).toMatchObject({ nerve: 'Median motor', kind: 'motor' });
    expect(r.warnings).toContainEqual({
      line: 5,
      message: 'Study "Median motor" is not in the controlled list: kept as free text (no normal limits, not placed on the nerve graph).',
    });
  });

  it('reads a study heading followed by its stimulation sites, with the side in the study name', () => {
    const r = parseNcsTable(
      ['Nerve / Sites\tSite\tOnset Lat\tAmp (mV)\tVelocity', 'R Peroneal - EDB', '\tAnkle\t4.9\t1.5\t', '\tBelow fib head\t11.2\t1.4\t42', '\tPop fossa\t13.9\t0.6\t31'].join('\n'),
    );
    expect(r.rows.map((x) => [x.nerve, x.side, x.stimulationSite, x.amplitude])).toEqual([
      ['peroneal-motor-edb', 'R', 'Ankle', 1.5],
      ['peroneal-motor-edb', 'R', 'Below fib head', 1.4],
      ['peroneal-motor-edb', 'R', 'Pop fossa', 0.6],
    ]);
    expect(r.warnings).toEqual([]);
  });

  it('uses a Type column for free-text studies and warns when it cannot tell motor from sensory', () => {
    const r = parseNcsTable('Nerve\tSide\tType\tAmp\nLat femoral cutaneous\tL\tsensory\t4\nMystery\tL\t\t3');
    expect(r.rows[0]).toMatchObject({ kind: 'sensory' });
    expect(r.rows[1]).toMatchObject({ kind: 'motor' });
    expect(r.warnings.map((w) => w.message)).toContain('Could not tell whether "Mystery" is motor or sensory: taken as motor; check the preview.');
  });
});
