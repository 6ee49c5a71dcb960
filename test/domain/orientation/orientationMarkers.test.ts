import { describe, it, expect } from 'vitest';
import { orientationMarkers, directionLabel } from '../../../src/domain/orientation';

describe('orientation markers (LPS patient coordinates)', () => {
  it('standard axial image: patient right on the image left, anterior at the top', () => {
    expect(orientationMarkers([1, 0, 0, 0, 1, 0])).toEqual({ left: 'R', right: 'L', top: 'A', bottom: 'P' });
  });
  it('coronal image: head at the top, feet at the bottom', () => {
    expect(orientationMarkers([1, 0, 0, 0, 0, -1])).toEqual({ left: 'R', right: 'L', top: 'H', bottom: 'F' });
  });
  it('sagittal image: anterior on the left, posterior on the right', () => {
    expect(orientationMarkers([0, 1, 0, 0, 0, -1])).toEqual({ left: 'A', right: 'P', top: 'H', bottom: 'F' });
  });
  it('oblique directions list the dominant axis first', () => {
    expect(directionLabel([0.8, 0.6, 0])).toBe('LP');
    expect(directionLabel([-0.3, -0.95, 0])).toBe('AR');
  });
  it('missing or degenerate orientation gives no markers', () => {
    expect(orientationMarkers(undefined)).toBeNull();
    expect(orientationMarkers([1, 0, 0])).toBeNull();
    expect(orientationMarkers([0, 0, 0, 0, 0, 0])).toBeNull();
    expect(orientationMarkers([NaN, 0, 0, 0, 1, 0])).toBeNull();
  });
});
