/**
 * Where autosaved sessions live: IndexedDB (through `idb`). A session is stored in chunks (see
 * sessionChunks: head parts and one record per measurement) listed by a manifest, so no single value
 * comes near the browser's per-value limit and a save writes only the chunks that changed. Reading
 * assembles exactly the text an export writes, so restoring goes through the same parseSession
 * checks as an import. A small summary record per session lets the list be read without the sessions.
 * Sessions saved whole by version 1 of the database (store `sessions`) are still read.
 *
 * Every failure (no IndexedDB, private mode, storage full, an old tab blocking an upgrade) becomes
 * a StorageError with one plain sentence; the session store shows it and offers an export.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { assembleSessionText, type SessionWrite } from './sessionChunks';

export interface SavedSessionSummary {
  readonly id: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly measurementCount: number;
  /** Study descriptions and counts (see describeSession). */
  readonly description: string;
  /** Patient name as the files state it, or ''. Shown only in this browser's list. */
  readonly patientName: string;
}

export interface SavedSessionRecord {
  readonly id: string;
  /** The session file's text (serializeSession), assembled from its chunks. */
  readonly json: string;
}

export interface SessionPersistence {
  /** Writes the summary and the chunks that changed since this persistence last wrote or read the session, in one transaction. */
  put(summary: SavedSessionSummary, write: SessionWrite, signal?: AbortSignal): Promise<void>;
  get(id: string): Promise<SavedSessionRecord | undefined>;
  /** Newest first (by updatedAt). */
  list(): Promise<SavedSessionSummary[]>;
  delete(id: string): Promise<void>;
}

export class StorageError extends Error {
  constructor(
    message: string,
    readonly kind: 'quota' | 'unavailable' | 'blocked' | 'failed' | 'timeout',
  ) {
    super(message);
    this.name = 'StorageError';
  }
}

/** One sentence for what went wrong with the browser's storage. */
export function describeStorageError(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message.trim().replace(/\.$/, '') : '';
  const detail = message ? ` (${name || 'Error'}: ${message})` : name ? ` (${name})` : '';
  if (name === 'QuotaExceededError' || /quota/i.test(String((error as Error | undefined)?.message ?? ''))) {
    return new StorageError(`The browser's storage for this page is full, so the session could not be saved${detail}.`, 'quota');
  }
  if (name === 'SecurityError' || name === 'InvalidStateError') {
    return new StorageError(`The browser does not allow this page to store data (private window or site settings)${detail}.`, 'unavailable');
  }
  return new StorageError(`The session could not be saved in the browser's storage${detail}.`, 'failed');
}

interface ChunkRecord {
  /** `${sessionId}\u0000h${part}` for head parts, `${sessionId}\u0000m${measurementId}` for measurements. */
  readonly key: string;
  readonly sessionId: string;
  readonly text: string;
}

interface ManifestRecord {
  readonly id: string;
  readonly headParts: number;
  /** Measurement ids in session order. */
  readonly measurements: readonly string[];
}

interface NerveTraceDb extends DBSchema {
  /** Version 1: one whole session text per record (read, then replaced by chunks on the next save). */
  sessions: { key: string; value: SavedSessionRecord };
  summaries: { key: string; value: SavedSessionSummary; indexes: { updatedAt: string } };
  manifests: { key: string; value: ManifestRecord };
  chunks: { key: string; value: ChunkRecord; indexes: { sessionId: string } };
}

const DB_NAME = 'nervetrace';
const DB_VERSION = 2;
const STORES = ['sessions', 'summaries', 'manifests', 'chunks'] as const;
type Tx = IDBPTransaction<NerveTraceDb, typeof STORES extends readonly (infer S)[] ? S[] : never, 'readwrite'>;

const headKey = (id: string, part: number) => `${id}\u0000h${part}`;
const measurementKey = (id: string, measurementId: string) => `${id}\u0000m${measurementId}`;

