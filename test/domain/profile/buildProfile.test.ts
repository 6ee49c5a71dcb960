import { describe, expect, it } from 'vitest';
import { buildProfiles, orderSites, profileCsv, profileTableRows, PROFILE_TABLE_COLUMNS, PROFILE_SITES } from '../../../src/domain/profile';
import { CHEN_DUTCH_SET } from '../../../src/domain/reference';
import { csa } from './fixtures';

describe('sites as data', () => {
  it('orders the sciatic sites proximal to distal whatever order they were measured in, user sites after them', () => {
    expect(orderSites('sciatic', ['custom:10 cm above the crease', 'distal-thigh-above-bifurcation', 'gluteal-fold', 'mid-thigh'])).toEqual([
      'gluteal-fold',
      'mid-thigh',
      'distal-thigh-above-bifurcation',
      'custom:10 cm above the crease',
    ]);
  });

  it('places user sites in the order the user gives', () => {
    expect(orderSites('sciatic', ['custom:b', 'custom:a', 'gluteal-fold'], ['custom:a', 'custom:b'])).toEqual(['gluteal-fold', 'custom:a', 'custom:b']);
  });

  it('names a position along the nerve only where a protocol defines it, with its source', () => {
    const sciatic = PROFILE_SITES.sciatic;
    expect(sciatic.find((s) => s.site === 'mid-thigh')).toMatchObject({ positionSource: 'S1' });
    expect(sciatic.find((s) => s.site === 'distal-thigh-above-bifurcation')).toMatchObject({ position: null, positionSource: null });
  });
});

describe('CSA profile per nerve and side', () => {
  it('is the mean ± SD of the included repeats; an excluded repeat is listed but not averaged', () => {
    const [p] = buildProfiles(
      [csa('gluteal-fold', 'R', 100), csa('gluteal-fold', 'R', 104), csa('gluteal-fold', 'R', 200, { excluded: true, id: 'bad' })],
      CHEN_DUTCH_SET,
    );
    const right = p!.sites[0]!.right!;
    expect(right.summary!.count).toBe(2);
    expect(right.summary!.meanMm2).toBeCloseTo(102, 9);
    expect(right.summary!.sdMm2).toBeCloseTo(Math.SQRT2 * 2, 9);
    expect(right.excludedIds).toEqual(['bad']);
    expect(right.measurementIds).not.toContain('bad');
  });

  it('a site measured on one side only has no difference or ratio, and says which side is missing', () => {
    const [p] = buildProfiles([csa('gluteal-fold', 'L', 50), csa('gluteal-fold', 'R', 100), csa('mid-thigh', 'R', 84)], CHEN_DUTCH_SET);
    const mid = p!.sites.find((s) => s.site === 'mid-thigh')!;
    expect(mid.left).toBeNull();
    expect(mid.differenceMm2).toBeNull();
    expect(mid.ratio).toBeNull();
    const glut = p!.sites.find((s) => s.site === 'gluteal-fold')!;
    expect(glut.differenceMm2).toBeCloseTo(50, 9);
    expect(glut.ratio).toBeCloseTo(2, 9);
    expect(glut.largerSide).toBe('R');
    const row = profileTableRows([p!]).find((r) => r[2] === 'Mid-thigh')!;
    expect(row[PROFILE_TABLE_COLUMNS.indexOf('Notes')]).toContain('Left not measured');
  });

  it('carries the upper limit of the site where the reference set has one, and none at the sciatic bifurcation', () => {
    const [p] = buildProfiles([csa('gluteal-fold', 'L', 50), csa('distal-thigh-above-bifurcation', 'L', 40)], CHEN_DUTCH_SET);
    expect(p!.sites[0]!.threshold).toMatchObject({ upperLimitMm2: 58.3, source: 'S1' });
    expect(p!.sites[1]!.threshold).toBeNull();
  });

  it('never mixes px² with mm²: uncalibrated repeats are summarised apart and not part of the mean', () => {
    const [p] = buildProfiles([csa('gluteal-fold', 'R', 100), csa('gluteal-fold', 'R', 16, { uncalibrated: true })], CHEN_DUTCH_SET);
    const right = p!.sites[0]!.right!;
    expect(right.summary!.meanMm2).toBeCloseTo(100, 9);
    expect(right.summary!.count).toBe(1);
    // 100 × 16 px rectangle = 1600 px²
    expect(right.uncalibrated).toMatchObject({ count: 1, meanPx2: 1600 });
  });

  it('keeps an ultrasound and an MRI profile apart', () => {
    const profiles = buildProfiles([csa('mid-thigh', 'R', 84), csa('mid-thigh', 'R', 92, { modality: 'MR' })], CHEN_DUTCH_SET);
    expect(profiles.map((p) => p.label)).toEqual(['Sciatic nerve — ultrasound', 'Sciatic nerve — MRI']);
  });

  it('intranerve variability is largest/smallest CSA along the nerve per side (S10), with no verdict without a published limit', () => {
    const [p] = buildProfiles(
      [csa('gluteal-fold', 'R', 100), csa('mid-thigh', 'R', 84), csa('distal-thigh-above-bifurcation', 'R', 50), csa('gluteal-fold', 'L', 50)],
      CHEN_DUTCH_SET,
    );
    expect(p!.variability.R).toMatchObject({ ratio: 2, siteCount: 3, limit: null, aboveLimit: null });
    expect(p!.variability.R!.largest.site).toBe('gluteal-fold');
    expect(p!.variability.R!.smallest.site).toBe('distal-thigh-above-bifurcation');
    // one site on the left: no variability
    expect(p!.variability.L).toBeNull();
  });

  it('the CSV has the same digits as the table rows', () => {
    const profiles = buildProfiles([csa('gluteal-fold', 'L', 50.04), csa('gluteal-fold', 'R', 100.06)], CHEN_DUTCH_SET);
    const csv = profileCsv(profiles);
    const [header, line] = csv.split('\r\n');
    expect(header!.split(',')[4]).toBe('Left mean (mm2)');
    expect(line).toContain(',50.0,');
    expect(line).toContain(',100.1,');
    expect(line).toContain(',2.00,');
  });
});
