import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ellipseFromDiameters } from '../../../src/domain/geometry';

const value = (d1: number, d2: number) => {
  const r = ellipseFromDiameters(d1, d2);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

describe('ellipse from two diameters', () => {
  it('a circle (D1 = D2 = D) has area πD²/4 and circumference πD', () => {
    const { areaMm2, circumferenceMm } = value(6, 6);
    expect(areaMm2).toBeCloseTo((Math.PI * 36) / 4, 12);
    expect(circumferenceMm).toBeCloseTo(Math.PI * 6, 12);
  });

  it('area is π·D1·D2/4', () => {
    expect(value(4, 10).areaMm2).toBeCloseTo(Math.PI * 10, 12);
  });

  it('circumference follows Ramanujan: semi-axes 5 and 3 give π[3·8 − √(18·14)]', () => {
    expect(value(10, 6).circumferenceMm).toBeCloseTo(Math.PI * (24 - Math.sqrt(18 * 14)), 12);
    // Known value for a=5, b=3: 25.52699...
    expect(value(10, 6).circumferenceMm).toBeCloseTo(25.527, 3);
  });

  it('does not care which diameter is given first', () => {
    expect(value(3, 7)).toEqual(value(7, 3));
  });

  it('a flat ellipse tends to Ramanujan\'s limit π(3−√3)·a, within 0.5% of the true 4a', () => {
    const c = value(10, 1e-9).circumferenceMm;
    expect(c).toBeCloseTo(Math.PI * (3 - Math.sqrt(3)) * 5, 6);
    expect(Math.abs(c - 20) / 20).toBeLessThan(0.005);
  });

  it('refuses zero, negative and non-finite diameters', () => {
    for (const [a, b] of [[0, 5], [5, 0], [-1, 5], [5, -2], [Number.NaN, 5], [5, Number.POSITIVE_INFINITY]] as const) {
      const r = ellipseFromDiameters(a, b);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/positive/);
    }
  });

  it('property: circumference lies between the inscribed and circumscribed circles', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 50, noNaN: true }), fc.double({ min: 0.1, max: 50, noNaN: true }), (d1, d2) => {
        const c = value(d1, d2).circumferenceMm;
        expect(c).toBeGreaterThanOrEqual(Math.PI * Math.min(d1, d2) * (1 - 1e-12));
        expect(c).toBeLessThanOrEqual(Math.PI * Math.max(d1, d2) * (1 + 1e-12));
      }),
    );
  });
});
