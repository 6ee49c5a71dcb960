/**
 * NerveTrace's side of a PACS that speaks DICOMweb (PS3.18), through dicomweb-client:
 * QIDO-RS to list studies, series and reports, WADO-RS metadata and instances, STOW-RS to store
 * the measurement report. No Vue, no Cornerstone: the viewer turns RemoteInstance.frameUrl into
 * `wadors:` image ids (src/viewer/wadors.ts).
 */
import { api } from 'dicomweb-client';
import { readDicomJsonMetadata, type DicomImageMetadata, type DicomJson } from '../dicom';
import { describePacsError, PacsRequestError } from './errors';
import { count, isoDate, items, text, texts } from './json';
import { studyQueryParams, type StudySearch, PAGE_SIZE } from './query';

export interface PacsServer {
  /** The DICOMweb root, absolute (e.g. http://127.0.0.1:8042/dicom-web). */
  readonly url: string;
  readonly username?: string;
  readonly password?: string;
}

export interface StudySummary {
  readonly studyInstanceUid: string;
  readonly patientName: string;
  readonly patientId: string;
  readonly studyDate: string;
  readonly description: string;
  readonly accessionNumber: string;
  readonly modalities: readonly string[];
  readonly seriesCount: number | null;
  readonly instanceCount: number | null;
}

export interface StudyPage {
  readonly studies: readonly StudySummary[];
  readonly page: number;
  readonly hasNext: boolean;
}

export interface RemoteInstance {
  readonly meta: DicomImageMetadata;
  /** `…/studies/S/series/R/instances/I/frames/`: append the 1-based frame number. */
  readonly frameUrl: string;
  /** The instance's DICOM JSON metadata (Cornerstone's wadors loader reads it). */
  readonly json: DicomJson;
}

export interface RemoteStudy {
  readonly studyInstanceUid: string;
  readonly instances: readonly RemoteInstance[];
  /** Instances that are not images NerveTrace can show (SRs, …) or whose metadata is unusable. */
  readonly skipped: readonly { readonly name: string; readonly reason: string }[];
  /** Patient and Study module attributes of the study as stored (for the report's header). */
  readonly patientStudy: PatientStudyModules;
}

/** Patient and General Study module attributes by dcmjs keyword (strings as stored). */
export type PatientStudyModules = Readonly<Record<string, string>>;

export interface StoredReport {
  readonly studyInstanceUid: string;
  readonly seriesInstanceUid: string;
  readonly sopInstanceUid: string;
  /** ISO-like "YYYY-MM-DD HH:MM:SS" from ContentDate/ContentTime, for display and sorting. */
  readonly when: string;
  readonly device: string;
  readonly author: string;
  readonly measurementCount: number;
}

const PATIENT_STUDY_TAGS: Readonly<Record<string, string>> = {
  PatientName: '00100010',
  PatientID: '00100020',
  IssuerOfPatientID: '00100021',
  PatientBirthDate: '00100030',
  PatientSex: '00100040',
  StudyInstanceUID: '0020000D',
  StudyDate: '00080020',
  StudyTime: '00080030',
  ReferringPhysicianName: '00080090',
  StudyID: '00200010',
  AccessionNumber: '00080050',
  StudyDescription: '00081030',
};

export function patientStudyModules(json: DicomJson): PatientStudyModules {
  return Object.fromEntries(Object.entries(PATIENT_STUDY_TAGS).map(([keyword, tag]) => [keyword, text(json, tag)]));
}

const MANUFACTURER = '00080070';
const CONTENT_SEQUENCE = '0040A730';
const CONCEPT_NAME = '0040A043';
const CODE_VALUE = '00080100';
const IMAGING_MEASUREMENTS = '126010';
const MEASUREMENT_GROUP = '125007';

function conceptValue(item: DicomJson): string {
  return text(items(item, CONCEPT_NAME)[0] ?? {}, CODE_VALUE);
}

/** Measurement groups of a TID 1500 report, from its metadata. */
function measurementGroups(sr: DicomJson): number {
  const measurements = items(sr, CONTENT_SEQUENCE).find((i) => conceptValue(i) === IMAGING_MEASUREMENTS);
  return measurements ? items(measurements, CONTENT_SEQUENCE).filter((i) => conceptValue(i) === MEASUREMENT_GROUP).length : 0;
}

