import { describe, it, expect } from 'vitest';
import { cineFrameRate, DEFAULT_CINE_FPS } from '../../src/dicom/frameRate';

describe('cine rate comes from the file', () => {
  it('FrameTime 40 ms plays at 25 fps, and wins over CineRate', () => {
    expect(cineFrameRate({ frameTimeMs: 40, cineRate: 10 })).toEqual({ framesPerSecond: 25, source: 'FrameTime' });
  });
  it('FrameTimeVector ignores its leading zero', () => {
    expect(cineFrameRate({ frameTimeVector: [0, 50, 50, 50] })).toEqual({ framesPerSecond: 20, source: 'FrameTimeVector' });
  });
  it('CineRate, then RecommendedDisplayFrameRate', () => {
    expect(cineFrameRate({ cineRate: 30 }).source).toBe('CineRate');
    expect(cineFrameRate({ recommendedDisplayFrameRate: 15 })).toEqual({ framesPerSecond: 15, source: 'RecommendedDisplayFrameRate' });
  });
  it('zero, negative or missing timing falls back to a default that is named as such', () => {
    expect(cineFrameRate({ frameTimeMs: 0, cineRate: -1, recommendedDisplayFrameRate: null })).toEqual({
      framesPerSecond: DEFAULT_CINE_FPS,
      source: 'default',
    });
  });
});
