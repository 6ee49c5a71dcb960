/**
 * MR series: 200 axial slices, 512 × 512, 16 bits allocated (12 stored), explicit VR little
 * endian, one file per slice with ImagePositionPatient 1.5 mm apart. Both thighs, whose sizes
 * change along the series, with a bright nerve, so every slice paints something different.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { BENCH_PATIENT, SOP, TS, benchUid, bufferOf, rng, writePart10 } from './dicom.ts';

export const MR = { slices: 200, rows: 512, columns: 512, spacingMm: 0.8, sliceStepMm: 1.5 } as const;

/** The 2,000-slice series of `mr2000FirstInteractiveVs200`: the same anatomy, ten times finer. */
export const MR2000 = { slices: 2000, sliceStepMm: 0.15 } as const;

function slicePixels(slice: number, slices: number, noise: () => number): Uint16Array {
  const { rows, columns } = MR;
  const px = new Uint16Array(rows * columns);
  const t = slice / (slices - 1);
  const thighs = [
    { cx: 150, cy: 256, rx: 110 - 25 * t, ry: 130 - 30 * t, ncx: 165, ncy: 320, nr: 9 + 3 * Math.sin(6 * t) },
    { cx: 362, cy: 256, rx: 108 - 25 * t, ry: 128 - 30 * t, ncx: 347, ncy: 320, nr: 7 + 2 * Math.sin(5 * t) },
  ];
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < columns; x++) {
      let v = 20 + noise() * 25; // air: noise only
      for (const th of thighs) {
        const dx = (x - th.cx) / th.rx, dy = (y - th.cy) / th.ry;
        const r = dx * dx + dy * dy;
        if (r > 1) continue;
        v = r > 0.82 ? 260 : 900 + 120 * Math.sin(x * 0.07 + t * (MR.slices - 1) * 0.05) * Math.cos(y * 0.05); // fat rim, muscle
        const bx = (x - th.cx) / 14, by = (y - th.cy + 10) / 14; // femur: dark
        if (bx * bx + by * by < 1) v = 120;
        const nx = (x - th.ncx) / th.nr, ny = (y - th.ncy) / th.nr; // nerve: bright
        const nr = nx * nx + ny * ny;
        if (nr < 1) v = 2600 + 500 * Math.sin(x * 1.3) * Math.sin(y * 1.1);
        else if (nr < 1.6) v = 300;
        v += noise() * 60;
      }
      px[y * columns + x] = Math.max(0, Math.min(4095, Math.round(v)));
    }
  }
  return px;
}

/** One file per slice; `series` 1 is the 200-slice benchmark series, 2 the 2,000-slice one. */
export function writeMrSeries(dir: string, slices: number = MR.slices, series = 1): { files: string[]; bytes: number } {
  const step = series === 1 ? MR.sliceStepMm : MR2000.sliceStepMm;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const noise = rng(11);
  const files: string[] = [];
  let bytes = 0;
  for (let i = 0; i < slices; i++) {
    const z = -150 + i * step;
    const ds = {
      ...BENCH_PATIENT,
      SOPClassUID: SOP.MR,
      SOPInstanceUID: benchUid(2, series, i + 1),
      StudyInstanceUID: benchUid(2),
      SeriesInstanceUID: benchUid(2, series),
      FrameOfReferenceUID: benchUid(2, 0),
      StudyDate: '20250402',
      StudyTime: '110000',
      StudyID: 'BENCHMR',
      AccessionNumber: 'BENCHMR1',
      StudyDescription: 'Benchmark MR neurography',
      Modality: 'MR',
      SeriesNumber: series,
      SeriesDescription: `MR axial ${slices} slices 512x512`,
      InstanceNumber: i + 1,
      PatientPosition: 'FFS',
      BodyPartExamined: 'THIGH',
      ImageType: ['ORIGINAL', 'PRIMARY', 'M', 'NONE'],
      PixelSpacing: [MR.spacingMm, MR.spacingMm],
      ImageOrientationPatient: [1, 0, 0, 0, 1, 0],
      ImagePositionPatient: [-204.4, -204.4, z],
      SliceLocation: z,
      SliceThickness: step,
      SpacingBetweenSlices: step,
      SamplesPerPixel: 1,
      PhotometricInterpretation: 'MONOCHROME2',
      Rows: MR.rows,
      Columns: MR.columns,
      BitsAllocated: 16,
      BitsStored: 12,
      HighBit: 11,
      PixelRepresentation: 0,
      WindowCenter: 1400,
      WindowWidth: 2800,
      PixelData: [bufferOf(slicePixels(i, slices, noise))],
      _vrMap: { PixelData: 'OW' },
    };
    const file = `${dir}mr-${String(i + 1).padStart(slices > 999 ? 4 : 3, '0')}.dcm`;
    const data = writePart10(ds, TS.EXPLICIT_LE);
    writeFileSync(file, data);
    files.push(file);
    bytes += data.length;
  }
  return { files, bytes };
}
