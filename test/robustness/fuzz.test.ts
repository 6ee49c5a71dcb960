/**
 * Issue 8 — seeded mutation fuzzing of the sample files through the shared reader and the CLI
 * commands, in-process. Mutations: bit flips, byte overwrites, truncations, deleted ranges,
 * corrupted value lengths (found by walking the parsed elements, sequence items and pixel data
 * fragments), corrupted VRs and tags. Every mutant must be reported: opened, or refused with
 * one plain sentence; nothing may throw, print "Internal error" or a stack trace.
 *
 * Deterministic: NERVETRACE_FUZZ_SEED (default below) and NERVETRACE_FUZZ_COUNT (default 2400)
 * reproduce a run exactly; a failure prints the seed, the mutant's index and what was done.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import dicomParser from 'dicom-parser';
import type { DataSet } from 'dicom-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.ts';
import type { InspectRow } from '../../src/cli/inspect.ts';
import { memoryIo } from '../../src/cli/io.ts';
import { readDicomMetadata } from '../../src/dicom/index.ts';
import { isOneSentence } from './sentence.ts';
import { Rng } from '../../scripts/samples/prng.ts';

const SEED = Number(process.env.NERVETRACE_FUZZ_SEED ?? 20250314);
const COUNT = Number(process.env.NERVETRACE_FUZZ_COUNT ?? 2400);
const ROOT = new URL('../../', import.meta.url).pathname;

// ---------------------------------------------------------------------------------------------
// The samples and where their value lengths are
// ---------------------------------------------------------------------------------------------

interface LengthField {
  readonly at: number;
  readonly size: 2 | 4;
  readonly bigEndian: boolean;
  /** Offset of the element's tag and explicit VR (null for items and fragments). */
  readonly tagAt: number | null;
  readonly vrAt: number | null;
}

interface Sample {
  readonly file: string;
  readonly bytes: Uint8Array;
  /** Everything before the pixel data value: where damage is most interesting. */
  readonly headerEnd: number;
  readonly lengths: readonly LengthField[];
  readonly points: string;
}

const LONG_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'SV', 'UC', 'UN', 'UR', 'UT', 'UV']);
const DEFLATED = '1.2.840.10008.1.2.1.99';
const BIG_ENDIAN = '1.2.840.10008.1.2.2';

function collectLengths(ds: DataSet, bigEndian: boolean, out: LengthField[], skipMeta: boolean): void {
  for (const el of Object.values(ds.elements)) {
    if (skipMeta && el.tag.startsWith('x0002')) continue;
    const elementBigEndian = bigEndian && !el.tag.startsWith('x0002');
    if (el.vr !== undefined) {
      const long = LONG_VRS.has(el.vr);
      const tagAt = el.dataOffset - (long ? 12 : 8);
      out.push({ at: el.dataOffset - (long ? 4 : 2), size: long ? 4 : 2, bigEndian: elementBigEndian, tagAt, vrAt: tagAt + 4 });
    } else {
      out.push({ at: el.dataOffset - 4, size: 4, bigEndian: elementBigEndian, tagAt: el.dataOffset - 8, vrAt: null });
    }
    for (const item of el.items ?? []) {
      out.push({ at: item.dataOffset - 4, size: 4, bigEndian: elementBigEndian, tagAt: null, vrAt: null });
      if (item.dataSet) collectLengths(item.dataSet, bigEndian, out, false);
    }
    if (el.encapsulatedPixelData) {
      out.push({ at: el.dataOffset + 4, size: 4, bigEndian: false, tagAt: null, vrAt: null }); // basic offset table item
      for (const fragment of el.fragments ?? []) out.push({ at: fragment.position - 4, size: 4, bigEndian: false, tagAt: null, vrAt: null });
    }
  }
}

interface ManifestFile {
  file: string;
  nerves: { outline: [number, number][] }[];
}

function loadSamples(): Sample[] {
  const manifest = JSON.parse(readFileSync(`${ROOT}sample-dicom/manifest.json`, 'utf8')) as { files: ManifestFile[] };
  // Every ultrasound file, one MR slice and every compressed or re-encoded copy: each layout once.
  const chosen = manifest.files.filter((f) => !f.file.startsWith('mr/mr-stir-axial-') || f.file.endsWith('-01.dcm'));
  return chosen.map((f) => {
    const bytes = new Uint8Array(readFileSync(`${ROOT}sample-dicom/${f.file}`));
    const meta = dicomParser.readPart10Header(bytes);
    const ts = meta.string('x00020010');
    const lengths: LengthField[] = [];
    collectLengths(meta, false, lengths, false);
    let headerEnd = bytes.length;
    if (ts !== DEFLATED) {
      const ds = dicomParser.parseDicom(bytes);
      collectLengths(ds, ts === BIG_ENDIAN, lengths, true);
      const pixels = ds.elements.x7fe00010;
      if (pixels) headerEnd = pixels.dataOffset + (pixels.encapsulatedPixelData ? 64 : 0);
    }
    const outline = f.nerves[0]?.outline ?? [[10, 10], [30, 10], [30, 30], [10, 30]];
    return { file: f.file, bytes, headerEnd, lengths, points: outline.map(([x, y]) => `${x},${y}`).join(' ') };
  });
}

