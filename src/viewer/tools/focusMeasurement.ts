/** Clicking a measurement in the panel: show its image and frame, and highlight its contour. */
import { annotation as annotationApi } from '@cornerstonejs/tools';
import { getRenderingEngines } from '@cornerstonejs/core';
import type { NerveMeasurement } from '../../domain/measurement';
import { useStudyStore } from '../../stores/studyStore';
import { useViewerStore } from '../../stores/viewerStore';
import { sameSopInstance } from '../../domain/session/normaliseText';

export function focusMeasurement(measurement: NerveMeasurement): boolean {
  const studies = useStudyStore();
  const instance = studies.instances.find((i) => sameSopInstance(i.meta.sopInstanceUid, measurement.image.sopInstanceUid));
  const imageId = instance?.imageIds[measurement.image.frameIndex];
  if (!instance || !imageId) return false;
  useViewerStore().showImage(instance.meta.seriesInstanceUid ?? '', imageId);
  annotationApi.selection.setAnnotationSelected(measurement.id, true, false);
  for (const engine of getRenderingEngines() ?? []) engine.render();
  return true;
}
