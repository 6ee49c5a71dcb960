/**
 * The session: everything the user did, saved as they go, reopened on the next visit.
 *
 * - `current()` builds a Session from the stores (image references from the open files and from the
 *   restored session, calibrations, measurements, the clinical snapshot); no pixel data.
 * - Autosave (write-ahead): any change of the stores is saved at the next turn of the event loop
 *   (and at once when the page is hidden or closed). The session is stored in chunks that together
 *   are the text an export writes (sessionChunks), so restoring goes through parseSession and
 *   rehydrateSession like an import; only changed chunks are written.
 * - On start the most recent saved session is restored — unless another tab has it open (it is
 *   owned by one tab at a time, sessionOwnership): then this tab starts its own and offers a copy.
 *   Its measurements re-attach to their images when the same files are opened again (matched by
 *   SOP Instance UID, see measurementSync).
 * - A storage failure (full, blocked, unavailable, timed out) is kept in `storageProblem`; the
 *   banner shows it and offers an export, the save is retried (RETRY_DELAYS_MS), and the next
 *   successful save clears it.
 */
import { defineStore } from 'pinia';
import { computed, ref, shallowRef, watch } from 'vue';
import { version as APP_VERSION } from '../../package.json';
import {
  deidentifySession,
  parseSession,
  SESSION_LIMITS,
  randomSalt,
  rehydrateSession,
  serializeSession,
  type RehydrationWarning,
  type Session,
  type SessionIssue,
  type SessionPatient,
  type SessionStudy,
  validateSession,
} from '../domain/session';
import { boundedUid, normalisationNotes } from '../domain/session/normaliseText';
import type { NerveMeasurement } from '../domain/measurement';
import { fail, ok, type Result } from '../domain/types';
import { parseClinicalSnapshot } from './clinicalSnapshot';
import { useCalibrationStore } from './calibrationStore';
import { useClinicalStore } from './clinicalStore';
import { useMeasurementStore } from './measurementStore';
import { useProfileStore } from './profileStore';
import { useStudyStore } from './studyStore';
import { usePetCtStore } from './petCtStore';
import {
  describeStorageError,
  indexedDbPersistence,
  type SavedSessionSummary,
  StorageError,
  type SessionPersistence,
} from './sessionPersistence';
import {
  buildSession,
  describeSession,
  sessionHasContent,
  storeStateFromSession,
  waitingMeasurements,
} from './sessionState';
import { sessionHead, sessionWrite, type SessionWrite } from './sessionChunks';
import { type SessionOwnership, webLocksOwnership } from './sessionOwnership';

/** What a save wrote, to skip a save that would write the same (compared by string identity: chunks are cached per measurement). */
interface ContentKey {
  readonly head: string;
  readonly measurements: readonly string[];
}

function sameContent(a: ContentKey | null, b: ContentKey): boolean {
  if (!a || a.head !== b.head || a.measurements.length !== b.measurements.length) return false;
  return a.measurements.every((json, i) => json === b.measurements[i]);
}

function contentKey(session: Session): ContentKey {
  const prepared = sessionWrite('', session);
  return {
    head: sessionHead({ ...session, updatedAt: session.createdAt }),
    measurements: prepared.ok ? prepared.write.measurements.map((m) => m.json) : session.measurements.map((m) => JSON.stringify(m)),
  };
}

/**
 * Write-ahead: a change is written at the next turn of the event loop (changes made together are
 * written together), not after a debounce, so the last edit is on disk as soon as IndexedDB allows.
 */
export const AUTOSAVE_DELAY_MS = 0;
/** A save not confirmed within this time (plus SAVE_TIMEOUT_MS_PER_MB per MB written) counts as failed. */
export const SAVE_TIMEOUT_MS = 15_000;
export const SAVE_TIMEOUT_MS_PER_MB = 200;
/** Waits before retrying a failed save; the last one repeats until a save succeeds. */
export const RETRY_DELAYS_MS: readonly number[] = [1_000, 3_000, 10_000, 30_000];

export { APP_VERSION };

export interface ExportFile {
  readonly fileName: string;
  readonly mimeType: string;
  readonly data: string | Uint8Array;
}

/** An import that parsed and rehydrated, waiting for the user to confirm replacing the current session. */
export interface PendingImport {
  readonly fileName: string;
  readonly session: Session;
  readonly warnings: readonly RehydrationWarning[];
}

