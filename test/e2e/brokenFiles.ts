/** Broken files made at test time from the samples: one per failure the viewer must name. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface BrokenFile {
  path: string;
  /** Words the shown reason must contain (case-insensitive). */
  expectReason: RegExp;
}

function lastIndexOf(bytes: Buffer, pattern: number[]): number {
  for (let i = bytes.length - pattern.length; i >= 0; i--) {
    if (pattern.every((b, k) => bytes[i + k] === b)) return i;
  }
  return -1;
}

export function makeBrokenFiles(goodSample: string): BrokenFile[] {
  const dir = mkdtempSync(join(tmpdir(), 'nervetrace-broken-'));
  const good = readFileSync(goodSample);
  const files: BrokenFile[] = [];
  const add = (name: string, bytes: Buffer | string, expectReason: RegExp) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    files.push({ path, expectReason });
  };
  add('notes.txt', 'Sciatic nerve, right, gluteal fold: 112 mm2\n'.repeat(20), /not a dicom/i);
  add('empty.dcm', Buffer.alloc(0), /empty/i);
  add('truncated.dcm', good.subarray(0, 900), /truncated/i);
  // Cut the file just before the Pixel Data element (7FE0,0010): a valid header with no image.
  const pixelTag = lastIndexOf(good, [0xe0, 0x7f, 0x10, 0x00]);
  add('no-pixels.dcm', good.subarray(0, pixelTag), /no pixel data/i);
  // Same length as "1.2.840.10008.1.2.1" so the header stays well formed.
  const unsupported = Buffer.from(good);
  const ts = unsupported.indexOf('1.2.840.10008.1.2.1');
  unsupported.write('1.2.840.10008.1.2.9', ts, 'latin1');
  add('unsupported-syntax.dcm', unsupported, /unsupported transfer syntax/i);
  return files;
}
