// Test-only ultrasound region builder.
import type { UltrasoundRegion } from '../../../src/domain/types';

export function region(overrides: Partial<UltrasoundRegion> = {}): UltrasoundRegion {
  return {
    regionSpatialFormat: 1,
    regionDataType: 1,
    minX0: 0,
    minY0: 0,
    maxX1: 399,
    maxY1: 299,
    physicalUnitsXDirection: 3,
    physicalUnitsYDirection: 3,
    physicalDeltaX: 0.01,
    physicalDeltaY: 0.01,
    ...overrides,
  };
}

/** Dual view: left half 0.01 cm/px, right half 0.02 cm/px. */
export const dualView: readonly UltrasoundRegion[] = [
  region({ minX0: 0, maxX1: 399, physicalDeltaX: 0.01, physicalDeltaY: 0.01 }),
  region({ minX0: 400, maxX1: 799, physicalDeltaX: 0.02, physicalDeltaY: 0.02 }),
];
