/**
 * What the user has opened: instances that read correctly, grouped into patients, studies and
 * series, and the files that could not be opened with a plain reason. Opening more files never
 * disturbs what is already open.
 */
import { defineStore } from 'pinia';
import { computed, markRaw, shallowRef } from 'vue';
import { readDicomForViewer } from '../dicom';
import { deflatedToExplicitLittleEndian, DEFLATED_EXPLICIT_LE } from '../dicom/deflatedToExplicit';
import type { DicomImageMetadata } from '../dicom/types';
import { groupIntoStudyTree, type SeriesNode } from '../dicom/studyTree';
import { isIgnorableFile, readFileBytes, type PickedFile } from '../viewer/fileSource';
import { mapConcurrently } from '../viewer/mapConcurrently';

export interface OpenedInstance {
  readonly key: string;
  readonly fileName: string;
  /** The file it was read from; null for an instance opened from a PACS. */
  readonly file: File | null;
  readonly meta: DicomImageMetadata;
  /** One Cornerstone imageId per frame. */
  readonly imageIds: string[];
}

export interface OpenFailure {
  readonly fileName: string;
  readonly reason: string;
}

/** One displayable frame of a series: which instance, which frame inside it. */
export interface SeriesFrame {
  readonly instance: OpenedInstance;
  readonly frameIndex: number;
  readonly imageId: string;
}

export type Series = SeriesNode<OpenedInstance>;

export function seriesFrames(series: Series): SeriesFrame[] {
  return series.instances.flatMap((instance) =>
    instance.imageIds.map((imageId, frameIndex) => ({ instance, frameIndex, imageId })),
  );
}

export interface OpenResult {
  readonly opened: number;
  readonly failed: number;
  /** Files skipped because an image with the same SOP Instance UID is already open. */
  readonly duplicates: readonly string[];
}

/** "2 files repeat images already open (same SOP Instance UID) and were skipped: a.dcm, b.dcm." */
export function duplicatesMessage(names: readonly string[]): string {
  if (!names.length) return '';
  const subject = names.length === 1 ? '1 file repeats an image' : `${names.length} files repeat images`;
  return `${subject} already open (same SOP Instance UID) and ${names.length === 1 ? 'was' : 'were'} skipped: ${names.join(', ')}.`;
}

export interface OpenOptions {
  /** Runs after each batch of images is added (e.g. to put the first series on screen). */
  readonly onAdded?: () => void;
  /** The files after the first are read once this settles (the first image drawn with its tools). */
  readonly readRestAfter?: Promise<unknown> | undefined;
}

let nextKey = 0;

/** Files read and parsed at once: enough to keep reading and parsing overlapped. */
const READ_CONCURRENCY = 8;
/** After the first image, read images are added to the study at most this often. */
const PUBLISH_INTERVAL_MS = 250;

/**
 * Test seam: `?readDelayMs=` in the page address holds back every file but the first by that
 * long, so an end-to-end test can work on the first image while the series is still loading.
 */
function readDelayMs(): number {
  const ms = Number(new URLSearchParams(globalThis.location?.search ?? '').get('readDelayMs'));
  return Number.isFinite(ms) && ms > 0 ? Math.min(ms, 10_000) : 0;
}

type FileRead =
  | { ok: true; name: string; file: File; loadable: Blob; meta: DicomImageMetadata }
  | { ok: false; name: string; reason: string };

async function readPickedFile({ name, file }: PickedFile): Promise<FileRead> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFileBytes(file));
  } catch {
    return { ok: false, name, reason: 'The file could not be read from disk.' };
  }
  const result = readDicomForViewer(bytes, name);
  if (!result.ok) return { ok: false, name, reason: result.error };
  const { meta, decoderBytes } = result.value;
  // The image loader cannot inflate deflated files itself: give it the equivalent explicit file;
  // nor read a wrong meta header or a segmented palette: give it the repaired bytes.
  // Other files are handed over as they are, so their bytes are not kept in memory here.
  const loadable = decoderBytes
    ? new Blob([decoderBytes as Uint8Array<ArrayBuffer>])
    : meta.transferSyntaxUid === DEFLATED_EXPLICIT_LE
      ? new Blob([deflatedToExplicitLittleEndian(bytes) as Uint8Array<ArrayBuffer>])
      : file;
  return { ok: true, name, file, loadable, meta };
}

