/**
 * Keeps Cornerstone annotations and the measurement store in step:
 * - a finished trace becomes a NerveMeasurement (numbers from the domain);
 * - an edited trace updates its measurement; a deleted one removes it;
 * - any change of the store (undo, redo, delete from the panel, a restored session) is drawn back.
 */
import { eventTarget, getRenderingEngines } from '@cornerstonejs/core';
import { annotation as annotationApi, cancelActiveManipulations, Enums as ToolEnums, type Types as ToolTypes } from '@cornerstonejs/tools';
import { watch } from 'vue';
import type { NerveMeasurement } from '../../domain/measurement';
import { sideFromLaterality, sideFromPatientCoordinates } from '../../domain/side';
import { contourCentroid } from '../../domain/geometry';
import type { Side, SideSource } from '../../domain/types';
import { useMeasurementStore } from '../../stores/measurementStore';
import { useStudyStore } from '../../stores/studyStore';
import { useToolStore } from '../../stores/toolStore';
import { measureAnnotation, annotationGeometry } from './measureAnnotation';
import { restoreAnnotation, imagePlaneKnown } from './annotationRestore';
import { CALIBRATION_TOOL, MEASURING_TOOLS, methodForTool } from './toolNames';
import type { DicomImageMetadata } from '../../dicom/types';
import { sameSopInstance } from '../../domain/session/normaliseText';

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
  const studies = useStudyStore();
  const measurements = useMeasurementStore();
  const tools = useToolStore();
  const frame = imageId ? studies.frameByImageId.get(imageId) : undefined;
  if (!method || !imageId || !frame) return;
  const result = measureAnnotation(toolName, annotation.data, imageId);
  if (!result.ok) {
    // A refused trace is removed rather than kept with a wrong or missing number.
    tools.notice = `Trace not recorded: ${result.error}`;
    removeQuietly(annotation.annotationUID!);
    return;
  }
  const meta = frame.instance.meta;
  const now = new Date().toISOString();
  const contour = result.value.contour;
  measurements.add({
    id: annotation.annotationUID!,
    label: String(annotation.data.label || measurements.nextLabel()),
    nerve: tools.nerve,
    site: tools.site,
    ...sideFor(meta, contour),
    modality: meta.modality ?? '',
    method,
    image: {
      studyInstanceUid: meta.studyInstanceUid ?? '',
      seriesInstanceUid: meta.seriesInstanceUid ?? '',
      sopInstanceUid: meta.sopInstanceUid ?? '',
      frameIndex: frame.frameIndex,
      fileName: frame.instance.fileName,
    },
    contour,
    ...(result.value.diameters ? { diameters: result.value.diameters } : {}),
    calibration: result.value.metrics.calibration,
    metrics: result.value.metrics,
    intensity: await intensityFor(imageId, contour),
    createdAt: now,
    updatedAt: now,
  });
  tools.notice = '';
}

