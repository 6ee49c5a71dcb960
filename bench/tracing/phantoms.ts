/**
 * The phantoms the tracing benchmark runs on: the realistic ones of scripts/samples/phantoms
 * (issue #17, item 1) when present, otherwise a few stand-ins (said so in the results).
 */
import { syntheticPhantom } from './syntheticPhantom';
import type { ImagePoint } from '../../src/domain/types';

export interface BenchPhantom {
  readonly id: string;
  readonly nerve: string;
  readonly rim: string;
  readonly width: number;
  readonly height: number;
  readonly pixels: ArrayLike<number>;
  readonly pixelSpacingMm: readonly [number, number];
  readonly truth: { readonly outline: readonly ImagePoint[]; readonly areaMm2?: number; readonly circumferenceMm?: number };
}

export interface PhantomSource {
  readonly name: string;
  readonly all: () => BenchPhantom[];
  readonly at: (id: string, size: { width: number; height: number }) => BenchPhantom;
}

interface RealisticModule {
  tracingPhantoms: () => BenchPhantom[];
  renderTracingPhantom: (id: string, size?: { width: number; height: number }) => BenchPhantom;
}

const STAND_INS = [
  { id: 'standin-oval', nerve: 'sciatic', rim: 'clear', spec: { rx: 0.1, ry: 0.06, lumps: 0.06 } },
  { id: 'standin-round-gap', nerve: 'tibial', rim: 'gapped', spec: { rx: 0.06, ry: 0.06, gap: [0.5, 1.2] as [number, number], rimContrast: 0.5 } },
  { id: 'standin-flat-faint', nerve: 'sciatic', rim: 'faint', spec: { rx: 0.14, ry: 0.05, lumps: 0.1, rimContrast: 0.3 } },
  { id: 'standin-small', nerve: 'commonPeroneal', rim: 'clear', spec: { rx: 0.04, ry: 0.03, lumps: 0.04 } },
];

function standIn(id: string, size = { width: 640, height: 480 }): BenchPhantom {
  const k = STAND_INS.findIndex((s) => s.id === id);
  const s = STAND_INS[k]!;
  const scale = size.width;
  const p = syntheticPhantom(id, { width: size.width, height: size.height, cx: size.width / 2, cy: size.height / 2, ...s.spec, rx: s.spec.rx * scale, ry: s.spec.ry * scale, seed: k + 1 });
  const spacing = 0.1 * (640 / size.width);
  return { ...p, nerve: s.nerve, rim: s.rim, pixelSpacingMm: [spacing, spacing] };
}

export async function phantomSource(): Promise<PhantomSource> {
  const path = '../../scripts/samples/phantoms/index.ts';
  try {
    const mod = (await import(/* @vite-ignore */ path)) as RealisticModule;
    if (typeof mod.tracingPhantoms === 'function') {
      return { name: 'scripts/samples/phantoms (realistic)', all: () => mod.tracingPhantoms(), at: (id, size) => mod.renderTracingPhantom(id, size) };
    }
  } catch {
    // Not there yet: stand-ins below.
  }
  return { name: 'bench/tracing/syntheticPhantom (stand-ins: the realistic phantoms were not found)', all: () => STAND_INS.map((s) => standIn(s.id)), at: standIn };
}
