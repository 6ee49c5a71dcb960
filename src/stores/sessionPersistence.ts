/**
 * Where autosaved sessions live: IndexedDB (through `idb`), one record per session holding its JSON
 * text (exactly what an export writes, so restoring goes through the same parseSession checks as an
 * import), plus a small summary record per session so listing them does not read every session.
 *
 * Every failure (no IndexedDB, private mode, storage full, an old tab blocking an upgrade) becomes
 * a StorageError with one plain sentence; the session store shows it and offers an export.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';

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
  /** The session file's text (serializeSession). */
  readonly json: string;
}

export interface SessionPersistence {
  put(summary: SavedSessionSummary, record: SavedSessionRecord): Promise<void>;
  get(id: string): Promise<SavedSessionRecord | undefined>;
  /** Newest first (by updatedAt). */
  list(): Promise<SavedSessionSummary[]>;
  delete(id: string): Promise<void>;
}

export class StorageError extends Error {
  constructor(
    message: string,
    readonly kind: 'quota' | 'unavailable' | 'blocked' | 'failed',
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

interface NerveTraceDb extends DBSchema {
  sessions: { key: string; value: SavedSessionRecord };
  summaries: { key: string; value: SavedSessionSummary; indexes: { updatedAt: string } };
}

const DB_NAME = 'nervetrace';
const DB_VERSION = 1;

/** Sessions in IndexedDB. `onProblem` hears about an open that is blocked or a connection the browser closed. */
export function indexedDbPersistence(onProblem: (error: StorageError) => void = () => {}): SessionPersistence {
  let db: Promise<IDBPDatabase<NerveTraceDb>> | null = null;

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
          onProblem(new StorageError('The browser closed the session storage unexpectedly; autosave will try again on the next change.', 'failed'));
        },
      }).catch((error: unknown) => {
        db = null;
        throw describeStorageError(error);
      });
    }
    return db;
  }

  /** Both stores in one read-write transaction; a failed request aborts it, so nothing is half written. */
  async function inTransaction(
    d: IDBPDatabase<NerveTraceDb>,
    work: (tx: IDBPTransaction<NerveTraceDb, ['sessions', 'summaries'], 'readwrite'>) => Promise<void>,
  ): Promise<void> {
    const tx = d.transaction(['sessions', 'summaries'], 'readwrite');
    const done = tx.done;
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

  return {
    put: (summary, record) =>
      guarded((d) =>
        inTransaction(d, async (tx) => {
          await tx.objectStore('sessions').put(record);
          await tx.objectStore('summaries').put(summary);
        }),
      ),
    get: (id) => guarded((d) => d.get('sessions', id)),
    list: () => guarded(async (d) => (await d.getAllFromIndex('summaries', 'updatedAt')).reverse()),
    delete: (id) =>
      guarded((d) =>
        inTransaction(d, async (tx) => {
          await tx.objectStore('sessions').delete(id);
          await tx.objectStore('summaries').delete(id);
        }),
      ),
  };
}

/** Sessions in memory (tests, and the fallback while IndexedDB is failing is simply "not saved"). */
export function memoryPersistence(): SessionPersistence & { readonly records: Map<string, SavedSessionRecord> } {
  const records = new Map<string, SavedSessionRecord>();
  const summaries = new Map<string, SavedSessionSummary>();
  return {
    records,
    async put(summary, record) {
      summaries.set(summary.id, { ...summary });
      records.set(record.id, { ...record });
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
    },
  };
}
