/**
 * DICOM Structured Report export: a TID 1500 Imaging Measurement Report in a Comprehensive 3D SR
 * (1.2.840.10008.5.1.4.1.1.88.34), one measurement group per nerve measurement (TID 1410 style):
 *
 *   Measurement Group
 *     has obs context   TEXT   Tracking Identifier = Cornerstone3DTools@^0.1.0:PlanarFreehandROI
 *     has obs context   UIDREF Tracking Unique Identifier
 *     has concept mod   CODE   Finding Site = nerve (99NRVTRC)
 *                                 has concept mod CODE Laterality = Left / Right (SCT)
 *                                 has concept mod CODE Topographical modifier = site (99NRVTRC)
 *     has concept mod   CODE   Measurement Method = freehand / spline / ellipse (99NRVTRC)
 *     contains          NUM    Area (SCT 42798000) in mm2        ┐ calibrated measurements only
 *                                 inferred from SCOORD (the outline below)
 *     contains          NUM    Perimeter (SCT 131191004) in mm   ┘
 *     (inferred from / contains) SCOORD Image Region, POLYLINE, closed (first point repeated)
 *                                 selected from IMAGE (SOP class, instance, frame number 1-based)
 *                                   has acq context NUM Vertical / Horizontal Pixel Spacing (mm)
 *
 * The outline hangs under the Area (TID 300 "inferred from") when there is one, else directly in
 * the group: that is where @cornerstonejs/adapters (OHIF) look for it, and the Tracking Identifier is
 * the one they map to a planar freehand ROI. The finding site is SNOMED CT where sr/findingSites.ts
 * lists a code. For the PACS, `patientStudy` copies the measured study's Patient and Study modules
 * (an SR with other patient data becomes a second patient in Orthanc).
 *     contains          TEXT   Comment = the label (when there is one: what other viewers show)
 *     contains          TEXT   Comment = where the millimetres came from, or that there are none
 *     contains          TEXT   NerveTrace measurement record (JSON, see sr/record.ts)
 *
 * Uncalibrated measurements carry no mm values and no pixel-unit numbers (a pixel area is not a
 * physical quantity another system could compare): the outline is there, the pixel size is absent,
 * and the Comment says the measurement is uncalibrated. Readers recompute pixel values from the outline.
 *
 * SCOORD coordinates follow DICOM (origin at the top-left CORNER of the top-left pixel), NerveTrace
 * contours have pixel centres at integer coordinates, so 0.5 is added on export and removed on import.
 * Numbers are recomputed with measurementMetrics (an ellipse from its diameters, a trace from its
 * contour) — the function that stored them, so the SR holds the same number as the UI and the JSON.
 * The report is de-identified (deidentifySession) unless `identified` is set.
 */
import { describeCalibration } from '../calibration';
import { measurementMetrics, type NerveMeasurement } from '../measurement';
import { deidentifySession, hashToUid, isDicomUid, randomSalt, randomUid, type Session } from '../session';
import { fail, ok, type Result } from '../types';
import { CODES, methodCode, nerveCode, PRIVATE_SCHEME, PRIVATE_SCHEME_NAME, SIDE_CODES, siteCode, UNITS } from './sr/codes';
import { codeContent, container, imageItem, numItem, polylineItem, textItem, uidItem, type ImageRef } from './sr/contentItems';
import { writePart10, type Dataset } from './sr/dcmjsAdapter';
import { recordOf } from './sr/record';
import { suvMeasurementGroup } from './sr/suvGroup';

export const COMPREHENSIVE_3D_SR = '1.2.840.10008.5.1.4.1.1.88.34';
/** Added to NerveTrace contour coordinates to get DICOM SCOORD image coordinates. */
export const SCOORD_OFFSET = 0.5;
const IMPLEMENTATION_CLASS_UID = hashToUid('NerveTrace implementation class');
const DEVICE_OBSERVER_UID = hashToUid('NerveTrace device observer');