/** What is stored for a session, chunk key → text (as last written or read by this tab). */
type Written = Map<string, string>;

/** Sessions in IndexedDB. `onProblem` hears about an open that is blocked or a connection the browser closed. */
export function indexedDbPersistence(onProblem: (error: StorageError) => void = () => {}): SessionPersistence {
  let db: Promise<IDBPDatabase<NerveTraceDb>> | null = null;
  /** Per session, what this tab knows to be stored: a save writes only chunks whose text differs. */
  const written = new Map<string, Written>();

  function open(): Promise<IDBPDatabase<NerveTraceDb>> {
    if (!db) {
      if (typeof indexedDB === 'undefined') {
        return Promise.reject(new StorageError('This browser offers no IndexedDB storage, so sessions cannot be saved automatically.', 'unavailable'));
      }
      db = openDB<NerveTraceDb>(DB_NAME, DB_VERSION, {
        upgrade(database) {
          if (!database.objectStoreNames.contains('sessions')) database.createObjectStore('sessions', { keyPath: 'id' });
          if (!database.objectStoreNames.contains('summaries')) {
            database.createObjectStore('summaries', { keyPath: 'id' }).createIndex('updatedAt', 'updatedAt');
          }
          if (!database.objectStoreNames.contains('manifests')) database.createObjectStore('manifests', { keyPath: 'id' });
          if (!database.objectStoreNames.contains('chunks')) {
            database.createObjectStore('chunks', { keyPath: 'key' }).createIndex('sessionId', 'sessionId');
          }
        },
        blocked() {
          onProblem(new StorageError('Another NerveTrace tab with an older version is keeping the session storage closed; close it to resume autosave.', 'blocked'));
        },
        blocking() {
          // A newer version in another tab wants to upgrade: let it.
          void db?.then((d) => d.close());
          db = null;
        },
        terminated() {
          db = null;
          written.clear();
          onProblem(new StorageError('The browser closed the session storage unexpectedly; autosave will try again.', 'failed'));
        },
      }).catch((error: unknown) => {
        db = null;
        throw describeStorageError(error);
      });
    }
    return db;
  }

  /** All stores in one read-write transaction; a failed request aborts it, so nothing is half written. */
  async function inTransaction(d: IDBPDatabase<NerveTraceDb>, work: (tx: Tx) => Promise<void>, signal?: AbortSignal): Promise<void> {
    const tx = d.transaction([...STORES], 'readwrite') as Tx;
    const done = tx.done;
    // A save that timed out is aborted, so it cannot hold up the saves after it.
    signal?.addEventListener('abort', () => {
      try {
        tx.abort();
      } catch {
        // already finished
      }
    });
    done.catch(() => {}); // its failure is reported by the await below or by the failed request
    try {
      await work(tx);
    } catch (error) {
      try {
        tx.abort();
      } catch {
        // already finished
      }
      throw error;
    }
    await done;
  }

  async function guarded<T>(work: (d: IDBPDatabase<NerveTraceDb>) => Promise<T>): Promise<T> {
    try {
      return await work(await open());
    } catch (error) {
      throw describeStorageError(error);
    }
  }

  /** Chunk keys stored for a session (read when this tab has not written or read it yet). */
  async function storedKeys(tx: Tx, id: string): Promise<string[]> {
    return (await tx.objectStore('chunks').index('sessionId').getAllKeys(id)) as string[];
  }

  async function put(summary: SavedSessionSummary, write: SessionWrite, signal?: AbortSignal): Promise<void> {
    const id = write.id;
    const next: Written = new Map();
    write.headParts.forEach((text, i) => next.set(headKey(id, i), text));
    for (const m of write.measurements) next.set(measurementKey(id, m.key), m.json);
    const known = written.get(id);
    // Until the transaction has committed nothing is known to be stored.
    written.delete(id);
    await guarded((d) =>
      inTransaction(d, async (tx) => {
        const chunks = tx.objectStore('chunks');
        const requests: Promise<unknown>[] = [];
        const before = known ? [...known.keys()] : await storedKeys(tx, id);
        for (const key of before) if (!next.has(key)) requests.push(chunks.delete(key));
        for (const [key, text] of next) {
          if (known?.get(key) === text) continue;
          requests.push(chunks.put({ key, sessionId: id, text }));
        }
        requests.push(tx.objectStore('manifests').put({ id, headParts: write.headParts.length, measurements: write.measurements.map((m) => m.key) }));
        requests.push(tx.objectStore('summaries').put(summary));
        requests.push(tx.objectStore('sessions').delete(id));
        await Promise.all(requests);
      }, signal),
    );
    written.set(id, next);
  }

  async function get(id: string): Promise<SavedSessionRecord | undefined> {
    return guarded(async (d) => {
      const tx = d.transaction(['sessions', 'manifests', 'chunks'], 'readonly');
      const manifest = await tx.objectStore('manifests').get(id);
      if (!manifest) {
        const whole = await tx.objectStore('sessions').get(id);
        await tx.done;
        return whole;
      }
      const chunks = tx.objectStore('chunks');
      const keys = [
        ...Array.from({ length: manifest.headParts }, (_, i) => headKey(id, i)),
        ...manifest.measurements.map((m) => measurementKey(id, m)),
      ];
      const records = await Promise.all(keys.map((key) => chunks.get(key)));
      await tx.done;
      const missing = records.findIndex((r) => r === undefined);
      if (missing >= 0) throw new StorageError(`The saved session is incomplete in the browser's storage (a part is missing: ${keys[missing]!.split('\u0000')[1]}).`, 'failed');
      const texts = records.map((r) => r!.text);
      const stored: Written = new Map(keys.map((key, i) => [key, texts[i]!]));
      written.set(id, stored);
      return { id, json: assembleSessionText(texts.slice(0, manifest.headParts), texts.slice(manifest.headParts)) };
    });
  }

  return {
    put,
    get,
    list: () => guarded(async (d) => (await d.getAllFromIndex('summaries', 'updatedAt')).reverse()),
    delete: (id) =>
      guarded((d) =>
        inTransaction(d, async (tx) => {
          written.delete(id);
          const keys = await storedKeys(tx, id);
          await Promise.all([
            ...keys.map((key) => tx.objectStore('chunks').delete(key)),
            tx.objectStore('manifests').delete(id),
            tx.objectStore('sessions').delete(id),
            tx.objectStore('summaries').delete(id),
          ]);
        }),
      ),
  };
}

