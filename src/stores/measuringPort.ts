/**
 * The stores' side of the viewer's measuring port (src/viewer/tools/measuringPort.ts): the tools
 * read images, calibrations and measurements and record what the user traced through this, and
 * never import a store themselves.
 */
import { watch } from 'vue';
import { sameSopInstance } from '../domain/session/normaliseText';
import type { MeasuringPort } from '../viewer/tools/measuringPort';
import { useCalibrationStore } from './calibrationStore';
import { useMeasurementStore } from './measurementStore';
import { useStudyStore } from './studyStore';
import { useToolStore } from './toolStore';
import { useViewerStore } from './viewerStore';

/** Call with Pinia active (after app.use(pinia)). */
export function storeMeasuringPort(): MeasuringPort {
  const studies = useStudyStore();
  const calibrations = useCalibrationStore();
  const measurements = useMeasurementStore();
  const tools = useToolStore();
  const viewer = useViewerStore();
  return {
    frameOf(imageId) {
      const frame = studies.frameByImageId.get(imageId);
      return frame && { meta: frame.instance.meta, fileName: frame.instance.fileName, frameIndex: frame.frameIndex };
    },
    imageIdOf(image) {
      const instance = studies.instances.find((i) => sameSopInstance(i.meta.sopInstanceUid, image.sopInstanceUid));
      return instance?.imageIds[image.frameIndex];
    },
    calibrationFor: (meta, points) => calibrations.calibrationFor(meta, points),
    measurements: () => measurements.measurements,
    measurementById: (id) => measurements.byId.get(id),
    nextLabel: () => measurements.nextLabel(),
    nerveAndSite: () => ({ nerve: tools.nerve, site: tools.site }),
    addMeasurement: (m) => measurements.add(m),
    replaceMeasurements: (next) => measurements.replaceKeepingHistory(next),
    removeMeasurement: (id) => measurements.remove(id),
    notice: (message) => {
      tools.notice = message;
    },
    onMeasurementsChanged: (callback) => void watch(() => measurements.measurements, callback),
    showImage: (seriesUid, imageId) => viewer.showImage(seriesUid, imageId),
  };
}