// ---------------------------------------------------------------------------------------------
// Mutations
// ---------------------------------------------------------------------------------------------

const INTERESTING_BYTES = [0x00, 0x01, 0x7f, 0x80, 0xfe, 0xff, 0x20, 0x5c];

function writeLength(bytes: Uint8Array, field: LengthField, value: number): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (field.size === 2) view.setUint16(field.at, value & 0xffff, !field.bigEndian);
  else view.setUint32(field.at, value >>> 0, !field.bigEndian);
}
function readLength(bytes: Uint8Array, field: LengthField): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return field.size === 2 ? view.getUint16(field.at, !field.bigEndian) : view.getUint32(field.at, !field.bigEndian);
}

/** A position biased towards the header (before the pixel data), where structure lives. */
function position(rng: Rng, s: Sample): number {
  return rng.next() < 0.8 ? rng.int(s.headerEnd) : rng.int(s.bytes.length);
}

type Operator = 'bit-flip' | 'byte-overwrite' | 'truncate' | 'delete-range' | 'length' | 'vr' | 'tag';

function mutate(rng: Rng, s: Sample): { op: Operator; bytes: Uint8Array; detail: string } {
  const roll = rng.next();
  if (roll < 0.35) {
    const field = rng.pick(s.lengths);
    const bytes = s.bytes.slice();
    const old = readLength(bytes, field);
    const value = rng.pick([
      0, 1, 2, 3, old - 1, old + 1, old + 2, old - 2, old * 2, old >>> 1, 0xffff, 0xfffe, 0xffffffff, 0xfffffff0,
      0x7fffffff, 0x80000000, rng.int(bytes.length + 1000), rng.int(0x100000000),
    ]);
    writeLength(bytes, field, value);
    return { op: 'length', bytes, detail: `length at ${field.at} (${field.size} bytes) ${old} -> ${value >>> 0}` };
  }
  if (roll < 0.55) {
    const bytes = s.bytes.slice();
    const flips = 1 + rng.int(8);
    const at: number[] = [];
    for (let i = 0; i < flips; i++) {
      const p = position(rng, s);
      bytes[p]! ^= 1 << rng.int(8);
      at.push(p);
    }
    return { op: 'bit-flip', bytes, detail: `bits flipped at ${at.join(',')}` };
  }
  if (roll < 0.7) {
    const bytes = s.bytes.slice();
    const p = position(rng, s);
    const n = 1 + rng.int(16);
    for (let i = 0; i < n && p + i < bytes.length; i++) bytes[p + i] = rng.next() < 0.5 ? rng.pick(INTERESTING_BYTES) : rng.int(256);
    return { op: 'byte-overwrite', bytes, detail: `${n} bytes overwritten at ${p}` };
  }
  if (roll < 0.82) {
    const cut = rng.next() < 0.7 ? rng.int(s.headerEnd + 1) : rng.int(s.bytes.length);
    return { op: 'truncate', bytes: s.bytes.slice(0, cut), detail: `cut at ${cut}` };
  }
  if (roll < 0.88) {
    const p = rng.int(s.headerEnd);
    const n = 1 + rng.int(64);
    const bytes = new Uint8Array(s.bytes.length - Math.min(n, s.bytes.length - p));
    bytes.set(s.bytes.subarray(0, p));
    bytes.set(s.bytes.subarray(p + n), p);
    return { op: 'delete-range', bytes, detail: `${n} bytes deleted at ${p}` };
  }
  const withTag = s.lengths.filter((f) => f.tagAt !== null && (roll < 0.94 ? f.vrAt !== null : true));
  const field = rng.pick(withTag);
  const bytes = s.bytes.slice();
  if (roll < 0.94) {
    const vr = rng.pick(['SQ', 'OB', 'OW', 'UN', 'UT', 'US', 'UL', 'DS', 'ZZ', '\0\0', 'sq', '\xff\xff']);
    bytes[field.vrAt!] = vr.charCodeAt(0);
    bytes[field.vrAt! + 1] = vr.charCodeAt(1);
    return { op: 'vr', bytes, detail: `VR at ${field.vrAt} -> ${JSON.stringify(vr)}` };
  }
  const p = field.tagAt! + rng.int(4);
  bytes[p] = rng.next() < 0.5 ? rng.pick(INTERESTING_BYTES) : rng.int(256);
  return { op: 'tag', bytes, detail: `tag byte at ${p} -> ${bytes[p]}` };
}

// ---------------------------------------------------------------------------------------------

