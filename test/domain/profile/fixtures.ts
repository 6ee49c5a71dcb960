/** Measurements of a given area (mm²) for the profile and follow-up tests. */
import type { NerveMeasurement } from '../../../src/domain/measurement';
import type { NerveId, SiteId } from '../../../src/domain/reference';
import type { Side } from '../../../src/domain/types';
import { UNCALIBRATED, measurement, rect } from '../session/fixtures';

let next = 0;

/** A 100 px wide rectangle at 0.1 mm/px: `areaMm2` px high gives exactly areaMm2 mm². */
export function csa(
  site: SiteId,
  side: Side,
  areaMm2: number,
  extra: { nerve?: NerveId; modality?: string; excluded?: boolean; uncalibrated?: boolean; id?: string } = {},
): NerveMeasurement {
  const m = measurement({
    id: extra.id ?? `m${++next}`,
    site,
    side,
    nerve: extra.nerve ?? 'sciatic',
    modality: extra.modality ?? 'US',
    contour: rect(0, 0, 100, areaMm2),
    ...(extra.uncalibrated ? { calibration: UNCALIBRATED } : {}),
  });
  return extra.excluded ? { ...m, excluded: true } : m;
}
