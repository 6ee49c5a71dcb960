/**
 * De-identification for sharing (the default for every export): removes the patient's name, ID,
 * birth date and accession number; replaces every DICOM UID consistently (the same original UID
 * always becomes the same new 2.25 UID within one export, via a salted SHA-256 hash, so references
 * between studies, series, images, calibrations and measurements stay intact); and replaces file
 * names, which often carry names or dates, by neutral ones ("image-0001.dcm").
 *
 * Kept as entered: measurement labels, study and series descriptions, dates of the session. Those
 * are free text the user wrote or the scanner set; the UI should warn before sharing them.
 */
import type { NerveMeasurement } from '../measurement';
import type { Session, SessionCalibration } from './types';
import { randomSalt, uidMapper } from './uid';

function fileNamer(): (original: string) => string {
  const names = new Map<string, string>();
  return (original) => {
    let name = names.get(original);
    if (name === undefined) {
      name = `image-${String(names.size + 1).padStart(4, '0')}.dcm`;
      names.set(original, name);
    }
    return name;
  };
}

/**
 * A copy of the session without patient identifiers. With the same salt, the same UIDs map to the
 * same new UIDs (useful to export several sessions consistently); without one, a random salt is
 * used so the new UIDs cannot be traced back by hashing known originals.
 */
export function deidentifySession(session: Session, salt: string = randomSalt()): Session {
  const mapUid = uidMapper(salt);
  const mapFile = fileNamer();
  const { patient: _removed, ...rest } = session;

  const studies = session.studies.map((study) => ({
    ...study,
    studyInstanceUid: mapUid(study.studyInstanceUid),
    series: study.series.map((series) => ({
      ...series,
      seriesInstanceUid: mapUid(series.seriesInstanceUid),
      instances: series.instances.map((instance) => ({
        ...instance,
        sopInstanceUid: mapUid(instance.sopInstanceUid),
        fileName: mapFile(instance.fileName),
      })),
    })),
  }));

  const calibrations = session.calibrations.map(
    (c): SessionCalibration => ({
      ...c,
      seriesInstanceUid: mapUid(c.seriesInstanceUid),
      ...(c.sopInstanceUid !== undefined ? { sopInstanceUid: mapUid(c.sopInstanceUid) } : {}),
    }),
  );

  const measurements = session.measurements.map(
    (m): NerveMeasurement => ({
      ...m,
      image: {
        studyInstanceUid: mapUid(m.image.studyInstanceUid),
        seriesInstanceUid: mapUid(m.image.seriesInstanceUid),
        sopInstanceUid: mapUid(m.image.sopInstanceUid),
        frameIndex: m.image.frameIndex,
        ...(m.image.fileName !== undefined ? { fileName: mapFile(m.image.fileName) } : {}),
      },
    }),
  );

  const suv = session.suv
    ? {
        edits: session.suv.edits.map((e) => ({ ...e, seriesInstanceUid: mapUid(e.seriesInstanceUid) })),
        measurements: session.suv.measurements.map((m) => ({
          ...m,
          image: {
            studyInstanceUid: mapUid(m.image.studyInstanceUid),
            seriesInstanceUid: mapUid(m.image.seriesInstanceUid),
            sopInstanceUid: mapUid(m.image.sopInstanceUid),
            frameIndex: m.image.frameIndex,
            ...(m.image.fileName !== undefined ? { fileName: mapFile(m.image.fileName) } : {}),
          },
        })),
      }
    : undefined;

  return { ...rest, studies, calibrations, measurements, ...(suv ? { suv } : {}) };
}
