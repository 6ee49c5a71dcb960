/**
 * Issue 21 — autosave never fails silently: chunked storage (only changed chunks are written),
 * a timeout and retries with a visible problem, and one tab per session (a copy for the second).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { nextTick } from 'vue';
import { measureContour, type NerveMeasurement } from '../../src/domain/measurement';
import { parseSession, serializeSession } from '../../src/domain/session';
import { useMeasurementStore } from '../../src/stores/measurementStore';
import { RETRY_DELAYS_MS, SAVE_TIMEOUT_MS, useSessionStore } from '../../src/stores/sessionStore';
import { memoryPersistence, type SessionPersistence } from '../../src/stores/sessionPersistence';
import { assembleSessionText, HEAD_PART_CHARS, sessionHead, sessionWrite, splitText } from '../../src/stores/sessionChunks';
import { sharedOwnership, unguardedOwnership } from '../../src/stores/sessionOwnership';

let n = 0;
function measurement(points = 4): NerveMeasurement {
  n += 1;
  const contour = Array.from({ length: points }, (_, i) => {
    const a = (2 * Math.PI * i) / points;
    return { x: 100 + 40 * Math.cos(a), y: 100 + 30 * Math.sin(a) };
  });
  const calibration = { source: 'pixel-spacing' as const, rowSpacingMm: 0.5, columnSpacingMm: 0.5 };
  const metrics = measureContour(contour, calibration);
  if (!metrics.ok) throw new Error(metrics.error);
  return {
    id: `m${n}`,
    label: `A${n}`,
    nerve: 'sciatic',
    site: 'mid-thigh',
    side: 'R',
    sideSource: 'user',
    modality: 'MR',
    method: 'freehand',
    image: { studyInstanceUid: '1.2.9', seriesInstanceUid: '1.2.9.1', sopInstanceUid: `1.2.9.1.${n}`, frameIndex: 0, fileName: `mr-${n}.dcm` },
    contour,
    calibration,
    metrics: metrics.value,
    intensity: null,
    createdAt: '2026-03-01T08:00:00.000Z',
    updatedAt: '2026-03-01T08:00:00.000Z',
  };
}

async function settle() {
  await nextTick();
  await vi.advanceTimersByTimeAsync(5);
}

beforeEach(() => {
  setActivePinia(createPinia());
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  vi.setSystemTime(new Date('2026-03-01T09:00:00.000Z'));
});
afterEach(() => vi.useRealTimers());

describe('session chunks', () => {
  it('a session split into head parts and one record per measurement reads back as the same session', () => {
    const session = useSessionStore().current();
    const full = { ...session, measurements: [measurement(), measurement(300), measurement()] };
    const prepared = sessionWrite('s1', full);
    if (!prepared.ok) throw new Error(prepared.problem);
    expect(prepared.write.measurements.map((m) => m.key)).toEqual(full.measurements.map((m) => m.id));
    const parsed = parseSession(assembleSessionText(prepared.write.headParts, prepared.write.measurements.map((m) => m.json)));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(serializeSession(parsed.value)).toBe(serializeSession(full));
  });

  it('no head part is longer than HEAD_PART_CHARS, and the parts join back to the text', () => {
    const text = 'x'.repeat(HEAD_PART_CHARS * 2 + 17);
    const parts = splitText(text);
    expect(parts).toHaveLength(3);
    expect(Math.max(...parts.map((p) => p.length))).toBeLessThanOrEqual(HEAD_PART_CHARS);
    expect(parts.join('')).toBe(text);
    const session = useSessionStore().current();
    const head = sessionHead(session);
    expect(assembleSessionText(splitText(head, 7), [])).toBe(serializeSession(session));
  });

  it('a measurement the schema would refuse is named, so nothing unreadable is stored', () => {
    const session = useSessionStore().current();
    const prepared = sessionWrite('s1', { ...session, measurements: [measurement(), { ...measurement(), label: 'y'.repeat(300) }] });
    expect(prepared.ok).toBe(false);
    if (!prepared.ok) expect(prepared.problem).toMatch(/^measurements\[1\]\.label: is longer than the limit of 256 characters$/);
  });
});

describe('autosave writes only what changed', () => {
  it('adding one measurement to a session of 200 writes the head and that one measurement', async () => {
    const storage = memoryPersistence();
    const session = useSessionStore();
    await session.start({ persistence: storage, ownership: unguardedOwnership() });
    useMeasurementStore().replaceAll(Array.from({ length: 200 }, () => measurement(50)));
    await settle();
    expect(storage.chunkWrites.at(-1)).toBe(201);
    useMeasurementStore().add(measurement());
    await settle();
    expect(storage.chunkWrites.at(-1)).toBe(2);
    const saved = parseSession(storage.records.get(session.sessionId)!.json);
    expect(saved.ok && saved.value.measurements).toHaveLength(201);
  });

  it('after a restore in a new tab, one edit still writes 2 records (chunk texts do not depend on key order)', async () => {
    const storage = memoryPersistence();
    const first = useSessionStore();
    await first.start({ persistence: storage, ownership: unguardedOwnership() });
    // Keys in another order than the schema's (as a tool or an older version may build them).
    const reordered = (m: NerveMeasurement) => Object.fromEntries(Object.entries(m).reverse()) as unknown as NerveMeasurement;
    useMeasurementStore().replaceAll(Array.from({ length: 50 }, () => reordered(measurement(20))));
    await settle();
    setActivePinia(createPinia());
    const second = useSessionStore();
    await second.start({ persistence: storage, ownership: unguardedOwnership() });
    expect(useMeasurementStore().measurements).toHaveLength(50);
    useMeasurementStore().add(measurement());
    await settle();
    expect(storage.chunkWrites.at(-1)).toBe(2);
  });
});

describe('a save that fails or hangs is shown and retried', () => {
  it('a save that never settles times out, is reported with a sentence, and a retry saves it', async () => {
    const storage = memoryPersistence();
    let hang = true;
    const aborted: boolean[] = [];
    const hanging: SessionPersistence = {
      ...storage,
      put: (summary, write, signal) => {
        if (!hang) return storage.put(summary, write);
        return new Promise<void>(() => signal?.addEventListener('abort', () => aborted.push(true)));
      },
    };
    const session = useSessionStore();
    await session.start({ persistence: hanging, ownership: unguardedOwnership() });
    useMeasurementStore().add(measurement());
    await settle();
    expect(session.storageProblem).toBeNull();
    expect(session.saving).toBe(true);
    await vi.advanceTimersByTimeAsync(SAVE_TIMEOUT_MS + 10);
    expect(session.storageProblem?.kind).toBe('timeout');
    expect(session.storageProblem?.message).toMatch(/^The browser's storage did not confirm the save within \d+ s/);
    expect(aborted).toEqual([true]);
    expect(session.retryAt).not.toBeNull();
    // A change made meanwhile is not stuck behind the hung save.
    hang = false;
    useMeasurementStore().add(measurement());
    await settle();
    expect(session.storageProblem).toBeNull();
    expect(session.retryAt).toBeNull();
    const saved = parseSession(storage.records.get(session.sessionId)!.json);
    expect(saved.ok && saved.value.measurements).toHaveLength(2);
  });

  it('a failing save is retried after RETRY_DELAYS_MS without any further change, and the problem clears', async () => {
    const storage = memoryPersistence();
    let failures = 2;
    const flaky: SessionPersistence = {
      ...storage,
      put: async (summary, write) => {
        if (failures-- > 0) throw new DOMException('disk I/O', 'UnknownError');
        return storage.put(summary, write);
      },
    };
    const session = useSessionStore();
    await session.start({ persistence: flaky, ownership: unguardedOwnership() });
    useMeasurementStore().add(measurement());
    await settle();
    expect(session.storageProblem?.message).toMatch(/could not be saved in the browser's storage \(UnknownError: disk I\/O\)/);
    expect(session.failedSaves).toBe(1);
    await vi.advanceTimersByTimeAsync(RETRY_DELAYS_MS[0]! + 10);
    expect(session.failedSaves).toBe(2);
    expect(storage.records.size).toBe(0);
    await vi.advanceTimersByTimeAsync(RETRY_DELAYS_MS[1]! + 10);
    expect(session.storageProblem).toBeNull();
    expect(session.failedSaves).toBe(0);
    expect(storage.records.size).toBe(1);
  });
});

describe('one tab per session', () => {
  it('a second tab does not take the session another tab has open: both are told, the copy is separate, nothing is overwritten', async () => {
    const storage = memoryPersistence();
    const tabs = sharedOwnership();
    const piniaA = createPinia();
    setActivePinia(piniaA);
    const a = useSessionStore();
    await a.start({ persistence: storage, ownership: tabs() });
    useMeasurementStore().add(measurement());
    await settle();
    const idA = a.sessionId;

    const piniaB = createPinia();
    setActivePinia(piniaB);
    const b = useSessionStore();
    await b.start({ persistence: storage, ownership: tabs() });
    expect(b.sessionId).not.toBe(idA);
    expect(b.ownedElsewhere?.id).toBe(idA);
    expect(b.notice).toBe('The last session is open in another tab, so this tab started a new session.');
    expect(useMeasurementStore().measurements).toHaveLength(0);
    expect(a.wantedElsewhere).toMatch(/^Another tab tried to open this session/);
    // Opening it from the list is refused the same way.
    expect((await b.openSaved(idA)).ok).toBe(false);
    // Nor can it be deleted from under the first tab.
    const deleted = await b.deleteSaved(idA);
    expect(deleted.ok).toBe(false);
    if (!deleted.ok) expect(deleted.error).toBe('That session is open in another tab; close it there before deleting it here.');

    expect((await b.openCopy()).ok).toBe(true);
    expect(b.sessionId).not.toBe(idA);
    expect(useMeasurementStore().measurements).toHaveLength(1);
    useMeasurementStore().add(measurement());
    await settle();
    const copy = parseSession(storage.records.get(b.sessionId)!.json);
    expect(copy.ok && copy.value.measurements).toHaveLength(2);
    const original = parseSession(storage.records.get(idA)!.json);
    expect(original.ok && original.value.measurements).toHaveLength(1);
  });
});

describe('large outlines are simplified only when the user agrees', () => {
  it('an outline over the session limit is not saved and not changed until simplifyLargeContours is asked for; then it saves', async () => {
    const storage = memoryPersistence();
    const session = useSessionStore();
    await session.start({ persistence: storage, ownership: unguardedOwnership() });
    const huge = measurement(150_000);
    useMeasurementStore().add(huge);
    await settle();
    expect(storage.records.size).toBe(0);
    expect(session.storageProblem?.message).toMatch(/could not be read back: measurements\[0\]\.contour: has 150000 items, more than the limit of 100000/);
    expect(session.oversizedContours).toHaveLength(1);
    // Nothing changed on its own.
    expect(useMeasurementStore().measurements[0]).toBe(huge);

    const result = await session.simplifyLargeContours();
    expect(result.ok && result.value).toBe(1);
    const simplified = useMeasurementStore().measurements[0]!;
    expect(simplified.contour.length).toBeLessThanOrEqual(100_000);
    expect(simplified.contour.length).toBeGreaterThan(1_000);
    const before = huge.metrics.calibrated ? huge.metrics.areaMm2 : 0;
    const after = simplified.metrics.calibrated ? simplified.metrics.areaMm2 : 0;
    expect(Math.abs(after - before) / before).toBeLessThan(1e-4);
    expect(session.notice).toMatch(/^Simplified 1 outline to at most 100,000 points; areas changed by at most [0-9.e-]+ % \(Undo restores the originals\)\.$/);
    await settle();
    expect(session.storageProblem).toBeNull();
    expect(storage.records.size).toBe(1);
    // Undo gives the original back (it is the user's call).
    expect(useMeasurementStore().undo()).toBe(true);
    expect(useMeasurementStore().measurements[0]).toBe(huge);
  });
});
