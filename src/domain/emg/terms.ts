import { fail, ok, type Result } from '../types';
import { normalizeCell } from './normalize';
import type { ActivityLevel, Grade, OtherDischarge, Recruitment } from './types';
import {
  GRADE_TERMS,
  LEVEL_TERMS,
  NOTHING_TERMS,
  OTHER_DISCHARGE_TERMS,
  POLYPHASIA_TERMS,
  RECRUITMENT_TERMS,
} from './vocabulary';

function lookup<T>(table: Readonly<Record<string, T>>, text: string): T | undefined {
  const key = normalizeCell(text);
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

/** "0", "1+", "+", "++", "+++", "++++", "4+", "none", "-" → 0…4. */
export function parseGrade(text: string): Result<Grade> {
  const grade = lookup(GRADE_TERMS, text);
  return grade === undefined ? fail(`"${text.trim()}" is not a grade (write 0, 1+ … 4+, or + … ++++).`) : ok(grade);
}

/** "full", "complete", "interference" → full; "mixed phase" → reduced; "simple phase" → discrete; "no MUAP" → none. */
export function parseRecruitment(text: string): Result<Recruitment> {
  const value = lookup(RECRUITMENT_TERMS, text);
  return value === undefined ? fail(`"${text.trim()}" is not a recruitment pattern.`) : ok(value);
}

/** Insertional activity, MUAP amplitude or duration: normal / increased / decreased. */
export function parseLevel(text: string): Result<ActivityLevel> {
  const value = lookup(LEVEL_TERMS, text);
  return value === undefined ? fail(`"${text.trim()}" is not normal, increased or decreased.`) : ok(value);
}

export function parsePolyphasia(text: string): Result<'normal' | 'increased'> {
  const value = lookup(POLYPHASIA_TERMS, text);
  return value === undefined ? fail(`"${text.trim()}" is not a polyphasia value (normal or increased).`) : ok(value);
}

/** "CRD, myokymia" → ['complex-repetitive', 'myokymic']; "none" → []. Unknown words are reported. */
export function parseOtherDischarges(text: string): { readonly discharges: OtherDischarge[]; readonly unknown: string[] } {
  const discharges: OtherDischarge[] = [];
  const unknown: string[] = [];
  for (const part of text.split(/[,;/&]|\band\b|\s\+\s/i)) {
    const key = normalizeCell(part);
    if (NOTHING_TERMS.has(key) || key === '-') continue;
    const value = OTHER_DISCHARGE_TERMS[key];
    if (value) {
      if (!discharges.includes(value)) discharges.push(value);
    } else {
      unknown.push(part.trim());
    }
  }
  return { discharges, unknown };
}

/** A number as written in a report: "3.8", "3,8" (decimal comma), "<0.5" is refused. */
export function parseNumber(text: string): number | null {
  const t = text.trim().replace(/\s+/g, '');
  if (!/^-?\d+([.,]\d+)?$/.test(t)) return null;
  const value = Number(t.replace(',', '.'));
  return Number.isFinite(value) ? value : null;
}
