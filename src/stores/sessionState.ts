/**
 * Between the stores and a Session (pure: no Vue, no Pinia, no IndexedDB, so it is unit-tested):
 * - buildSession: what is open and measured now → a Session (image references only, never pixels);
 * - storeStateFromSession: a (rehydrated) Session → what the measurement, calibration and clinical
 *   stores are given back.
 *
 * A restored session whose files are not open yet keeps its study references (knownStudies), so its
 * measurements keep pointing at images the session knows, and autosaving before the files are
 * opened again loses nothing.
 */
import type { DicomImageMetadata } from '../dicom/types';
import type { NerveMeasurement } from '../domain/measurement';
import { BUILT_IN_REFERENCE_SETS } from '../domain/reference';
import {
  APP_NAME,
  SESSION_LIMITS,
  SESSION_SCHEMA_VERSION,
  serializeSession,
  type Session,
  type SessionCalibration,
  type SessionInstance,
  type SessionPatient,
  type SessionSeries,
  type SessionStudy,
  type SessionSuv,
} from '../domain/session';
import { boundedModality, boundedText, boundedUid } from '../domain/session/normaliseText';
import { sideFromLaterality } from '../domain/side';
import type { UserCalibrationRecord } from './calibrationStore';
import { CLINICAL_SNAPSHOT_VERSION, type ClinicalSnapshot } from './clinicalSnapshot';

/** What buildSession needs of an opened file. */
export interface OpenImage {
  readonly fileName: string;
  readonly meta: Pick<
    DicomImageMetadata,
    | 'studyInstanceUid'
    | 'seriesInstanceUid'
    | 'sopInstanceUid'
    | 'sopClassUid'
    | 'modality'
    | 'studyDescription'
    | 'studyDate'
    | 'seriesDescription'
    | 'numberOfFrames'
    | 'imageLaterality'
    | 'laterality'
    | 'frameLaterality'
    | 'patientName'
    | 'patientId'
  >;
}

export interface SessionSources {
  readonly appVersion: string;
  /** ISO time the session was started (kept across saves). */
  readonly createdAt: string;
  /** ISO time of this save. */
  readonly now: string;
  readonly images: readonly OpenImage[];
  /** Study references of the restored session (their files may not be open). */
  readonly knownStudies: readonly SessionStudy[];
  /** Patient of the restored session, used when no open file names one. */
  readonly knownPatient?: SessionPatient | undefined;
  readonly calibrations: readonly UserCalibrationRecord[];
  readonly measurements: readonly NerveMeasurement[];
  readonly clinical: ClinicalSnapshot;
  /** FDG PET SUV measurements and weight/dose edits (petCtStore); absent when there are none. */
  readonly suv?: SessionSuv | undefined;
  /** Traced and ellipse areas pooled in one mean (the measurements panel's choice). */
  readonly poolMethods?: boolean;
}

const clip = boundedText;

/** A file's UIDs as a session stores them (an over-long UID is shortened with a hash, see boundedUid). */
function boundedMeta(meta: OpenImage['meta']): OpenImage['meta'] {
  const uid = (value: string | null | undefined) => (value ? boundedUid(value) : value);
  return {
    ...meta,
    studyInstanceUid: uid(meta.studyInstanceUid) ?? meta.studyInstanceUid,
    seriesInstanceUid: uid(meta.seriesInstanceUid) ?? meta.seriesInstanceUid,
    sopInstanceUid: uid(meta.sopInstanceUid) ?? meta.sopInstanceUid,
    sopClassUid: uid(meta.sopClassUid) ?? meta.sopClassUid,
  };
}

