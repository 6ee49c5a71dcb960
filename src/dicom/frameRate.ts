/**
 * The rate a cine clip should play at, from the file itself, in the order a scanner's own
 * player would use: FrameTime (0018,1063), then CineRate (0018,0040), then
 * RecommendedDisplayFrameRate (0008,2144). Without any of them we say so and use a default.
 */
export interface CineRateSource {
  readonly frameTimeMs?: number | null | undefined;
  readonly frameTimeVector?: readonly number[] | null | undefined;
  readonly cineRate?: number | null | undefined;
  readonly recommendedDisplayFrameRate?: number | null | undefined;
}

export interface CineRate {
  readonly framesPerSecond: number;
  readonly source: 'FrameTime' | 'FrameTimeVector' | 'CineRate' | 'RecommendedDisplayFrameRate' | 'default';
}

export const DEFAULT_CINE_FPS = 25;

const positive = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;

export function cineFrameRate(meta: CineRateSource): CineRate {
  if (positive(meta.frameTimeMs)) return { framesPerSecond: 1000 / meta.frameTimeMs, source: 'FrameTime' };
  // FrameTimeVector holds the time since the previous frame; its first entry is 0 by definition.
  const vector = (meta.frameTimeVector ?? []).slice(1).filter(positive);
  if (vector.length) {
    const meanMs = vector.reduce((s, v) => s + v, 0) / vector.length;
    return { framesPerSecond: 1000 / meanMs, source: 'FrameTimeVector' };
  }
  if (positive(meta.cineRate)) return { framesPerSecond: meta.cineRate, source: 'CineRate' };
  if (positive(meta.recommendedDisplayFrameRate)) {
    return { framesPerSecond: meta.recommendedDisplayFrameRate, source: 'RecommendedDisplayFrameRate' };
  }
  return { framesPerSecond: DEFAULT_CINE_FPS, source: 'default' };
}
