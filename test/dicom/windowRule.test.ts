import { describe, expect, it } from 'vitest';
import { isUsableWindow } from '../../src/dicom/windowRule';

describe("the file's window is used only when Window Width > 0 (PS3.3 C.11.2.1.2)", () => {
  it('a positive width with a centre is used', () => {
    expect(isUsableWindow({ windowCenter: 1000, windowWidth: 2000 })).toBe(true);
    expect(isUsableWindow({ windowCenter: [40, 50], windowWidth: [400, 350] })).toBe(true);
  });
  it.each([
    ['width 0 (Siemens localizer)', 0],
    ['negative width', -10],
    ['NaN width', Number.NaN],
    ['infinite width', Number.POSITIVE_INFINITY],
    ['no width', null],
  ])('%s is not a window', (_name, width) => {
    expect(isUsableWindow({ windowCenter: 0, windowWidth: width })).toBe(false);
  });
  it('a missing centre is not a window', () => {
    expect(isUsableWindow({ windowCenter: undefined, windowWidth: 100 })).toBe(false);
  });
});
