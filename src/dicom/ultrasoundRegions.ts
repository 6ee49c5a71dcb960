/**
 * Sequence of Ultrasound Regions (0018,6011): one item per region of the image with its own
 * physical scale. Values are returned as stored (deltas in the file's units, usually cm/pixel);
 * converting and validating them is the domain's job.
 */
import type { DataSet } from './values.ts';
import type { UltrasoundRegion } from '../domain/types.ts';
import { f64, items, u16, u32 } from './values.ts';

export const TAG_SEQUENCE_OF_ULTRASOUND_REGIONS = 'x00186011';

export interface UltrasoundRegionsResult {
  readonly regions: UltrasoundRegion[];
  /** One sentence per item that had to be skipped. */
  readonly warnings: string[];
}

export function readUltrasoundRegions(ds: DataSet): UltrasoundRegionsResult {
  const regions: UltrasoundRegion[] = [];
  const warnings: string[] = [];
  items(ds, TAG_SEQUENCE_OF_ULTRASOUND_REGIONS).forEach((item, index) => {
    const minX0 = u32(item, 'x00186018');
    const minY0 = u32(item, 'x0018601a');
    const maxX1 = u32(item, 'x0018601c');
    const maxY1 = u32(item, 'x0018601e');
    const physicalDeltaX = f64(item, 'x0018602c');
    const physicalDeltaY = f64(item, 'x0018602e');
    if (minX0 === null || minY0 === null || maxX1 === null || maxY1 === null) {
      warnings.push(`Ultrasound region ${index} was ignored because its bounds (0018,6018)-(0018,601E) are missing.`);
      return;
    }
    if (physicalDeltaX === null || physicalDeltaY === null) {
      warnings.push(`Ultrasound region ${index} was ignored because its physical deltas (0018,602C)/(0018,602E) are missing.`);
      return;
    }
    regions.push({
      regionSpatialFormat: u16(item, 'x00186012') ?? 0,
      regionDataType: u16(item, 'x00186014') ?? 0,
      minX0,
      minY0,
      maxX1,
      maxY1,
      physicalUnitsXDirection: u16(item, 'x00186024') ?? 0,
      physicalUnitsYDirection: u16(item, 'x00186026') ?? 0,
      physicalDeltaX,
      physicalDeltaY,
    });
  });
  return { regions, warnings };
}
