/** Small DICOM files on disk for CLI tests (written once per test file into a temp directory). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MR_SOP_CLASS, TS, makeDicom } from '../helpers/makeDicom.ts';

export interface Fixtures {
  readonly dir: string;
  /** 120×100 US, one region 0.01 cm/px (0.1 mm), ImageLaterality R. */
  readonly us: string;
  /** 200×100 US with two side-by-side regions of different scale, no laterality. */
  readonly usDual: string;
  /** 64×64 MR slice, PixelSpacing 0.5\0.25 (anisotropic), oriented axial, left of midline. */
  readonly mr: string;
  /** 3-frame enhanced-style MR with per-frame positions; FrameLaterality L. */
  readonly mrMultiFrame: string;
  /** 20×20, no calibration at all. */
  readonly uncalibrated: string;
  readonly text: string;
  readonly noPixels: string;
  readonly truncated: string;
}

const region = (minX0: number, maxX1: number, delta: number) => ({
  RegionSpatialFormat: 1,
  RegionDataType: 1,
  RegionLocationMinX0: minX0,
  RegionLocationMinY0: 0,
  RegionLocationMaxX1: maxX1,
  RegionLocationMaxY1: 99,
  PhysicalUnitsXDirection: 3,
  PhysicalUnitsYDirection: 3,
  PhysicalDeltaX: delta,
  PhysicalDeltaY: delta,
});

export function writeFixtures(): Fixtures {
  const dir = mkdtempSync(join(tmpdir(), 'nervetrace-cli-'));
  const put = (name: string, bytes: Uint8Array | string): string => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  };
  const us = put(
    'us.dcm',
    makeDicom({ attributes: { Rows: 100, Columns: 120, ImageLaterality: 'R', SequenceOfUltrasoundRegions: [region(0, 119, 0.01)] } }),
  );
  const usDual = put(
    'us-dual.dcm',
    makeDicom({ attributes: { Rows: 100, Columns: 200, SequenceOfUltrasoundRegions: [region(0, 99, 0.01), region(100, 199, 0.02)] } }),
  );
  const mr = put(
    'mr.dcm',
    makeDicom({
      transferSyntaxUid: TS.implicitLE,
      attributes: {
        SOPClassUID: MR_SOP_CLASS,
        Modality: 'MR',
        Rows: 64,
        Columns: 64,
        PixelSpacing: [0.5, 0.25],
        ImageOrientationPatient: [1, 0, 0, 0, 1, 0],
        ImagePositionPatient: [20, -50, 0],
      },
    }),
  );
  const mrMultiFrame = put(
    'mr-mf.dcm',
    makeDicom({
      attributes: {
        SOPClassUID: '1.2.840.10008.5.1.4.1.1.4.1',
        Modality: 'MR',
        Rows: 32,
        Columns: 32,
        NumberOfFrames: '3',
        SharedFunctionalGroupsSequence: [
          {
            FrameAnatomySequence: [{ FrameLaterality: 'L' }],
            PixelMeasuresSequence: [{ PixelSpacing: [0.5, 0.5], SliceThickness: '3' }],
            PlaneOrientationSequence: [{ ImageOrientationPatient: [1, 0, 0, 0, 1, 0] }],
          },
        ],
        PerFrameFunctionalGroupsSequence: [0, 1, 2].map((i) => ({
          PlanePositionSequence: [{ ImagePositionPatient: [-100, -80, 3 * i] }],
        })),
      },
    }),
  );
  const uncalibrated = put('plain.dcm', makeDicom({ attributes: { Rows: 20, Columns: 20 } }));
  const text = put('notes.txt', 'These are not the images you are looking for.\n'.repeat(5));
  const noPixels = put('no-pixels.dcm', makeDicom({ pixelData: null }));
  const full = makeDicom({ attributes: { Rows: 32, Columns: 32 } });
  const truncated = put('truncated.dcm', full.slice(0, full.length - 100));
  return { dir, us, usDual, mr, mrMultiFrame, uncalibrated, text, noPixels, truncated };
}
