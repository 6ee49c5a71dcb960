import { describe, it, expect } from 'vitest';
import { sideFromLaterality } from '../../../src/domain/side';

describe('side from DICOM laterality attributes', () => {
  it('ImageLaterality wins over Laterality and FrameLaterality', () => {
    expect(sideFromLaterality({ imageLaterality: 'L', laterality: 'R', frameLaterality: 'R' })).toEqual({
      side: 'L',
      source: 'ImageLaterality',
    });
  });

  it('Laterality is used when ImageLaterality is absent, and wins over FrameLaterality', () => {
    expect(sideFromLaterality({ laterality: 'R', frameLaterality: 'L' })).toEqual({ side: 'R', source: 'Laterality' });
  });

  it('FrameLaterality is the last resort', () => {
    expect(sideFromLaterality({ frameLaterality: 'L' })).toEqual({ side: 'L', source: 'FrameLaterality' });
  });

  it('values are trimmed and upper-cased', () => {
    expect(sideFromLaterality({ imageLaterality: ' r ' })).toEqual({ side: 'R', source: 'ImageLaterality' });
    expect(sideFromLaterality({ laterality: 'l' })).toEqual({ side: 'L', source: 'Laterality' });
  });

  it("blank and 'U' (unpaired) say nothing, so the next attribute is read", () => {
    expect(sideFromLaterality({ imageLaterality: '  ', laterality: 'L' })).toEqual({ side: 'L', source: 'Laterality' });
    expect(sideFromLaterality({ imageLaterality: 'U', frameLaterality: 'R' })).toEqual({ side: 'R', source: 'FrameLaterality' });
    expect(sideFromLaterality({ imageLaterality: 'X', laterality: 'R' })).toEqual({ side: 'R', source: 'Laterality' });
  });

  it("'B' (both sides in the image) is not a side and stops the search rather than trusting a lower-priority contradiction", () => {
    expect(sideFromLaterality({ imageLaterality: 'B', laterality: 'L' })).toBeNull();
    expect(sideFromLaterality({ laterality: 'b' })).toBeNull();
  });

  it('nothing usable → null', () => {
    expect(sideFromLaterality({})).toBeNull();
    expect(sideFromLaterality({ imageLaterality: 'U', laterality: '', frameLaterality: 'U' })).toBeNull();
  });
});