/** Study → series → instance references of the open files (files without UIDs cannot be referenced and are left out). */
export function studiesFromImages(images: readonly OpenImage[]): SessionStudy[] {
  const studies = new Map<string, { description: string; studyDate: string; series: Map<string, { first: OpenImage; instances: SessionInstance[] }> }>();
  const seen = new Set<string>();
  for (const image of images) {
    const m = boundedMeta(image.meta);
    if (!m.studyInstanceUid || !m.seriesInstanceUid || !m.sopInstanceUid || seen.has(m.sopInstanceUid)) continue;
    seen.add(m.sopInstanceUid);
    let study = studies.get(m.studyInstanceUid);
    if (!study) {
      study = { description: clip(m.studyDescription, SESSION_LIMITS.longText), studyDate: clip(m.studyDate, SESSION_LIMITS.shortText), series: new Map() };
      studies.set(m.studyInstanceUid, study);
    }
    let series = study.series.get(m.seriesInstanceUid);
    if (!series) {
      series = { first: { ...image, meta: m }, instances: [] };
      study.series.set(m.seriesInstanceUid, series);
    }
    series.instances.push({
      sopInstanceUid: m.sopInstanceUid,
      sopClassUid: m.sopClassUid || null,
      fileName: clip(image.fileName, SESSION_LIMITS.longText),
      frames: Math.min(SESSION_LIMITS.framesPerInstance, Math.max(1, Math.floor(Number.isFinite(m.numberOfFrames) ? m.numberOfFrames : 1))),
    });
  }
  return [...studies.entries()].map(([studyInstanceUid, study]) => ({
    studyInstanceUid,
    description: study.description,
    ...(study.studyDate ? { studyDate: study.studyDate } : {}),
    series: [...study.series.entries()].map(([seriesInstanceUid, s]): SessionSeries => {
      const m = s.first.meta;
      const side = sideFromLaterality({
        imageLaterality: m.imageLaterality ?? undefined,
        laterality: m.laterality ?? undefined,
        frameLaterality: m.frameLaterality ?? undefined,
      });
      return {
        seriesInstanceUid,
        modality: boundedModality(m.modality),
        description: clip(m.seriesDescription, SESSION_LIMITS.longText),
        laterality: side?.side ?? null,
        instances: s.instances,
      };
    }),
  }));
}

/** Union of study references; the first list wins for what both describe, instances are merged by SOP Instance UID. */
export function mergeStudies(first: readonly SessionStudy[], second: readonly SessionStudy[]): SessionStudy[] {
  const out = new Map<string, { study: SessionStudy; series: Map<string, { series: SessionSeries; sops: Set<string>; instances: SessionInstance[] }> }>();
  for (const study of [...first, ...second]) {
    let entry = out.get(study.studyInstanceUid);
    if (!entry) {
      entry = { study, series: new Map() };
      out.set(study.studyInstanceUid, entry);
    }
    for (const series of study.series) {
      let s = entry.series.get(series.seriesInstanceUid);
      if (!s) {
        s = { series, sops: new Set(), instances: [] };
        entry.series.set(series.seriesInstanceUid, s);
      }
      for (const instance of series.instances) {
        if (s.sops.has(instance.sopInstanceUid)) continue;
        s.sops.add(instance.sopInstanceUid);
        s.instances.push(instance);
      }
    }
  }
  return [...out.values()].map(({ study, series }) => ({
    ...study,
    series: [...series.values()].map(({ series: s, instances }) => ({ ...s, instances })),
  }));
}

/** The patient named by the first open file that names one (birth date and accession are not read by the viewer). */
export function patientFromImages(images: readonly OpenImage[]): SessionPatient | undefined {
  const named = images.find((i) => i.meta.patientName || i.meta.patientId);
  if (!named) return undefined;
  return {
    name: clip(named.meta.patientName, SESSION_LIMITS.shortText),
    id: clip(named.meta.patientId, SESSION_LIMITS.shortText),
    birthDate: '',
    accessionNumber: '',
  };
}

/**
 * Calibrations read from a session without their line (a session written by another tool may omit
 * it): the store needs a line, so one is made up for display, and this set remembers not to write
 * the made-up line back (it would be recomputed on the next load and could disagree).
 */
const LINELESS = new WeakSet<UserCalibrationRecord>();

