/**
 * Naturalised dcmjs datasets for the ultrasound and MR instances.
 */
import { type Dataset, type SeriesInfo, SOP, bufferOf, commonAttributes, instanceUid, seriesTime, seriesUid } from './dicom.ts';
import type { Side } from './manifest.ts';
import type { RegionBox } from './ultrasound.ts';

/** One item of the Sequence of Ultrasound Regions; deltas in cm (PhysicalUnits 3). */
export interface UsRegionSpec {
  readonly box: RegionBox;
  readonly deltaXCm: number;
  readonly deltaYCm: number;
  /** 1 = tissue, 2 = colour flow. */
  readonly dataType: number;
}

export interface UsImageSpec {
  readonly series: SeriesInfo;
  readonly instanceNumber: number;
  readonly rows: number;
  readonly columns: number;
  /** Interleaved RGB when samplesPerPixel = 3. */
  readonly samplesPerPixel: 1 | 3;
  /** One buffer with all frames concatenated. */
  readonly pixels: Uint8Array;
  readonly frames: number;
  readonly frameTimeMs?: number;
  readonly regions: readonly UsRegionSpec[];
  readonly side: Side;
  /**
   * Where the side is recorded. General Series Laterality (0020,0060) is Type 2C and must not be
   * sent together with Image Laterality (0020,0062), so each file carries exactly one of them.
   */
  readonly lateralityAttribute: 'ImageLaterality' | 'Laterality';
  readonly bodyPart: 'THIGH' | 'BUTTOCK' | 'KNEE';
  /** US Image Type value 4 (hex bit map: 0001 = 2D, 0010 = colour Doppler). */
  readonly modeBits: string;
  readonly comments: string;
}

export function usDataset(s: UsImageSpec): Dataset {
  const multi = s.frames > 1;
  const time = seriesTime(s.series);
  const ds: Dataset = {
    ...commonAttributes(s.series.study),
    SOPClassUID: multi ? SOP.US_MULTIFRAME : SOP.US,
    SOPInstanceUID: instanceUid(s.series, s.instanceNumber),
    Modality: 'US',
    SeriesInstanceUID: seriesUid(s.series),
    SeriesNumber: s.series.seriesNumber,
    SeriesDescription: s.series.description,
    SeriesDate: s.series.study.StudyDate,
    SeriesTime: time,
    BodyPartExamined: s.bodyPart,
    InstanceNumber: s.instanceNumber,
    ContentDate: s.series.study.StudyDate,
    ContentTime: time,
    AcquisitionDateTime: `${s.series.study.StudyDate}${time}`,
    ImageType: ['ORIGINAL', 'PRIMARY', 'MUSCULOSKELETAL', s.modeBits],
    PatientOrientation: '',
    [s.lateralityAttribute]: s.side,
    ImageComments: s.comments,
    BurnedInAnnotation: 'NO',
    LossyImageCompression: '00',
    TransducerData: ['L15-4 linear', '', ''],
    TransducerType: 'LINEAR',
    SamplesPerPixel: s.samplesPerPixel,
    PhotometricInterpretation: s.samplesPerPixel === 3 ? 'RGB' : 'MONOCHROME2',
    Rows: s.rows,
    Columns: s.columns,
    BitsAllocated: 8,
    BitsStored: 8,
    HighBit: 7,
    PixelRepresentation: 0,
    PixelData: [bufferOf(s.pixels)],
    _vrMap: { PixelData: 'OB' },
  };
  if (s.samplesPerPixel === 3) {
    ds.PlanarConfiguration = 0;
    ds.UltrasoundColorDataPresent = 1;
  }
  if (multi) {
    const ft = s.frameTimeMs ?? 40;
    ds.NumberOfFrames = s.frames;
    ds.FrameIncrementPointer = 0x00181063; // Frame Time
    ds.FrameTime = ft;
    ds.CineRate = Math.round(1000 / ft);
    ds.RecommendedDisplayFrameRate = Math.round(1000 / ft);
    ds.ActualFrameDuration = ft;
    ds.StartTrim = 1;
    ds.StopTrim = s.frames;
  }
  if (s.regions.length > 0) {
    ds.SequenceOfUltrasoundRegions = s.regions.map((r) => ({
      RegionSpatialFormat: 1,
      RegionDataType: r.dataType,
      RegionFlags: 0,
      RegionLocationMinX0: r.box.x0,
      RegionLocationMinY0: r.box.y0,
      RegionLocationMaxX1: r.box.x1,
      RegionLocationMaxY1: r.box.y1,
      ReferencePixelX0: Math.round((r.box.x1 - r.box.x0) / 2),
      ReferencePixelY0: 0,
      PhysicalUnitsXDirection: 3,
      PhysicalUnitsYDirection: 3,
      ReferencePixelPhysicalValueX: 0,
      ReferencePixelPhysicalValueY: 0,
      PhysicalDeltaX: r.deltaXCm,
      PhysicalDeltaY: r.deltaYCm,
      TransducerFrequency: 12000,
    }));
  }
  return ds;
}

