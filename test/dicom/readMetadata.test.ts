import { describe, expect, it } from 'vitest';
import { calibrationInputFromMetadata, readDicomMetadata, type DicomImageMetadata } from '../../src/dicom/index.ts';
import { resolveCalibration } from '../../src/domain/calibration/index.ts';
import { MR_SOP_CLASS, TS, makeDicom, withoutMetaHeader } from '../helpers/makeDicom.ts';

function read(bytes: Uint8Array, name?: string): DicomImageMetadata {
  const r = readDicomMetadata(bytes, name);
  if (!r.ok) throw new Error(`expected ok, got: ${r.error}`);
  return r.value;
}

const usRegion = {
  RegionSpatialFormat: 1,
  RegionDataType: 1,
  RegionFlags: 0,
  RegionLocationMinX0: 10,
  RegionLocationMinY0: 20,
  RegionLocationMaxX1: 310,
  RegionLocationMaxY1: 220,
  PhysicalUnitsXDirection: 3,
  PhysicalUnitsYDirection: 3,
  PhysicalDeltaX: 0.0125,
  PhysicalDeltaY: 0.015,
};

describe('readDicomMetadata: encodings', () => {
  for (const [label, ts] of [
    ['explicit VR little endian', TS.explicitLE],
    ['implicit VR little endian', TS.implicitLE],
    ['deflated explicit VR little endian', TS.deflate],
  ] as const) {
    it(`reads ${label}`, () => {
      const meta = read(
        makeDicom({
          transferSyntaxUid: ts,
          attributes: { Rows: 8, Columns: 6, Modality: 'US', SeriesNumber: '3', InstanceNumber: '12', BodyPartExamined: 'ARM' },
        }),
        'x.dcm',
      );
      expect(meta.fileName).toBe('x.dcm');
      expect(meta.transferSyntaxUid).toBe(ts);
      expect(meta.hasFileMetaHeader).toBe(true);
      expect(meta.modality).toBe('US');
      expect(meta.rows).toBe(8);
      expect(meta.columns).toBe(6);
      expect(meta.numberOfFrames).toBe(1);
      expect(meta.samplesPerPixel).toBe(1);
      expect(meta.bitsAllocated).toBe(8);
      expect(meta.bitsStored).toBe(8);
      expect(meta.pixelRepresentation).toBe(0);
      expect(meta.photometricInterpretation).toBe('MONOCHROME2');
      expect(meta.seriesNumber).toBe(3);
      expect(meta.instanceNumber).toBe(12);
      expect(meta.bodyPartExamined).toBe('ARM');
      expect(meta.patientName).toBe('Test^Patient');
      expect(meta.patientId).toBe('NT-0001');
      expect(meta.pixelDataPresent).toBe(true);
      expect(meta.pixelDataLength).toBe(48);
      expect(meta.encapsulated).toBe(false);
    });
  }

  it('reads a raw data set without preamble and meta header as implicit VR little endian', () => {
    const bytes = withoutMetaHeader(makeDicom({ transferSyntaxUid: TS.implicitLE, attributes: { PixelSpacing: [0.3, 0.4] } }));
    const meta = read(bytes);
    expect(meta.hasFileMetaHeader).toBe(false);
    expect(meta.transferSyntaxUid).toBe(TS.implicitLE);
    expect(meta.pixelSpacing).toEqual([0.3, 0.4]);
    expect(meta.warnings.join(' ')).toMatch(/no DICOM file meta header/);
  });

  it('detects a raw explicit VR data set by its VR letters', () => {
    const meta = read(withoutMetaHeader(makeDicom({ transferSyntaxUid: TS.explicitLE })));
    expect(meta.transferSyntaxUid).toBe(TS.explicitLE);
    expect(meta.rows).toBe(4);
  });

  it('accepts encapsulated (compressed) pixel data and flags it', () => {
    const meta = read(
      makeDicom({ transferSyntaxUid: TS.jpegBaseline, attributes: { NumberOfFrames: '2' }, pixelData: new Uint8Array(40) }),
    );
    expect(meta.encapsulated).toBe(true);
    expect(meta.fragmentCount).toBe(2);
    expect(meta.numberOfFrames).toBe(2);
    expect(meta.transferSyntaxName).toMatch(/JPEG Baseline/);
  });

  it('reads 16-bit pixel data and display attributes', () => {
    const meta = read(
      makeDicom({
        attributes: {
          BitsAllocated: 16,
          BitsStored: 12,
          HighBit: 11,
          PixelRepresentation: 1,
          WindowCenter: ['40', '400'],
          WindowWidth: ['350', '1500'],
          RescaleSlope: '2',
          RescaleIntercept: '-1024',
        },
      }),
    );
    expect(meta.bitsAllocated).toBe(16);
    expect(meta.bitsStored).toBe(12);
    expect(meta.pixelRepresentation).toBe(1);
    expect(meta.windowCenter).toBe(40);
    expect(meta.windowWidth).toBe(350);
    expect(meta.rescaleSlope).toBe(2);
    expect(meta.rescaleIntercept).toBe(-1024);
    expect(meta.pixelDataLength).toBe(32);
  });
});

