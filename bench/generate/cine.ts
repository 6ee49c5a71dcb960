/**
 * Ultrasound cine: 100 frames, 800 × 600, RGB, JPEG baseline (one fragment per frame, basic
 * offset table), FrameTime 33.3 ms (30 fps). Frames are rendered here (speckle that drifts with
 * the probe, a nerve that moves, a coloured scale bar) and written natively with dcmjs, then
 * encoded by dcmtk's dcmcjpeg (+eb: baseline, YBR_FULL_422, one fragment per frame, offset table).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import dicomParser from 'dicom-parser';
import { BENCH_PATIENT, SOP, TS, benchUid, bufferOf, rng, writePart10 } from './dicom.ts';

export const CINE = { frames: 100, columns: 800, rows: 600, frameTimeMs: 33.3 } as const;

const DRIFT_PX = 2; // speckle moves 2 px per frame (probe motion)

/** Smoothed speckle texture, wide enough for the drift over all frames. */
function speckle(width: number, height: number): Float32Array {
  const random = rng(7);
  const raw = new Float32Array(width * height);
  for (let i = 0; i < raw.length; i++) raw[i] = Math.sqrt(-2 * Math.log(1 - random())); // Rayleigh
  // Speckle is elongated laterally: box blur 5 × 2.
  const out = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    const y2 = Math.min(height - 1, y + 1);
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let dx = -2; dx <= 2; dx++) {
        const xx = Math.min(width - 1, Math.max(0, x + dx));
        sum += raw[y * width + xx]! + raw[y2 * width + xx]!;
      }
      out[y * width + x] = sum / 10;
    }
  }
  return out;
}

function renderFrames(): Uint8Array {
  const { frames, columns: w, rows: h } = CINE;
  const texWidth = w + DRIFT_PX * frames;
  const tex = speckle(texWidth, h);
  const pixels = new Uint8Array(frames * w * h * 3);
  const x0 = 100, x1 = 700, y0 = 60, y1 = 560; // the imaging region (linear probe)
  for (let f = 0; f < frames; f++) {
    const base = f * w * h * 3;
    const phase = (2 * Math.PI * f) / frames;
    const ncx = 400 + 60 * Math.sin(phase);
    const ncy = 300 + 20 * Math.cos(phase);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const o = base + (y * w + x) * 3;
        if (x >= x0 && x < x1 && y >= y0 && y < y1) {
          const depth = (y - y0) / (y1 - y0);
          let v = tex[y * texWidth + x + f * DRIFT_PX]! * 70 * (1 - 0.55 * depth);
          // Nerve: hyperechoic rim, hypoechoic fascicles inside.
          const dx = (x - ncx) / 45, dy = (y - ncy) / 28;
          const r = Math.sqrt(dx * dx + dy * dy);
          if (r < 1) v *= 0.45 + 0.35 * (Math.sin(x * 0.5) * Math.sin(y * 0.6) > 0.3 ? 1 : 0);
          else if (r < 1.25) v = v * 1.6 + 40;
          const g = Math.min(255, Math.max(0, v));
          pixels[o] = pixels[o + 1] = pixels[o + 2] = g;
        } else if (x >= 740 && x < 760 && y >= y0 && y < y1) {
          // Colour scale bar (so the file carries real colour).
          const t = (y - y0) / (y1 - y0);
          pixels[o] = 255 * (1 - t);
          pixels[o + 1] = 140;
          pixels[o + 2] = 255 * t;
        } else if (y >= 20 && y < 36 && x >= 100 && x < 100 + 6 * (f + 1)) {
          // A frame-counter bar burned in at the top: every frame differs visibly.
          pixels[o] = pixels[o + 1] = pixels[o + 2] = 200;
        }
      }
    }
  }
  return pixels;
}