function newSessionId(): string {
  const c = globalThis.crypto as Crypto | undefined;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  return `s-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** "2025-03-01-1405" in local time, for file names. */
function stamp(date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}-${p(date.getHours())}${p(date.getMinutes())}`;
}

export const useSessionStore = defineStore('session', () => {
  const measurementStore = useMeasurementStore();
  const calibrationStore = useCalibrationStore();
  const clinicalStore = useClinicalStore();
  const petCtStore = usePetCtStore();
  const studyStore = useStudyStore();

  // ---- state ----
  const sessionId = ref(newSessionId());
  const createdAt = ref(new Date().toISOString());
  /** Study references and patient of the restored session (their files may not be open). */
  const knownStudies = shallowRef<readonly SessionStudy[]>([]);
  const knownPatient = shallowRef<SessionPatient | undefined>(undefined);
  const savedSessions = shallowRef<readonly SavedSessionSummary[]>([]);
  const storageProblem = shallowRef<StorageError | null>(null);
  const lastSavedAt = ref<string | null>(null);
  /** What the last restore or import recomputed or left out. */
  const warnings = shallowRef<readonly RehydrationWarning[]>([]);
  /** One sentence about the last restore, open or import (shown in the Session tab). */
  const notice = ref('');
  /** Why the last session could not be restored on start (shown in the banner). */
  const restoreError = ref('');
  const started = ref(false);
  /** Exports and the printed report include the patient's name, ID and the original UIDs. */
  const includeIdentifiers = ref(false);
  const printOpen = ref(false);

  /** One salt per session, so the de-identified JSON, CSV and SR of a session use the same replacement UIDs. */
  let exportSalt = randomSalt();
  let persistence: SessionPersistence | null = null;
  /** Content of the last save or restore: a save with the same content is skipped. */
  let lastKey: ContentKey | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  /** A save waiting in the queue (not yet started): later changes are folded into it. */
  let queuedSave: Promise<boolean> | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  /** Failed saves in a row (0 when the last save succeeded). */
  const failedSaves = ref(0);
  /** When the next automatic retry runs (ms since epoch), or null. */
  const retryAt = ref<number | null>(null);
  /** A save is being written. */
  const saving = ref(false);
  /** A saved session this tab wanted but another tab has open (a copy is offered), or null. */
  const ownedElsewhere = shallowRef<{ readonly id: string; readonly description: string } | null>(null);
  /** Set in the tab that owns the session when another tab wanted it. */
  const wantedElsewhere = ref('');
  let ownership: SessionOwnership = webLocksOwnership();

  // ---- derived ----
  const openSopInstanceUids = computed(
    () => new Set(studyStore.instances.map((i) => i.meta.sopInstanceUid).filter((uid): uid is string => !!uid).flatMap((uid) => [uid, boundedUid(uid)])),
  );
  /** What the open files said that a session stores changed (missing or over-long values), one sentence each. */
  const fileNotes = computed(() => studyStore.instances.flatMap((i) => normalisationNotes(i.fileName, i.meta)));
  /** Outlines with more points than a session holds: saved only after the user agrees to simplify them. */
  const oversizedContours = computed(() => measurementStore.measurements.filter((m) => m.contour.length > SESSION_LIMITS.contourPoints));
  /** Measurements whose image is not open yet. */
  const waiting = computed(() => waitingMeasurements(measurementStore.measurements, openSopInstanceUids.value));

  /** The session as it stands (the clinical snapshot, calibrations, measurements and image references). */
  function current(now = new Date().toISOString()): Session {
    return buildSession({
      appVersion: APP_VERSION,
      createdAt: createdAt.value,
      now,
      images: studyStore.instances,
      knownStudies: knownStudies.value,
      knownPatient: knownPatient.value,
      calibrations: calibrationStore.records,
      measurements: measurementStore.measurements,
      clinical: clinicalStore.snapshot(),
      suv: petCtStore.sessionSuv,
      poolMethods: measurementStore.poolMethods,
    });
  }

  // ---- saving ----
  function serialized<T>(work: () => Promise<T>): Promise<T> {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  }

  async function refreshList(): Promise<void> {
    if (!persistence) return;
    savedSessions.value = await persistence.list();
  }

  function clearRetry(): void {
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    retryAt.value = null;
  }

  /** A save failed: it is shown (storageProblem) and tried again later, never left waiting silently. */
  function failed(problem: StorageError, retry: boolean): false {
    storageProblem.value = problem;
    failedSaves.value += 1;
    clearRetry();
    if (retry) {
      const delay = RETRY_DELAYS_MS[Math.min(failedSaves.value - 1, RETRY_DELAYS_MS.length - 1)]!;
      retryAt.value = Date.now() + delay;
      retryTimer = setTimeout(() => {
        retryTimer = null;
        retryAt.value = null;
        void saveNow({ force: true });
      }, delay);
    }
    return false;
  }

  /** The persistence's put, given up (and its transaction aborted) when it takes longer than its timeout. */
  async function putWithTimeout(summary: SavedSessionSummary, write: SessionWrite, chars: number): Promise<void> {
    const limit = SAVE_TIMEOUT_MS + Math.round((chars * 2) / 1e6) * SAVE_TIMEOUT_MS_PER_MB;
    const controller = new AbortController();
    let timeout: ReturnType<typeof setTimeout> | null = null;
    const expired = new Promise<never>((_, reject) => {
      timeout = setTimeout(() => {
        controller.abort();
        reject(
          new StorageError(
            `The browser's storage did not confirm the save within ${Math.round(limit / 1000)} s (${(chars / 1e6).toFixed(1)} million characters).`,
            'timeout',
          ),
        );
      }, limit);
    });
    try {
      await Promise.race([persistence!.put(summary, write, controller.signal), expired]);
    } finally {
      if (timeout) clearTimeout(timeout);
    }
  }

  /**
   * Save now (a pending write-ahead save is folded in). Skipped when nothing changed since the last
   * save, or when a session that was never saved is still empty (unless `force`). Only the chunks
   * that changed are written (see sessionChunks); a failure is shown and retried.
   */
  function saveNow(options: { force?: boolean } = {}): Promise<boolean> {
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    if (queuedSave && !options.force) return queuedSave;
    const next = serialized(async () => {
      if (queuedSave === next) queuedSave = null;
      if (!persistence) return false;
      const session = current();
      const key = contentKey(session);
      const known = savedSessions.value.some((s) => s.id === sessionId.value);
      if (!options.force && sameContent(lastKey, key) && known) return true;
      if (!options.force && !known && !sessionHasContent(session)) return true;
      const id = sessionId.value;
      const summary: SavedSessionSummary = {
        id,
        createdAt: session.createdAt,
        updatedAt: session.updatedAt,
        measurementCount: session.measurements.length,
        description: describeSession(session),
        patientName: session.patient?.name ?? '',
      };
      // Never store what could not be read back: a refusal is shown like a storage failure (export offered).
      const head = sessionHead(session);
      const headChecked = validateSession(JSON.parse(head));
      const prepared = sessionWrite(id, session, head);
      const problem = !headChecked.ok
        ? `${headChecked.issues[0]?.path || 'the top level'}: ${headChecked.issues[0]?.reason ?? headChecked.error}`
        : !prepared.ok
          ? prepared.problem
          : null;
      if (problem || !prepared.ok) {
        // Retrying cannot help; the next change tries again.
        return failed(new StorageError(`The session cannot be saved because it could not be read back: ${problem}.`, 'failed'), false);
      }
      const chars = head.length + prepared.write.measurements.reduce((sum, m) => sum + m.json.length, 0);
      saving.value = true;
      try {
        await putWithTimeout(summary, prepared.write, chars);
      } catch (error) {
        return failed(describeStorageError(error), true);
      } finally {
        saving.value = false;
      }
      lastKey = key;
      lastSavedAt.value = session.updatedAt;
      storageProblem.value = null;
      failedSaves.value = 0;
      clearRetry();
      savedSessions.value = [summary, ...savedSessions.value.filter((s) => s.id !== id)];
      return true;
    });
    queuedSave = next;
    return next;
  }

  function scheduleSave(): void {
    if (!started.value || timer) return;
    timer = setTimeout(() => {
      timer = null;
      void saveNow();
    }, AUTOSAVE_DELAY_MS);
  }

  // ---- applying a session ----
  /**
   * Replace the stores' content with a parsed session: its numbers are recomputed (rehydrateSession)
   * and the clinical part is checked before anything changes, so a refusal leaves everything as it was.
   */
  function apply(session: Session, id: string): Result<readonly RehydrationWarning[]> {
    const rehydrated = rehydrateSession(session);
    const state = storeStateFromSession(rehydrated.session);
    const clinical = parseClinicalSnapshot(state.clinical);
    if (!clinical.ok) return fail(clinical.error);
    const restored = clinicalStore.restore(clinical.value);
    if (!restored.ok) return fail(restored.error);
    measurementStore.replaceAll(state.measurements);
    measurementStore.selectedId = null;
    measurementStore.poolMethods = state.poolMethods;
    calibrationStore.replaceAll(state.calibrations);
    petCtStore.restore(rehydrated.session.suv);
    knownStudies.value = state.studies;
    knownPatient.value = state.patient;
    sessionId.value = id;
    createdAt.value = rehydrated.session.createdAt;
    exportSalt = randomSalt();
    warnings.value = rehydrated.warnings;
    lastKey = contentKey(current(rehydrated.session.updatedAt));
    return ok(rehydrated.warnings);
  }

  function countText(n: number, word: string): string {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
  }

  /** A saved session read and checked, without opening it (e.g. as another visit for the follow-up). */
  async function readSaved(id: string): Promise<Result<Session>> {
    if (!persistence) return fail('Session storage is not available.');
    try {
      const text = (await persistence.get(id))?.json;
      if (text === undefined) return fail('That saved session no longer exists.');
      const parsed = parseSession(text);
      return parsed.ok ? ok(rehydrateSession(parsed.value).session) : fail(parsed.error);
    } catch (error) {
      return fail(describeStorageError(error).message);
    }
  }

  /** Open a saved session (the current one is saved first). */
  async function openSaved(id: string, how: 'restored' | 'opened' = 'opened'): Promise<Result<Session>> {
    if (!persistence) return fail('Session storage is not available.');
    if (how === 'opened') await saveNow();
    const previousId = sessionId.value;
    if (id !== previousId && !(await ownership.claim(id))) {
      // Another tab has it open: this tab is told, that tab is told, and a copy is offered.
      ownership.announceWanted(id);
      const description = savedSessions.value.find((s) => s.id === id)?.description ?? '';
      ownedElsewhere.value = { id, description };
      const error = 'That session is open in another tab; to avoid overwriting each other, this tab can open a copy of it instead.';
      notice.value = how === 'restored' ? 'The last session is open in another tab, so this tab started a new session.' : error;
      return fail(error);
    }
    const releaseClaim = () => {
      if (id !== sessionId.value) ownership.release(id);
    };
    let text: string | undefined;
    try {
      text = (await persistence.get(id))?.json;
    } catch (error) {
      releaseClaim();
      storageProblem.value = describeStorageError(error);
      return fail(storageProblem.value.message);
    }
    if (text === undefined) {
      releaseClaim();
      return fail('That saved session no longer exists.');
    }
    const parsed = parseSession(text);
    const applied = parsed.ok ? apply(parsed.value, id) : parsed;
    if (id !== previousId && sessionId.value === id) ownership.release(previousId);
    if (id === sessionId.value && ownedElsewhere.value?.id === id) ownedElsewhere.value = null;
    if (!parsed.ok || !applied.ok) {
      releaseClaim();
      const error = applied.ok ? '' : applied.error;
      notice.value = `The saved session could not be ${how}: ${error}`;
      if (how === 'restored') restoreError.value = `The last saved session could not be restored: ${error} It stays in the list of saved sessions; a new session was started.`;
      return fail(error);
    }
    lastSavedAt.value = parsed.value.updatedAt;
    const when = new Date(parsed.value.updatedAt).toLocaleString();
    notice.value = `${how === 'restored' ? 'Restored the last session' : 'Opened the session'} saved ${when} (${countText(measurementStore.measurements.length, 'measurement')}).`;
    return ok(parsed.value);
  }

  /** A copy (under a new id) of the session another tab has open; the copy is this tab's own. */
  async function openCopy(): Promise<Result<true>> {
    const original = ownedElsewhere.value;
    if (!persistence || !original) return fail('There is no session open in another tab to copy.');
    await saveNow();
    let text: string | undefined;
    try {
      text = (await persistence.get(original.id))?.json;
    } catch (error) {
      storageProblem.value = describeStorageError(error);
      return fail(storageProblem.value.message);
    }
    if (text === undefined) return fail('That saved session no longer exists.');
    const parsed = parseSession(text);
    if (!parsed.ok) return fail(parsed.error);
    const previousId = sessionId.value;
    const id = newSessionId();
    await ownership.claim(id);
    const applied = apply(parsed.value, id);
    if (!applied.ok) {
      ownership.release(id);
      return applied;
    }
    ownership.release(previousId);
    ownedElsewhere.value = null;
    lastSavedAt.value = null;
    notice.value = `Opened a copy of the session that is open in another tab (${countText(measurementStore.measurements.length, 'measurement')}); it is saved as a new session.`;
    await saveNow({ force: true });
    return ok(true);
  }

  /**
   * Simplify the outlines that are too large to save (the user asked for it: never done silently).
   * One undoable step; the notice says how much the areas moved.
   */
  async function simplifyLargeContours(): Promise<Result<number>> {
    const { simplifyMeasurement } = await import('../domain/measurement/simplifyContour');
    const now = new Date().toISOString();
    let worst = 0;
    const problems: string[] = [];
    const byId = new Map<string, NerveMeasurement>();
    for (const m of oversizedContours.value) {
      const simplified = simplifyMeasurement(m, SESSION_LIMITS.contourPoints, now);
      if (!simplified.ok) problems.push(simplified.error);
      else {
        byId.set(m.id, simplified.value.measurement);
        worst = Math.max(worst, simplified.value.areaChange);
      }
    }
    if (byId.size) measurementStore.replaceKeepingHistory(measurementStore.measurements.map((m) => byId.get(m.id) ?? m));
    notice.value =
      `Simplified ${countText(byId.size, 'outline')} to at most ${SESSION_LIMITS.contourPoints.toLocaleString('en')} points; ` +
      `areas changed by at most ${(worst * 100).toPrecision(2)} % (Undo restores the originals).` +
      (problems.length ? ` Not simplified: ${problems.join('; ')}.` : '');
    return problems.length && !byId.size ? fail(problems.join('; ')) : ok(byId.size);
  }

  /** Give this tab's id to a new session (claimed: nobody else has it), releasing the previous one. */
  async function takeNewId(): Promise<string> {
    const previousId = sessionId.value;
    const id = newSessionId();
    await ownership.claim(id);
    ownership.release(previousId);
    return id;
  }

  async function deleteSaved(id: string): Promise<Result<true>> {
    if (!persistence) return fail('Session storage is not available.');
    if (id === sessionId.value) return fail('This is the session in use; start a new session or open another before deleting it.');
    // A session another tab has open is not deleted under it.
    if (!(await ownership.claim(id))) return fail('That session is open in another tab; close it there before deleting it here.');
    try {
      await serialized(() => persistence!.delete(id));
    } catch (error) {
      ownership.release(id);
      storageProblem.value = describeStorageError(error);
      return fail(storageProblem.value.message);
    }
    ownership.release(id);
    savedSessions.value = savedSessions.value.filter((s) => s.id !== id);
    return ok(true);
  }

  /** Save the current session, then start an empty one (the open images stay open). */
  async function newSession(): Promise<void> {
    await saveNow();
    measurementStore.replaceAll([]);
    measurementStore.selectedId = null;
    measurementStore.poolMethods = false;
    calibrationStore.replaceAll([]);
    clinicalStore.clearAll();
    knownStudies.value = [];
    knownPatient.value = undefined;
    sessionId.value = await takeNewId();
    createdAt.value = new Date().toISOString();
    exportSalt = randomSalt();
    warnings.value = [];
    notice.value = 'Started a new session.';
    lastKey = null;
    // Saved at once, so that reloading the page reopens this new session rather than the last one.
    await saveNow({ force: true });
  }

  // ---- import ----
  /** Check a session file; nothing changes here. */
  function checkImport(
    fileName: string,
    text: string,
  ): { ok: true; pending: PendingImport } | { ok: false; error: string; issues: readonly SessionIssue[] } {
    const parsed = parseSession(text);
    if (!parsed.ok) return parsed;
    const rehydrated = rehydrateSession(parsed.value);
    const clinical = parseClinicalSnapshot(storeStateFromSession(rehydrated.session).clinical);
    if (!clinical.ok) return { ok: false, error: clinical.error, issues: [{ path: '', reason: clinical.error }] };
    return { ok: true, pending: { fileName, session: parsed.value, warnings: rehydrated.warnings } };
  }

  /** Replace the current session by an imported one (saved as a new session; the current one stays in the list). */
  async function applyImport(pending: PendingImport): Promise<Result<true>> {
    await saveNow();
    const previousId = sessionId.value;
    const id = newSessionId();
    await ownership.claim(id);
    const applied = apply(pending.session, id);
    if (!applied.ok) {
      ownership.release(id);
      return applied;
    }
    ownership.release(previousId);
    lastSavedAt.value = null;
    notice.value = `Imported ${pending.fileName} (${countText(measurementStore.measurements.length, 'measurement')}).`;
    await saveNow({ force: true });
    return ok(true);
  }

  // ---- exports ----
  function forExport(session: Session): Session {
    return includeIdentifiers.value ? session : deidentifySession(session, exportSalt);
  }

  /** The session as exports see it now (de-identified unless identifiers are included). */
  function sessionForExport(): Session {
    return forExport(current());
  }

  function exportJson(): ExportFile {
    return {
      fileName: `nervetrace-session-${stamp()}${includeIdentifiers.value ? '-identified' : ''}.json`,
      mimeType: 'application/json',
      // The profile and follow-up tables as shown (derived; never read back).
      data: serializeSession({ ...forExport(current()), profileTables: useProfileStore().tablesForExport(includeIdentifiers.value) }),
    };
  }

  /** A backup of everything as it is, with identifiers (for the storage-failure banner: the user's own copy). */
  function exportBackup(): ExportFile {
    return { fileName: `nervetrace-session-${stamp()}-backup.json`, mimeType: 'application/json', data: serializeSession(current()) };
  }

  async function exportCsv(kind: 'measurements' | 'left-right' | 'suv'): Promise<ExportFile> {
    const { measurementsCsv, sideBySideCsv, suvCsv } = await import('../domain/export');
    const session = forExport(current());
    return {
      fileName: `nervetrace-${kind}-${stamp()}.csv`,
      mimeType: 'text/csv;charset=utf-8',
      data: kind === 'measurements' ? measurementsCsv(session) : kind === 'suv' ? suvCsv(session) : sideBySideCsv(session),
    };
  }

  async function exportSr(): Promise<Result<ExportFile>> {
    const { buildMeasurementReportSr } = await import('../domain/export');
    const built = buildMeasurementReportSr(current(), includeIdentifiers.value ? { identified: true } : { salt: exportSalt });
    if (!built.ok) return built;
    return ok({ fileName: `nervetrace-measurements-${stamp()}-sr.dcm`, mimeType: 'application/dicom', data: built.value });
  }

  // ---- start ----
  /** Restore the most recent session and start autosaving. Called once by the app shell. */
  async function start(options: { persistence?: SessionPersistence; ownership?: SessionOwnership } = {}): Promise<void> {
    if (started.value || persistence) return;
    persistence = options.persistence ?? indexedDbPersistence((problem) => (storageProblem.value = problem));
    if (options.ownership) ownership = options.ownership;
    ownership.onWanted(() => {
      wantedElsewhere.value = 'Another tab tried to open this session. It was offered a copy; this tab keeps saving this one.';
    });
    await ownership.claim(sessionId.value);
    try {
      await refreshList();
      const latest = savedSessions.value[0];
      if (latest) await openSaved(latest.id, 'restored');
    } catch (error) {
      storageProblem.value = describeStorageError(error);
    }
    watch(
      [
        () => measurementStore.measurements,
        () => measurementStore.poolMethods,
        () => calibrationStore.records,
        () => studyStore.instances,
        () => clinicalStore.emgRows,
        () => clinicalStore.ncsRows,
        () => clinicalStore.referenceSetId,
        () => clinicalStore.userReferenceSets,
        () => clinicalStore.ncsLimitSetId,
        () => clinicalStore.ratioThreshold,
        () => clinicalStore.patientAgeYears,
      ],
      scheduleSave,
    );
    started.value = true;
    if (typeof window !== 'undefined') {
      // Leaving or hiding the page saves at once (the debounce might not get to run).
      window.addEventListener('pagehide', () => void saveNow());
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'hidden') void saveNow();
      });
    }
    // Anything done while the saved session was being read is saved too.
    scheduleSave();
  }

  return {
    sessionId,
    createdAt,
    savedSessions,
    storageProblem,
    failedSaves,
    retryAt,
    saving,
    ownedElsewhere,
    wantedElsewhere,
    fileNotes,
    oversizedContours,
    simplifyLargeContours,
    openCopy,
    lastSavedAt,
    warnings,
    notice,
    restoreError,
    started,
    includeIdentifiers,
    printOpen,
    knownStudies,
    waiting,
    current,
    start,
    saveNow,
    openSaved,
    readSaved,
    deleteSaved,
    newSession,
    checkImport,
    applyImport,
    sessionForExport,
    exportJson,
    exportBackup,
    exportCsv,
    exportSr,
    refreshList,
  };
});
