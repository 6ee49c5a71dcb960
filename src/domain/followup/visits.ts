/**
 * A visit is one session of a patient on one date: the patient from the session (identified
 * exports), the date from the StudyDate of the studies its measurements are on. Several visits of
 * one patient form a follow-up; sessions of different patients are refused, never merged.
 */
import type { NerveMeasurement } from '../measurement';
import type { Session } from '../session';
import { fail, ok, type Result } from '../types';

export interface Visit {
  /** Unique among the visits compared (a file name, or "current"). */
  readonly id: string;
  /** What the user calls it: a file name, "This session", … */
  readonly label: string;
  readonly patientId: string | null;
  readonly patientName: string | null;
  /** ISO date (YYYY-MM-DD) from StudyDate, or null when no measured study has one. */
  readonly date: string | null;
  /** Where the date came from, in plain words. */
  readonly dateSource: string;
  readonly measurements: readonly NerveMeasurement[];
}

/** DICOM DA "20250115" → "2025-01-15"; null for anything that is not a valid date. */
export function isoFromDicomDate(da: string | undefined | null): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec((da ?? '').trim());
  if (!m) return null;
  const [, y, mo, d] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  return date.getUTCMonth() === Number(mo) - 1 && date.getUTCDate() === Number(d) ? `${y}-${mo}-${d}` : null;
}

export function visitFromSession(session: Session, id: string, label: string): Visit {
  const measured = new Set(session.measurements.map((m) => m.image.studyInstanceUid));
  const studies = session.studies.filter((s) => measured.size === 0 || measured.has(s.studyInstanceUid));
  const dates = [...new Set(studies.map((s) => isoFromDicomDate(s.studyDate)).filter((d): d is string => d !== null))].sort();
  const date = dates[0] ?? null;
  const dateSource =
    date === null
      ? 'no study date in the session'
      : dates.length === 1
        ? 'StudyDate of the measured studies'
        : `StudyDate: the studies span ${dates.length} dates (${dates.join(', ')}); the earliest is used`;
  const patientId = session.patient?.id.trim() || null;
  const patientName = session.patient?.name.trim() || null;
  return { id, label, patientId, patientName, date, dateSource, measurements: session.measurements };
}

/**
 * The visits of ONE patient in date order (undated visits last, in the order given). Refused when
 * two visits name different patients. A visit without a patient ID (a de-identified export) is
 * taken as the same patient and a note says so.
 */
export function orderVisits(visits: readonly Visit[]): Result<{ readonly visits: readonly Visit[]; readonly notes: readonly string[] }> {
  const ids = new Set(visits.map((v) => v.id));
  if (ids.size !== visits.length) return fail('Two visits have the same name; rename one file.');
  const named = visits.filter((v) => v.patientId !== null);
  const other = named.find((v) => v.patientId !== named[0]!.patientId);
  if (other) {
    return fail(
      `The sessions belong to different patients (${named[0]!.patientId} in ${named[0]!.label}, ${other.patientId} in ${other.label}); a follow-up compares one patient.`,
    );
  }
  const notes: string[] = [];
  const anonymous = visits.filter((v) => v.patientId === null);
  if (anonymous.length > 0 && anonymous.length < visits.length) {
    notes.push(`${anonymous.map((v) => v.label).join(', ')} name${anonymous.length === 1 ? 's' : ''} no patient (de-identified); taken as the same patient as the others.`);
  }
  if (anonymous.length === visits.length && visits.length > 1) notes.push('No session names its patient (de-identified); they are taken as one patient.');
  const undated = visits.filter((v) => v.date === null);
  if (undated.length > 0) notes.push(`${undated.map((v) => v.label).join(', ')} ha${undated.length === 1 ? 's' : 've'} no study date and ${undated.length === 1 ? 'is' : 'are'} placed last.`);
  const order = (v: Visit): string => v.date ?? '9999-99-99';
  const sorted = visits.map((v, i) => ({ v, i })).sort((a, b) => order(a.v).localeCompare(order(b.v)) || a.i - b.i).map(({ v }) => v);
  return ok({ visits: sorted, notes });
}