function nativeDataset(pixels: Uint8Array): Record<string, unknown> {
  const { frames, columns, rows, frameTimeMs } = CINE;
  return {
    ...BENCH_PATIENT,
    SOPClassUID: SOP.US_MULTIFRAME,
    SOPInstanceUID: benchUid(1, 1, 1),
    StudyInstanceUID: benchUid(1),
    SeriesInstanceUID: benchUid(1, 1),
    StudyDate: '20250401',
    StudyTime: '100000',
    StudyID: 'BENCHUS',
    AccessionNumber: 'BENCHUS1',
    StudyDescription: 'Benchmark ultrasound cine',
    Modality: 'US',
    SeriesNumber: 1,
    SeriesDescription: 'US cine 100 frames 800x600 JPEG',
    InstanceNumber: 1,
    ImageLaterality: 'L',
    BodyPartExamined: 'THIGH',
    ImageType: ['ORIGINAL', 'PRIMARY', 'MUSCULOSKELETAL', '0001'],
    SamplesPerPixel: 3,
    PhotometricInterpretation: 'RGB',
    PlanarConfiguration: 0,
    Rows: rows,
    Columns: columns,
    BitsAllocated: 8,
    BitsStored: 8,
    HighBit: 7,
    PixelRepresentation: 0,
    NumberOfFrames: frames,
    FrameIncrementPointer: 0x00181063,
    FrameTime: frameTimeMs,
    CineRate: 30,
    RecommendedDisplayFrameRate: 30,
    SequenceOfUltrasoundRegions: [
      {
        RegionSpatialFormat: 1,
        RegionDataType: 1,
        RegionFlags: 0,
        RegionLocationMinX0: 100,
        RegionLocationMinY0: 60,
        RegionLocationMaxX1: 699,
        RegionLocationMaxY1: 559,
        ReferencePixelX0: 300,
        ReferencePixelY0: 0,
        PhysicalUnitsXDirection: 3,
        PhysicalUnitsYDirection: 3,
        ReferencePixelPhysicalValueX: 0,
        ReferencePixelPhysicalValueY: 0,
        PhysicalDeltaX: 0.008,
        PhysicalDeltaY: 0.008,
      },
    ],
    PixelData: [bufferOf(pixels)],
    _vrMap: { PixelData: 'OB' },
  };
}

/** Checks the encoding the benchmark relies on: baseline JPEG, one fragment per frame, offset table. */
function verify(bytes: Uint8Array): void {
  const ds = dicomParser.parseDicom(bytes);
  if (ds.string('x00020010') !== TS.JPEG_BASELINE) throw new Error(`cine: transfer syntax ${ds.string('x00020010')}`);
  const pixel = ds.elements.x7fe00010;
  const fragments = pixel?.fragments ?? [];
  if (fragments.length !== CINE.frames) throw new Error(`cine: ${fragments.length} fragments, expected ${CINE.frames}`);
  if ((pixel?.basicOffsetTable ?? []).length !== CINE.frames) throw new Error('cine: basic offset table missing');
  const first = fragments[0]!;
  const jpeg = bytes.subarray(first.position, first.position + first.length);
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('cine: fragment is not a JPEG stream');
  // Baseline DCT: an SOF0 marker (FFC0) and no other SOF.
  let sof0 = false;
  for (let i = 2; i + 1 < jpeg.length; i++) {
    if (jpeg[i] !== 0xff) continue;
    const m = jpeg[i + 1]!;
    if (m === 0xc0) sof0 = true;
    else if (m >= 0xc1 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc) throw new Error(`cine: SOF marker ${m.toString(16)} is not baseline`);
    if (m === 0xda) break; // start of scan
    i += 1 + ((jpeg[i + 2]! << 8) | jpeg[i + 3]!);
    i -= 1;
  }
  if (!sof0) throw new Error('cine: no baseline SOF0 marker');
}

export function writeCine(path: string): { bytes: number } {
  mkdirSync(dirname(path), { recursive: true });
  const native = `${path}.native.dcm`;
  writeFileSync(native, writePart10(nativeDataset(renderFrames()), TS.EXPLICIT_LE));
  const run = spawnSync('dcmcjpeg', ['+eb', '+q', '90', native, path], { encoding: 'utf8' });
  rmSync(native, { force: true });
  if (run.error || run.status !== 0) {
    throw new Error(`dcmcjpeg failed (install dcmtk: apt-get install -y dcmtk): ${run.error?.message ?? run.stderr}`);
  }
  const bytes = readFileSync(path);
  verify(bytes);
  return { bytes: bytes.length };
}
