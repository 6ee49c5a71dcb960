/**
 * DICOM DA / TM / DT values to seconds on one local time line (no time zone is applied:
 * every time SUV compares is the scanner's local time).
 */

/** Seconds since 1970-01-01 00:00 of a date (YYYYMMDD) and time (HHMMSS.FFFFFF, parts optional); null when unparsable. */
export function dateTimeSeconds(date: string, time: string): number | null {
  const d = /^(\d{4})(\d{2})(\d{2})$/.exec(date.trim());
  const t = /^(\d{2})(\d{2})?(\d{2})?(?:\.(\d{1,6}))?$/.exec(time.trim().replace(/:/g, ''));
  if (!d || !t) return null;
  const [year, month, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
  const [hours, minutes, seconds] = [Number(t[1]), Number(t[2] ?? 0), Number(t[3] ?? 0)];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hours > 23 || minutes > 59 || seconds > 60) return null;
  const fraction = t[4] ? Number(`0.${t[4]}`) : 0;
  return Date.UTC(year, month - 1, day) / 1000 + hours * 3600 + minutes * 60 + seconds + fraction;
}

/** A DT value (YYYYMMDDHHMMSS.FFFFFF, an optional &ZZXX offset ignored) in seconds; null when unparsable. */
export function dtSeconds(value: string): number | null {
  const text = value.trim().replace(/[+-]\d{4}$/, '');
  if (text.length < 8) return null;
  return dateTimeSeconds(text.slice(0, 8), text.length > 8 ? text.slice(8) : '00');
}

/** "10:00:00" for display from seconds on the same time line (dates before 1970, e.g. de-identified ones, are negative). */
export function clockTime(seconds: number): string {
  const s = ((Math.round(seconds) % 86400) + 86400) % 86400;
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${p(Math.floor(s / 3600))}:${p(Math.floor(s / 60) % 60)}:${p(s % 60)}`;
}
