/**
 * SUV measurements are undoable like every other measurement: drawing, reassigning and deleting a
 * region or a line profile are one undo step each, and redo brings back the very same numbers.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createPinia, setActivePinia } from 'pinia';
import { usePetCtStore } from '../../src/stores/petCtStore';
import { loadSlices } from '../../src/viewer/petct/loadSlices';

const DIR = resolve(__dirname, '../../sample-dicom/petct');
const manifest = JSON.parse(readFileSync(`${DIR}/manifest.json`, 'utf8')) as {
  truth: { leftSciatic: { petFile: string; petRegion: [number, number][]; petLine: [number, number][]; suvMax: number } };
};
const truth = manifest.truth.leftSciatic;

/** The store showing the sample's PET slice that holds the left sciatic plateau (no CT: PET stands in). */
async function storeOnSample() {
  const pc = usePetCtStore();
  const file = `${DIR}/${truth.petFile}`;
  const slices = await loadSlices([{ file: new Blob([readFileSync(file)]), fileName: truth.petFile }]);
  if (!slices.ok) throw new Error(slices.error);
  pc.petSlices = slices.value;
  pc.ctSlices = slices.value;
  pc.petSeriesUid = slices.value[0]!.meta.seriesInstanceUid;
  pc.ctIndex = 0;
  return pc;
}

function draw(pc: ReturnType<typeof usePetCtStore>, kind: 'region' | 'line', points: [number, number][]): string {
  pc.tool = kind;
  for (const [x, y] of points) pc.addPoint({ x, y });
  const id = pc.finishDraft();
  if (!id) throw new Error(`not measured: ${pc.message}`);
  return id;
}

beforeEach(() => setActivePinia(createPinia()));

describe('SUV measurements: undo and redo', () => {
  it('drawing a region is one step: undo removes it and its SUV, redo restores the same numbers', async () => {
    const pc = await storeOnSample();
    expect(pc.canUndo).toBe(false);
    const id = draw(pc, 'region', truth.petRegion);
    const drawn = pc.measurements.find((m) => m.id === id)!;
    expect(drawn.values.suvMax).toBeCloseTo(truth.suvMax, 2);
    expect(pc.sessionSuv?.measurements).toHaveLength(1);

    expect(pc.undo()).toBe(true);
    expect(pc.measurements).toHaveLength(0);
    expect(pc.sessionSuv).toBeUndefined();
    expect(pc.selectedId).toBeNull();
    expect(pc.canRedo).toBe(true);

    expect(pc.redo()).toBe(true);
    expect(pc.measurements).toEqual([drawn]);
    expect(pc.canRedo).toBe(false);
  });

  it('a line profile, a reassignment and a deletion are one step each, undone in reverse order', async () => {
    const pc = await storeOnSample();
    const region = draw(pc, 'region', truth.petRegion);
    const line = draw(pc, 'line', truth.petLine);
    const afterDrawing = pc.measurements;
    expect(afterDrawing.map((m) => m.label)).toEqual(['S1', 'P1']);

    pc.reassign(line, { nerve: 'sciatic', site: 'gluteal-fold', side: 'R' });
    expect(pc.measurements.find((m) => m.id === line)).toMatchObject({ site: 'gluteal-fold', side: 'R', sideSource: 'user' });
    // The SUV values stay as measured: only where they belong changes.
    expect(pc.measurements.find((m) => m.id === line)!.values).toEqual(afterDrawing.find((m) => m.id === line)!.values);
    const afterReassign = pc.measurements;

    pc.remove(region);
    expect(pc.measurements.map((m) => m.label)).toEqual(['P1']);

    pc.undo();
    expect(pc.measurements).toEqual(afterReassign);
    pc.undo();
    expect(pc.measurements).toEqual(afterDrawing);
    pc.undo();
    expect(pc.measurements.map((m) => m.label)).toEqual(['S1']);
    pc.redo();
    pc.redo();
    expect(pc.measurements).toEqual(afterReassign);
  });

  it('a new drawing after an undo clears the redo history; a reassignment that changes nothing is no step', async () => {
    const pc = await storeOnSample();
    const first = draw(pc, 'region', truth.petRegion);
    pc.reassign(first, { nerve: pc.measurements[0]!.nerve, site: pc.measurements[0]!.site, side: null });
    pc.undo();
    expect(pc.measurements).toHaveLength(0);
    draw(pc, 'line', truth.petLine);
    expect(pc.canRedo).toBe(false);
    expect(pc.redo()).toBe(false);
  });

  it('a restored session starts a fresh history (undo cannot take back what the file holds)', async () => {
    const pc = await storeOnSample();
    draw(pc, 'region', truth.petRegion);
    const saved = pc.sessionSuv;
    pc.restore(saved);
    expect(pc.canUndo).toBe(false);
    expect(pc.undo()).toBe(false);
    expect(pc.measurements).toHaveLength(1);
  });
});
