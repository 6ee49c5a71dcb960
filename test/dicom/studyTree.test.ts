import { describe, it, expect } from 'vitest';
import { groupIntoStudyTree, type GroupableInstance } from '../../src/dicom/studyTree';

function instance(key: string, meta: Partial<GroupableInstance['meta']>): GroupableInstance {
  return { key, fileName: `${key}.dcm`, meta: { numberOfFrames: 1, ...meta } };
}

describe('grouping opened files into patient → study → series', () => {
  const axial = [1, 0, 0, 0, 1, 0];
  const files = [
    instance('mr3', { patientId: 'P1', studyInstanceUid: 'S-MR', seriesInstanceUid: 'MR-AX', seriesNumber: 1, modality: 'MR', imageOrientationPatient: axial, imagePositionPatient: [0, 0, 20], instanceNumber: 1 }),
    instance('mr1', { patientId: 'P1', studyInstanceUid: 'S-MR', seriesInstanceUid: 'MR-AX', seriesNumber: 1, modality: 'MR', imageOrientationPatient: axial, imagePositionPatient: [0, 0, -20], instanceNumber: 3 }),
    instance('mr2', { patientId: 'P1', studyInstanceUid: 'S-MR', seriesInstanceUid: 'MR-AX', seriesNumber: 1, modality: 'MR', imageOrientationPatient: axial, imagePositionPatient: [0, 0, 0], instanceNumber: 2 }),
    instance('usL', { patientId: 'P1', studyInstanceUid: 'S-US', seriesInstanceUid: 'US-L', seriesNumber: 2, modality: 'US', imageLaterality: 'L' }),
    instance('usR', { patientId: 'P1', studyInstanceUid: 'S-US', seriesInstanceUid: 'US-R', seriesNumber: 1, modality: 'US', laterality: 'R ' }),
    instance('cine', { patientId: 'P1', studyInstanceUid: 'S-US', seriesInstanceUid: 'US-CINE', seriesNumber: 3, modality: 'US', numberOfFrames: 24 }),
    instance('other', { patientId: 'P2', studyInstanceUid: 'S-X', seriesInstanceUid: 'X', modality: 'US' }),
  ];
  const tree = groupIntoStudyTree(files);

  it('separates patients and studies', () => {
    expect(tree.map((p) => p.patientId)).toEqual(['P1', 'P2']);
    expect(tree[0]!.studies.map((s) => s.studyInstanceUid)).toEqual(['S-MR', 'S-US']);
  });

  it('orders MR slices by position along the slice normal, not by file or instance number', () => {
    const mr = tree[0]!.studies[0]!.series[0]!;
    expect(mr.instances.map((i) => i.key)).toEqual(['mr1', 'mr2', 'mr3']);
  });

  it('orders series by series number and reads laterality from ImageLaterality or Laterality', () => {
    const us = tree[0]!.studies[1]!.series;
    expect(us.map((s) => s.seriesInstanceUid)).toEqual(['US-R', 'US-L', 'US-CINE']);
    expect(us.map((s) => s.laterality)).toEqual(['R', 'L', '']);
  });

  it('counts frames of multi-frame files', () => {
    expect(tree[0]!.studies[1]!.series[2]!.frameCount).toBe(24);
  });

  it('a series mixing sides has no single laterality', () => {
    const mixed = groupIntoStudyTree([
      instance('a', { seriesInstanceUid: 'S', imageLaterality: 'L' }),
      instance('b', { seriesInstanceUid: 'S', imageLaterality: 'R' }),
    ]);
    expect(mixed[0]!.studies[0]!.series[0]!.laterality).toBe('');
  });
});