export interface SrOptions {
  /** Keep patient name, ID, birth date, accession number and the original UIDs (default false). */
  readonly identified?: boolean;
  /** Salt for de-identification (default: random); the same salt gives the same UIDs. */
  readonly salt?: string;
  /** UIDs of the SR itself (default: random); given in tests for reproducible files. */
  readonly sopInstanceUid?: string;
  readonly seriesInstanceUid?: string;
  /**
   * Patient and General Study module attributes of the measured study, by keyword (from the PACS).
   * Written as they are (identified reports only); the study must be the one the measurements are in.
   */
  readonly patientStudy?: Readonly<Record<string, string>>;
  /** Person Observer Name (the person who measured), when known. */
  readonly observerName?: string;
}

/** What @cornerstonejs/adapters (and so OHIF) map to a planar freehand ROI. */
export const TRACKING_IDENTIFIER = 'Cornerstone3DTools@^0.1.0:PlanarFreehandROI';

const PATIENT_STUDY_KEYWORDS = [
  'PatientName',
  'PatientID',
  'IssuerOfPatientID',
  'PatientBirthDate',
  'PatientSex',
  'StudyDate',
  'StudyTime',
  'ReferringPhysicianName',
  'StudyID',
  'AccessionNumber',
  'StudyDescription',
] as const;

interface InstanceInfo {
  readonly studyInstanceUid: string;
  readonly seriesInstanceUid: string;
  readonly sopClassUid: string | null;
  readonly frames: number;
}

function instanceIndex(session: Session): Map<string, InstanceInfo> {
  const index = new Map<string, InstanceInfo>();
  for (const study of session.studies) {
    for (const series of study.series) {
      for (const instance of series.instances) {
        index.set(instance.sopInstanceUid, {
          studyInstanceUid: study.studyInstanceUid,
          seriesInstanceUid: series.seriesInstanceUid,
          sopClassUid: instance.sopClassUid,
          frames: instance.frames,
        });
      }
    }
  }
  return index;
}

function nameOf(m: Pick<NerveMeasurement, 'label' | 'id'>): string {
  return `Measurement ${m.label ? `"${m.label}"` : m.id}`;
}

function imageRefOf(m: Pick<NerveMeasurement, 'label' | 'id' | 'image'>, instances: Map<string, InstanceInfo>): Result<ImageRef & { study: string; series: string }> {
  const info = instances.get(m.image.sopInstanceUid);
  if (!info?.sopClassUid) {
    return fail(`${nameOf(m)}: the SOP class of its image is not known to the session, so the report cannot reference the image.`);
  }
  for (const uid of [m.image.studyInstanceUid, m.image.seriesInstanceUid, m.image.sopInstanceUid, info.sopClassUid]) {
    if (!isDicomUid(uid)) return fail(`${nameOf(m)}: "${uid}" is not a valid DICOM UID; export de-identified to replace it.`);
  }
  const multiFrame = info.frames > 1 || m.image.frameIndex > 0;
  return ok({
    sopClassUid: info.sopClassUid,
    sopInstanceUid: m.image.sopInstanceUid,
    ...(multiFrame ? { frameNumber: m.image.frameIndex + 1 } : {}),
    study: m.image.studyInstanceUid,
    series: m.image.seriesInstanceUid,
  });
}

function closedGraphicData(m: NerveMeasurement): number[] {
  const data: number[] = [];
  for (const p of [...m.contour, m.contour[0]!]) data.push(p.x + SCOORD_OFFSET, p.y + SCOORD_OFFSET);
  return data;
}

