import { describe, expect, it } from 'vitest';
import { csvField, formulaSafe, toCsv } from '../../../src/domain/export';

describe('CSV (RFC 4180, formula-injection safe)', () => {
  it('quotes fields holding commas, quotes or line breaks, doubling inner quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('')).toBe('');
  });

  it('ends every line, the last included, with CRLF', () => {
    expect(toCsv(['a', 'b'], [['1', '2'], ['3', '4']])).toBe('a,b\r\n1,2\r\n3,4\r\n');
  });

  it('prefixes cells a spreadsheet would run as a formula (= + - @ tab CR) with an apostrophe', () => {
    expect(formulaSafe('=HYPERLINK("http://x","click")')).toBe('\'=HYPERLINK("http://x","click")');
    expect(formulaSafe('+1+1')).toBe("'+1+1");
    expect(formulaSafe('-2+3+cmd|/C calc!A0')).toBe("'-2+3+cmd|/C calc!A0");
    expect(formulaSafe('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(formulaSafe('\t=1')).toBe("'\t=1");
    expect(csvField('=1,2')).toBe('"\'=1,2"');
  });

  it('issue 21: leading whitespace (space, line feed, ideographic space) and full-width ＝ ＋ － ＠ are neutralised too', () => {
    expect(formulaSafe(' =1+2')).toBe("' =1+2");
    expect(formulaSafe('\n=1+2')).toBe("'\n=1+2");
    expect(csvField('\n=1+2')).toBe('"\'\n=1+2"');
    expect(formulaSafe('\u3000=1')).toBe("'\u3000=1");
    for (const c of ['＝', '＋', '－', '＠']) expect(formulaSafe(`${c}SUM(A1)`)).toBe(`'${c}SUM(A1)`);
    expect(formulaSafe('Sciatic R')).toBe('Sciatic R');
  });

  it('leaves plain numbers, negative ones included, as numbers', () => {
    expect(formulaSafe('-12.5')).toBe('-12.5');
    expect(formulaSafe('+3')).toBe('+3');
    expect(formulaSafe('1e-5')).toBe('1e-5');
  });
});
