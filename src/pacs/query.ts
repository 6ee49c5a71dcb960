/**
 * The study list's search as QIDO-RS query parameters (PS3.18 8.3.4): wildcard matching for names
 * and ids, a date range, a modality in the study, paged with limit/offset.
 */
export interface StudySearch {
  readonly patientName?: string;
  readonly patientId?: string;
  /** YYYY-MM-DD (an <input type="date"> value) or empty. */
  readonly from?: string;
  readonly to?: string;
  readonly modality?: string;
}

export const PAGE_SIZE = 20;

/** QIDO matching treats * and ? as wildcards; a search term finds names that contain it. */
function contains(text: string): string {
  const clean = text.trim().replace(/[\\]/g, '');
  if (!clean) return '';
  return /[*?]/.test(clean) ? clean : `*${clean}*`;
}

const dicomDate = (iso: string | undefined): string => (iso && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso.replace(/-/g, '') : '');

export function studyQueryParams(search: StudySearch, page: number, pageSize = PAGE_SIZE): Record<string, string> {
  const params: Record<string, string> = {
    limit: String(pageSize + 1), // one more tells whether a next page exists
    offset: String(Math.max(0, page) * pageSize),
    // Study Description is not returned by default. One field only: Orthanc's DICOMweb 1.7 does not
    // split a comma list that arrives URL-encoded (%2C), as dicomweb-client sends it. Modalities,
    // series and instance counts, accession and birth date come by default.
    includefield: '00081030',
  };
  const name = contains(search.patientName ?? '');
  if (name) params.PatientName = name;
  const id = contains(search.patientId ?? '');
  if (id) params.PatientID = id;
  const from = dicomDate(search.from);
  const to = dicomDate(search.to);
  if (from || to) params.StudyDate = `${from}-${to}`;
  const modality = (search.modality ?? '').trim().toUpperCase();
  if (/^[A-Z0-9]{1,16}$/.test(modality)) params.ModalitiesInStudy = modality;
  return params;
}
