import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { nextTick } from 'vue';
import { measureContour, type NerveMeasurement } from '../../src/domain/measurement';
import { parseSession, serializeSession } from '../../src/domain/session';
import { useClinicalStore } from '../../src/stores/clinicalStore';
import { useMeasurementStore } from '../../src/stores/measurementStore';
import { useCalibrationStore } from '../../src/stores/calibrationStore';
import { AUTOSAVE_DELAY_MS, useSessionStore } from '../../src/stores/sessionStore';
import { memoryPersistence, type SessionPersistence } from '../../src/stores/sessionPersistence';

let n = 0;
function measurement(side: 'L' | 'R' = 'R'): NerveMeasurement {
  n += 1;
  const contour = [
    { x: 0, y: 0 },
    { x: 20, y: 0 },
    { x: 20, y: 10 },
    { x: 0, y: 10 },
  ];
  const calibration = { source: 'pixel-spacing' as const, rowSpacingMm: 0.5, columnSpacingMm: 0.5 };
  const metrics = measureContour(contour, calibration);
  if (!metrics.ok) throw new Error(metrics.error);
  return {
    id: `m${n}`,
    label: `A${n}`,
    nerve: 'sciatic',
    site: 'mid-thigh',
    side,
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
  await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS + 10);
}

beforeEach(() => {
  setActivePinia(createPinia());
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(new Date('2026-03-01T09:00:00.000Z'));
});
afterEach(() => vi.useRealTimers());

