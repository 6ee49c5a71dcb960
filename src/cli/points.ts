/** Parses `--points "x,y x,y ..."` (0-based image pixel coordinates). */
import { fail, ok, type ImagePoint, type Result } from '../domain/types.ts';

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

export function parsePoints(text: string): Result<ImagePoint[]> {
  const items = text.trim().replace(/\s*,\s*/g, ',').split(/\s+/).filter((s) => s !== '');
  if (items.length === 0) return fail('The --points value is empty; give the outline as "x,y x,y x,y ...".');
  const points: ImagePoint[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const parts = item.split(',');
    if (parts.length !== 2 || !parts.every((p) => NUMBER.test(p.trim()))) {
      return fail(`The --points value is not valid: point ${i + 1} "${item}" is not an x,y pair of numbers.`);
    }
    points.push({ x: Number(parts[0]), y: Number(parts[1]) });
  }
  return ok(points);
}
