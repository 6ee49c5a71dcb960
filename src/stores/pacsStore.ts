/**
 * The PACS the viewer works with (DICOMweb, src/pacs): where it is and the login, the study list
 * (search and pages), the PACS study that is open, the NerveTrace reports stored with it, saving the
 * measurements there as a DICOM SR and loading a stored one. Every failure is one sentence in
 * `error`; nothing measured is touched by a failure (the session autosave keeps it all).
 */
import { defineStore } from 'pinia';
import { reactive, ref, shallowRef } from 'vue';
import { authorizationHeaders, PacsClient, PacsRequestError, probePacs, type PatientStudyModules, type RemoteInstance, type StoredReport, type StudySearch, type StudySummary } from '../pacs';
import type { DicomImageMetadata } from '../dicom';
import { groupIntoStudyTree } from '../dicom/studyTree';
import { openingIndex } from '../viewer/openingStack';
import { useMeasurementStore } from './measurementStore';
import { useSessionStore } from './sessionStore';
import { seriesFrames, useStudyStore } from './studyStore';
import { useViewerStore } from './viewerStore';

export interface OpenPacsStudy {
  readonly studyInstanceUid: string;
  readonly description: string;
  readonly patientStudy: PatientStudyModules;
}

/** `?pacs=<url>` in the page address, else the DICOMweb root beside the page (Orthanc's /dicom-web). */
function defaultUrl(): string {
  const here = globalThis.location?.href ?? 'http://localhost/';
  const asked = new URLSearchParams(globalThis.location?.search ?? '').get('pacs');
  try {
    return new URL(asked || '../dicom-web', here).href.replace(/\/+$/, '');
  } catch {
    return new URL('../dicom-web', here).href.replace(/\/+$/, '');
  }
}

const messageOf = (error: unknown): { text: string; login: boolean } =>
  error instanceof PacsRequestError
    ? { text: error.message, login: error.pacs.kind === 'login' }
    : { text: `Something went wrong talking to the PACS: ${error instanceof Error ? error.message : String(error)}`, login: false };

/**
 * How long the viewer's own work waits for the early preview of a study opened with nothing else
 * open (the preview and the viewer decode the same answer; the viewer is not held longer than this).
 */
const EARLY_PREVIEW_WAIT_MS = 300;

/**
 * The frame the first viewport will open on when these are the only images open: the first
 * series as the study tree orders it (studyTree.ts, as the study store does), its opening index
 * (openingStack.ts). Checked against the viewer's choice once the study is open.
 */
function openingFrameOf(toOpen: readonly { fileName: string; meta: DicomImageMetadata; imageIds: string[] }[], instances: readonly RemoteInstance[]) {
  const tree = groupIntoStudyTree(toOpen.map((o, i) => ({ ...o, key: `early${i}` })));
  const series = tree.flatMap((p) => p.studies.flatMap((s) => s.series))[0];
  if (!series) return null;
  const frames = series.instances.flatMap((i) => i.imageIds.map((imageId) => ({ imageId, instance: i })));
  const frame = frames[openingIndex(series.modality, frames.length)];
  const remote = frame && instances.find((i) => frame.imageId.startsWith(`wadors:${i.frameUrl}`));
  if (!frame || !remote) return null;
  return { imageId: frame.imageId, meta: remote.meta, fileName: frame.instance.fileName, nativePixels: remote.json['7FE00010'] !== undefined };
}

