/**
 * Generates the broken-file corpus in test/fixtures/broken/ from the sample study
 * (run: `npx tsx scripts/make-broken-fixtures.ts`). Deterministic: same samples, same bytes;
 * test/robustness/fixtures.test.ts checks the committed files are what this script makes.
 *
 * Two small base images are derived from the samples (downsampled so the whole corpus stays
 * well under 2 MB): a 160×120 8-bit ultrasound frame with one calibrated region, and a 128×64
 * 16-bit MR slice with PixelSpacing. Every fixture is one of these (or a compressed sample)
 * with exactly one defect. test/fixtures/broken/expectations.json says, per file, what the
 * CLI and the viewer must report; the texts are case-insensitive regular expressions.
 *
 * Some fixtures are loadable images whose calibration is bad (zero PixelSpacing, inverted
 * ultrasound region ...): those must open, and the calibration must be refused or reported
 * UNCALIBRATED, never guessed.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import dicomParser from 'dicom-parser';
import type { DataSet, Element } from 'dicom-parser';
import { type Dataset, bufferOf, readBack, uid, writePart10 } from './samples/dicom.ts';
import { concatBytes } from '../src/dicom/bytes.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SAMPLES = join(ROOT, 'sample-dicom');
/** NERVETRACE_FIXTURE_OUT lets the up-to-date test regenerate into a temporary folder. */
const OUT = process.env.NERVETRACE_FIXTURE_OUT || join(ROOT, 'test', 'fixtures', 'broken');

const EXPLICIT_LE = '1.2.840.10008.1.2.1';
const IMPLICIT_LE = '1.2.840.10008.1.2';
const JPEG_BASELINE = '1.2.840.10008.1.2.4.50';

/** What a fixture must produce. Strings are case-insensitive regular expressions. */
export interface Expectation {
  /** What is wrong with the file, in words. */
  readonly defect: string;
  readonly category: string;
  /** True when the file must open as an image (only its calibration, or nothing, is wrong). */
  readonly opens: boolean;
  readonly cli: {
    /** `inspect`: the refusal (when !opens). */
    readonly error?: string;
    /** `inspect`: the image-level calibration source and the reason it is not usable. */
    readonly calibrationSource?: string;
    readonly calibrationReason?: string;
    /** `measure` with these points: either a refusal, or an uncalibrated result in px. */
    readonly measure?: { readonly points: string; readonly refused?: string; readonly unit?: 'px' | 'mm' };
  };
  readonly ui: {
    /** The reason shown in the "Could not open" list (when !opens). */
    readonly reason?: string;
    /** The calibration line of the viewport overlay (when opens). */
    readonly calibration?: string;
    /** The series description, to pick the opened image in the study browser. */
    readonly seriesDescription?: string;
  };
}

const fixtures = new Map<string, { bytes: Uint8Array; expect: Expectation }>();

function add(name: string, bytes: Uint8Array | string, expect: Expectation): void {
  if (fixtures.has(name)) throw new Error(`duplicate fixture ${name}`);
  fixtures.set(name, { bytes: typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes, expect });
}

/** A refusal that reads the same in the CLI and the viewer. */
function refused(category: string, defect: string, message: string): Expectation {
  return { defect, category, opens: false, cli: { error: message }, ui: { reason: message } };
}

// ---------------------------------------------------------------------------------------------
// Byte helpers
// ---------------------------------------------------------------------------------------------

function concat(...parts: (Uint8Array | number[])[]): Uint8Array {
  return concatBytes(parts.map((p) => (p instanceof Uint8Array ? p : Uint8Array.from(p))));
}
const u16 = (v: number): number[] => [v & 0xff, (v >> 8) & 0xff];
const u32 = (v: number): number[] => [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff];
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

function patched(bytes: Uint8Array, at: number, values: number[]): Uint8Array {
  const out = bytes.slice();
  out.set(values, at);
  return out;
}

const LONG_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'SV', 'UC', 'UN', 'UR', 'UT', 'UV']);

interface Located {
  readonly tag: string;
  /** Offset of the element's first byte (its tag). */
  readonly start: number;
  /** Offset of the length field and its size in bytes. */
  readonly lengthAt: number;
  readonly lengthSize: 2 | 4;
  readonly dataOffset: number;
  readonly length: number;
}

/** Where an element of an explicit (or implicit) little-endian data set sits in the bytes. */
function locate(bytes: Uint8Array, tag: string, within?: (ds: DataSet) => DataSet): Located {
  const top = dicomParser.parseDicom(bytes);
  const ds = within ? within(top) : top;
  const el: Element | undefined = ds.elements[tag];
  if (!el) throw new Error(`element ${tag} not found`);
  const implicit = el.vr === undefined;
  const long = implicit || LONG_VRS.has(el.vr!);
  const lengthSize = long ? 4 : 2;
  const start = el.dataOffset - (implicit ? 8 : long ? 12 : 8);
  return { tag, start, lengthAt: el.dataOffset - lengthSize, lengthSize, dataOffset: el.dataOffset, length: el.length };
}

