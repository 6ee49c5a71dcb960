/**
 * Outlines for the sample measurements: the manifest's true outline, and "repeat" tracings that a
 * sonographer's second and third attempts would give — slightly scaled, turned and jittered, from
 * a seeded generator so the file is reproducible.
 */
import type { ImagePoint } from '../../src/domain/types.ts';
import { contourCentroid } from '../../src/domain/geometry/index.ts';

/** mulberry32: small deterministic PRNG. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const round3 = (v: number): number => Math.round(v * 1000) / 1000;

export function fromManifest(outline: ReadonlyArray<readonly [number, number]>): ImagePoint[] {
  return outline.map(([x, y]) => ({ x, y }));
}

/** A repeat tracing: scaled about the centroid, turned by a small angle, each vertex jittered. */
export function perturbed(outline: readonly ImagePoint[], scale: number, turnDeg: number, jitterPx: number, seed: number): ImagePoint[] {
  const centre = contourCentroid(outline);
  if (!centre) throw new Error('outline has no centroid');
  const random = seededRandom(seed);
  const turn = (turnDeg * Math.PI) / 180;
  const [cos, sin] = [Math.cos(turn), Math.sin(turn)];
  return outline.map((p) => {
    const dx = (p.x - centre.x) * scale;
    const dy = (p.y - centre.y) * scale;
    return {
      x: round3(centre.x + dx * cos - dy * sin + (random() - 0.5) * 2 * jitterPx),
      y: round3(centre.y + dx * sin + dy * cos + (random() - 0.5) * 2 * jitterPx),
    };
  });
}