export const usePacsStore = defineStore('pacs', () => {
  const url = ref(defaultUrl());
  const username = ref('');
  const password = ref('');
  /** What the last probe found: a PACS, a PACS asking for a login, or nothing. */
  const availability = ref<'unknown' | 'pacs' | 'login' | 'none'>('unknown');
  const dialogOpen = ref(false);
  const search = reactive<Required<StudySearch>>({ patientName: '', patientId: '', from: '', to: '', modality: '' });
  const page = ref(0);
  const hasNext = ref(false);
  const studies = shallowRef<readonly StudySummary[]>([]);
  const busy = ref(false);
  const error = ref('');
  const needsLogin = ref(false);
  const notice = ref('');
  const current = shallowRef<OpenPacsStudy | null>(null);
  const reports = shallowRef<readonly StoredReport[]>([]);

  function server() {
    return { url: url.value, username: username.value, password: password.value };
  }

  function client(): PacsClient {
    const s = server();
    // Frames are fetched by the image loader, outside dicomweb-client: it needs the login too.
    void import('../viewer/wadors').then((m) => m.setFrameRequestHeaders(authorizationHeaders(s)));
    return new PacsClient(s);
  }

  async function run<T>(task: () => Promise<T>): Promise<T | undefined> {
    busy.value = true;
    error.value = '';
    try {
      const value = await task();
      needsLogin.value = false;
      return value;
    } catch (e) {
      const { text, login } = messageOf(e);
      error.value = text;
      if (login) {
        needsLogin.value = true;
        dialogOpen.value = true;
      }
      return undefined;
    } finally {
      busy.value = false;
    }
  }

  /**
   * On start: is the page served beside a DICOMweb endpoint — `./dicom-web` (a reverse proxy that
   * serves both under one path) or `/dicom-web` (Orthanc serving the viewer at /nervetrace/) — or
   * at one given with ?pacs=?
   */
  async function probe(): Promise<void> {
    const here = globalThis.location?.href;
    const asked = new URLSearchParams(globalThis.location?.search ?? '').get('pacs');
    // Standalone (npm start, a static server) the app asks nothing of any server: probing there
    // would only log 404s. A PACS is looked for when one is named (?pacs=) or when the viewer is
    // served the way `npm run pacs` and the README's proxy example serve it, under /nervetrace/.
    const underPacsPath = (globalThis.location?.pathname ?? '').includes('/nervetrace/');
    if (!asked && !underPacsPath) {
      availability.value = 'none';
      return;
    }
    const candidates = asked || !here ? [url.value] : [new URL('./dicom-web', here).href, new URL('/dicom-web', here).href];
    for (const candidate of candidates) {
      const found = await probePacs({ ...server(), url: candidate });
      if (found !== 'none') {
        url.value = candidate.replace(/\/+$/, '');
        availability.value = found;
        return;
      }
    }
    availability.value = 'none';
  }

  async function loadStudies(nextPage = 0): Promise<void> {
    notice.value = '';
    const found = await run(() => client().searchStudies(search, nextPage));
    if (!found) return;
    if (availability.value !== 'pacs') availability.value = 'pacs';
    studies.value = found.studies;
    page.value = found.page;
    hasNext.value = found.hasNext;
  }

  function openDialog() {
    dialogOpen.value = true;
    if (!studies.value.length) void loadStudies(0);
  }

  /**
   * A study's images into the viewer, its stored reports listed. The reports are asked for while
   * the images' metadata comes; the frame the first viewport will show is fetched at once, for the
   * viewer and its preview (remoteFirstLook.ts), before the study's instances are registered with
   * the image loader.
   */
  async function openStudy(study: StudySummary): Promise<void> {
    const opened = await run(async () => {
      const c = client();
      const reportsAnswer = c.listReports(study.studyInstanceUid).then(
        (found) => ({ found }),
        (failed: unknown) => ({ failed }),
      );
      // The viewer's code is asked for while the metadata comes (the preview's chunk is not preloaded).
      const code = Promise.all([
        import('../viewer/wadors'),
        import('../viewer/cornerstoneSetup'),
        import('../viewer/firstLook/remoteFirstLook'),
        import('../viewer/firstLook/afterNextPaint'),
      ]);
      code.catch(() => undefined); // awaited below; a failure is reported there, not as unhandled
      const remote = await c.openStudy(study.studyInstanceUid);
      performance.mark('nt:pacs-metadata-read');
      const [{ registerRemoteFrames, remoteFrameIds, fetchOpeningFrame, requestOtherFrames }, { initCornerstone }, { fetchRemoteFirstLook }, { afterNextPaint }] = await code;
      const viewer = useViewerStore();
      const studies = useStudyStore();
      const firstSlot = viewer.slots[0];
      const firstSlotEmpty = !firstSlot?.seriesUid || !studies.seriesByUid.has(firstSlot.seriesUid);
      const withIds = remote.instances.map((i) => ({ instance: i, imageIds: remoteFrameIds(i.frameUrl, i.meta.numberOfFrames) }));
      const toOpen = withIds.map(({ instance: i, imageIds }) => ({ fileName: i.meta.fileName ?? i.meta.sopInstanceUid ?? 'PACS image', meta: i.meta, imageIds }));
      // Nothing open yet: the frame the viewport will open on is known from the metadata alone; it
      // is fetched and its preview painted before the viewer's own work (which would hold back both).
      const early = firstSlotEmpty && !firstSlot?.side && !studies.instances.length ? openingFrameOf(toOpen, remote.instances) : null;
      if (early) {
        const answer = fetchOpeningFrame(early.imageId, early.nativePixels);
        performance.mark('nt:pacs-opening-frame-asked');
        const look = await Promise.race([fetchRemoteFirstLook(answer, early.meta, early.fileName, early.nativePixels), new Promise<null>((r) => setTimeout(() => r(null), EARLY_PREVIEW_WAIT_MS))]);
        if (look) {
          viewer.openingFirstFiles = true;
          viewer.firstLook = look;
          await afterNextPaint();
        }
        // A cine's other frames: asked for once its first is here (and previewed), not before.
        void answer.then(() => requestOtherFrames(early.imageId, early.meta.numberOfFrames));
      }
      let count: number;
      try {
        // The loader's first initialisation empties its metadata registries: frames are registered after it.
        await initCornerstone();
        count = studies.openRemote(
          toOpen,
          remote.skipped.map((s) => ({ fileName: s.name, reason: s.reason })),
        );
      } catch (error) {
        if (early) viewer.firstLook = null;
        throw error;
      } finally {
        viewer.openingFirstFiles = false;
      }
      viewer.showFirstSeriesIfEmpty();
      if (early && viewer.firstLook && firstOpeningImageId() !== early.imageId) viewer.firstLook = null; // not what the viewport shows
      if (firstSlotEmpty && !early) {
        previewFirstFrame(fetchOpeningFrame, fetchRemoteFirstLook, remote.instances);
        performance.mark('nt:pacs-opening-frame-asked');
      }
      // Registered in the same task as the stack is handed over: the viewport asks for them only after it.
      for (const { instance: i } of withIds) registerRemoteFrames(i.frameUrl, i.json, i.meta.numberOfFrames, i.json['7FE00010'] !== undefined);
      current.value = { studyInstanceUid: remote.studyInstanceUid, description: study.description, patientStudy: remote.patientStudy };
      const reportsFound = await reportsAnswer;
      if ('failed' in reportsFound) throw reportsFound.failed;
      return { count, reports: reportsFound.found };
    });
    if (!opened) return;
    reports.value = opened.reports;
    dialogOpen.value = false;
    notice.value = `Opened ${opened.count} image${opened.count === 1 ? '' : 's'} from the PACS${
      opened.reports.length ? `; ${opened.reports.length} NerveTrace report${opened.reports.length === 1 ? ' is' : 's are'} stored with this study` : ''
    }.`;
  }

  /** The image id the first viewport opens on (openingIndex: the middle slice of an MR, else the first). */
  function firstOpeningImageId(): string | undefined {
    const slot = useViewerStore().slots[0];
    const series = slot?.seriesUid ? useStudyStore().seriesByUid.get(slot.seriesUid) : undefined;
    if (!series) return undefined;
    const frames = seriesFrames(series);
    return frames[openingIndex(series.modality, frames.length)]?.imageId;
  }

  /**
   * The frame the first viewport opens on (openingIndex: the middle slice of an MR, else the
   * first), fetched now — the viewer's loader uses this answer instead of asking again — and
   * previewed until the viewport has drawn it; not shown if the viewport already works.
   */
  function previewFirstFrame(
    fetchFrame: typeof import('../viewer/wadors').fetchOpeningFrame,
    lookAt: typeof import('../viewer/firstLook/remoteFirstLook').fetchRemoteFirstLook,
    instances: readonly RemoteInstance[],
  ): void {
    const viewer = useViewerStore();
    const studies = useStudyStore();
    const slot = viewer.slots[0];
    const series = slot?.seriesUid ? studies.seriesByUid.get(slot.seriesUid) : undefined;
    if (!slot || !series) return;
    const frames = seriesFrames(series);
    const frame = frames[openingIndex(series.modality, frames.length)];
    const remote = frame && instances.find((i) => frame.imageId.startsWith(`wadors:${i.frameUrl}`));
    if (!frame || !remote) return;
    const nativePixels = remote.json['7FE00010'] !== undefined;
    const answer = fetchFrame(frame.imageId, nativePixels);
    // A multi-frame instance (a cine) is not previewed: decoding its frame twice on the main
    // thread (preview and viewer) delayed the viewer's own first image, and the preview lost.
    if (remote.meta.numberOfFrames > 1) return;
    void lookAt(answer, remote.meta, frame.instance.fileName, nativePixels).then((look) => {
      if (look && viewer.slots[0]?.seriesUid === series.seriesInstanceUid && !viewer.interactiveSlotIds.includes(slot.id)) viewer.firstLook = look;
    });
  }

  async function refreshReports(): Promise<void> {
    const study = current.value;
    if (!study) return;
    const found = await run(() => client().listReports(study.studyInstanceUid));
    if (found) reports.value = found;
  }

  /**
   * The measurements on this study's images as a DICOM SR stored in the study (a new series). It is
   * identified by design: a PACS holds identified data, and the SR must carry the study's own Patient
   * and Study modules to stay in that study.
   */
  async function saveReport(): Promise<void> {
    const study = current.value;
    if (!study) return;
    notice.value = '';
    const session = useSessionStore().current();
    const measurements = session.measurements.filter((m) => m.image.studyInstanceUid === study.studyInstanceUid);
    if (!measurements.length) {
      error.value = 'There is no measurement on this study’s images to save.';
      return;
    }
    const { buildMeasurementReportSr } = await import('../domain/export');
    const built = buildMeasurementReportSr({ ...session, measurements }, { identified: true, patientStudy: study.patientStudy, observerName: username.value });
    if (!built.ok) {
      error.value = `The report could not be made: ${built.error}`;
      return;
    }
    const stored = await run(async () => {
      await client().store(built.value);
      return true;
    });
    if (!stored) return;
    notice.value = `Saved ${measurements.length} measurement${measurements.length === 1 ? '' : 's'} to the PACS as a DICOM SR in this study (with the patient’s identifiers, as everything in the PACS).`;
    await refreshReports();
  }

  /** A stored report's measurements back on their images (recomputed from the outlines); ones already here are kept. */
  async function loadReport(report: StoredReport): Promise<void> {
    notice.value = '';
    const bytes = await run(() => client().retrieveReport(report));
    if (!bytes) return;
    const { readMeasurementReportSr } = await import('../domain/export');
    const read = readMeasurementReportSr(bytes);
    if (!read.ok) {
      error.value = `The stored report could not be read: ${read.error}`;
      return;
    }
    const measurementStore = useMeasurementStore();
    const known = measurementStore.byId;
    const added = read.value.measurements.filter((m) => !known.has(m.id));
    measurementStore.replaceKeepingHistory([...measurementStore.measurements, ...added]);
    const kept = read.value.measurements.length - added.length;
    notice.value = `Loaded ${added.length} measurement${added.length === 1 ? '' : 's'} from the report of ${report.when}${kept ? ` (${kept} already here)` : ''}.`;
  }

  return {
    url,
    username,
    password,
    availability,
    dialogOpen,
    search,
    page,
    hasNext,
    studies,
    busy,
    error,
    needsLogin,
    notice,
    current,
    reports,
    probe,
    openDialog,
    loadStudies,
    openStudy,
    refreshReports,
    saveReport,
    loadReport,
  };
});