const work = mkdtempSync(join(existsSync("/dev/shm") ? "/dev/shm" : tmpdir(), "nervetrace-fuzz-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function cli(...argv: string[]) {
  const io = memoryIo();
  let code: number;
  try {
    code = runCli(argv, io);
  } catch (e) {
    return { code: -1, out: io.out(), err: `THREW ${e instanceof Error ? e.stack : String(e)}` };
  }
  return { code, out: io.out(), err: io.err() };
}

describe('fuzzing the sample files', () => {
  it(`${COUNT} seeded mutations are each opened or refused with one sentence (seed ${SEED})`, () => {
    const samples = loadSamples();
    const rng = new Rng(SEED);
    const path = join(work, 'mutant.dcm');
    const outcomes = new Map<string, { opened: number; refused: number }>();
    const messages = new Map<string, number>();
    const problems: string[] = [];
    let slowest = { ms: 0, what: '' };
    const perSample = new Map<string, number>();
    const started = performance.now();

    for (let i = 0; i < COUNT; i++) {
      const sample = rng.pick(samples);
      const { op, bytes, detail } = mutate(rng, sample);
      const what = `#${i} ${sample.file}: ${op}, ${detail}`;
      const t0 = performance.now();

      // 1. The shared reader.
      let readerOk = false;
      try {
        const r = readDicomMetadata(bytes, 'mutant.dcm');
        readerOk = r.ok;
        if (!r.ok) {
          const generic = r.error.replace(/\d+/g, 'N').replace(/"[^"]*"/g, '"…"');
          messages.set(generic, (messages.get(generic) ?? 0) + 1);
          if (!isOneSentence(r.error)) problems.push(`${what}: unclear reader message ${JSON.stringify(r.error)}`);
        }
      } catch (e) {
        problems.push(`${what}: readDicomMetadata threw ${e instanceof Error ? e.stack : String(e)}`);
      }
      const tally = outcomes.get(op) ?? { opened: 0, refused: 0 };
      tally[readerOk ? 'opened' : 'refused']++;
      outcomes.set(op, tally);

      // 2. nervetrace inspect --json, from the file on disk.
      writeFileSync(path, bytes);
      const inspect = cli('inspect', path, '--json');
      if (inspect.code !== (readerOk ? 0 : 1) || inspect.err !== '') {
        problems.push(`${what}: inspect exit ${inspect.code}, stderr ${JSON.stringify(inspect.err.slice(0, 300))}`);
      } else {
        const [row] = JSON.parse(inspect.out) as InspectRow[];
        if (!row || row.ok !== readerOk) problems.push(`${what}: inspect row disagrees with the reader`);
        else if (!row.ok && !isOneSentence(row.error)) problems.push(`${what}: unclear inspect error ${JSON.stringify(row.error)}`);
        else if (row.ok && JSON.stringify(row).includes('Internal error')) problems.push(`${what}: inspect row mentions an internal error`);
      }

      // 3. nervetrace measure --json with the sample's first nerve outline.
      const measure = cli('measure', path, '--points', sample.points, '--json');
      if (measure.code === 0) {
        try {
          const out = JSON.parse(measure.out) as { unit?: string };
          if (out.unit !== 'mm' && out.unit !== 'px') problems.push(`${what}: measure printed no unit`);
        } catch {
          problems.push(`${what}: measure printed invalid JSON`);
        }
        if (!readerOk) problems.push(`${what}: measure succeeded on a file the reader refused`);
      } else if (measure.code === 1) {
        const message = measure.err.trimEnd();
        if (!isOneSentence(message) || measure.out !== '') problems.push(`${what}: unclear measure refusal ${JSON.stringify(message.slice(0, 300))}`);
      } else {
        problems.push(`${what}: measure exit ${measure.code}: ${measure.err.slice(0, 300)}`);
      }

      const ms = performance.now() - t0;
      if (ms > slowest.ms) slowest = { ms, what };
      perSample.set(sample.file, (perSample.get(sample.file) ?? 0) + ms);
    }

    const seconds = (performance.now() - started) / 1000;
    const opened = [...outcomes.values()].reduce((n, t) => n + t.opened, 0);
    const lines = [
      `fuzz: ${COUNT} mutations of ${samples.length} sample files (seed ${SEED}) in ${seconds.toFixed(1)} s: ${opened} opened, ${COUNT - opened} refused, ${problems.length} problems`,
      ...[...outcomes.entries()].sort().map(([op, t]) => `  ${op.padEnd(15)} ${String(t.opened).padStart(5)} opened ${String(t.refused).padStart(5)} refused`),
      '  most frequent refusals:',
      ...[...messages.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([m, n]) => `  ${String(n).padStart(5)}  ${m}`),
      ...(process.env.NERVETRACE_FUZZ_PROFILE ? [...perSample.entries()].map(([f, ms]) => `  ${f}: ${ms.toFixed(0)} ms`) : []),
      `  slowest mutant: ${slowest.ms.toFixed(1)} ms (${slowest.what})`,
    ];
    console.log(lines.join('\n'));

    expect(problems.slice(0, 20)).toEqual([]);
    // Both outcomes must actually occur, or the mutations are not reaching the parser.
    expect(opened).toBeGreaterThan(COUNT * 0.05);
    expect(COUNT - opened).toBeGreaterThan(COUNT * 0.3);
  }, 60_000);
});
