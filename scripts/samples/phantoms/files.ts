/**
 * Writes the tracing phantoms as DICOM (sample-dicom/phantoms/<id>.dcm: US Image Storage,
 * MONOCHROME2, 8 bits, one ultrasound region covering the frame with PhysicalDeltaX/Y in cm) and
 * builds their ground truth for sample-dicom/manifest.json (key `tracingPhantoms`, kept apart
 * from `files` so "Open sample study" and the PACS first start are unchanged).
 */
import { usDataset } from '../datasets.ts';
import { type Dataset, type SeriesInfo, type StudyInfo, TS, uid, writePart10 } from '../dicom.ts';
import { type TracingPhantom, OUTLINE_POINTS, tracingPhantoms } from './index.ts';

export const PHANTOM_STUDY: StudyInfo = {
  studyNumber: 17,
  StudyInstanceUID: uid(17),
  StudyDate: '20250601',
  StudyTime: '100000',
  StudyID: 'USTRACE',
  AccessionNumber: 'NTTRACE01',
  StudyDescription: 'US tracing phantoms (ground truth in manifest.json)',
  PatientAge: '055Y',
};

export interface PhantomManifestEntry {
  id: string;
  file: string;
  nerve: TracingPhantom['nerve'];
  site: TracingPhantom['site'];
  shape: TracingPhantom['shape'];
  rim: TracingPhantom['rim'];
  enlarged: boolean;
  sopInstanceUid: string;
  seriesInstanceUid: string;
  rows: number;
  columns: number;
  /** [row, column] mm. */
  pixelSpacingMm: [number, number];
  depthMm: number;
  /** Closed polygon [x, y] (first point not repeated), inner border of the rim. */
  outline: Array<[number, number]>;
  areaMm2: number;
  circumferenceMm: number;
  rimGaps: Array<[number, number]>;
  vessel: TracingPhantom['vessel'];
  sizeBytes: number;
}

export interface PhantomManifest {
  description: string;
  conventions: Record<string, string>;
  studyInstanceUid: string;
  patient: { name: string; id: string };
  files: PhantomManifestEntry[];
}

const PATIENT = { PatientName: 'PHANTOM^TRACING', PatientID: 'NT-TRACE' };

function bodyPart(p: TracingPhantom): 'THIGH' | 'BUTTOCK' | 'KNEE' {
  if (p.nerve !== 'sciatic') return 'KNEE';
  return p.site === 'gluteal-fold' ? 'BUTTOCK' : 'THIGH';
}

export function phantomDataset(p: TracingPhantom, seriesNumber: number): Dataset {
  const series: SeriesInfo = { study: PHANTOM_STUDY, seriesNumber, description: p.id };
  const ds = usDataset({
    series,
    instanceNumber: 1,
    rows: p.height,
    columns: p.width,
    samplesPerPixel: 1,
    pixels: p.pixels,
    frames: 1,
    regions: [{ box: { x0: 0, y0: 0, x1: p.width - 1, y1: p.height - 1 }, deltaXCm: p.pixelSpacingMm[1] / 10, deltaYCm: p.pixelSpacingMm[0] / 10, dataType: 1 }],
    // The side is arbitrary for a phantom; alternate so both occur.
    side: seriesNumber % 2 === 0 ? 'L' : 'R',
    lateralityAttribute: 'ImageLaterality',
    bodyPart: bodyPart(p),
    modeBits: '0001',
    comments: `Synthetic tracing phantom ${p.id}: ${p.nerve} nerve, ${p.shape}, ${p.rim} rim${p.enlarged ? ', enlarged' : ''}; true outline, area and circumference in sample-dicom/manifest.json (tracingPhantoms)`,
  });
  return { ...ds, ...PATIENT };
}

const r4 = (v: number): number => Math.round(v * 10000) / 10000;

/** Renders every phantom, hands each file to `save` and returns the manifest section. */
export function writeTracingPhantoms(save: (rel: string, bytes: Uint8Array) => void): PhantomManifest {
  const entries: PhantomManifestEntry[] = [];
  tracingPhantoms().forEach((p, k) => {
    const ds = phantomDataset(p, k + 1);
    const bytes = writePart10(ds, TS.EXPLICIT_LE);
    const file = `phantoms/${p.id}.dcm`;
    save(file, bytes);
    entries.push({
      id: p.id,
      file,
      nerve: p.nerve,
      site: p.site,
      shape: p.shape,
      rim: p.rim,
      enlarged: p.enlarged,
      sopInstanceUid: ds.SOPInstanceUID as string,
      seriesInstanceUid: ds.SeriesInstanceUID as string,
      rows: p.height,
      columns: p.width,
      pixelSpacingMm: [p.pixelSpacingMm[0], p.pixelSpacingMm[1]],
      depthMm: p.depthMm,
      outline: p.truth.outline.map((q): [number, number] => [q.x, q.y]),
      areaMm2: r4(p.truth.areaMm2),
      circumferenceMm: r4(p.truth.circumferenceMm),
      rimGaps: p.rimGaps,
      vessel: p.vessel,
      sizeBytes: bytes.length,
    });
  });
  return {
    description:
      'Tracing phantoms (issue #17): B-mode cross-sections of the sciatic, tibial and common peroneal nerves with Rayleigh speckle, attenuation and imperfect TGC, a rim of varying brightness (clear, faint or gapped), fascicles, a neighbouring vessel and muscle/fat texture. Not part of the sample study: "Open sample study" and the PACS first start skip them.',
    conventions: {
      coordinates: 'Same as the sample study: 0-based pixel coordinates, x = column, y = row, the centre of pixel (c, r) at (c, r).',
      outline: `${OUTLINE_POINTS} points equally spaced in arc length on the INNER border of the hyperechoic epineurial rim; closed, first point not repeated.`,
      areaMm2: "src/domain measureContour of the outline with the file's [row, column] spacing (what the app stores for a perfect trace); circumferenceMm likewise.",
      rimGaps: 'Arcs where the rim is missing, as arc-length fractions [from, to] of the outline counted from its first point (may wrap past 1).',
      pixelSpacingMm: '[row, column] mm; in the file as the ultrasound region PhysicalDeltaY / PhysicalDeltaX in cm.',
      vessel: 'Neighbouring vessel: centre in pixel coordinates, lumen semi-axes [x, y] in mm.',
    },
    studyInstanceUid: PHANTOM_STUDY.StudyInstanceUID,
    patient: { name: PATIENT.PatientName, id: PATIENT.PatientID },
    files: entries,
  };
}