export const useStudyStore = defineStore('studies', () => {
  const instances = shallowRef<OpenedInstance[]>([]);
  const failures = shallowRef<OpenFailure[]>([]);
  const opening = shallowRef(false);

  const patients = computed(() => groupIntoStudyTree(instances.value));
  const allSeries = computed(() => patients.value.flatMap((p) => p.studies.flatMap((s) => s.series)));
  const seriesByUid = computed(() => new Map(allSeries.value.map((s) => [s.seriesInstanceUid, s])));
  /** Which instance and frame an imageId shows (annotations know only their imageId). */
  const frameByImageId = computed(() => {
    const map = new Map<string, { instance: OpenedInstance; frameIndex: number }>();
    for (const instance of instances.value) instance.imageIds.forEach((id, frameIndex) => map.set(id, { instance, frameIndex }));
    return map;
  });

  /**
   * Reads the files (8 at a time) and adds their images to what is open as they come, in the
   * order picked: the first image as soon as it is read, so a viewport can show it (and its tools
   * work) while the rest of the series is still being read; then the others in batches at most
   * every PUBLISH_INTERVAL_MS, and the failures at the end.
   */
  async function openFiles(picked: readonly PickedFile[], { onAdded, readRestAfter }: OpenOptions = {}): Promise<OpenResult> {
    opening.value = true;
    const failed: OpenFailure[] = [];
    const duplicates: string[] = [];
    let openedCount = 0;
    const knownSops = new Set(instances.value.map((i) => i.meta.sopInstanceUid).filter(Boolean));
    const files = picked.filter(({ name }) => !isIgnorableFile(name));
    const reads: Array<FileRead | undefined> = new Array(files.length);
    let nextToAdd = 0;
    let lastAdded = 0;
    let register: ((file: Blob, numberOfFrames: number) => string[]) | null = null;
    let publishTimer: ReturnType<typeof setTimeout> | undefined;
    /** Adds the reads that are done, in the order picked, up to the first one still being read. */
    const addReady = (final: boolean) => {
      if (!register) return;
      const batch: OpenedInstance[] = [];
      // The first image goes alone, at once; then batches, so the study tree is not rebuilt per file.
      const wait = lastAdded === 0 ? 0 : PUBLISH_INTERVAL_MS - (performance.now() - lastAdded);
      if (!final && wait > 0) {
        // Not yet: these are added when the interval is up, even if no other file finishes by then.
        publishTimer ??= setTimeout(() => {
          publishTimer = undefined;
          addReady(false);
        }, wait);
        return;
      }
      while (nextToAdd < files.length && reads[nextToAdd]) {
        const read = reads[nextToAdd++]!;
        if (!read.ok) {
          failed.push({ fileName: read.name, reason: read.reason });
          continue;
        }
        const { name, file, loadable, meta } = read;
        if (meta.sopInstanceUid && knownSops.has(meta.sopInstanceUid)) {
          duplicates.push(name); // the same image is already open (or earlier in this batch)
          continue;
        }
        if (meta.sopInstanceUid) knownSops.add(meta.sopInstanceUid);
        batch.push(markRaw({ key: `f${nextKey++}`, fileName: name, file, meta, imageIds: register(loadable, Math.max(1, meta.numberOfFrames)) }));
        if (lastAdded === 0 && !final) break;
      }
      if (!batch.length) return;
      openedCount += batch.length;
      lastAdded = performance.now();
      instances.value = [...instances.value, ...batch];
      onAdded?.();
    };
    try {
      // The loader is imported on first use so the start screen stays light.
      const loader = import('../viewer/imageIds').then((m) => {
        register = m.registerFileFrames;
        addReady(false);
      });
      const slowDown = readDelayMs();
      const readAt = async (index: number) => {
        if (slowDown && index > 0) await new Promise((r) => setTimeout(r, slowDown));
        reads[index] = await readPickedFile(files[index]!);
        addReady(false);
      };
      // The first file alone (its image is shown while the others are read), then the others.
      const rest = files.map((_, i) => i).slice(1);
      const reading = files.length ? readAt(0).then(() => readRestAfter).then(() => mapConcurrently(rest, READ_CONCURRENCY, readAt)) : null;
      await Promise.all([loader, reading]);
      addReady(true);
    } catch (error) {
      failed.push({
        fileName: picked.length === 1 ? picked[0]!.name : `${picked.length} files`,
        reason: `The viewer could not start: ${error instanceof Error ? error.message : String(error)}`,
      });
    } finally {
      clearTimeout(publishTimer);
      if (failed.length) failures.value = [...failures.value, ...failed];
      opening.value = false;
    }
    return { opened: openedCount, failed: failed.length, duplicates };
  }

  /**
   * Instances opened from a PACS (their frames are fetched when shown). Already-open instances
   * (same SOP Instance UID) are skipped, as for files.
   */
  function openRemote(remote: readonly { fileName: string; meta: DicomImageMetadata; imageIds: string[] }[], skipped: readonly OpenFailure[] = []): number {
    const knownSops = new Set(instances.value.map((i) => i.meta.sopInstanceUid).filter(Boolean));
    const opened = remote
      .filter((r) => !r.meta.sopInstanceUid || !knownSops.has(r.meta.sopInstanceUid))
      .map((r) => markRaw({ key: `p${nextKey++}`, fileName: r.fileName, file: null, meta: r.meta, imageIds: r.imageIds }));
    instances.value = [...instances.value, ...opened];
    if (skipped.length) failures.value = [...failures.value, ...skipped];
    return opened.length;
  }

  /** A frame that failed to decode after opening is reported like a file that failed to open. */
  function reportFailure(fileName: string, reason: string) {
    if (failures.value.some((f) => f.fileName === fileName && f.reason === reason)) return;
    failures.value = [...failures.value, { fileName, reason }];
  }

  function clearFailures() {
    failures.value = [];
  }

  return { instances, failures, opening, patients, allSeries, seriesByUid, frameByImageId, openFiles, openRemote, reportFailure, clearFailures };
});