export interface MrSliceDatasetSpec {
  readonly series: SeriesInfo;
  readonly instanceNumber: number;
  readonly rows: number;
  readonly columns: number;
  /** Row spacing \ column spacing (mm), DICOM order. */
  readonly pixelSpacing: readonly [number, number];
  readonly imagePositionPatient: readonly [number, number, number];
  readonly sliceThicknessMm: number;
  readonly spacingBetweenSlicesMm: number;
  readonly frameOfReferenceUid: string;
  readonly pixels: Uint16Array;
  readonly windowCenter: number;
  readonly windowWidth: number;
}

export function mrDataset(s: MrSliceDatasetSpec): Dataset {
  const time = seriesTime(s.series);
  const acqTime = seriesTime(s.series, s.instanceNumber);
  return {
    ...commonAttributes(s.series.study),
    SOPClassUID: SOP.MR,
    SOPInstanceUID: instanceUid(s.series, s.instanceNumber),
    Modality: 'MR',
    SeriesInstanceUID: seriesUid(s.series),
    SeriesNumber: s.series.seriesNumber,
    SeriesDescription: s.series.description,
    SeriesDate: s.series.study.StudyDate,
    SeriesTime: time,
    ProtocolName: 'Neurography thighs STIR ax',
    BodyPartExamined: 'THIGH',
    PatientPosition: 'FFS',
    FrameOfReferenceUID: s.frameOfReferenceUid,
    PositionReferenceIndicator: '',
    InstanceNumber: s.instanceNumber,
    AcquisitionNumber: 1,
    ContentDate: s.series.study.StudyDate,
    ContentTime: acqTime,
    AcquisitionDate: s.series.study.StudyDate,
    AcquisitionTime: acqTime,
    ImageType: ['ORIGINAL', 'PRIMARY', 'M', 'NONE'],
    ImageLaterality: 'B',
    BurnedInAnnotation: 'NO',
    LossyImageCompression: '00',
    ImageComments: 'Synthetic STIR-like phantom; right sciatic nerve enlarged (tumour infiltration)',
    PixelSpacing: [...s.pixelSpacing],
    ImageOrientationPatient: [1, 0, 0, 0, 1, 0],
    ImagePositionPatient: [...s.imagePositionPatient],
    SliceThickness: s.sliceThicknessMm,
    SpacingBetweenSlices: s.spacingBetweenSlicesMm,
    SliceLocation: s.imagePositionPatient[2],
    ScanningSequence: ['SE', 'IR'],
    SequenceVariant: ['SK', 'SP', 'OSP'],
    ScanOptions: ['IR'],
    MRAcquisitionType: '2D',
    SequenceName: '*tir2d1_17',
    AngioFlag: 'N',
    RepetitionTime: 5000,
    EchoTime: 43,
    InversionTime: 210,
    EchoTrainLength: 17,
    NumberOfAverages: 1,
    ImagingFrequency: 123.25,
    ImagedNucleus: '1H',
    EchoNumbers: 1,
    MagneticFieldStrength: 3,
    PercentSampling: 80,
    PercentPhaseFieldOfView: 50,
    PixelBandwidth: 210,
    ReceiveCoilName: 'Body18',
    TransmitCoilName: 'Body',
    InPlanePhaseEncodingDirection: 'COL',
    FlipAngle: 150,
    SamplesPerPixel: 1,
    PhotometricInterpretation: 'MONOCHROME2',
    Rows: s.rows,
    Columns: s.columns,
    BitsAllocated: 16,
    BitsStored: 12,
    HighBit: 11,
    PixelRepresentation: 0,
    WindowCenter: s.windowCenter,
    WindowWidth: s.windowWidth,
    WindowCenterWidthExplanation: 'STIR',
    PixelData: [bufferOf(s.pixels)],
    _vrMap: { PixelData: 'OW' },
  };
}