async function recordModified(annotation: Annotation) {
  const measurements = useMeasurementStore();
  const current = measurements.byId.get(annotation.annotationUID!);
  const imageId = annotation.metadata.referencedImageId;
  if (!current || !imageId) return;
  const result = measureAnnotation(annotation.metadata.toolName, annotation.data, imageId);
  if (!result.ok) {
    useToolStore().notice = `Edit not applied: ${result.error}`;
    return;
  }
  const same =
    result.value.contour.length === current.contour.length &&
    result.value.contour.every((p, i) => p.x === current.contour[i]!.x && p.y === current.contour[i]!.y);
  if (same) return;
  measurements.update({
    ...current,
    contour: result.value.contour,
    ...(result.value.diameters ? { diameters: result.value.diameters } : {}),
    calibration: result.value.metrics.calibration,
    metrics: result.value.metrics,
    intensity: await intensityFor(imageId, result.value.contour),
    updatedAt: new Date().toISOString(),
  });
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
  const measurements = useMeasurementStore();
  const studies = useStudyStore();
  const wanted = measurements.byId;
  const present = new Map<string, Annotation>();
  for (const a of annotationApi.state.getAllAnnotations() as Annotation[]) {
    if (isMeasuring(a.metadata.toolName) && a.annotationUID) present.set(a.annotationUID, a);
  }
  syncing = true;
  try {
    for (const [uid, a] of present) {
      const m = wanted.get(uid);
      const imageId = a.metadata.referencedImageId;
      if (!m) {
        annotationApi.state.removeAnnotation(uid);
        continue;
      }
      if (a.data.label !== m.label) a.data.label = m.label;
      const geometry = imageId ? annotationGeometry(a.metadata.toolName, a.data, imageId) : null;
      const shown = geometry?.diameters ? null : geometry?.contour;
      const differs =
        shown && (shown.length !== m.contour.length || shown.some((p, i) => Math.abs(p.x - m.contour[i]!.x) + Math.abs(p.y - m.contour[i]!.y) > 1e-6));
      const ellipseDiffers =
        geometry?.diameters && m.diameters && geometry.diameters.flat().some((p, i) => {
          const q = m.diameters!.flat()[i]!;
          return Math.abs(p.x - q.x) + Math.abs(p.y - q.y) > 1e-6;
        });
      if ((differs || ellipseDiffers) && imageId) {
        annotationApi.state.removeAnnotation(uid);
        restoreAnnotation(m, imageId);
      }
    }
    for (const m of measurements.measurements) {
      if (present.has(m.id)) continue;
      const instance = studies.instances.find((i) => sameSopInstance(i.meta.sopInstanceUid, m.image.sopInstanceUid));
      const imageId = instance?.imageIds[m.image.frameIndex];
      if (imageId && imagePlaneKnown(imageId)) restoreAnnotation(m, imageId);
    }
  } finally {
    syncing = false;
  }
  renderAll();
}

/** Subscribe once to annotation events and to store changes. */
export function startMeasurementSync(onCalibrationLine: (annotation: Annotation) => void) {
  if (started) return;
  started = true;
  const { Events } = ToolEnums;
  const pendingEdits = new Map<string, ReturnType<typeof setTimeout>>();

  eventTarget.addEventListener(Events.ANNOTATION_ADDED, ((event: CustomEvent) => {
    const annotation = event.detail.annotation as Annotation;
    const toolName = annotation.metadata.toolName;
    if (syncing || (!isMeasuring(toolName) && toolName !== CALIBRATION_TOOL)) return;
    annotation.data.nvImageId = annotation.metadata.referencedImageId;
    annotation.data.nvToolName = toolName;
    if (isMeasuring(toolName) && !annotation.data.label) annotation.data.label = useMeasurementStore().nextLabel();
  }) as EventListener);

  eventTarget.addEventListener(Events.ANNOTATION_COMPLETED, ((event: CustomEvent) => {
    const annotation = event.detail.annotation as Annotation;
    const toolName = annotation.metadata.toolName;
    if (performance.now() < discardCompletionsUntil) {
      discardCompletionsUntil = 0;
      if (useMeasurementStore().byId.has(annotation.annotationUID!)) syncAnnotationsFromStore();
      else removeQuietly(annotation.annotationUID!);
      useToolStore().notice = 'Trace cancelled.';
      return;
    }
    if (toolName === CALIBRATION_TOOL) return onCalibrationLine(annotation);
    if (!isMeasuring(toolName)) return;
    if (useMeasurementStore().byId.has(annotation.annotationUID!)) void recordModified(annotation);
    else void recordCompleted(annotation);
  }) as EventListener);

  eventTarget.addEventListener(Events.ANNOTATION_MODIFIED, ((event: CustomEvent) => {
    const annotation = event.detail.annotation as Annotation;
    if (syncing || !isMeasuring(annotation.metadata.toolName)) return;
    const uid = annotation.annotationUID!;
    if (!useMeasurementStore().byId.has(uid)) return;
    // Dragging fires many modifications: record one change when the hand stops.
    clearTimeout(pendingEdits.get(uid));
    pendingEdits.set(uid, setTimeout(() => void recordModified(annotation), 200));
  }) as EventListener);

  eventTarget.addEventListener(Events.ANNOTATION_REMOVED, ((event: CustomEvent) => {
    const annotation = event.detail.annotation as Annotation;
    if (syncing || !isMeasuring(annotation.metadata.toolName)) return;
    const measurements = useMeasurementStore();
    if (measurements.byId.has(annotation.annotationUID!)) measurements.remove(annotation.annotationUID!);
  }) as EventListener);

  const measurements = useMeasurementStore();
  watch(() => measurements.measurements, syncAnnotationsFromStore);
}
