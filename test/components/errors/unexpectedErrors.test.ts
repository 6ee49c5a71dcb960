import { afterEach, describe, expect, it } from 'vitest';
import { describeError, dismissUnexpectedErrors, reportUnexpectedError, unexpectedErrors } from '../../../src/components/errors/unexpectedErrors';

afterEach(() => dismissUnexpectedErrors());

describe('errors nobody caught', () => {
  it('are described in one line whatever was thrown', () => {
    expect(describeError(new TypeError('x is undefined'))).toBe('x is undefined');
    expect(describeError('plain text')).toBe('plain text');
    expect(describeError({ code: 7 })).toBe('{"code":7}');
    expect(describeError(undefined)).toBe('undefined');
  });

  it('a repeat raises the count instead of adding a line', () => {
    reportUnexpectedError(new Error('boom'));
    reportUnexpectedError(new Error('boom'));
    expect(unexpectedErrors).toEqual([{ message: 'boom', count: 2 }]);
  });

  it('keeps only the three latest distinct messages, and dismissing clears them', () => {
    for (const m of ['a', 'b', 'c', 'd']) reportUnexpectedError(m);
    expect(unexpectedErrors.map((e) => e.message)).toEqual(['b', 'c', 'd']);
    dismissUnexpectedErrors();
    expect(unexpectedErrors).toHaveLength(0);
  });

  it('a very long message is cut to 300 characters', () => {
    reportUnexpectedError('x'.repeat(1000));
    expect(unexpectedErrors[0]!.message).toHaveLength(300);
  });
});
