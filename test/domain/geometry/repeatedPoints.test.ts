import { describe, it, expect } from 'vitest';
import { allPointsCollinear, removeRepeatedPoints } from '../../../src/domain/geometry';
import { pt } from '../shapes';

describe('repeated points', () => {
  it('drops consecutive repeats and a closing copy of the first point', () => {
    const c = [pt(0, 0), pt(0, 0), pt(1, 0), pt(1, 0), pt(1, 1), pt(0, 0), pt(0, 0)];
    expect(removeRepeatedPoints(c)).toEqual([pt(0, 0), pt(1, 0), pt(1, 1)]);
  });

  it('keeps non-consecutive revisits (those are real shape)', () => {
    const c = [pt(0, 0), pt(1, 0), pt(0, 0), pt(0, 1)];
    expect(removeRepeatedPoints(c)).toHaveLength(4);
  });

  it('collapses a single repeated point to one', () => {
    expect(removeRepeatedPoints([pt(2, 2), pt(2, 2), pt(2, 2)])).toEqual([pt(2, 2)]);
    expect(removeRepeatedPoints([])).toEqual([]);
  });
});

describe('collinearity', () => {
  it('points on one line (any direction, with repeats) are collinear', () => {
    expect(allPointsCollinear([pt(0, 0), pt(0, 0), pt(2, 2), pt(5, 5), pt(-1, -1)])).toBe(true);
    expect(allPointsCollinear([pt(3, 0), pt(3, 9), pt(3, 4)])).toBe(true);
  });
  it('one point off the line is enough to enclose area', () => {
    expect(allPointsCollinear([pt(0, 0), pt(2, 2), pt(5, 5.0001)])).toBe(false);
  });
});
