/** Issue 14: a file that repeats an image already open is named, never dropped without a word. */
import { describe, expect, it } from 'vitest';
import { duplicatesMessage } from '../../src/stores/studyStore';

describe('duplicates message', () => {
  it('names every skipped file and the reason', () => {
    expect(duplicatesMessage(['a.dcm', 'b.dcm'])).toBe(
      '2 files repeat images already open (same SOP Instance UID) and were skipped: a.dcm, b.dcm.',
    );
  });
  it('one file', () => {
    expect(duplicatesMessage(['a.dcm'])).toBe('1 file repeats an image already open (same SOP Instance UID) and was skipped: a.dcm.');
  });
  it('nothing to say when nothing was skipped', () => {
    expect(duplicatesMessage([])).toBe('');
  });
});