describe('readDicomMetadata: calibration inputs', () => {
  it('keeps PixelSpacing in stored order [row, column]', () => {
    const meta = read(makeDicom({ attributes: { PixelSpacing: [0.5, 0.25], ImagerPixelSpacing: [0.6, 0.7] } }));
    expect(meta.pixelSpacing).toEqual([0.5, 0.25]);
    expect(meta.imagerPixelSpacing).toEqual([0.6, 0.7]);
    const cal = resolveCalibration(calibrationInputFromMetadata(meta));
    expect(cal.ok && cal.value).toMatchObject({ source: 'pixel-spacing', rowSpacingMm: 0.5, columnSpacingMm: 0.25 });
  });

  it('keeps a malformed PixelSpacing raw for the domain to judge', () => {
    const meta = read(makeDicom({ attributes: { PixelSpacing: ['0.5', 'abc'] } }));
    expect(meta.pixelSpacing?.[0]).toBe(0.5);
    expect(meta.pixelSpacing?.[1]).toBeNaN();
  });

  for (const ts of [TS.explicitLE, TS.implicitLE]) {
    it(`parses ultrasound regions with deltas in cm (${ts})`, () => {
      const doppler = { ...usRegion, RegionSpatialFormat: 3, RegionDataType: 3, RegionLocationMinY0: 230, RegionLocationMaxY1: 400, PhysicalUnitsXDirection: 4, PhysicalUnitsYDirection: 7, PhysicalDeltaX: 0.01, PhysicalDeltaY: 2.5 };
      const meta = read(makeDicom({ transferSyntaxUid: ts, attributes: { SequenceOfUltrasoundRegions: [usRegion, doppler] } }));
      expect(meta.ultrasoundRegions).toHaveLength(2);
      expect(meta.ultrasoundRegions[0]).toEqual({
        regionSpatialFormat: 1,
        regionDataType: 1,
        minX0: 10,
        minY0: 20,
        maxX1: 310,
        maxY1: 220,
        physicalUnitsXDirection: 3,
        physicalUnitsYDirection: 3,
        physicalDeltaX: 0.0125,
        physicalDeltaY: 0.015,
      });
      expect(meta.ultrasoundRegions[1]).toMatchObject({ regionSpatialFormat: 3, physicalUnitsYDirection: 7, physicalDeltaY: 2.5 });
      // cm/px → mm: deltaY (rows) 0.015 cm = 0.15 mm; deltaX (columns) 0.0125 cm = 0.125 mm
      const cal = resolveCalibration(calibrationInputFromMetadata(meta));
      expect(cal.ok).toBe(true);
      if (cal.ok) {
        expect(cal.value.source).toBe('us-region');
        expect(cal.value.rowSpacingMm).toBeCloseTo(0.15, 12);
        expect(cal.value.columnSpacingMm).toBeCloseTo(0.125, 12);
      }
    });
  }

  it('skips (with a warning) an ultrasound region item without deltas', () => {
    const { PhysicalDeltaX: _x, PhysicalDeltaY: _y, ...noDeltas } = usRegion;
    const meta = read(makeDicom({ attributes: { SequenceOfUltrasoundRegions: [noDeltas, usRegion] } }));
    expect(meta.ultrasoundRegions).toHaveLength(1);
    expect(meta.warnings.some((w) => /region 0 was ignored/.test(w))).toBe(true);
  });

  it('gives undefined pixelSpacing (not null) to the domain when absent', () => {
    const input = calibrationInputFromMetadata(read(makeDicom()));
    expect(input).toEqual({ pixelSpacing: undefined, ultrasoundRegions: [] });
  });
});

