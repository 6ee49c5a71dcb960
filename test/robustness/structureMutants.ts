/**
 * Issue 20 — structure-aware mutants for the robustness tests (structure.test.ts) and the viewer
 * (test/e2e/implausible.spec.ts): DICOM files written element by element, each with one
 * structural absurdity, and what must happen to each.
 */
// ---------------------------------------------------------------------------------------------
// A tiny explicit-VR little-endian writer (dcmjs refuses most of these structures)
// ---------------------------------------------------------------------------------------------

const LONG_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'SV', 'UC', 'UN', 'UR', 'UT', 'UV']);
const UNDEFINED = 0xffffffff;

function bytes(...parts: (Uint8Array | number[])[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
const u16 = (v: number) => [v & 0xff, (v >> 8) & 0xff];
const u32 = (v: number) => [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff];
const f64 = (v: number) => [...new Uint8Array(new Float64Array([v]).buffer)];
const tag = (t: number) => [...u16(t >>> 16), ...u16(t & 0xffff)];

/** A text value padded to even length. */
function text(s: string, pad = ' '): number[] {
  const chars = [...s].map((c) => c.charCodeAt(0) & 0xff);
  return chars.length % 2 ? [...chars, pad.charCodeAt(0)] : chars;
}

function el(t: number, vr: string, value: Uint8Array | number[], length = value.length): Uint8Array {
  const header = LONG_VRS.has(vr) ? [...tag(t), ...text(vr), 0, 0, ...u32(length)] : [...tag(t), ...text(vr), ...u16(length)];
  return bytes(header, value);
}
const item = (content: Uint8Array, undefinedLength = false) =>
  bytes(tag(0xfffee000), u32(undefinedLength ? UNDEFINED : content.length), content, undefinedLength ? [...tag(0xfffee00d), ...u32(0)] : []);
const sequence = (t: number, items: Uint8Array[], undefinedLength = false) => {
  const content = bytes(...items);
  return undefinedLength ? bytes(el(t, 'SQ', [], UNDEFINED), content, tag(0xfffee0dd), u32(0)) : el(t, 'SQ', content);
};

const T = {
  sopClass: 0x00080016, sopInstance: 0x00080018, modality: 0x00080060, seriesDescription: 0x0008103e,
  patientName: 0x00100010, study: 0x0020000d, series: 0x0020000e, laterality: 0x00200062,
  samples: 0x00280002, photometric: 0x00280004, frames: 0x00280008, rows: 0x00280010, columns: 0x00280011,
  spacing: 0x00280030, bitsAllocated: 0x00280100, bitsStored: 0x00280101, highBit: 0x00280102, pixelRepresentation: 0x00280103,
  windowCenter: 0x00281050, windowWidth: 0x00281051, intercept: 0x00281052, slope: 0x00281053,
  regions: 0x00186011, pixelData: 0x7fe00010,
} as const;

interface Image {
  rows: number;
  columns: number;
  frames?: string;
  samples?: number;
  bitsAllocated?: number;
  photometric?: string;
  spacing?: string;
  display?: { slope?: string; intercept?: string; center?: string; width?: string };
  /** Extra elements, already encoded, placed in tag order by the caller (after (0028,xxxx), before pixel data). */
  beforePixels?: Uint8Array;
  /** Replaces the US Rows element (to change its VR). */
  rowsElement?: Uint8Array;
  spacingElement?: Uint8Array;
  regions?: Uint8Array;
  pixelBytes?: number;
  /** Appended after the pixel data (e.g. an unterminated sequence). */
  tail?: Uint8Array;
}

function dataset(img: Image): Uint8Array {
  const bitsAllocated = img.bitsAllocated ?? 8;
  const samples = img.samples ?? 1;
  const declared = img.frames === undefined ? 1 : Number(img.frames);
  const frames = Number.isInteger(declared) && declared > 0 && declared < 1000 ? declared : 1;
  const pixelBytes = img.pixelBytes ?? Math.ceil((img.rows * img.columns * samples * bitsAllocated * frames) / 8);
  const pixels = new Uint8Array(pixelBytes + (pixelBytes % 2)).map((_, i) => (i * 37) & 0xff);
  const d = img.display ?? {};
  return bytes(
    el(T.sopClass, 'UI', text('1.2.840.10008.5.1.4.1.1.6.1', '\0')),
    el(T.sopInstance, 'UI', text('2.25.2020.1.1', '\0')),
    el(T.modality, 'CS', text('US')),
    el(T.seriesDescription, 'LO', text('structure mutant')),
    el(T.patientName, 'PN', text('Mutant^Test')),
    ...(img.regions ? [img.regions] : []),
    el(T.study, 'UI', text('2.25.2020.1', '\0')),
    el(T.series, 'UI', text('2.25.2020.1.2', '\0')),
    el(T.laterality, 'CS', text('L')),
    el(T.samples, 'US', u16(samples)),
    el(T.photometric, 'CS', text(img.photometric ?? (samples === 1 ? 'MONOCHROME2' : 'RGB'))),
    ...(img.frames !== undefined ? [el(T.frames, 'IS', text(img.frames))] : []),
    img.rowsElement ?? el(T.rows, 'US', u16(img.rows)),
    el(T.columns, 'US', u16(img.columns)),
    img.spacingElement ?? (img.spacing !== undefined ? el(T.spacing, 'DS', text(img.spacing)) : new Uint8Array()),
    el(T.bitsAllocated, 'US', u16(bitsAllocated)),
    el(T.bitsStored, 'US', u16(Math.min(bitsAllocated, 16))),
    el(T.highBit, 'US', u16(Math.min(bitsAllocated, 16) - 1)),
    el(T.pixelRepresentation, 'US', u16(0)),
    ...(d.center !== undefined ? [el(T.windowCenter, 'DS', text(d.center))] : []),
    ...(d.width !== undefined ? [el(T.windowWidth, 'DS', text(d.width))] : []),
    ...(d.intercept !== undefined ? [el(T.intercept, 'DS', text(d.intercept))] : []),
    ...(d.slope !== undefined ? [el(T.slope, 'DS', text(d.slope))] : []),
    img.beforePixels ?? new Uint8Array(),
    el(T.pixelData, bitsAllocated > 8 ? 'OW' : 'OB', pixels),
    img.tail ?? new Uint8Array(),
  );
}

function part10(ds: Uint8Array): Uint8Array {
  const meta = bytes(
    el(0x00020001, 'OB', [0, 1]),
    el(0x00020002, 'UI', text('1.2.840.10008.5.1.4.1.1.6.1', '\0')),
    el(0x00020003, 'UI', text('2.25.2020.1.1', '\0')),
    el(0x00020010, 'UI', text('1.2.840.10008.1.2.1', '\0')),
    el(0x00020012, 'UI', text('2.25.2020.9', '\0')),
  );
  return bytes(new Uint8Array(128), text('DICM'), el(0x00020000, 'UL', u32(meta.length)), meta, ds);
}

/** One ultrasound region item (cm units unless said otherwise). */
function region(minX: number, minY: number, maxX: number, maxY: number, deltaCm: number): Uint8Array {
  return item(
    bytes(
      el(0x00186012, 'US', u16(1)), el(0x00186014, 'US', u16(1)),
      el(0x00186018, 'UL', u32(minX)), el(0x0018601a, 'UL', u32(minY)), el(0x0018601c, 'UL', u32(maxX)), el(0x0018601e, 'UL', u32(maxY)),
      el(0x00186024, 'US', u16(3)), el(0x00186026, 'US', u16(3)),
      el(0x0018602c, 'FD', f64(deltaCm)), el(0x0018602e, 'FD', f64(deltaCm)),
    ),
  );
}

/** Sequences nested `depth` deep (each item holds the next sequence), defined or undefined lengths. */
function nested(depth: number, undefinedLength: boolean): Uint8Array {
  let inner: Uint8Array = el(0x00081030, 'LO', text('deepest'));
  for (let i = 0; i < depth; i++) inner = sequence(0x00081115, [item(inner, undefinedLength)], undefinedLength);
  return inner;
}

// ---------------------------------------------------------------------------------------------
// The mutants
// ---------------------------------------------------------------------------------------------

const base: Image = { rows: 32, columns: 32, spacing: '0.1\\0.1' };
export const SQUARE = '4,4 20,4 20,20 4,20';

export interface Mutant {
  readonly name: string;
  readonly file: Uint8Array;
  /** What must happen: opened (measure's unit, the UNCALIBRATED reason, or the trace's refusal), or refused (the sentence). */
  readonly expect: { opens: true; unit?: 'mm' | 'px'; reason?: RegExp; refusedTrace?: RegExp; display?: RegExp } | { opens: false; error: RegExp };
}

const m = (name: string, img: Image, expectation: Mutant['expect']): Mutant => ({ name, file: part10(dataset(img)), expect: expectation });

export const MUTANTS: Mutant[] = [
  m('the base image', base, { opens: true, unit: 'mm' }),
  // VR changes
  m('Rows encoded as UL', { ...base, rowsElement: el(T.rows, 'UL', u32(32)) }, { opens: true, unit: 'mm' }),
  // "32" read as a 16-bit number is 12851 rows.
  m('Rows encoded as DS text', { ...base, rowsElement: el(T.rows, 'DS', text('32')) }, { opens: false, error: /pixel data is incomplete/i }),
  m('Rows encoded as OB', { ...base, rowsElement: el(T.rows, 'OB', [32, 0]) }, { opens: true, unit: 'mm' }),
  m('PixelSpacing encoded as FD', { ...base, spacingElement: el(T.spacing, 'FD', [...f64(0.1), ...f64(0.1)]) }, { opens: true }),
  m('PixelSpacing encoded as UN', { ...base, spacingElement: el(T.spacing, 'UN', text('0.1\\0.1')) }, { opens: true }),
  m('PixelSpacing with an invalid VR "ZZ"', { ...base, spacingElement: el(T.spacing, 'ZZ', text('0.1\\0.1')) }, { opens: false, error: /unknown value representation "ZZ"/ }),
  // Sequences
  m('an undefined-length sequence with neither item nor sequence delimiter before the pixel data', {
    ...base,
    beforePixels: bytes(el(0x00400260, 'SQ', [], UNDEFINED), tag(0xfffee000), u32(UNDEFINED), el(0x00080100, 'SH', text('X'))),
  }, { opens: false, error: /truncated: a sequence ends unexpectedly/ }),
  m('an undefined-length sequence without delimiters at the end of the file', {
    ...base,
    tail: bytes(el(0xfffafffa, 'SQ', [], UNDEFINED), tag(0xfffee000), u32(UNDEFINED), el(0x00080100, 'SH', text('X'))),
  }, { opens: false, error: /truncated: a sequence ends unexpectedly/ }),
  m('sequences nested 10,000 deep (undefined lengths)', { ...base, beforePixels: nested(10_000, true) }, { opens: false, error: /nested too deeply/ }),
  m('sequences nested 10,000 deep (defined lengths)', { ...base, beforePixels: nested(10_000, false) }, { opens: false, error: /nested too deeply/ }),
  // Geometry against the pixel data
  m('Rows and Columns 65535 with 16 bytes of pixel data', { ...base, rows: 65535, columns: 65535, pixelBytes: 16 }, { opens: false, error: /pixel data is incomplete/i }),
  m('NumberOfFrames 2^31 with one frame of pixel data', { ...base, frames: '2147483648', pixelBytes: 32 * 32 }, { opens: false, error: /number of frames|pixel data is incomplete/i }),
  m('NumberOfFrames 2^31 − 1 with one frame of pixel data', { ...base, frames: '2147483647', pixelBytes: 32 * 32 }, { opens: false, error: /pixel data is incomplete/i }),
  m('NumberOfFrames -1', { ...base, frames: '-1' }, { opens: false, error: /number of frames/i }),
  // Pixel formats
  m('BitsAllocated 1', { ...base, bitsAllocated: 1 }, { opens: true, unit: 'mm' }),
  m('BitsAllocated 12', { ...base, bitsAllocated: 12 }, { opens: true, unit: 'mm' }),
  m('BitsAllocated 64', { ...base, bitsAllocated: 64 }, { opens: true, unit: 'mm' }),
  m('BitsAllocated 64 with 8 bits of pixel data per pixel', { ...base, bitsAllocated: 64, pixelBytes: 32 * 32 }, { opens: false, error: /pixel data is incomplete/i }),
  m('SamplesPerPixel 4 (ARGB)', { ...base, samples: 4, photometric: 'ARGB' }, { opens: true, unit: 'mm' }),
  m('SamplesPerPixel 4 with one sample of pixel data', { ...base, samples: 4, photometric: 'ARGB', pixelBytes: 32 * 32 }, { opens: false, error: /pixel data is incomplete/i }),
  // Ultrasound regions
  m('1,000 ultrasound regions, all 0.01 cm', {
    ...base, spacing: undefined,
    regions: sequence(T.regions, Array.from({ length: 1000 }, (_, i) => region(i % 10, 0, 31, 31, 0.01))),
  }, { opens: true, unit: 'mm' }),
  m('1,000 ultrasound regions with different scales, all containing the trace', {
    ...base, spacing: undefined,
    regions: sequence(T.regions, Array.from({ length: 1000 }, (_, i) => region(0, 0, 31, 31, 0.01 + i * 1e-5))),
  }, { opens: true, refusedTrace: /inside ultrasound regions 0 and 1, which have different scales/ }),
  m('an ultrasound region of 1e20 cm per pixel', { ...base, spacing: undefined, regions: sequence(T.regions, [region(0, 0, 31, 31, 1e20)]) }, {
    opens: true, unit: 'px', reason: /PhysicalDeltaX and PhysicalDeltaY 1e\+20 cm are not a physical pixel size/,
  }),
  m('an ultrasound region of 1e-308 cm per pixel', { ...base, spacing: undefined, regions: sequence(T.regions, [region(0, 0, 31, 31, 1e-308)]) }, {
    opens: true, unit: 'px', reason: /1e-308 cm are not a physical pixel size/,
  }),
  // Absurd spacing
  ...(
    [
      ['1e308\\1e-308', /PixelSpacing 1e\+308\\1e-308 mm is not a physical pixel size/],
      ['1e150\\1e150', /PixelSpacing 1e\+150 mm is not a physical pixel size/],
      ['100000\\100000', /PixelSpacing 100000 mm is not a physical pixel size/],
      ['1e-320\\1e-320', /PixelSpacing 1e-320 mm is not a physical pixel size/],
    ] as const
  ).map(([spacing, reason]) => m(`PixelSpacing ${spacing}`, { ...base, spacing }, { opens: true, unit: 'px', reason })),
  // Absurd display values: the reader and CLI are unaffected, the viewer shows the full range (e2e).
  m('RescaleSlope 0, RescaleIntercept -1e308, window 1e308', { ...base, bitsAllocated: 16, display: { slope: '0', intercept: '-1e308', center: '1e308', width: '1e308' } }, { opens: true, unit: 'mm', display: /^Display values replaced: RescaleSlope 0 cannot be displayed/ }),
  m('window width 0 and NaN values', { ...base, display: { center: 'NaN', width: '0', slope: 'abc' } }, { opens: true, unit: 'mm', display: /^Display values replaced: RescaleSlope \(not a number\) cannot be displayed/ }),
];