/** Sessions in memory (tests). `records` holds each session's assembled text; `writes` counts the chunks each put wrote. */
export function memoryPersistence(): SessionPersistence & { readonly records: Map<string, SavedSessionRecord>; readonly chunkWrites: number[] } {
  const records = new Map<string, SavedSessionRecord>();
  const summaries = new Map<string, SavedSessionSummary>();
  const stored = new Map<string, Map<string, string>>();
  const chunkWrites: number[] = [];
  return {
    records,
    chunkWrites,
    async put(summary, write) {
      const before = stored.get(write.id) ?? new Map<string, string>();
      const next = new Map<string, string>();
      write.headParts.forEach((t, i) => next.set(`h${i}`, t));
      for (const m of write.measurements) next.set(`m${m.key}`, m.json);
      chunkWrites.push([...next].filter(([k, t]) => before.get(k) !== t).length);
      stored.set(write.id, next);
      summaries.set(summary.id, { ...summary });
      records.set(write.id, { id: write.id, json: assembleSessionText(write.headParts, write.measurements.map((m) => m.json)) });
    },
    async get(id) {
      const r = records.get(id);
      return r ? { ...r } : undefined;
    },
    async list() {
      return [...summaries.values()].sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
    },
    async delete(id) {
      records.delete(id);
      summaries.delete(id);
      stored.delete(id);
    },
  };
}