describe('readDicomMetadata: side and geometry', () => {
  it('reads ImageLaterality and Laterality', () => {
    const meta = read(makeDicom({ attributes: { ImageLaterality: 'L', Laterality: 'R' } }));
    expect(meta.imageLaterality).toBe('L');
    expect(meta.laterality).toBe('R');
    expect(meta.frameLaterality).toBeNull();
  });

  it('reads FrameLaterality, pixel measures and plane geometry from enhanced functional groups', () => {
    const meta = read(
      makeDicom({
        attributes: {
          SOPClassUID: '1.2.840.10008.5.1.4.1.1.4.1',
          Modality: 'MR',
          NumberOfFrames: '2',
          SharedFunctionalGroupsSequence: [
            {
              FrameAnatomySequence: [{ FrameLaterality: 'R', AnatomicRegionSequence: [] }],
              PixelMeasuresSequence: [{ PixelSpacing: [0.4, 0.45], SliceThickness: '3' }],
              PlaneOrientationSequence: [{ ImageOrientationPatient: [1, 0, 0, 0, 1, 0] }],
            },
          ],
          PerFrameFunctionalGroupsSequence: [
            { PlanePositionSequence: [{ ImagePositionPatient: [-100, -80, 10] }] },
            { PlanePositionSequence: [{ ImagePositionPatient: [-100, -80, 13] }] },
          ],
        },
      }),
    );
    expect(meta.frameLaterality).toBe('R');
    expect(meta.pixelSpacing).toEqual([0.4, 0.45]);
    expect(meta.sliceThickness).toBe(3);
    expect(meta.imageOrientationPatient).toEqual([1, 0, 0, 0, 1, 0]);
    expect(meta.imagePositionPatient).toEqual([-100, -80, 10]);
    expect(meta.framePositionsPatient).toEqual([
      [-100, -80, 10],
      [-100, -80, 13],
    ]);
  });

  it('reads MR slice geometry', () => {
    const meta = read(
      makeDicom({
        transferSyntaxUid: TS.implicitLE,
        attributes: {
          SOPClassUID: MR_SOP_CLASS,
          Modality: 'MR',
          FrameOfReferenceUID: '1.2.3.9',
          ImageOrientationPatient: [1, 0, 0, 0, 0, -1],
          ImagePositionPatient: [-120.5, 30, 88],
          SliceThickness: '4',
          SliceLocation: '-12.5',
          SeriesDescription: 'T2 FS axial',
          StudyDescription: 'Wrist MRI',
        },
      }),
    );
    expect(meta.imageOrientationPatient).toEqual([1, 0, 0, 0, 0, -1]);
    expect(meta.imagePositionPatient).toEqual([-120.5, 30, 88]);
    expect(meta.framePositionsPatient).toBeNull();
    expect(meta.sliceThickness).toBe(4);
    expect(meta.sliceLocation).toBe(-12.5);
    expect(meta.frameOfReferenceUid).toBe('1.2.3.9');
    expect(meta.seriesDescription).toBe('T2 FS axial');
    expect(meta.studyDescription).toBe('Wrist MRI');
  });
});

describe('readDicomMetadata: multi-frame timing', () => {
  it('reads frame count, frame time, cine rate and recommended frame rate', () => {
    const meta = read(
      makeDicom({
        attributes: {
          NumberOfFrames: '5',
          FrameTime: '33.3',
          CineRate: '30',
          RecommendedDisplayFrameRate: '25',
          FrameIncrementPointer: 0x00181063,
        },
      }),
    );
    expect(meta.numberOfFrames).toBe(5);
    expect(meta.frameTimeMs).toBeCloseTo(33.3, 10);
    expect(meta.cineRate).toBe(30);
    expect(meta.recommendedDisplayFrameRate).toBe(25);
    expect(meta.pixelDataLength).toBe(5 * 16);
  });

  it('reads a frame time vector', () => {
    const meta = read(makeDicom({ attributes: { NumberOfFrames: '3', FrameTimeVector: ['0', '40', '45'] } }));
    expect(meta.frameTimeVector).toEqual([0, 40, 45]);
    expect(meta.frameTimeMs).toBeNull();
  });

  it('defaults numberOfFrames to 1', () => {
    expect(read(makeDicom()).numberOfFrames).toBe(1);
  });
});
