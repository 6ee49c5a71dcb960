/**
 * Reference decodes of the vendor corpus (test/fixtures/vendor/), written to
 * test/fixtures/vendor/references.json: per file, what dcmtk's dcm2pnm paints, as the mean
 * luminance and an 8 × 8 grid of block means (0-255). The viewer e2e test compares the painted
 * canvas with these. Run: `npx tsx scripts/make-vendor-references.ts [dir-with-uncompressed-originals]`.
 *
 * dcmtk has no JPEG 2000 codec: the JPEG 2000 files are referenced by the uncompressed files
 * WG04 publishes alongside them (MR2_UNCI for MR2_J2KI, US1_UNCI for US1_J2KI, US1_UNCR for
 * US1_J2KR; pydicom-data data_store/data/), given as the optional argument. dcmtk cannot expand
 * segmented palettes either: gdcm-US-ALOKA-16 is checked at pixels whose colour pydicom's own
 * tests state (see test/e2e/vendor.spec.ts), not here.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const VENDOR = join(ROOT, 'test', 'fixtures', 'vendor');
const UNCOMPRESSED = process.argv[2] ?? '/tmp/corpus14';

/** File → the file dcm2pnm decodes for it, and the window it uses. */
const REFERENCES: Record<string, { source: string; window: 'file' | 'min-max' | 'none' }> = {
  'original/MR_small.dcm': { source: 'original/MR_small.dcm', window: 'file' },
  'original/MR2_J2KI.dcm': { source: `${UNCOMPRESSED}/MR2_UNCI.dcm`, window: 'file' },
  'original/US1_J2KI.dcm': { source: `${UNCOMPRESSED}/US1_UNCI.dcm`, window: 'none' },
  'original/US1_J2KR.dcm': { source: `${UNCOMPRESSED}/US1_UNCR.dcm`, window: 'none' },
  'original/OBXXXX1A_rle.dcm': { source: 'original/OBXXXX1A_rle.dcm', window: 'none' },
  'original/ExplVR_BigEnd.dcm': { source: 'original/ExplVR_BigEnd.dcm', window: 'none' },
  'original/SC_ybr_full_422_uncompressed.dcm': { source: 'original/SC_ybr_full_422_uncompressed.dcm', window: 'none' },
  'derived/quirk-meta-group-length-wrong.dcm': { source: 'original/OBXXXX1A_rle.dcm', window: 'none' },
  'derived/quirk-stray-meta-element.dcm': { source: 'original/OBXXXX1A_rle.dcm', window: 'none' },
  'derived/quirk-window-width-0.dcm': { source: 'derived/quirk-window-width-0.dcm', window: 'min-max' },
  'derived/quirk-window-width-0-all-zero.dcm': { source: 'derived/quirk-window-width-0-all-zero.dcm', window: 'min-max' },
};

export interface ReferenceStats {
  readonly width: number;
  readonly height: number;
  readonly mean: number;
  /** Row-major 8 × 8 block means of the luminance. */
  readonly grid: number[];
  readonly decodedFrom: string;
}

/** Binary PGM (P5) or PPM (P6), 8-bit, as dcm2pnm +op writes them → luminance per pixel. */
function readPnm(bytes: Buffer): { width: number; height: number; luminance: Float64Array } {
  const header = bytes.subarray(0, 64).toString('latin1');
  const match = /^(P[56])\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(header);
  if (!match) throw new Error('not a binary PNM');
  const [, magic, w, h] = match;
  const width = Number(w);
  const height = Number(h);
  const channels = magic === 'P6' ? 3 : 1;
  const data = bytes.subarray(match[0].length);
  const luminance = new Float64Array(width * height);
  for (let i = 0; i < luminance.length; i++) {
    let sum = 0;
    for (let c = 0; c < channels; c++) sum += data[i * channels + c]!;
    luminance[i] = sum / channels;
  }
  return { width, height, luminance };
}

export function gridMeans(width: number, height: number, at: (x: number, y: number) => number): { mean: number; grid: number[] } {
  const grid: number[] = [];
  let total = 0;
  for (let gy = 0; gy < 8; gy++) {
    for (let gx = 0; gx < 8; gx++) {
      let sum = 0;
      let n = 0;
      for (let y = Math.floor((gy * height) / 8); y < Math.floor(((gy + 1) * height) / 8); y++) {
        for (let x = Math.floor((gx * width) / 8); x < Math.floor(((gx + 1) * width) / 8); x++) {
          sum += at(x, y);
          n++;
        }
      }
      grid.push(n ? sum / n : 0);
      total += sum;
    }
  }
  return { mean: total / (width * height), grid };
}

function reference(source: string, window: 'file' | 'min-max' | 'none'): ReferenceStats {
  const path = source.startsWith('/') ? source : join(VENDOR, source);
  if (!existsSync(path)) throw new Error(`${path} is missing (pass the folder of the uncompressed WG04 files)`);
  const out = join(mkdtempSync(join(tmpdir(), 'vendor-ref-')), 'ref.pnm');
  const flags = window === 'file' ? ['+Wi', '1'] : window === 'min-max' ? ['+Wm'] : [];
  execFileSync('dcm2pnm', ['--quiet', ...flags, '+op', path, out]);
  const { width, height, luminance } = readPnm(readFileSync(out));
  const { mean, grid } = gridMeans(width, height, (x, y) => luminance[y * width + x]!);
  const round = (v: number) => Math.round(v * 10) / 10;
  return { width, height, mean: round(mean), grid: grid.map(round), decodedFrom: source.startsWith('/') ? source.split('/').pop()! : source };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const out: Record<string, ReferenceStats> = {};
  for (const [file, { source, window }] of Object.entries(REFERENCES)) out[file] = reference(source, window);
  writeFileSync(join(VENDOR, 'references.json'), `${JSON.stringify(out, null, 1)}\n`);
  console.log(`Wrote ${Object.keys(out).length} references to ${join(VENDOR, 'references.json')}`);
}