export function sessionCalibrationFromRecord(r: UserCalibrationRecord): SessionCalibration {
  const calibration = {
    source: 'user' as const,
    rowSpacingMm: r.calibration.rowSpacingMm,
    columnSpacingMm: r.calibration.columnSpacingMm,
    ...(r.calibration.description ? { description: clip(r.calibration.description, SESSION_LIMITS.longText) } : {}),
  };
  const aspect = (r.line as { pixelAspect?: unknown }).pixelAspect;
  const line = LINELESS.has(r)
    ? undefined
    : {
        start: { x: r.line.start.x, y: r.line.start.y },
        end: { x: r.line.end.x, y: r.line.end.y },
        knownLengthMm: r.line.knownLengthMm,
        ...(typeof aspect === 'number' ? { pixelAspect: aspect } : {}),
      };
  const base = { seriesInstanceUid: r.seriesInstanceUid, calibration, ...(line ? { line } : {}) };
  return r.scope === 'image' && r.sopInstanceUid ? { scope: 'image', sopInstanceUid: r.sopInstanceUid, ...base } : { scope: 'series', ...base };
}

function boundedCalibration(c: SessionCalibration): SessionCalibration {
  const series = boundedUid(c.seriesInstanceUid);
  const sop = c.sopInstanceUid === undefined ? undefined : boundedUid(c.sopInstanceUid);
  return series === c.seriesInstanceUid && sop === c.sopInstanceUid ? c : { ...c, seriesInstanceUid: series, ...(sop !== undefined ? { sopInstanceUid: sop } : {}) };
}

export function calibrationRecordFromSession(c: SessionCalibration): UserCalibrationRecord {
  const calibration = {
    source: 'user' as const,
    rowSpacingMm: c.calibration.rowSpacingMm,
    columnSpacingMm: c.calibration.columnSpacingMm,
    ...(c.calibration.description ? { description: c.calibration.description } : {}),
  };
  // A made-up horizontal line 100 px long of the right length in mm (square pixels along x).
  const line = c.line
    ? { ...c.line, start: { ...c.line.start }, end: { ...c.line.end } }
    : { start: { x: 0, y: 0 }, end: { x: 100, y: 0 }, knownLengthMm: 100 * c.calibration.columnSpacingMm };
  const record: UserCalibrationRecord = {
    scope: c.scope,
    seriesInstanceUid: c.seriesInstanceUid,
    ...(c.scope === 'image' && c.sopInstanceUid ? { sopInstanceUid: c.sopInstanceUid } : {}),
    calibration,
    line,
  };
  if (!c.line) LINELESS.add(record);
  return record;
}

/** Needle EMG and conduction rows without a muscle or nerve are rows being typed: a session cannot hold them. */
function completeRows<Row extends { readonly id?: string }>(rows: readonly Row[], key: keyof Row): Row[] {
  return rows.filter((r) => typeof r[key] === 'string' && (r[key] as string).trim().length > 0);
}

/**
 * A measurement on a file without UIDs (a broken or anonymised export) still needs references a
 * session can hold: stand-ins that say so. It cannot re-attach to its image, but it is not lost.
 */
function withReferences(m: NerveMeasurement): NerveMeasurement {
  const i = m.image;
  const name = clip(i.fileName || m.id, 200);
  const image = {
    ...i,
    studyInstanceUid: boundedUid(i.studyInstanceUid || 'unknown-study'),
    seriesInstanceUid: boundedUid(i.seriesInstanceUid || 'unknown-series'),
    sopInstanceUid: boundedUid(i.sopInstanceUid || `unknown-image:${name}`),
    ...(i.fileName !== undefined ? { fileName: clip(i.fileName, SESSION_LIMITS.longText) } : {}),
  };
  const modality = boundedModality(m.modality);
  const same =
    image.studyInstanceUid === i.studyInstanceUid &&
    image.seriesInstanceUid === i.seriesInstanceUid &&
    image.sopInstanceUid === i.sopInstanceUid &&
    image.fileName === i.fileName &&
    modality === m.modality;
  // Unchanged measurements stay the same object (autosave writes only what changed, by identity).
  return same ? m : { ...m, modality, image };
}

