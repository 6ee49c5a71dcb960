/**
 * The patient's age for age-dependent limits: entered by the user, or from the DICOM — PatientAge
 * (0010,1010, "064Y", "018M", "010W", "005D") or PatientBirthDate (0010,0030) with the study date
 * (0008,0020), both YYYYMMDD. Never guessed: when nothing usable is given the age is unknown.
 */
export interface AgeInput {
  readonly enteredYears?: number | null;
  readonly patientAge?: string | null;
  readonly birthDate?: string | null;
  readonly studyDate?: string | null;
}

export interface PatientAge {
  readonly years: number;
  /** "entered", "PatientAge 064Y", "birth date 19600412 and study date 20240105" */
  readonly from: string;
}

function parseDicomDate(text: string | null | undefined): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec((text ?? '').trim());
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.getUTCMonth() === Number(m[2]) - 1 && date.getUTCDate() === Number(m[3]) ? date : null;
}

const UNIT_YEARS: Readonly<Record<string, number>> = { Y: 1, M: 1 / 12, W: 7 / 365.25, D: 1 / 365.25 };

/** Whole years of age, or null when no source gives one. An entered age wins over the DICOM. */
export function patientAgeYears(input: AgeInput): PatientAge | null {
  const entered = input.enteredYears;
  if (entered !== undefined && entered !== null && Number.isFinite(entered) && entered >= 0 && entered < 130) {
    return { years: Math.floor(entered), from: 'entered' };
  }
  const m = /^(\d{3})([DWMY])$/.exec((input.patientAge ?? '').trim().toUpperCase());
  if (m) return { years: Math.floor(Number(m[1]) * UNIT_YEARS[m[2]!]!), from: `PatientAge ${m[0]}` };
  const birth = parseDicomDate(input.birthDate);
  const study = parseDicomDate(input.studyDate);
  if (birth && study && study >= birth) {
    let years = study.getUTCFullYear() - birth.getUTCFullYear();
    const beforeBirthday =
      study.getUTCMonth() < birth.getUTCMonth() || (study.getUTCMonth() === birth.getUTCMonth() && study.getUTCDate() < birth.getUTCDate());
    if (beforeBirthday) years -= 1;
    return { years, from: `birth date ${input.birthDate!.trim()} and study date ${input.studyDate!.trim()}` };
  }
  return null;
}
