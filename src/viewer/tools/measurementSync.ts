/**
 * Keeps Cornerstone annotations and the measurement store in step:
 * - a finished trace becomes a NerveMeasurement (numbers from the domain);
 * - an edited trace updates its measurement; a deleted one removes it;
 * - any change of the store (undo, redo, delete from the panel, a restored session) is drawn back.
 */
import { eventTarget, getRenderingEngines } from '@cornerstonejs/core';
import { annotation as annotationApi, cancelActiveManipulations, Enums as ToolEnums, type Types as ToolTypes } from '@cornerstonejs/tools';
import { groupKey, type NerveMeasurement } from '../../domain/measurement';
import { sideFromLaterality, sideFromPatientCoordinates } from '../../domain/side';
import { contourCentroid } from '../../domain/geometry';
import type { ImagePoint, Side, SideSource } from '../../domain/types';
import { measuringPort } from './measuringPort';
import { measureAnnotation, annotationGeometry, type AnnotationGeometry } from './measureAnnotation';
import { restoreAnnotation, imagePlaneKnown } from './annotationRestore';
import { CALIBRATION_TOOL, LENGTH_TOOL, MEASURING_TOOLS, SPLINE_TOOL, methodForTool } from './toolNames';
import type { DicomImageMetadata } from '../../dicom/types';

type Annotation = ToolTypes.Annotation & {
  data: Record<string, unknown>;
  metadata: NonNullable<ToolTypes.Annotation['metadata']>;
};

const isMeasuring = (toolName: string | undefined) => (MEASURING_TOOLS as readonly string[]).includes(toolName ?? '');

let syncing = false;
let started = false;
/** Until this time, a completed trace is the result of Esc and is thrown away (or reverted). */
let discardCompletionsUntil = 0;

/**
 * Esc: Cornerstone's cancel finishes the trace in progress instead of dropping it, so we mark the
 * moment and discard what it completes: a new trace disappears, an edit reverts to the stored contour.
 */
export function cancelTraceInProgress(element: HTMLDivElement) {
  // Synchronous on purpose: the mouse button may be released right after Esc.
  discardCompletionsUntil = performance.now() + 500;
  cancelActiveManipulations(element);
}

function renderAll() {
  for (const engine of getRenderingEngines() ?? []) engine.render();
}

function sideFor(meta: DicomImageMetadata, contour: NerveMeasurement['contour']): { side: Side | null; sideSource: SideSource } {
  const fromTags = sideFromLaterality({
    imageLaterality: meta.imageLaterality ?? undefined,
    laterality: meta.laterality ?? undefined,
    frameLaterality: meta.frameLaterality ?? undefined,
  });
  if (fromTags) return { side: fromTags.side, sideSource: fromTags.source };
  const centroid = contourCentroid(contour);
  const spacing = meta.pixelSpacing;
  if (centroid && meta.imageOrientationPatient && meta.imagePositionPatient && spacing && spacing.length === 2) {
    const inferred = sideFromPatientCoordinates(centroid, {
      imageOrientationPatient: meta.imageOrientationPatient,
      imagePositionPatient: meta.imagePositionPatient,
      rowSpacingMm: spacing[0]!,
      columnSpacingMm: spacing[1]!,
    });
    if (inferred) return { side: inferred.side, sideSource: 'patient-coordinates' };
  }
  return { side: null, sideSource: 'unknown' };
}

function intensityFor(imageId: string, contour: NerveMeasurement['contour']) {
  return import('./pixelIntensity').then(({ intensityForImage }) => intensityForImage(imageId, contour));
}

async function recordCompleted(annotation: Annotation) {
  const toolName = annotation.metadata.toolName;
  const imageId = annotation.metadata.referencedImageId;
  const method = methodForTool(toolName);
  const port = measuringPort();
  const frame = imageId ? port.frameOf(imageId) : undefined;
  if (!method || !imageId || !frame) return;
  const result = measureAnnotation(toolName, annotation.data, imageId);
  if (!result.ok) {
    // A refused trace is removed rather than kept with a wrong or missing number.
    port.notice(`Trace not recorded: ${result.error}`);
    removeQuietly(annotation.annotationUID!);
    return;
  }
  const meta = frame.meta;
  const now = new Date().toISOString();
  const contour = result.value.contour;
  port.addMeasurement({
    id: annotation.annotationUID!,
    label: String(annotation.data.label || port.nextLabel()),
    ...port.nerveAndSite(),
    ...sideFor(meta, contour),
    modality: meta.modality ?? '',
    method,
    image: {
      studyInstanceUid: meta.studyInstanceUid ?? '',
      seriesInstanceUid: meta.seriesInstanceUid ?? '',
      sopInstanceUid: meta.sopInstanceUid ?? '',
      frameIndex: frame.frameIndex,
      fileName: frame.fileName,
    },
    contour,
    ...(result.value.diameters ? { diameters: result.value.diameters } : {}),
    ...(result.value.controlPoints ? { controlPoints: result.value.controlPoints } : {}),
    calibration: result.value.metrics.calibration,
    metrics: result.value.metrics,
    intensity: await intensityFor(imageId, contour),
    createdAt: now,
    updatedAt: now,
  });
  port.notice('');
}

