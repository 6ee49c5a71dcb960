/**
 * What the viewer's measuring tools need from the rest of the app, handed in once at start-up
 * (src/stores/measuringPort.ts builds it from the stores): the viewer never imports a store, so
 * the same tools could serve another shell, and a test can hand in a port of its own.
 */
import type { NerveMeasurement } from '../../domain/measurement';
import type { NerveId, SiteId } from '../../domain/reference';
import type { Calibration, ImagePoint, Result } from '../../domain/types';
import type { DicomImageMetadata } from '../../dicom/types';

/** The open image an imageId shows. */
export interface ShownFrame {
  readonly meta: DicomImageMetadata;
  readonly fileName: string;
  readonly frameIndex: number;
}

export interface MeasuringPort {
  /** The image an imageId shows, or undefined when it is no longer open. */
  frameOf(imageId: string): ShownFrame | undefined;
  /** The imageId showing a stored measurement's image, or undefined when that image is not open. */
  imageIdOf(image: NerveMeasurement['image']): string | undefined;
  /** The calibration in force for this image (a user calibration or the file's), for these points. */
  calibrationFor(meta: DicomImageMetadata, points: readonly ImagePoint[]): Result<Calibration>;
  /** Stored measurements, in order. */
  measurements(): readonly NerveMeasurement[];
  measurementById(id: string): NerveMeasurement | undefined;
  nextLabel(): string;
  /** What the next trace is recorded as. */
  nerveAndSite(): { readonly nerve: NerveId; readonly site: SiteId };
  addMeasurement(measurement: NerveMeasurement): void;
  /** All measurements at once, as one undoable step. */
  replaceMeasurements(next: readonly NerveMeasurement[]): void;
  removeMeasurement(id: string): void;
  /** A tool's refusal or hint for the user ('' clears it). */
  notice(message: string): void;
  /** Called whenever the stored measurements change (undo, import, another panel's edit). */
  onMeasurementsChanged(callback: () => void): void;
  /** Put this image on screen. */
  showImage(seriesInstanceUid: string, imageId: string): void;
}

let port: MeasuringPort | null = null;

export function provideMeasuringPort(next: MeasuringPort): void {
  port = next;
}

export function measuringPort(): MeasuringPort {
  if (!port) throw new Error('The measuring tools were used before the app handed them their port (provideMeasuringPort).');
  return port;
}