describe('session store: autosave', () => {
  it('writes ahead: a change is saved at the next turn of the event loop, not before there is content, and not again when nothing changed', async () => {
    const storage = memoryPersistence();
    const put = vi.spyOn(storage, 'put');
    const session = useSessionStore();
    const measurements = useMeasurementStore();
    await session.start({ persistence: storage });
    await settle();
    expect(put).not.toHaveBeenCalled(); // an empty new session is not saved
    measurements.add(measurement());
    await nextTick();
    expect(AUTOSAVE_DELAY_MS).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(put).toHaveBeenCalledTimes(1);
    const saved = parseSession(storage.records.get(session.sessionId)!.json);
    expect(saved.ok && saved.value.measurements.map((m) => m.label)).toEqual(['A' + n]);
    expect(session.savedSessions.map((s) => s.id)).toEqual([session.sessionId]);
    // The same content is not written twice.
    measurements.replaceAll([...measurements.measurements]);
    await settle();
    expect(put).toHaveBeenCalledTimes(1);
    // Clinical changes are saved too.
    useClinicalStore().addNcsRow({ nerve: 'sural-sensory', kind: 'sensory', side: 'L' });
    await settle();
    expect(put).toHaveBeenCalledTimes(2);
  });

  it('restores the most recent saved session on start; its measurements wait for their images', async () => {
    const storage = memoryPersistence();
    // A first visit: two measurements and a calibration, saved.
    const first = useSessionStore();
    await first.start({ persistence: storage });
    useMeasurementStore().add(measurement('L'));
    useMeasurementStore().add(measurement('R'));
    useCalibrationStore().setCalibration({
      scope: 'series',
      seriesInstanceUid: '1.2.9.1',
      calibration: { source: 'user', rowSpacingMm: 0.5, columnSpacingMm: 0.5 },
      line: { start: { x: 0, y: 0 }, end: { x: 20, y: 0 }, knownLengthMm: 10 },
    });
    await settle();
    const id = first.sessionId;
    const labels = useMeasurementStore().measurements.map((m) => m.label);

    // A new page: fresh stores, same storage.
    setActivePinia(createPinia());
    const second = useSessionStore();
    await second.start({ persistence: storage });
    expect(second.sessionId).toBe(id);
    expect(useMeasurementStore().measurements.map((m) => m.label)).toEqual(labels);
    expect(useCalibrationStore().records).toHaveLength(1);
    expect(second.waiting).toHaveLength(2);
    expect(second.notice).toMatch(/^Restored the last session saved .* \(2 measurements\)\.$/);
    expect(useMeasurementStore().canUndo).toBe(false);
  });

  it('a saved session that no longer reads is reported on start; a new session begins and the old record is kept', async () => {
    const storage = memoryPersistence();
    await storage.put(
      { id: 'broken', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', measurementCount: 1, description: 'x', patientName: '' },
      { id: 'broken', headParts: ['{"schemaVersion": 7}'], measurements: [] },
    );
    const session = useSessionStore();
    await session.start({ persistence: storage });
    expect(session.restoreError).toMatch(/^The last saved session could not be restored: .*schema version 7.* a new session was started\.$/);
    expect(session.sessionId).not.toBe('broken');
    expect(session.savedSessions.map((s) => s.id)).toEqual(['broken']);
  });

  it('a storage failure is shown, the work stays in the page, and the next successful save clears it', async () => {
    const storage = memoryPersistence();
    let full = true;
    const failing: SessionPersistence = {
      ...storage,
      put: async (summary, record) => {
        if (full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return storage.put(summary, record);
      },
    };
    const session = useSessionStore();
    await session.start({ persistence: failing });
    useMeasurementStore().add(measurement());
    await settle();
    expect(session.storageProblem?.kind).toBe('quota');
    expect(session.storageProblem?.message).toMatch(/storage for this page is full/);
    expect(useMeasurementStore().measurements).toHaveLength(1);
    const backup = parseSession(session.exportBackup().data as string);
    expect(backup.ok && backup.value.measurements).toHaveLength(1);
    full = false;
    await session.saveNow({ force: true });
    expect(session.storageProblem).toBeNull();
    expect(storage.records.size).toBe(1);
  });

  it('a session that could not be read back is not stored; the banner says why', async () => {
    const storage = memoryPersistence();
    const session = useSessionStore();
    await session.start({ persistence: storage });
    useMeasurementStore().add({ ...measurement(), label: 'x'.repeat(300) });
    await settle();
    expect(storage.records.size).toBe(0);
    expect(session.storageProblem?.message).toMatch(/could not be read back: measurements\[0\]\.label: is longer than the limit of 256 characters\.$/);
    useMeasurementStore().patch(useMeasurementStore().measurements[0]!.id, { label: 'A1' });
    await settle();
    expect(storage.records.size).toBe(1);
    expect(session.storageProblem).toBeNull();
  });

  it('an unavailable IndexedDB at start is a storage problem, not a crash', async () => {
    const broken: SessionPersistence = {
      put: () => Promise.reject(new DOMException('denied', 'SecurityError')),
      get: () => Promise.reject(new DOMException('denied', 'SecurityError')),
      list: () => Promise.reject(new DOMException('denied', 'SecurityError')),
      delete: () => Promise.reject(new DOMException('denied', 'SecurityError')),
    };
    const session = useSessionStore();
    await session.start({ persistence: broken });
    expect(session.storageProblem?.kind).toBe('unavailable');
  });
});

describe('session store: sessions list, new, import', () => {
  it('New session saves the current one and starts an empty one that is saved at once; the one in use cannot be deleted', async () => {
    const storage = memoryPersistence();
    const session = useSessionStore();
    await session.start({ persistence: storage });
    useMeasurementStore().add(measurement());
    await settle();
    const oldId = session.sessionId;
    await session.newSession();
    expect(session.sessionId).not.toBe(oldId);
    expect(useMeasurementStore().measurements).toEqual([]);
    expect(session.savedSessions.map((s) => s.id)).toEqual([session.sessionId, oldId]);
    const refused = await session.deleteSaved(session.sessionId);
    expect(refused.ok).toBe(false);
    const opened = await session.openSaved(oldId);
    expect(opened.ok).toBe(true);
    expect(useMeasurementStore().measurements).toHaveLength(1);
    const emptyId = session.savedSessions.find((s) => s.id !== oldId)!.id;
    expect((await session.deleteSaved(emptyId)).ok).toBe(true);
    expect(session.savedSessions.map((s) => s.id)).toEqual([oldId]);
    expect(storage.records.has(emptyId)).toBe(false);
  });

  it('an invalid file is refused with each problem and its path; nothing changes', async () => {
    const session = useSessionStore();
    await session.start({ persistence: memoryPersistence() });
    useMeasurementStore().add(measurement());
    const before = useMeasurementStore().measurements;
    const good = JSON.parse(serializeSession(session.current()));
    const cases: Array<[string, string, RegExp]> = [
      ['syntax', '{"schemaVersion": 1,', /not valid JSON/],
      ['version', JSON.stringify({ ...good, schemaVersion: 3 }), /^schemaVersion: Unsupported session schema version 3/],
      ['proto', serializeSession(session.current()).replace('"schemaVersion": 2,', '"schemaVersion": 2, "__proto__": {"polluted": true},'), /forbidden key "__proto__"/],
      ['string', JSON.stringify({ ...good, measurements: [{ ...good.measurements[0], metrics: { ...good.measurements[0].metrics, areaMm2: '12 mm²' } }] }), /^measurements\[0\]\.metrics\.areaMm2: expected a finite number, got text "12 mm²"/],
      ['huge', JSON.stringify({ ...good, emg: new Array(10_001).fill(0) }), /^emg: has 10001 items, more than the limit of 10000/],
    ];
    for (const [, text, expected] of cases) {
      const result = session.checkImport('bad.json', text);
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      const shown = result.issues.map((i) => (i.path ? `${i.path}: ${i.reason}` : i.reason));
      expect(shown[0]).toMatch(expected);
    }
    expect(useMeasurementStore().measurements).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a valid file is imported as a new saved session; the previous one stays in the list', async () => {
    const storage = memoryPersistence();
    const session = useSessionStore();
    await session.start({ persistence: storage });
    useMeasurementStore().add(measurement('L'));
    useMeasurementStore().add(measurement('R'));
    const exported = session.exportJson();
    await settle();
    const previousId = session.sessionId;
    useMeasurementStore().replaceAll([measurement()]);
    const checked = session.checkImport('shared.json', exported.data as string);
    if (!checked.ok) throw new Error(checked.error);
    expect((await session.applyImport(checked.pending)).ok).toBe(true);
    expect(useMeasurementStore().measurements).toHaveLength(2);
    expect(session.sessionId).not.toBe(previousId);
    expect(session.savedSessions.map((s) => s.id)).toEqual([session.sessionId, previousId]);
    expect(session.notice).toBe('Imported shared.json (2 measurements).');
  });
});

describe('session store: exports', () => {
  it('JSON is de-identified unless identifiers are included; CSV has a row per measurement; SR is a DICOM file', async () => {
    const session = useSessionStore();
    await session.start({ persistence: memoryPersistence() });
    useMeasurementStore().add(measurement('L'));
    useMeasurementStore().add(measurement('R'));
    const deidentified = parseSession(session.exportJson().data as string);
    if (!deidentified.ok) throw new Error(deidentified.error);
    expect(deidentified.value.measurements[0]!.image.sopInstanceUid).not.toBe(useMeasurementStore().measurements[0]!.image.sopInstanceUid);
    expect(deidentified.value.measurements[0]!.image.fileName).toBe('image-0001.dcm');
    session.includeIdentifiers = true;
    const identified = session.exportJson();
    expect(identified.fileName).toMatch(/-identified\.json$/);
    expect(identified.data).toContain(useMeasurementStore().measurements[0]!.image.sopInstanceUid);
    session.includeIdentifiers = false;

    const csv = (await session.exportCsv('measurements')).data as string;
    const lines = csv.trim().split(/\r?\n/);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('Area (mm2)');
    expect(lines[1]!.split(',')[7]).toBe('50'); // 20 × 10 px at 0.5 mm, at full precision
    const lr = (await session.exportCsv('left-right')).data as string;
    expect(lr.trim().split(/\r?\n/)).toHaveLength(2);

    // The SR references each image by SOP class: the session must know the images (here: from a restored session).
    expect((await session.exportSr()).ok).toBe(false);
    session.knownStudies = [
      {
        studyInstanceUid: '1.2.9',
        description: 'MR thigh',
        series: [
          {
            seriesInstanceUid: '1.2.9.1',
            modality: 'MR',
            description: 'STIR',
            laterality: null,
            instances: useMeasurementStore().measurements.map((m) => ({
              sopInstanceUid: m.image.sopInstanceUid,
              sopClassUid: '1.2.840.10008.5.1.4.1.1.4',
              fileName: m.image.fileName ?? '',
              frames: 1,
            })),
          },
        ],
      },
    ];
    const sr = await session.exportSr();
    if (!sr.ok) throw new Error(sr.error);
    const bytes = sr.value.data as Uint8Array;
    expect(new TextDecoder().decode(bytes.slice(128, 132))).toBe('DICM');
    expect(sr.value.fileName).toMatch(/-sr\.dcm$/);
  });
});