function measurementGroup(m: NerveMeasurement, ref: ImageRef): Result<Dataset> {
  const metrics = measurementMetrics(m, m.calibration);
  if (!metrics.ok) return fail(`${nameOf(m)} cannot be exported: ${metrics.error}`);
  const cal = m.calibration;
  const spacing =
    cal.source === 'none'
      ? []
      : [
          numItem('HAS ACQ CONTEXT', CODES.verticalPixelSpacing, cal.rowSpacingMm, UNITS.mm),
          numItem('HAS ACQ CONTEXT', CODES.horizontalPixelSpacing, cal.columnSpacingMm, UNITS.mm),
        ];
  const siteModifiers = [
    ...(m.side ? [codeContent('HAS CONCEPT MOD', CODES.laterality, SIDE_CODES[m.side])] : []),
    codeContent('HAS CONCEPT MOD', CODES.topographicalModifier, siteCode(m.site)),
  ];
  const values = metrics.value.calibrated
    ? [
        numItem('CONTAINS', CODES.area, metrics.value.areaMm2, UNITS.mm2),
        numItem('CONTAINS', CODES.perimeter, metrics.value.perimeterMm, UNITS.mm),
      ]
    : [];
  const comment = metrics.value.calibrated
    ? `Calibration: ${describeCalibration(cal)}.`
    : 'Uncalibrated: the image has no millimetre scale, so no area or perimeter in mm is given; the outline is in image pixels.';
  const outline = (relationship: 'CONTAINS' | 'INFERRED FROM') =>
    polylineItem(relationship, CODES.imageRegion, closedGraphicData(m), [imageItem('SELECTED FROM', ref, spacing)]);
  return ok(
    container('CONTAINS', CODES.measurementGroup, [
      textItem('HAS OBS CONTEXT', CODES.trackingIdentifier, TRACKING_IDENTIFIER),
      uidItem('HAS OBS CONTEXT', CODES.trackingUid, hashToUid(`NerveTrace measurement ${m.id}`)),
      codeContent('HAS CONCEPT MOD', CODES.findingSite, nerveCode(m.nerve), siteModifiers),
      codeContent('HAS CONCEPT MOD', CODES.measurementMethod, methodCode(m.method)),
      ...(values.length > 0 ? [{ ...values[0]!, ContentSequence: [outline('INFERRED FROM')] }, ...values.slice(1)] : [outline('CONTAINS')]),
      // The first Comment is the label other viewers show (the adapters take it as the annotation's label).
      ...(m.label.trim() ? [textItem('CONTAINS', CODES.comment, m.label)] : []),
      textItem('CONTAINS', CODES.comment, comment),
      textItem('CONTAINS', CODES.nerveTraceRecord, JSON.stringify(recordOf(m))),
    ]),
  );
}

/** CurrentRequestedProcedureEvidenceSequence: every referenced image, by study and series. */
function evidence(refs: ReadonlyArray<ImageRef & { study: string; series: string }>): Dataset[] {
  const studies = new Map<string, Map<string, Map<string, string>>>();
  for (const r of refs) {
    const series = studies.get(r.study) ?? new Map<string, Map<string, string>>();
    const sops = series.get(r.series) ?? new Map<string, string>();
    sops.set(r.sopInstanceUid, r.sopClassUid);
    series.set(r.series, sops);
    studies.set(r.study, series);
  }
  return [...studies].map(([study, series]) => ({
    StudyInstanceUID: study,
    ReferencedSeriesSequence: [...series].map(([seriesUid, sops]) => ({
      SeriesInstanceUID: seriesUid,
      ReferencedSOPSequence: [...sops].map(([sop, cls]) => ({ ReferencedSOPClassUID: cls, ReferencedSOPInstanceUID: sop })),
    })),
  }));
}

/** "2025-03-01T10:00:00.000Z" → ["20250301", "100000"] (UTC). */
function dicomDateTime(iso: string): [string, string] {
  const d = new Date(iso);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return [
    `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`,
    `${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`,
  ];
}

const hasNonAscii = (value: unknown): boolean => /[^\x20-\x7e\n\r\t]/.test(JSON.stringify(value));

