/**
 * Derives the synthetic members of the vendor corpus (test/fixtures/vendor/derived/) from the
 * real vendor files in test/fixtures/vendor/original/ (run: `npx tsx scripts/make-vendor-quirks.ts`).
 * Each derived file is one real file with exactly one quirk, written byte for byte so that the
 * quirk is the one found in the field (see test/fixtures/vendor/SOURCES.md). Deterministic.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import dicomParser from 'dicom-parser';
import { concatBytes } from '../src/dicom/bytes.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ORIGINAL = join(ROOT, 'test', 'fixtures', 'vendor', 'original');
const OUT = process.env.NERVETRACE_FIXTURE_OUT || join(ROOT, 'test', 'fixtures', 'vendor', 'derived');

const read = (name: string) => new Uint8Array(readFileSync(join(ORIGINAL, name)));
const ascii = (text: string) => new Uint8Array([...text].map((c) => c.charCodeAt(0)));

function u16le(value: number): Uint8Array {
  return new Uint8Array([value & 0xff, value >> 8]);
}
function u32le(value: number): Uint8Array {
  return new Uint8Array([value & 0xff, (value >> 8) & 0xff, (value >> 16) & 0xff, (value >>> 24) & 0xff]);
}

/** An Explicit VR Little Endian element with a short (16-bit) length. */
function explicitShort(group: number, element: number, vr: string, value: Uint8Array): Uint8Array {
  return concatBytes([u16le(group), u16le(element), ascii(vr), u16le(value.length), value]);
}

/** Where the data set starts (right after the meta header) and the meta group length's value offset. */
function metaLayout(bytes: Uint8Array): { dataSetStart: number; groupLengthValueAt: number } {
  const meta = dicomParser.readPart10Header(bytes) as dicomParser.DataSet & { position: number };
  return { dataSetStart: meta.position, groupLengthValueAt: meta.elements.x00020000!.dataOffset };
}

/** Replaces a whole top-level Explicit VR LE element (header and value) with new bytes. */
function replaceElement(bytes: Uint8Array, tag: string, element: Uint8Array): Uint8Array {
  const ds = dicomParser.parseDicom(bytes);
  const el = ds.elements[tag]!;
  const headerLength = 8; // tag, VR, 16-bit length
  const start = el.dataOffset - headerLength;
  return concatBytes([bytes.subarray(0, start), element, bytes.subarray(el.dataOffset + el.length)]);
}

/** A DS value padded to an even length with a space, as the standard requires. */
function ds(text: string): Uint8Array {
  return ascii(text.length % 2 ? `${text} ` : text);
}

const derived: Record<string, Uint8Array> = {};

// ATL HDI: (0002,0000) disagrees with the meta elements. dcmtk reads past it with a warning.
{
  const bytes = read('OBXXXX1A_rle.dcm').slice();
  const { groupLengthValueAt } = metaLayout(bytes);
  const view = new DataView(bytes.buffer);
  view.setUint32(groupLengthValueAt, view.getUint32(groupLengthValueAt, true) + 6, true);
  derived['quirk-meta-group-length-wrong.dcm'] = bytes;
}

// GE export: a stray group-0002 element (Source Application Entity Title) written at the start of
// the data set, after the meta header the group length describes.
{
  const bytes = read('OBXXXX1A_rle.dcm');
  const { dataSetStart } = metaLayout(bytes);
  const stray = explicitShort(0x0002, 0x0016, 'AE', ascii('GE_EXPORT '));
  derived['quirk-stray-meta-element.dcm'] = concatBytes([bytes.subarray(0, dataSetStart), stray, bytes.subarray(dataSetStart)]);
}

// Siemens localizer: Window Width 0. dcmtk then uses the full range of the pixels.
derived['quirk-window-width-0.dcm'] = replaceElement(read('MR_small.dcm'), 'x00281051', explicitShort(0x0028, 0x1051, 'DS', ds('0')));

// All-zero image with Window Width 0: dcmtk paints it black (not white).
{
  const base = derived['quirk-window-width-0.dcm']!;
  const pixels = dicomParser.parseDicom(base).elements.x7fe00010!;
  const out = base.slice();
  out.fill(0, pixels.dataOffset, pixels.dataOffset + pixels.length);
  derived['quirk-window-width-0-all-zero.dcm'] = out;
}

// Anisotropic ultrasound region: the Philips file's B-mode region with PhysicalDeltaY 0.035 cm
// (PhysicalDeltaX stays 0.026228787661969974 cm). No public vendor file with one was found.
{
  const bytes = read('OBXXXX1A_rle.dcm').slice();
  const region = dicomParser.parseDicom(bytes).elements.x00186011!.items![0]!.dataSet!;
  const deltaY = region.elements.x0018602e!;
  new DataView(bytes.buffer).setFloat64(deltaY.dataOffset, 0.035, true);
  derived['us-anisotropic-region.dcm'] = bytes;
}

// Poisoning files (issue #21): each must be refused or removed on its own, and the good files
// opened with it must still draw.
derived['poison-rescale-intercept-1e20.dcm'] = (() => {
  const bytes = read('MR_small.dcm');
  // Rescale Intercept / Slope (0028,1052/1053) go right after Window Width (0028,1051).
  const after = dicomParser.parseDicom(bytes).elements.x00281051!;
  const insertAt = after.dataOffset + after.length;
  return concatBytes([
    bytes.subarray(0, insertAt),
    explicitShort(0x0028, 0x1052, 'DS', ds('1e20')),
    explicitShort(0x0028, 0x1053, 'DS', ds('1')),
    bytes.subarray(insertAt),
  ]);
})();

// Columns (0028,0011) written as UL (4 bytes) instead of US.
derived['poison-columns-wrong-vr.dcm'] = replaceElement(read('MR_small.dcm'), 'x00280011', explicitShort(0x0028, 0x0011, 'UL', u32le(64)));

// A baseline JPEG stream whose transfer syntax says JPEG 2000 Lossless.
derived['poison-jpeg-labelled-j2k.dcm'] = (() => {
  const bytes = new Uint8Array(readFileSync(join(ROOT, 'sample-dicom', 'us', 'compressed', 'us-sciatic-gluteal-L-jpeg-baseline.dcm')));
  const meta = dicomParser.readPart10Header(bytes);
  const el = meta.elements.x00020010!;
  const out = bytes.slice();
  out.set(ascii('1.2.840.10008.1.2.4.90'), el.dataOffset);
  return out;
})();

/**
 * Each derived file is a new image of its own series: SOP Instance UID (also in the meta header)
 * and Series Instance UID get a new last digit, so a batch with the original is not deduplicated.
 */
function asNewImage(bytes: Uint8Array, digit: number): Uint8Array {
  const out = bytes.slice();
  const ds = dicomParser.parseDicom(out);
  for (const tag of ['x00020003', 'x00080018', 'x0020000e']) {
    const el = ds.elements[tag];
    if (!el) continue;
    // The last digit of the UID (a trailing NUL pad is kept).
    let at = el.dataOffset + el.length - 1;
    if (out[at] === 0) at--;
    const original = out[at]! - 0x30;
    out[at] = 0x30 + (digit === original ? (digit % 9) + 1 : digit);
  }
  return out;
}

mkdirSync(OUT, { recursive: true });
Object.entries(derived).forEach(([name, bytes], i) => writeFileSync(join(OUT, name), asNewImage(bytes, i + 1)));
console.log(`Wrote ${Object.keys(derived).length} files to ${OUT}`);
