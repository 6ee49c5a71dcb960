/**
 * What a file says, made fit for a session before it enters one: a missing or over-long value becomes
 * bounded text and a note says what was changed, so the app can always save and re-import its own
 * export (the session schema bounds every string). The same input always gives the same output, so
 * an over-long UID still identifies its image after a save and a restore.
 */
import { SESSION_LIMITS } from './schema/limits';

/** What was changed, for the Session tab ("image-0003.dcm: Modality missing, stored as \"unknown\""). */
export interface NormalisationNote {
  readonly field: string;
  readonly message: string;
}

/** Modality in a session: 1 to 16 characters (DICOM CS). */
export const MODALITY_MAX = 16;
/** Stands for a missing Modality (a file without one can still be measured, in px or mm). */
export const UNKNOWN_MODALITY = 'unknown';

/** 64-bit FNV-1a as 16 hex digits: short, stable and synchronous (not a security hash). */
export function fnv64Hex(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0xcbf29ce4;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ (c + i), 0x01000193) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

/** Text cut to `max` characters (an ellipsis marks the cut). */
export function boundedText(text: string | null | undefined, max: number): string {
  const value = text ?? '';
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}

/**
 * A UID of at most 256 characters: an over-long one keeps its beginning and ends in "~" and a hash
 * of the whole, so two different long UIDs stay different. Empty stays empty (the caller decides).
 */
export function boundedUid(uid: string, max: number = SESSION_LIMITS.shortText): string {
  if (uid.length <= max) return uid;
  const hash = fnv64Hex(uid);
  return `${uid.slice(0, max - hash.length - 1)}~${hash}`;
}

export function boundedModality(modality: string | null | undefined): string {
  const value = (modality ?? '').trim();
  if (!value) return UNKNOWN_MODALITY;
  return value.length <= MODALITY_MAX ? value : value.slice(0, MODALITY_MAX);
}

/** Notes for one file's values that a session would change (empty when the file is within bounds). */
export function normalisationNotes(
  fileName: string,
  meta: {
    readonly modality?: string | null;
    readonly studyInstanceUid?: string | null;
    readonly seriesInstanceUid?: string | null;
    readonly sopInstanceUid?: string | null;
    readonly sopClassUid?: string | null;
    readonly studyDescription?: string | null;
    readonly seriesDescription?: string | null;
    readonly patientName?: string | null;
    readonly patientId?: string | null;
  },
): NormalisationNote[] {
  const notes: NormalisationNote[] = [];
  const name = boundedText(fileName || 'a file', 80);
  const modality = (meta.modality ?? '').trim();
  if (!modality) notes.push({ field: 'Modality', message: `${name}: Modality missing, stored as "${UNKNOWN_MODALITY}".` });
  else if (modality.length > MODALITY_MAX) {
    notes.push({ field: 'Modality', message: `${name}: Modality is ${modality.length} characters long, stored as its first ${MODALITY_MAX}.` });
  }
  const uids = [
    ['StudyInstanceUID', meta.studyInstanceUid],
    ['SeriesInstanceUID', meta.seriesInstanceUid],
    ['SOPInstanceUID', meta.sopInstanceUid],
    ['SOPClassUID', meta.sopClassUid],
  ] as const;
  for (const [field, value] of uids) {
    if (value && value.length > SESSION_LIMITS.shortText) {
      notes.push({ field, message: `${name}: ${field} is ${value.length} characters long, stored shortened with a hash of the whole.` });
    }
  }
  const texts = [
    ['StudyDescription', meta.studyDescription, SESSION_LIMITS.longText],
    ['SeriesDescription', meta.seriesDescription, SESSION_LIMITS.longText],
    ['PatientName', meta.patientName, SESSION_LIMITS.shortText],
    ['PatientID', meta.patientId, SESSION_LIMITS.shortText],
  ] as const;
  for (const [field, value, max] of texts) {
    if (value && value.length > max) notes.push({ field, message: `${name}: ${field} is ${value.length} characters long, stored as its first ${max - 1} and "…".` });
  }
  return notes;
}

/** A file's SOP Instance UID and a session's refer to the same image (the session may hold it bounded). */
export function sameSopInstance(fileUid: string | null | undefined, sessionUid: string): boolean {
  return !!fileUid && (fileUid === sessionUid || boundedUid(fileUid) === sessionUid);
}
