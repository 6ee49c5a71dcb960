import { describe, expect, it } from 'vitest';
import { planProfilePlot } from '../../../src/components/profile/profilePlotLayout';
import { buildProfiles } from '../../../src/domain/profile';
import { CHEN_DUTCH_SET } from '../../../src/domain/reference';
import { csa } from '../../domain/profile/fixtures';

function layoutOf(ms: ReturnType<typeof csa>[]) {
  const [profile] = buildProfiles(ms, CHEN_DUTCH_SET);
  return planProfilePlot(profile!, new Map(ms.map((m) => [m.id, m])));
}

describe('profile plot layout', () => {
  it('maps a mean back to its value through the y ticks', () => {
    const layout = layoutOf([csa('gluteal-fold', 'R', 100), csa('gluteal-fold', 'R', 104), csa('gluteal-fold', 'L', 50)]);
    const [a, b] = [layout.yTicks[0]!, layout.yTicks.at(-1)!];
    const value = (y: number) => a.value + ((y - a.y) * (b.value - a.value)) / (b.y - a.y);
    const right = layout.means.find((m) => m.side === 'R')!;
    expect(value(right.y)).toBeCloseTo(102, 9);
  });

  it('draws a band only at sites with an upper limit (none just above the bifurcation)', () => {
    const layout = layoutOf([csa('gluteal-fold', 'L', 50), csa('distal-thigh-above-bifurcation', 'L', 40)]);
    expect(layout.bands.map((b) => b.site)).toEqual(['gluteal-fold']);
    expect(layout.sites.map((s) => s.hasLimit)).toEqual([true, false]);
  });

  it('breaks a side line at a site that side lacks, instead of drawing through it', () => {
    const layout = layoutOf([csa('gluteal-fold', 'R', 100), csa('mid-thigh', 'L', 42), csa('distal-thigh-above-bifurcation', 'R', 60)]);
    const right = layout.lines.find((l) => l.side === 'R')!;
    expect(right.path.match(/M/g)).toHaveLength(2);
    expect(right.path).not.toContain('L');
  });

  it('shows every repeat as its own dot, excluded ones marked, none on top of another', () => {
    const ms = [csa('gluteal-fold', 'R', 100), csa('gluteal-fold', 'R', 100.2), csa('gluteal-fold', 'R', 130, { excluded: true })];
    const layout = layoutOf(ms);
    expect(layout.repeats.map((r) => r.excluded)).toEqual([false, false, true]);
    expect(new Set(layout.repeats.map((r) => r.x)).size).toBe(3);
  });
});