function observerName(sr: DicomJson): string {
  for (const item of items(sr, CONTENT_SEQUENCE)) {
    const code = conceptValue(item);
    if (code === '121008' || code === '121013') return text(item, '0040A123') || text(item, '0040A160'); // Person / Device Observer Name
  }
  return '';
}

function timeText(date: string, time: string): string {
  const t = time.replace(/\..*$/, '').padEnd(6, '0');
  return `${isoDate(date)}${date ? ` ${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}` : ''}`;
}

export function isNerveTraceReport(json: DicomJson): boolean {
  return text(json, '00080060') === 'SR' && text(json, MANUFACTURER) === 'NerveTrace';
}

/**
 * The part of dicomweb-client we use. Its published types (generated from JSDoc) mark every option
 * as required and its promises as arrays, so the client is seen through this interface instead.
 */
interface DicomWebApi {
  searchForStudies(o: { queryParams?: Record<string, string> }): Promise<unknown>;
  searchForSeries(o: { studyInstanceUID: string; queryParams?: Record<string, string> }): Promise<unknown>;
  retrieveStudyMetadata(o: { studyInstanceUID: string }): Promise<unknown>;
  retrieveSeriesMetadata(o: { studyInstanceUID: string; seriesInstanceUID: string }): Promise<unknown>;
  retrieveInstance(o: { studyInstanceUID: string; seriesInstanceUID: string; sopInstanceUID: string }): Promise<unknown>;
  storeInstances(o: { datasets: ArrayBuffer[] }): Promise<unknown>;
}

/** A client for one server; every failure is a PacsRequestError with one plain sentence. */
export class PacsClient {
  private readonly client: DicomWebApi;
  readonly url: string;

  constructor(server: PacsServer) {
    this.url = server.url.replace(/\/+$/, '');
    this.client = new api.DICOMwebClient({ url: this.url, headers: authorizationHeaders(server) } as never) as unknown as DicomWebApi;
  }

