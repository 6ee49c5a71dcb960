import { describe, it, expect } from 'vitest';
import { formatTable, printable } from '../../src/cli/table';

describe('untrusted DICOM strings in terminal output', () => {
  it('control characters and ANSI escapes are shown as "?"', () => {
    expect(printable('MR\u001b[2J\u0007')).toBe('MR?[2J?');
    expect(formatTable(['A'], [['x\ny']])).toBe('A\nx?y');
  });
});