export function buildSession(s: SessionSources): Session {
  const open = studiesFromImages(s.images);
  const patient = patientFromImages(s.images) ?? s.knownPatient;
  return {
    schemaVersion: SESSION_SCHEMA_VERSION,
    app: { name: APP_NAME, version: s.appVersion },
    createdAt: s.createdAt,
    updatedAt: s.now,
    ...(patient ? { patient } : {}),
    studies: mergeStudies(open, s.knownStudies),
    calibrations: s.calibrations.map(sessionCalibrationFromRecord).map(boundedCalibration),
    measurements: s.measurements.map(withReferences),
    emg: completeRows(s.clinical.emg, 'muscle'),
    ncs: completeRows(s.clinical.ncs, 'nerve'),
    referenceSet: s.clinical.referenceSet,
    // Every user-edited set, selected or not: an edited set the user switched away from is not lost.
    ...(s.clinical.userReferenceSets.length > 0 ? { userReferenceSets: s.clinical.userReferenceSets } : {}),
    options: {
      ratioThreshold: s.clinical.ratioThreshold,
      ncsLimitSetId: s.clinical.ncsLimitSetId,
      ...(s.clinical.patientAgeYears !== undefined ? { patientAgeYears: s.clinical.patientAgeYears } : {}),
      ...(s.poolMethods ? { poolMethods: true } : {}),
    },
    ...(s.suv ? { suv: s.suv } : {}),
  };
}

/**
 * The clinical store's snapshot of a session: the session's user-edited sets, and the selected set
 * when it is not built in (older sessions stored only the selected one).
 */
export function clinicalSnapshotFromSession(session: Session): ClinicalSnapshot {
  const builtIn = BUILT_IN_REFERENCE_SETS.some((b) => b.id === session.referenceSet.id);
  const stored = session.userReferenceSets ?? [];
  const selectedIsStored = stored.some((set) => set.id === session.referenceSet.id);
  return {
    version: CLINICAL_SNAPSHOT_VERSION,
    emg: session.emg,
    ncs: session.ncs,
    referenceSet: session.referenceSet,
    userReferenceSets: builtIn || selectedIsStored ? stored : [...stored, session.referenceSet],
    ratioThreshold: session.options.ratioThreshold,
    ncsLimitSetId: session.options.ncsLimitSetId,
    ...(session.options.patientAgeYears !== undefined ? { patientAgeYears: session.options.patientAgeYears } : {}),
  };
}

export interface SessionStoreState {
  readonly measurements: readonly NerveMeasurement[];
  readonly calibrations: readonly UserCalibrationRecord[];
  readonly clinical: ClinicalSnapshot;
  readonly studies: readonly SessionStudy[];
  readonly patient: SessionPatient | undefined;
  readonly poolMethods: boolean;
}

/** What the stores are given back from a session (already rehydrated: its numbers recomputed). */
export function storeStateFromSession(session: Session): SessionStoreState {
  return {
    measurements: session.measurements,
    calibrations: session.calibrations.map(calibrationRecordFromSession),
    clinical: clinicalSnapshotFromSession(session),
    studies: session.studies,
    patient: session.patient,
    poolMethods: session.options.poolMethods === true,
  };
}

/** Measurements whose image is not open (they re-attach when the file with that SOP Instance UID is opened). */
export function waitingMeasurements(measurements: readonly NerveMeasurement[], openSopInstanceUids: ReadonlySet<string>): NerveMeasurement[] {
  return measurements.filter((m) => !openSopInstanceUids.has(m.image.sopInstanceUid));
}

/** Worth saving: something was opened, measured, calibrated or entered. */
export function sessionHasContent(session: Session): boolean {
  return (
    session.studies.length > 0 ||
    session.measurements.length > 0 ||
    session.calibrations.length > 0 ||
    session.emg.length > 0 ||
    session.ncs.length > 0 ||
    (session.suv?.measurements.length ?? 0) > 0
  );
}

/** The session's content as text, without its save time: equal keys mean nothing changed. */
export function sessionContentKey(session: Session): string {
  return serializeSession({ ...session, updatedAt: session.createdAt });
}

/** A short line for the list of saved sessions: study descriptions (or file names) and counts. */
export function describeSession(session: Session): string {
  const descriptions = [...new Set(session.studies.map((s) => s.description.trim()).filter(Boolean))];
  const series = session.studies.flatMap((s) => s.series);
  const what =
    descriptions.length > 0
      ? descriptions.slice(0, 2).join(', ') + (descriptions.length > 2 ? ` and ${descriptions.length - 2} more` : '')
      : series.length > 0
        ? `${series.length} series`
        : 'no images';
  const n = session.measurements.length;
  return `${what} · ${n} measurement${n === 1 ? '' : 's'}`;
}