function firstItem(tag: string): (ds: DataSet) => DataSet {
  return (ds) => ds.elements[tag]!.items![0]!.dataSet!;
}

/** Bytes with one top-level element's value replaced (explicit VR LE, short-length VR; padded to even length). */
function replaceValue(bytes: Uint8Array, tag: string, text: string): Uint8Array {
  const el = locate(bytes, tag);
  if (el.lengthSize !== 2) throw new Error(`replaceValue: ${tag} has a 4-byte length`);
  const value = Uint8Array.from(ascii(text.length % 2 ? `${text}${tag === 'x0008103e' ? ' ' : '\0'}` : text));
  const out = concat(bytes.subarray(0, el.dataOffset), value, bytes.subarray(el.dataOffset + el.length));
  new DataView(out.buffer).setUint16(el.lengthAt, value.length, true);
  return out;
}

/** End of the file meta header = start of the data set. */
function metaEnd(bytes: Uint8Array): number {
  return 132 + 12 + (bytes[140]! | (bytes[141]! << 8) | (bytes[142]! << 16) | (bytes[143]! << 24));
}

/** Bytes with the transfer syntax UID in the meta header replaced (lengths fixed up). */
function withTransferSyntax(bytes: Uint8Array, uidValue: string | Uint8Array): Uint8Array {
  const meta = dicomParser.readPart10Header(bytes);
  const el = meta.elements.x00020010!;
  let value = typeof uidValue === 'string' ? Uint8Array.from(ascii(uidValue)) : uidValue;
  if (value.length % 2) value = concat(value, [0]);
  const delta = value.length - el.length;
  const out = concat(bytes.subarray(0, el.dataOffset), value, bytes.subarray(el.dataOffset + el.length));
  const view = new DataView(out.buffer);
  view.setUint16(el.dataOffset - 2, value.length, true);
  view.setUint32(140, view.getUint32(140, true) + delta, true);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Base images derived from the samples
// ---------------------------------------------------------------------------------------------

let uidCounter = 0;
/** Fresh UIDs per fixture under the sample root (branch 9), so the viewer never merges two fixtures. */
function fixtureIds(name: string): Dataset {
  uidCounter++;
  return {
    SeriesInstanceUID: uid(9, uidCounter),
    SOPInstanceUID: uid(9, uidCounter, 1),
    SeriesNumber: 900 + uidCounter,
    SeriesDescription: `fixture ${name}`,
  };
}

function readSample(file: string): Uint8Array {
  return new Uint8Array(readFileSync(join(SAMPLES, file)));
}

function pixelBuffer(ds: Dataset): ArrayBuffer {
  return (ds.PixelData as ArrayBuffer[])[0]!;
}

/** 160×120 8-bit ultrasound frame (every 4th pixel of us-sciatic-gluteal-L), region scaled to match. */
function usBaseDataset(): Dataset {
  const ds = readBack(readSample('us/us-sciatic-gluteal-L.dcm'));
  const rows = ds.Rows as number;
  const cols = ds.Columns as number;
  const src = new Uint8Array(pixelBuffer(ds));
  const f = 4;
  const out = new Uint8Array((rows / f) * (cols / f));
  for (let y = 0; y < rows / f; y++) for (let x = 0; x < cols / f; x++) out[y * (cols / f) + x] = src[y * f * cols + x * f]!;
  const region = (ds.SequenceOfUltrasoundRegions as Dataset[])[0]!;
  const scaled: Dataset = {
    ...region,
    RegionLocationMinX0: Math.floor((region.RegionLocationMinX0 as number) / f),
    RegionLocationMinY0: Math.floor((region.RegionLocationMinY0 as number) / f),
    RegionLocationMaxX1: Math.floor((region.RegionLocationMaxX1 as number) / f),
    RegionLocationMaxY1: Math.floor((region.RegionLocationMaxY1 as number) / f),
    ReferencePixelX0: Math.floor((region.ReferencePixelX0 as number) / f),
    PhysicalDeltaX: (region.PhysicalDeltaX as number) * f,
    PhysicalDeltaY: (region.PhysicalDeltaY as number) * f,
  };
  delete ds._vrMap;
  return {
    ...ds,
    ImageComments: 'Broken-file fixture derived from us-sciatic-gluteal-L (every 4th pixel)',
    Rows: rows / f,
    Columns: cols / f,
    SequenceOfUltrasoundRegions: [scaled],
    PixelData: bufferOf(out),
    _vrMap: { PixelData: 'OB' },
  };
}

/** 128×64 16-bit MR slice (every 4th pixel of mr-stir-axial-09), PixelSpacing scaled to match. */
function mrBaseDataset(): Dataset {
  const ds = readBack(readSample('mr/mr-stir-axial-09.dcm'));
  const rows = ds.Rows as number;
  const cols = ds.Columns as number;
  const src = new Uint16Array(pixelBuffer(ds));
  const f = 4;
  const out = new Uint16Array((rows / f) * (cols / f));
  for (let y = 0; y < rows / f; y++) for (let x = 0; x < cols / f; x++) out[y * (cols / f) + x] = src[y * f * cols + x * f]!;
  const spacing = (ds.PixelSpacing as number[]).map((v) => v * f);
  delete ds._vrMap;
  return {
    ...ds,
    ImageComments: 'Broken-file fixture derived from mr-stir-axial-09 (every 4th pixel)',
    Rows: rows / f,
    Columns: cols / f,
    PixelSpacing: spacing,
    PixelData: bufferOf(out),
    _vrMap: { PixelData: 'OW' },
  };
}

const US_BASE = usBaseDataset();
const MR_BASE = mrBaseDataset();

function us(name: string, changes: Dataset = {}, ts = EXPLICIT_LE): Uint8Array {
  return writePart10({ ...US_BASE, ...fixtureIds(name), ...changes }, ts);
}
function mr(name: string, changes: Dataset = {}, ts = EXPLICIT_LE): Uint8Array {
  return writePart10({ ...MR_BASE, ...fixtureIds(name), ...changes }, ts);
}
function withoutKeys(ds: Dataset, ...keys: string[]): Dataset {
  const out = { ...ds };
  for (const k of keys) delete out[k];
  return out;
}

/** An intact ultrasound image (the defect is tolerated): opens with the region calibration, measures in mm. */
function opensWithRegion(category: string, defect: string, name: string): Expectation {
  return {
    defect,
    category,
    opens: true,
    cli: { calibrationSource: 'us-region', measure: { points: US_POINTS, unit: 'mm' } },
    ui: { calibration: '^US region 0: 0\\.300 mm/px$', seriesDescription: `fixture ${name}` },
  };
}

/** A trace well inside the base US region (x 20..139, y 10..117) and inside the MR image (128×64). */
const US_POINTS = '60,50 80,50 80,70 60,70';
const MR_POINTS = '40,20 60,20 60,40 40,40';

// ---------------------------------------------------------------------------------------------
// Not DICOM at all
// ---------------------------------------------------------------------------------------------

const NOT_DICOM = 'not a dicom file';
add('not-dicom-text.txt', 'Sciatic nerve, right, gluteal fold: 112 mm2\n'.repeat(20), refused('not-dicom', 'a plain text file', NOT_DICOM));
add(
  'not-dicom-png.png',
  concat([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0, 0, 0, 13], ascii('IHDR'), u32(0x10000000), u32(0x10000000), new Uint8Array(300).fill(0x41)),
  refused('not-dicom', 'a PNG header', NOT_DICOM),
);
add(
  'not-dicom-zip.zip',
  concat(ascii('PK'), [3, 4, 20, 0, 0, 0, 8, 0], new Uint8Array(18), u16(9), u16(0), ascii('study.dcm'), new Uint8Array(400).fill(0x5a)),
  refused('not-dicom', 'a ZIP archive header', NOT_DICOM),
);
add(
  'not-dicom-html.dcm',
  '<!doctype html><html><body><script>window.__pwned = 9</script><img src=x onerror="window.__pwned=9"></body></html>\n'.repeat(3),
  refused('not-dicom', 'an HTML page named .dcm', NOT_DICOM),
);
add('not-dicom-short.dcm', 'DICM', refused('not-dicom', 'four bytes "DICM" and nothing else', NOT_DICOM));
add('empty.dcm', new Uint8Array(0), refused('empty', 'a zero-byte file', '^the file is empty\\.$'));

// ---------------------------------------------------------------------------------------------
// Truncated at many offsets (base ultrasound image, explicit VR little endian)
// ---------------------------------------------------------------------------------------------

const usFull = us('truncated');
const usMetaEnd = metaEnd(usFull);
const TRUNCATED = 'the file is truncated';
const tsUid = dicomParser.readPart10Header(usFull).elements.x00020010!;
const patientName = locate(usFull, 'x00100010');
const regions = locate(usFull, 'x00186011');
const regionDeltaX = locate(usFull, 'x0018602c', firstItem('x00186011'));
const pixelData = locate(usFull, 'x7fe00010');

const cuts: [string, number, string, string][] = [
  ['truncated-preamble-1.dcm', 1, 'in the preamble, after 1 byte', `${TRUNCATED}.*before the dicm marker`],
  ['truncated-preamble-64.dcm', 64, 'in the middle of the 128-byte preamble', `${TRUNCATED}.*before the dicm marker`],
  ['truncated-preamble-128.dcm', 128, 'at the end of the preamble, before "DICM"', `${TRUNCATED}.*before the dicm marker`],
  ['truncated-dicm-130.dcm', 130, 'inside the "DICM" marker', `${TRUNCATED}.*before the dicm marker`],
  ['truncated-meta-132.dcm', 132, 'right after "DICM"', `${TRUNCATED}.*file meta information header`],
  ['truncated-meta-138.dcm', 138, 'inside the meta group length element (0002,0000)', `${TRUNCATED}.*file meta information header`],
  ['truncated-meta-ts-uid.dcm', tsUid.dataOffset + 5, 'inside the transfer syntax UID value', `${TRUNCATED}.*file meta information header`],
  ['truncated-meta-last-byte.dcm', usMetaEnd - 1, 'one byte before the end of the meta header', `${TRUNCATED}.*file meta information header`],
  ['truncated-after-meta.dcm', usMetaEnd, 'exactly at the end of the meta header (no data set)', `${TRUNCATED}.*after the file meta information header`],
  ['truncated-element-tag.dcm', usMetaEnd + 2, 'in the tag of the first data set element', TRUNCATED],
  ['truncated-element-length.dcm', patientName.start + 7, 'inside the length field of PatientName', TRUNCATED],
  ['truncated-element-value.dcm', patientName.dataOffset + 4, 'in the middle of the PatientName value', TRUNCATED],
  ['truncated-in-sequence.dcm', regionDeltaX.dataOffset + 3, 'inside an ultrasound region item (PhysicalDeltaX)', TRUNCATED],
  ['truncated-sequence-header.dcm', regions.start + 9, 'inside the header of the ultrasound regions sequence', TRUNCATED],
  ['truncated-before-pixel-data.dcm', pixelData.start, 'right before the pixel data element', 'no pixel data'],
  ['truncated-pixel-data-header.dcm', pixelData.start + 6, 'inside the pixel data element header', TRUNCATED],
  ['truncated-pixel-data-start.dcm', pixelData.dataOffset, 'right after the pixel data header (no pixel bytes)', `${TRUNCATED}.*pixel data`],
  ['truncated-pixel-data-half.dcm', pixelData.dataOffset + pixelData.length / 2, 'half-way through the pixel data', `${TRUNCATED}.*pixel data.*declares ${pixelData.length} bytes`],
  ['truncated-pixel-data-last-byte.dcm', usFull.length - 1, 'one byte short of the end of the pixel data', `${TRUNCATED}.*pixel data`],
];
for (const [name, at, where, message] of cuts) {
  add(name, usFull.slice(0, at), refused('truncated', `cut at byte ${at} of ${usFull.length}: ${where}`, message));
}

// 16-bit MR cut in the pixel data at an odd offset.
const mrFull = mr('truncated-mr');
const mrPixels = locate(mrFull, 'x7fe00010');
add(
  'truncated-mr-pixel-data-odd.dcm',
  mrFull.slice(0, mrPixels.dataOffset + 1001),
  refused('truncated', '16-bit MR cut at an odd byte inside the pixel data', `${TRUNCATED}.*pixel data`),
);

// Compressed samples cut short.
const jpeg = readSample('us/compressed/us-sciatic-gluteal-L-jpeg-baseline.dcm');
const jpegPixels = locate(jpeg, 'x7fe00010');
add(
  'truncated-jpeg-fragment.dcm',
  jpeg.slice(0, jpegPixels.dataOffset + Math.floor((jpeg.length - jpegPixels.dataOffset) / 2)),
  refused('truncated', 'JPEG baseline sample cut half-way through its only fragment', TRUNCATED),
);
add(
  'truncated-deflate.dcm',
  readSample('mr/compressed/mr-stir-axial-09-deflate.dcm').slice(0, 4096),
  refused('truncated', 'deflated sample cut after 4096 bytes (compressed stream incomplete)', `${TRUNCATED}.*deflated`),
);

// ---------------------------------------------------------------------------------------------
// Wrong value lengths and value representations
// ---------------------------------------------------------------------------------------------

{
  const bytes = us('length-rows-too-long');
  const rows = locate(bytes, 'x00280010');
  add(
    'length-rows-too-long.dcm',
    patched(bytes, rows.lengthAt, u16(6)),
    refused('wrong-length', 'Rows (US) declares 6 bytes instead of 2, so every later element is read out of step', 'the file is (damaged|truncated)|image dimensions|pixel data'),
  );
}
{
  const bytes = us('length-name-odd');
  const name = locate(bytes, 'x00100010');
  add(
    'length-name-plus-one.dcm',
    patched(bytes, name.lengthAt, u16(name.length + 1)),
    refused('wrong-length', 'PatientName declares one byte more than it has (odd length, misaligned)', 'the file is (damaged|truncated)|image dimensions|pixel data'),
  );
}
{
  const bytes = us('length-description-short');
  const desc = locate(bytes, 'x0008103e');
  add(
    'length-description-short.dcm',
    patched(bytes, desc.lengthAt, u16(desc.length - 4)),
    refused('wrong-length', 'SeriesDescription declares 4 bytes fewer than it has; its tail is read as an element', 'the file is (damaged|truncated)|image dimensions|pixel data'),
  );
}
{
  const bytes = us('length-sequence-short.dcm');
  const seq = locate(bytes, 'x00186011');
  // dicom-parser reads the whole item anyway, but the viewer's loader does not: refused.
  add(
    'length-sequence-short.dcm',
    patched(bytes, seq.lengthAt, u32(seq.length - 10)),
    refused('wrong-length', 'the ultrasound regions sequence declares 10 bytes fewer than its item', 'the file is damaged: the sequence \\(0018,6011\\) declares fewer bytes than the items'),
  );
}
{
  const bytes = us('vr-invalid-code.dcm');
  const rows = locate(bytes, 'x00280010');
  // dicom-parser reads an unknown VR with a 2-byte length and carries on; the viewer's loader does not.
  add(
    'vr-invalid-code.dcm',
    patched(bytes, rows.start + 4, ascii('ZZ')),
    refused('wrong-length', 'Rows carries the unknown VR "ZZ"', 'the file is damaged: element \\(0028,0010\\) has the unknown value representation "ZZ"'),
  );
}
{
  // The meta header is always explicit VR: dicom-parser reads the transfer syntax with a bad VR
  // anyway, the viewer's loader reads it as binary and finds no decoder.
  const bytes = us('vr-invalid-meta.dcm');
  const ts = dicomParser.readPart10Header(bytes).elements.x00020010!;
  add(
    'vr-invalid-meta.dcm',
    patched(bytes, ts.dataOffset - 4, ascii('UA')),
    refused('wrong-length', 'the transfer syntax UID (0002,0010) carries the VR "UA"', 'the file is damaged: element \\(0002,0010\\) has the unknown value representation "UA"'),
  );
}
{
  // A flipped group byte turns (0008,0031) SeriesTime into (0000,0031), a command element.
  const bytes = us('tag-command-group.dcm');
  add(
    'tag-command-group.dcm',
    patched(bytes, locate(bytes, 'x00080031').start, u16(0x0000)),
    refused('wrong-length', 'the tag of SeriesTime has its group zeroed: (0000,0031)', 'the file is damaged: it contains the element \\(0000,0031\\), which cannot occur'),
  );
}
{
  const bytes = mr('implicit-vr', {}, IMPLICIT_LE);
  const name = locate(bytes, 'x00100010');
  add(
    'length-implicit-name-too-long.dcm',
    patched(bytes, name.lengthAt, u32(name.length + 3)),
    refused('wrong-length', 'implicit VR MR whose PatientName declares 3 bytes too many', 'the file is (damaged|truncated)|image dimensions|pixel data'),
  );
}

// ---------------------------------------------------------------------------------------------
// Huge declared lengths (0xFFFFFFF0)
// ---------------------------------------------------------------------------------------------

const HUGE = 0xfffffff0;
const HUGE_MESSAGE = 'the file is damaged.*declares 4294967280 bytes';
{
  const bytes = us('huge-pixel-data');
  add('huge-length-pixel-data.dcm', patched(bytes, locate(bytes, 'x7fe00010').lengthAt, u32(HUGE)), refused('huge-length', 'pixel data (OB) declares 0xFFFFFFF0 bytes', HUGE_MESSAGE));
}
{
  const bytes = us('huge-sequence');
  add('huge-length-sequence.dcm', patched(bytes, locate(bytes, 'x00186011').lengthAt, u32(HUGE)), refused('huge-length', 'the ultrasound regions sequence declares 0xFFFFFFF0 bytes; the parser looks for a second item where the next element starts', 'the file is damaged: a sequence item is malformed'));
}
{
  const bytes = us('huge-item');
  const seq = locate(bytes, 'x00186011');
  // The item header follows the sequence header: (FFFE,E000) then a 4-byte length.
  add('huge-length-item.dcm', patched(bytes, seq.dataOffset + 4, u32(HUGE)), refused('huge-length', 'the first ultrasound region item declares 0xFFFFFFF0 bytes', 'damaged: a sequence item runs past the end'));
}
{
  const bytes = mr('huge-implicit', {}, IMPLICIT_LE);
  add(
    'huge-length-implicit.dcm',
    patched(bytes, locate(bytes, 'x00100010').lengthAt, u32(HUGE)),
    refused('huge-length', 'implicit VR MR whose PatientName declares 0xFFFFFFF0 bytes', HUGE_MESSAGE),
  );
}
{
  const bytes = us('huge-meta');
  // (0002,0001) FileMetaInformationVersion is OB: 4-byte length at 132 + 12 + 8.
  const meta = dicomParser.readPart10Header(bytes).elements.x00020001!;
  add(
    'huge-length-meta-element.dcm',
    patched(bytes, meta.dataOffset - 4, u32(HUGE)),
    refused('huge-length', 'the meta header element (0002,0001) declares 0xFFFFFFF0 bytes', 'file meta information header'),
  );
}
{
  // An impossible group length is refused; a merely wrong one is repaired in memory (parse.ts).
  const bytes = us('huge-meta-group-length.dcm');
  add(
    'huge-meta-group-length.dcm',
    patched(bytes, 140, u32(HUGE)),
    refused('huge-length', 'the meta header group length (0002,0000) says 0xFFFFFFF0 bytes', 'file meta information header is damaged: its group length \\(0002,0000\\) says 4294967280 bytes'),
  );
  const wrong = us('meta-group-length-wrong.dcm');
  const actual = new DataView(wrong.buffer).getUint32(140, true);
  add(
    'meta-group-length-wrong.dcm',
    patched(wrong, 140, u32(actual + 2)),
    // Read past with a warning, as dcmtk does (issue 14): the image and its calibration are intact.
    opensWithRegion('wrong-length', 'the meta header group length (0002,0000) is 2 bytes too large', 'meta-group-length-wrong.dcm'),
  );
}

// ---------------------------------------------------------------------------------------------
// Pixel data missing or too short, image attributes unusable
// ---------------------------------------------------------------------------------------------

add('no-pixel-data.dcm', writePart10({ ...withoutKeys(US_BASE, 'PixelData', '_vrMap'), ...fixtureIds('no-pixel-data') }, EXPLICIT_LE), refused('pixel-data', 'no (7FE0,0010) element at all', 'no pixel data'));
add('pixel-data-empty.dcm', us('pixel-data-empty', { PixelData: new ArrayBuffer(0) }), refused('pixel-data', 'a pixel data element of length 0', 'no pixel data'));
add(
  'pixel-data-short-rows.dcm',
  us('pixel-data-short-rows', { Rows: 240 }),
  refused('pixel-data', 'Rows says 240 but the pixel data holds 120 rows', 'pixel data is incomplete: expected 38400 bytes, found 19200'),
);
add(
  'pixel-data-short-frames.dcm',
  us('pixel-data-short-frames', { NumberOfFrames: 3, FrameTime: 40, FrameIncrementPointer: 0x00181063 }),
  refused('pixel-data', 'NumberOfFrames says 3 but the pixel data holds 1 frame', 'pixel data is incomplete: expected 57600 bytes, found 19200'),
);
add(
  'pixel-data-short-mr.dcm',
  mr('pixel-data-short-mr', { PixelData: bufferOf(new Uint16Array(128 * 64 - 100)) }),
  refused('pixel-data', '16-bit MR with 100 pixels missing', 'pixel data is incomplete: expected 16384 bytes, found 16184'),
);
add('rows-zero.dcm', us('rows-zero', { Rows: 0 }), refused('image-attributes', 'Rows is 0', 'image dimensions are missing'));
add('frames-zero.dcm', us('frames-zero', { NumberOfFrames: 0 }), refused('image-attributes', 'NumberOfFrames is 0', 'number of frames.*not a positive whole number'));
add('frames-not-a-number.dcm', us('frames-nan', { NumberOfFrames: 'many' }), refused('image-attributes', 'NumberOfFrames is "many"', 'number of frames \\(0028,0008\\) value "many" is not a positive whole number'));
add(
  'bits-allocated-missing.dcm',
  writePart10({ ...withoutKeys(US_BASE, 'BitsAllocated'), ...fixtureIds('bits-allocated-missing') }, EXPLICIT_LE),
  refused('image-attributes', 'no BitsAllocated', 'bits allocated'),
);
add(
  'compressed-syntax-native-pixels.dcm',
  withTransferSyntax(us('compressed-native'), JPEG_BASELINE),
  refused('pixel-data', 'meta header says JPEG baseline but the pixel data is native', 'compressed but the pixel data .* is not encapsulated'),
);
{
  // JPEG baseline meta header, encapsulated pixel data with a basic offset table and no fragment.
  const body = writePart10({ ...withoutKeys(US_BASE, 'PixelData', '_vrMap'), ...fixtureIds('encapsulated-no-fragments') }, EXPLICIT_LE);
  const encapsulated = concat(u16(0x7fe0), u16(0x0010), ascii('OB'), [0, 0], u32(0xffffffff), u16(0xfffe), u16(0xe000), u32(0), u16(0xfffe), u16(0xe0dd), u32(0));
  add(
    'encapsulated-no-fragments.dcm',
    withTransferSyntax(concat(body, encapsulated), JPEG_BASELINE),
    refused('pixel-data', 'encapsulated pixel data with an offset table but no fragment', 'no fragments'),
  );
  const noDelimiter = concat(u16(0x7fe0), u16(0x0010), ascii('OB'), [0, 0], u32(0xffffffff), u16(0xfffe), u16(0xe000), u32(0), u16(0xfffe), u16(0xe000), u32(8), [0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0]);
  add(
    'encapsulated-no-delimiter.dcm',
    withTransferSyntax(concat(body, noDelimiter), JPEG_BASELINE),
    refused('truncated', 'encapsulated pixel data without its sequence delimiter', `${TRUNCATED}.*no end marker`),
  );
}

// ---------------------------------------------------------------------------------------------
// Loadable images whose calibration must be refused or reported UNCALIBRATED
// ---------------------------------------------------------------------------------------------

function uncalibratedMr(name: string, pixelSpacing: string, defect: string): void {
  // dcmjs writes DS values as given; the raw text matters here, so it is passed as a string.
  const bytes = mr(name, { PixelSpacing: pixelSpacing });
  add(name, bytes, {
    defect,
    category: 'calibration',
    opens: true,
    cli: {
      calibrationSource: 'none',
      calibrationReason: 'pixelspacing ignored.*pixelspacing \\(0028,0030\\) must',
      measure: { points: MR_POINTS, unit: 'px' },
    },
    ui: { calibration: '^UNCALIBRATED$', seriesDescription: `fixture ${name}` },
  });
}
uncalibratedMr('pixelspacing-zero.dcm', '0\\0', 'PixelSpacing is 0\\0');
uncalibratedMr('pixelspacing-negative.dcm', '-0.7\\0.7', 'PixelSpacing row value is negative');
uncalibratedMr('pixelspacing-nan.dcm', 'NaN\\abc', 'PixelSpacing values are not numbers');
uncalibratedMr('pixelspacing-one-value.dcm', '0.7', 'PixelSpacing has one value instead of two');
uncalibratedMr('pixelspacing-infinite.dcm', '1e999\\1e999', 'PixelSpacing overflows to Infinity');

function badRegion(name: string, change: Dataset, defect: string, overlay: string, measureRefusal: string): void {
  const region = { ...(US_BASE.SequenceOfUltrasoundRegions as Dataset[])[0]!, ...change };
  add(name, us(name, { SequenceOfUltrasoundRegions: [region] }), {
    defect,
    category: 'calibration',
    opens: true,
    cli: { calibrationSource: 'none', calibrationReason: overlay, measure: { points: US_POINTS, refused: measureRefusal } },
    ui: { calibration: overlay, seriesDescription: `fixture ${name}` },
  });
}
badRegion(
  'us-region-deltax-zero.dcm',
  { PhysicalDeltaX: 0 },
  'ultrasound region PhysicalDeltaX is 0',
  'ultrasound region 0 has an invalid pixel size \\(PhysicalDeltaX 0,',
  'ultrasound region 0 contains the trace but its pixel size is invalid',
);
badRegion(
  'us-region-deltax-negative.dcm',
  { PhysicalDeltaX: -0.03 },
  'ultrasound region PhysicalDeltaX is negative',
  'ultrasound region 0 has an invalid pixel size \\(PhysicalDeltaX -0\\.03,',
  'ultrasound region 0 contains the trace but its pixel size is invalid',
);
badRegion(
  'us-region-inverted.dcm',
  { RegionLocationMinX0: 139, RegionLocationMaxX1: 20 },
  'ultrasound region with maxX1 < minX0',
  'ultrasound region 0 has an empty or inverted rectangle',
  'ultrasound region|calibrated',
);

// ---------------------------------------------------------------------------------------------
// Unsupported transfer syntaxes
// ---------------------------------------------------------------------------------------------

add('unsupported-syntax-mpeg2.dcm', withTransferSyntax(us('mpeg2'), '1.2.840.10008.1.2.4.100'), refused('transfer-syntax', 'MPEG2 transfer syntax', 'unsupported transfer syntax 1\\.2\\.840\\.10008\\.1\\.2\\.4\\.100 \\(MPEG2'));
add('unsupported-syntax-unknown.dcm', withTransferSyntax(us('unknown-ts'), '1.2.3.4.5.6.7'), refused('transfer-syntax', 'a made-up transfer syntax UID', 'unsupported transfer syntax 1\\.2\\.3\\.4\\.5\\.6\\.7\\.'));
add(
  'unsupported-syntax-garbage.dcm',
  withTransferSyntax(us('garbage-ts'), Uint8Array.from([0x31, 0x2e, 0x0a, 0x1b, 0x5b, 0x33, 0x31, 0x6d, 0x3c, 0x62, 0x3e, 0xff])),
  refused('transfer-syntax', 'transfer syntax UID made of control characters, an ANSI escape and markup', 'invalid transfer syntax uid \\(0002,0010\\): "1\\.\\?\\?\\[31m<b>\\?"\\.$'),
);
add(
  'meta-without-transfer-syntax.dcm',
  (() => {
    const bytes = us('no-ts');
    const meta = dicomParser.readPart10Header(bytes);
    const el = meta.elements.x00020010!;
    const start = el.dataOffset - 8;
    const out = concat(bytes.subarray(0, start), bytes.subarray(el.dataOffset + el.length));
    new DataView(out.buffer).setUint32(140, meta.uint32('x00020000')! - (8 + el.length), true);
    return out;
  })(),
  refused('transfer-syntax', 'meta header without (0002,0010)', 'no transfer syntax uid \\(0002,0010\\)'),
);
add(
  'meta-garbage.dcm',
  concat(new Uint8Array(128), ascii('DICM'), u16(0x0002), u16(0x0000), ascii('UL'), u16(4), u32(40), new Uint8Array(200).fill(0xee)),
  refused('header', 'DICM marker followed by random bytes instead of a meta header', 'file meta information header'),
);

// ---------------------------------------------------------------------------------------------
// Deeply nested sequences
// ---------------------------------------------------------------------------------------------

/** `depth` nested (0008,1115) sequences, explicit VR LE; undefined lengths when `undefinedLength`. */
function nested(depth: number, undefinedLength: boolean): Uint8Array {
  let inner: Uint8Array = concat(u16(0x0008), u16(0x1150), ascii('UI'), u16(4), ascii('1.2\0'));
  for (let i = 0; i < depth; i++) {
    const item = undefinedLength
      ? concat(u16(0xfffe), u16(0xe000), u32(0xffffffff), inner, u16(0xfffe), u16(0xe00d), u32(0))
      : concat(u16(0xfffe), u16(0xe000), u32(inner.length), inner);
    inner = undefinedLength
      ? concat(u16(0x0008), u16(0x1115), ascii('SQ'), [0, 0], u32(0xffffffff), item, u16(0xfffe), u16(0xe0dd), u32(0))
      : concat(u16(0x0008), u16(0x1115), ascii('SQ'), [0, 0], u32(item.length), item);
  }
  return inner;
}
/** Inserts an element before the first element with a larger tag (keeps the data set in order). */
function insertElement(bytes: Uint8Array, beforeTag: string, element: Uint8Array): Uint8Array {
  const at = locate(bytes, beforeTag).start;
  return concat(bytes.subarray(0, at), element, bytes.subarray(at));
}
for (const [depth, undefinedLength] of [
  [200, false],
  [200, true],
] as const) {
  const name = `nested-sequences-${depth}${undefinedLength ? '-undefined-length' : ''}.dcm`;
  add(
    name,
    insertElement(us(name), 'x00100010', nested(depth, undefinedLength)),
    opensWithRegion('nesting', `${depth} levels of nested sequences (${undefinedLength ? 'undefined' : 'defined'} lengths) in (0008,1115); the image itself is intact`, name),
  );
}
add(
  'nested-sequences-10000.dcm',
  insertElement(us('nested-deep'), 'x00100010', nested(10000, false)),
  refused('nesting', '10,000 levels of nested sequences (more than a JavaScript stack allows)', 'the file is damaged: its sequences are nested too deeply'),
);

// ---------------------------------------------------------------------------------------------
// Decodes badly: metadata is fine, the compressed frame is not
// ---------------------------------------------------------------------------------------------
{
  const bytes = jpeg.slice();
  const ds = dicomParser.parseDicom(bytes);
  const fragment = ds.elements.x7fe00010!.fragments![0]!;
  // Keep SOI, destroy everything after it: the JPEG decoder must fail, the viewer must say so.
  bytes.fill(0x00, fragment.position + 2, fragment.position + fragment.length);
  const ids = fixtureIds('jpeg-corrupt-codestream.dcm');
  let renamed: Uint8Array = bytes;
  for (const [tag, key] of [['x0020000e', 'SeriesInstanceUID'], ['x00080018', 'SOPInstanceUID'], ['x0008103e', 'SeriesDescription']] as const) {
    renamed = replaceValue(renamed, tag, String(ids[key]));
  }
  add('jpeg-corrupt-codestream.dcm', renamed, {
    defect: 'JPEG baseline sample whose compressed frame is zeroed after the SOI marker; the metadata is intact',
    category: 'decode',
    opens: true,
    cli: { calibrationSource: 'us-region' },
    ui: { reason: 'decod', seriesDescription: 'fixture jpeg-corrupt-codestream.dcm' },
  });
}

// ---------------------------------------------------------------------------------------------

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
let total = 0;
const expectations: Record<string, Expectation> = {};
for (const [name, { bytes, expect }] of [...fixtures.entries()].sort(([a], [b]) => a.localeCompare(b))) {
  writeFileSync(join(OUT, name), bytes);
  expectations[name] = expect;
  total += bytes.length;
}
writeFileSync(
  join(OUT, 'expectations.json'),
  `${JSON.stringify(
    {
      generatedBy: 'scripts/make-broken-fixtures.ts',
      note: 'Patterns are case-insensitive regular expressions. opens=false: inspect refuses with cli.error and the viewer lists the file under "Could not open" with ui.reason. opens=true: the image opens; calibration as stated.',
      files: expectations,
    },
    null,
    2,
  )}\n`,
);
const written = readdirSync(OUT).length;
console.log(`${written - 1} fixtures, ${(total / 1024).toFixed(0)} KiB, in ${OUT}`);
if (total > 2 * 1024 * 1024) throw new Error('The broken-file corpus must stay under 2 MB.');
