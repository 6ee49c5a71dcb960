/**
 * Issue 21 — Specific Character Set is honoured for person names and descriptions: UTF-8, Latin-1,
 * the other single-byte sets, and ISO 2022 code extensions (the PS3.5 annex examples).
 */
import { describe, expect, it } from 'vitest';
import { readDicomMetadata } from '../../src/dicom/index.ts';
import { makeDicom } from '../helpers/makeDicom';

/** A file whose PatientName has exactly these bytes (written as a placeholder, then patched). */
function fileWithName(charset: string | undefined, nameBytes: number[], description?: number[]): Uint8Array {
  const padded = nameBytes.length % 2 ? [...nameBytes, 0x20] : nameBytes;
  const placeholder = 'Q'.repeat(padded.length);
  const descPadded = description ? (description.length % 2 ? [...description, 0x20] : description) : null;
  const descPlaceholder = descPadded ? 'Z'.repeat(descPadded.length) : undefined;
  const bytes = makeDicom({
    attributes: {
      ...(charset !== undefined ? { SpecificCharacterSet: charset } : {}),
      PatientName: placeholder,
      ...(descPlaceholder ? { SeriesDescription: descPlaceholder } : {}),
    },
  });
  const patch = (text: string, replacement: number[]) => {
    const target = new TextEncoder().encode(text);
    for (let i = 0; i + target.length <= bytes.length; i++) {
      if (target.every((b, k) => bytes[i + k] === b)) {
        bytes.set(replacement, i);
        return;
      }
    }
    throw new Error(`placeholder ${text} not found`);
  };
  patch(placeholder, padded);
  if (descPadded && descPlaceholder) patch(descPlaceholder, descPadded);
  return bytes;
}

const utf8 = (text: string) => [...new TextEncoder().encode(text)];
const latin1 = (text: string) => [...text].map((c) => c.charCodeAt(0));

function read(bytes: Uint8Array) {
  const parsed = readDicomMetadata(bytes, 'name.dcm');
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

describe('Specific Character Set', () => {
  it('ISO_IR 192 (UTF-8): Müller^Jürgen, not MÃ¼ller^JÃ¼rgen; descriptions too', () => {
    const meta = read(fileWithName('ISO_IR 192', utf8('Müller^Jürgen'), utf8('Nervus ischiadicus – Längsschnitt')));
    expect(meta.patientName).toBe('Müller^Jürgen');
    expect(meta.seriesDescription).toBe('Nervus ischiadicus – Längsschnitt');
  });

  it('ISO_IR 100 (Latin-1) and an undeclared set with high bytes (read as Latin-1)', () => {
    expect(read(fileWithName('ISO_IR 100', latin1('Müller^Jürgen'))).patientName).toBe('Müller^Jürgen');
    expect(read(fileWithName(undefined, latin1('Müller^Jürgen'))).patientName).toBe('Müller^Jürgen');
  });

  it('other single-byte sets: ISO_IR 144 (Cyrillic), ISO_IR 126 (Greek), ISO_IR 101 (Latin-2)', () => {
    expect(read(fileWithName('ISO_IR 144', [0xbb, 0xee, 0xda, 0xde, 0xd2, 0x5e, 0xb0, 0xdd, 0xd4, 0xe0, 0xd5, 0xd9])).patientName).toBe('Люков^Андрей');
    expect(read(fileWithName('ISO_IR 126', [0xc4, 0xe9, 0xef, 0xed, 0xf5, 0xf3, 0xe9, 0xef, 0xf2])).patientName).toBe('Διονυσιος');
    expect(read(fileWithName('ISO_IR 101', [0x4e, 0x6f, 0x76, 0xe1, 0x6b, 0x5e, 0x50, 0xf8, 0x65, 0x6d, 0x79, 0x73, 0x6c])).patientName).toBe('Novák^Přemysl');
  });

  it('ISO 2022 IR 87 (PS3.5 H.3.1): Yamada^Tarou=山田^太郎=やまだ^たろう', () => {
    const bytes = [
      0x59, 0x61, 0x6d, 0x61, 0x64, 0x61, 0x5e, 0x54, 0x61, 0x72, 0x6f, 0x75, 0x3d, 0x1b, 0x24, 0x42, 0x3b, 0x33, 0x45, 0x44, 0x1b, 0x28, 0x42, 0x5e, 0x1b, 0x24,
      0x42, 0x42, 0x40, 0x4f, 0x3a, 0x1b, 0x28, 0x42, 0x3d, 0x1b, 0x24, 0x42, 0x24, 0x64, 0x24, 0x5e, 0x24, 0x40, 0x1b, 0x28, 0x42, 0x5e, 0x1b, 0x24, 0x42, 0x24,
      0x3f, 0x24, 0x6d, 0x24, 0x26, 0x1b, 0x28, 0x42,
    ];
    expect(read(fileWithName('\\ISO 2022 IR 87', bytes)).patientName).toBe('Yamada^Tarou=山田^太郎=やまだ^たろう');
  });

  it('ISO 2022 IR 149 (PS3.5 I.2): Hong^Gildong=洪^吉洞=홍^길동', () => {
    const bytes = [
      0x48, 0x6f, 0x6e, 0x67, 0x5e, 0x47, 0x69, 0x6c, 0x64, 0x6f, 0x6e, 0x67, 0x3d, 0x1b, 0x24, 0x29, 0x43, 0xfb, 0xf3, 0x5e, 0x1b, 0x24, 0x29, 0x43, 0xd1, 0xce,
      0xd4, 0xd7, 0x3d, 0x1b, 0x24, 0x29, 0x43, 0xc8, 0xab, 0x5e, 0x1b, 0x24, 0x29, 0x43, 0xb1, 0xe6, 0xb5, 0xbf,
    ];
    expect(read(fileWithName('\\ISO 2022 IR 149', bytes)).patientName).toBe('Hong^Gildong=洪^吉洞=홍^길동');
  });

  it('an unknown character set decodes as Latin-1 and says so in the warnings (the stated fallback)', () => {
    const meta = read(fileWithName('ISO_IR 999', latin1('Müller')));
    expect(meta.patientName).toBe('Müller');
    expect(meta.warnings.join(' ')).toMatch(/Specific Character Set "ISO_IR 999" is not supported here; names and descriptions are shown as Latin-1/);
  });
});