/** Build the SR file for a session, or say in one sentence why it cannot be built. */
export function buildMeasurementReportSr(input: Session, options: SrOptions = {}): Result<Uint8Array> {
  if (input.measurements.length === 0 && !input.suv?.measurements.length) return fail('The session has no measurements to report.');
  const session = options.identified ? input : deidentifySession(input, options.salt ?? randomSalt());
  const instances = instanceIndex(session);

  const refs: Array<ImageRef & { study: string; series: string }> = [];
  const groups: Dataset[] = [];
  for (const m of session.measurements) {
    const ref = imageRefOf(m, instances);
    if (!ref.ok) return ref;
    const group = measurementGroup(m, ref.value);
    if (!group.ok) return group;
    refs.push(ref.value);
    groups.push(group.value);
  }
  // FDG PET SUV measurements follow the nerve cross-sections (sr/suvGroup.ts).
  for (const m of session.suv?.measurements ?? []) {
    const ref = imageRefOf(m, instances);
    if (!ref.ok) return ref;
    refs.push(ref.value);
    groups.push(suvMeasurementGroup(m, ref.value, SCOORD_OFFSET));
  }
  const uniqueImages = [...new Map(refs.map((r) => [`${r.sopInstanceUid}|${r.frameNumber ?? ''}`, r])).values()];
  const [contentDate, contentTime] = dicomDateTime(session.updatedAt);
  const patient = options.identified ? session.patient : undefined;
  const copied = options.identified ? options.patientStudy : undefined;
  if (copied?.StudyInstanceUID && copied.StudyInstanceUID !== refs[0]!.study) {
    return fail('The measurements are not on images of the study the report is for.');
  }

  const dataset: Dataset = {
    SOPClassUID: COMPREHENSIVE_3D_SR,
    SOPInstanceUID: options.sopInstanceUid ?? randomUid(),
    StudyInstanceUID: refs[0]!.study,
    SeriesInstanceUID: options.seriesInstanceUid ?? randomUid(),
    Modality: 'SR',
    SeriesNumber: 9001,
    SeriesDescription: 'NerveTrace nerve measurements',
    InstanceNumber: 1,
    PatientName: (patient?.name ?? '').slice(0, 64),
    PatientID: (patient?.id ?? '').slice(0, 64),
    PatientBirthDate: /^\d{8}$/.test(patient?.birthDate ?? '') ? patient!.birthDate : '',
    PatientSex: '',
    StudyDate: '',
    StudyTime: '',
    ReferringPhysicianName: '',
    StudyID: '',
    AccessionNumber: (patient?.accessionNumber ?? '').slice(0, 16),
    Manufacturer: 'NerveTrace',
    SoftwareVersions: session.app.version.slice(0, 64),
    ContentDate: contentDate,
    ContentTime: contentTime,
    TimezoneOffsetFromUTC: '+0000', // ContentDate/Time are the session's updatedAt in UTC
    CompletionFlag: 'COMPLETE',
    VerificationFlag: 'UNVERIFIED',
    ReferencedPerformedProcedureStepSequence: [],
    PerformedProcedureCodeSequence: [],
    CurrentRequestedProcedureEvidenceSequence: evidence(refs),
    CodingSchemeIdentificationSequence: [
      { CodingSchemeDesignator: PRIVATE_SCHEME, CodingSchemeName: PRIVATE_SCHEME_NAME, CodingSchemeResponsibleOrganization: 'NerveTrace' },
    ],
    ...(copied ? Object.fromEntries(PATIENT_STUDY_KEYWORDS.filter((k) => copied[k] !== undefined && (copied[k] !== '' || k !== 'IssuerOfPatientID')).map((k) => [k, copied[k]])) : {}),
    ...(options.identified
      ? {}
      : {
          PatientIdentityRemoved: 'YES',
          DeidentificationMethod: 'NerveTrace: identifiers removed, UIDs replaced',
        }),
    ...container(null, CODES.imagingMeasurementReport, [
      codeContent('HAS CONCEPT MOD', CODES.language, CODES.english),
      codeContent('HAS OBS CONTEXT', CODES.observerType, CODES.device),
      uidItem('HAS OBS CONTEXT', CODES.deviceObserverUid, DEVICE_OBSERVER_UID),
      textItem('HAS OBS CONTEXT', CODES.deviceObserverName, 'NerveTrace'),
      ...(options.observerName?.trim() ? [textItem('HAS OBS CONTEXT', CODES.personObserverName, options.observerName.trim().slice(0, 64))] : []),
      codeContent('HAS CONCEPT MOD', CODES.procedureReported, CODES.imagingProcedure),
      container('CONTAINS', CODES.imageLibrary, [
        container('CONTAINS', CODES.imageLibraryGroup, uniqueImages.map((r) => imageItem('CONTAINS', r))),
      ]),
      container('CONTAINS', CODES.imagingMeasurements, groups),
    ]),
    ContentTemplateSequence: [{ MappingResource: 'DCMR', TemplateIdentifier: '1500' }],
  };
  // Plain ASCII needs no character set; anything else is written as UTF-8.
  if (hasNonAscii(dataset)) dataset.SpecificCharacterSet = 'ISO_IR 192';
  return ok(
    writePart10(dataset, { implementationClassUid: IMPLEMENTATION_CLASS_UID, implementationVersionName: `NERVETRACE_${session.app.version}`.slice(0, 16) }),
  );
}