/**
 * The new state of an edited measurement, or a refusal. Nothing is stored here: the caller
 * stores all edits of one gesture as one undoable step.
 */
async function editedMeasurement(annotation: Annotation, current: NerveMeasurement): Promise<{ next: NerveMeasurement | null; error?: string }> {
  const imageId = annotation.metadata.referencedImageId;
  if (!imageId) return { next: null };
  const result = measureAnnotation(annotation.metadata.toolName, annotation.data, imageId);
  if (!result.ok) return { next: null, error: result.error };
  if (sameGeometry(result.value, current)) return { next: null };
  return {
    next: {
      ...current,
      contour: result.value.contour,
      ...(result.value.diameters ? { diameters: result.value.diameters } : {}),
      ...(result.value.controlPoints ? { controlPoints: result.value.controlPoints } : {}),
      calibration: result.value.metrics.calibration,
      metrics: result.value.metrics,
      intensity: await intensityFor(imageId, result.value.contour),
      updatedAt: new Date().toISOString(),
    },
  };
}

/**
 * Same points, to a thousandth of a pixel: Cornerstone keeps restored outlines in float32 (up to
 * ~2e-5 px off), which must not count as an edit and silently rewrite a stored number.
 */
const SAME_POINT_PX = 1e-3;
const samePoints = (a: readonly ImagePoint[], b: readonly ImagePoint[]) =>
  a.length === b.length && a.every((p, i) => Math.abs(p.x - b[i]!.x) + Math.abs(p.y - b[i]!.y) <= SAME_POINT_PX);

/** Is what Cornerstone shows the stored measurement? Compared by what the user placed. */
function sameGeometry(shown: AnnotationGeometry, stored: NerveMeasurement): boolean {
  if (shown.diameters || stored.diameters) {
    return Boolean(shown.diameters && stored.diameters && samePoints(shown.diameters.flat(), stored.diameters.flat()));
  }
  if (shown.controlPoints && stored.controlPoints) return samePoints(shown.controlPoints, stored.controlPoints);
  return samePoints(shown.contour, stored.contour);
}

/** Measurements edited by the gesture in progress (or by the last one, until committed). */
const editedUids = new Set<string>();
let pointerIsDown = false;
let commitTimer: ReturnType<typeof setTimeout> | undefined;

/** After the hand is lifted (and Cornerstone has finished its own mouse-up work). */
function scheduleCommit() {
  clearTimeout(commitTimer);
  commitTimer = setTimeout(() => {
    if (!pointerIsDown) void commitEdits();
  }, 0);
}

/**
 * One gesture, one step: every measurement the gesture changed is stored together (one undo
 * step), or — if any edit is refused — that one is drawn back exactly as stored and named.
 */
async function commitEdits() {
  const uids = [...editedUids];
  editedUids.clear();
  if (!uids.length) return;
  const port = measuringPort();
  const updates = new Map<string, NerveMeasurement>();
  const refusals: string[] = [];
  for (const uid of uids) {
    const current = port.measurementById(uid);
    const annotation = annotationApi.state.getAnnotation(uid) as Annotation | undefined;
    if (!current || !annotation) continue;
    const { next, error } = await editedMeasurement(annotation, current);
    if (error) refusals.push(`${current.label}: ${error}`);
    else if (next) updates.set(uid, next);
  }
  if (updates.size) {
    port.replaceMeasurements(port.measurements().map((m) => updates.get(m.id) ?? m));
  }
  if (refusals.length) {
    port.notice(`Edit not applied (${refusals.join('; ')}). The measurement is unchanged.`);
    syncAnnotationsFromStore(); // draw the refused outline back as stored
  } else if (updates.size) {
    port.notice('');
  }
}

function removeQuietly(uid: string) {
  syncing = true;
  try {
    annotationApi.state.removeAnnotation(uid);
  } finally {
    syncing = false;
  }
  renderAll();
}