  private async call<T>(doing: string, request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      throw new PacsRequestError(describePacsError(error, doing, this.url));
    }
  }

  async searchStudies(search: StudySearch, page = 0): Promise<StudyPage> {
    const found = (await this.call('load the study list', () =>
      this.client.searchForStudies({ queryParams: studyQueryParams(search, page) }),
    )) as DicomJson[];
    const studies = (found ?? []).slice(0, PAGE_SIZE).map((s) => ({
      studyInstanceUid: text(s, '0020000D'),
      patientName: text(s, '00100010'),
      patientId: text(s, '00100020'),
      studyDate: isoDate(text(s, '00080020')),
      description: text(s, '00081030'),
      accessionNumber: text(s, '00080050'),
      modalities: texts(s, '00080061'),
      seriesCount: count(s, '00201206'),
      instanceCount: count(s, '00201208'),
    }));
    return { studies, page, hasNext: (found ?? []).length > PAGE_SIZE };
  }

  private seriesMetadata(studyInstanceUid: string, seriesInstanceUid: string, doing: string): Promise<DicomJson[]> {
    return this.call(doing, () =>
      this.client.retrieveSeriesMetadata({ studyInstanceUID: studyInstanceUid, seriesInstanceUID: seriesInstanceUid }),
    ) as Promise<DicomJson[]>;
  }

  /**
   * Every image of a study with its metadata, from one WADO-RS study metadata request (the series
   * query and a request per series cost a round trip each before the first frame could be asked
   * for). Frames are fetched by the viewer when shown.
   */
  async openStudy(studyInstanceUid: string): Promise<RemoteStudy> {
    const doing = 'open the study';
    const gone = (): PacsRequestError =>
      new PacsRequestError({ kind: 'not-found', message: `The study is no longer on the PACS (it may have been deleted meanwhile), so NerveTrace could not ${doing}.` });
    let all: DicomJson[];
    try {
      all = (await this.call(doing, () => this.client.retrieveStudyMetadata({ studyInstanceUID: studyInstanceUid }))) as DicomJson[];
    } catch (error) {
      throw error instanceof PacsRequestError && error.pacs.kind === 'not-found' ? gone() : error;
    }
    if (!all?.length) throw gone();
    const instances: RemoteInstance[] = [];
    const skipped: { name: string; reason: string }[] = [];
    let patientStudy: PatientStudyModules | null = null;
    for (const json of all) {
      if (text(json, '00080060') === 'SR') continue; // reports are listed by listReports
      const seriesUid = text(json, '0020000E');
      const sop = text(json, '00080018');
      const name = `${text(json, '0008103E') || seriesUid} / ${text(json, '00200013') || sop}`;
      const meta = readDicomJsonMetadata(json, { fileName: name });
      if (!meta.ok) {
        skipped.push({ name, reason: meta.error });
        continue;
      }
      patientStudy ??= patientStudyModules(json);
      instances.push({ meta: meta.value, json, frameUrl: `${this.url}/studies/${studyInstanceUid}/series/${seriesUid}/instances/${sop}/frames/` });
    }
    return { studyInstanceUid, instances, skipped, patientStudy: patientStudy ?? {} };
  }

  /** NerveTrace reports stored with a study, newest first. */
  async listReports(studyInstanceUid: string): Promise<StoredReport[]> {
    const doing = 'list the stored reports';
    const series = (await this.call(doing, () =>
      this.client.searchForSeries({ studyInstanceUID: studyInstanceUid, queryParams: { Modality: 'SR' } }),
    )) as DicomJson[];
    const reports: StoredReport[] = [];
    for (const s of series ?? []) {
      const seriesUid = text(s, '0020000E');
      for (const json of await this.seriesMetadata(studyInstanceUid, seriesUid, doing)) {
        if (!isNerveTraceReport(json)) continue;
        reports.push({
          studyInstanceUid,
          seriesInstanceUid: seriesUid,
          sopInstanceUid: text(json, '00080018'),
          when: timeText(text(json, '00080023'), text(json, '00080033')),
          device: [text(json, MANUFACTURER), text(json, '00181020')].filter(Boolean).join(' '),
          author: observerName(json),
          measurementCount: measurementGroups(json),
        });
      }
    }
    return reports.sort((a, b) => b.when.localeCompare(a.when));
  }

  /**
   * NerveTrace reports of all studies of one patient (exact Patient ID), newest first: what a
   * follow-up visit compares with.
   */
  async listPatientReports(patientId: string): Promise<StoredReport[]> {
    if (!patientId.trim()) return [];
    const studies = (await this.call('find the patient\u2019s studies', () =>
      this.client.searchForStudies({ queryParams: { PatientID: patientId.trim().replace(/[*?\\]/g, '') } }),
    )) as DicomJson[];
    const all = await Promise.all((studies ?? []).map((s) => this.listReports(text(s, '0020000D'))));
    return all.flat().sort((a, b) => b.when.localeCompare(a.when));
  }

  /** The report's Part 10 bytes (read with readMeasurementReportSr). */
  async retrieveReport(report: StoredReport): Promise<Uint8Array> {
    const buffer = (await this.call('load the report', () =>
      this.client.retrieveInstance({
        studyInstanceUID: report.studyInstanceUid,
        seriesInstanceUID: report.seriesInstanceUid,
        sopInstanceUID: report.sopInstanceUid,
      }),
    )) as ArrayBuffer;
    return new Uint8Array(buffer);
  }

  /** STOW-RS; a refusal inside a 200 answer (Failed SOP Sequence) is a refusal too. */
  async store(part10: Uint8Array): Promise<void> {
    const copy = part10.slice().buffer;
    const answer = await this.call('store the report', () => this.client.storeInstances({ datasets: [copy] }));
    const failure = stowFailure(answer);
    if (failure) throw new PacsRequestError({ kind: 'refused', message: failure });
  }
}

/** The one-sentence refusal in a STOW-RS answer, or null when everything was stored. */
export function stowFailure(answer: unknown): string | null {
  let json: DicomJson | null = null;
  try {
    json = (typeof answer === 'string' ? (answer ? JSON.parse(answer) : null) : answer) as DicomJson | null;
  } catch {
    return null;
  }
  const failed = json ? items(json, '00081198') : [];
  if (!failed.length) return null;
  const reason = count(failed[0]!, '00081197');
  return `The PACS refused to store the report${reason !== null ? ` (failure reason ${reason.toString(16).toUpperCase()}H)` : ''}.`;
}

export function authorizationHeaders(server: PacsServer): Record<string, string> {
  if (!server.username) return {};
  const bytes = new TextEncoder().encode(`${server.username}:${server.password ?? ''}`);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return { Authorization: `Basic ${btoa(binary)}` };
}