/** Draw the store back into Cornerstone: remove strays, restore missing, reshape changed ones. */
export function syncAnnotationsFromStore() {
  const port = measuringPort();
  const stored = port.measurements();
  const present = new Map<string, Annotation>();
  for (const a of annotationApi.state.getAllAnnotations() as Annotation[]) {
    if (isMeasuring(a.metadata.toolName) && a.annotationUID) present.set(a.annotationUID, a);
  }
  syncing = true;
  try {
    for (const [uid, a] of present) {
      const m = port.measurementById(uid);
      const imageId = a.metadata.referencedImageId;
      if (!m) {
        annotationApi.state.removeAnnotation(uid);
        continue;
      }
      if (a.data.label !== m.label) a.data.label = m.label;
      const geometry = imageId ? annotationGeometry(a.metadata.toolName, a.data, imageId) : null;
      // A spline is drawn from its points: its curve exists only after the first render.
      const pending = !geometry && a.metadata.toolName === SPLINE_TOOL && m.controlPoints;
      if (imageId && !pending && (!geometry || !sameGeometry(geometry, m))) {
        annotationApi.state.removeAnnotation(uid);
        restoreAnnotation(m, imageId);
      }
    }
    for (const m of stored) {
      if (present.has(m.id)) continue;
      const imageId = port.imageIdOf(m.image);
      if (imageId && imagePlaneKnown(imageId)) restoreAnnotation(m, imageId);
    }
    styleRepeats(stored);
  } finally {
    syncing = false;
  }
  renderAll();
}

/** Repeats of one nerve, site and side told apart on the image: 1st solid, 2nd dashed, 3rd dotted, … */
const REPEAT_DASHES = ['', '6,3', '2,3', '8,3,2,3'];

function styleRepeats(all: readonly NerveMeasurement[]) {
  const seen = new Map<string, number>();
  for (const m of all) {
    const key = groupKey(m);
    const index = seen.get(key) ?? 0;
    seen.set(key, index + 1);
    annotationApi.config.style.setAnnotationStyles(m.id, { lineDash: REPEAT_DASHES[index % REPEAT_DASHES.length]! });
  }
}

/** Subscribe once to annotation events and to store changes. */
export function startMeasurementSync(onCalibrationLine: (annotation: Annotation) => void) {
  if (started) return;
  started = true;
  const { Events } = ToolEnums;

  eventTarget.addEventListener(Events.ANNOTATION_ADDED, ((event: CustomEvent) => {
    const annotation = event.detail.annotation as Annotation;
    const toolName = annotation.metadata.toolName;
    if (syncing || (!isMeasuring(toolName) && toolName !== CALIBRATION_TOOL && toolName !== LENGTH_TOOL)) return;
    annotation.data.nvImageId = annotation.metadata.referencedImageId;
    annotation.data.nvToolName = toolName;
    if (isMeasuring(toolName) && !annotation.data.label) annotation.data.label = measuringPort().nextLabel();
  }) as EventListener);

  eventTarget.addEventListener(Events.ANNOTATION_COMPLETED, ((event: CustomEvent) => {
    const annotation = event.detail.annotation as Annotation;
    const toolName = annotation.metadata.toolName;
    if (performance.now() < discardCompletionsUntil) {
      discardCompletionsUntil = 0;
      editedUids.delete(annotation.annotationUID!);
      if (measuringPort().measurementById(annotation.annotationUID!)) syncAnnotationsFromStore();
      else removeQuietly(annotation.annotationUID!);
      measuringPort().notice('Trace cancelled.');
      return;
    }
    if (toolName === CALIBRATION_TOOL) return onCalibrationLine(annotation);
    if (!isMeasuring(toolName)) return;
    if (measuringPort().measurementById(annotation.annotationUID!)) {
      editedUids.add(annotation.annotationUID!);
      scheduleCommit();
    } else void recordCompleted(annotation);
  }) as EventListener);

  eventTarget.addEventListener(Events.ANNOTATION_MODIFIED, ((event: CustomEvent) => {
    const annotation = event.detail.annotation as Annotation;
    if (syncing || !isMeasuring(annotation.metadata.toolName)) return;
    // Statistics refreshed on render are not an edit.
    if (event.detail.changeType === ToolEnums.ChangeTypes.StatsUpdated) return;
    const uid = annotation.annotationUID!;
    if (!measuringPort().measurementById(uid)) return;
    // Nothing is stored while the hand is down, however long it pauses: the gesture is stored
    // once, when it ends (pointer up), or at once for changes made without a pointer.
    editedUids.add(uid);
    if (!pointerIsDown) scheduleCommit();
  }) as EventListener);

  // Capture phase: seen before Cornerstone's own handlers, whatever element the pointer is over.
  window.addEventListener('pointerdown', () => (pointerIsDown = true), true);
  for (const type of ['pointerup', 'pointercancel', 'mouseup'] as const) {
    window.addEventListener(type, () => {
      pointerIsDown = false;
      if (editedUids.size) scheduleCommit();
    }, true);
  }

  eventTarget.addEventListener(Events.ANNOTATION_REMOVED, ((event: CustomEvent) => {
    const annotation = event.detail.annotation as Annotation;
    if (syncing || !isMeasuring(annotation.metadata.toolName)) return;
    const port = measuringPort();
    if (port.measurementById(annotation.annotationUID!)) port.removeMeasurement(annotation.annotationUID!);
  }) as EventListener);

  measuringPort().onMeasurementsChanged(syncAnnotationsFromStore);
}
