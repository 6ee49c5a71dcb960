/**
 * Compressed / alternative transfer-syntax variants.
 *  - JPEG baseline, JPEG-LS lossless, RLE, explicit VR big endian, deflate: Debian dcmtk
 *    (dcmcjpeg, dcmcjpls, dcmcrle, dcmconv). Skipped with a message when dcmtk is missing.
 *  - JPEG 2000 lossless: OpenJPEG encoder from @cornerstonejs/codec-openjpeg (WebAssembly),
 *    codestream encapsulated by dcmjs (one fragment per frame, basic offset table).
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const DCMTK_TOOLS = ['dcmcjpeg', 'dcmcjpls', 'dcmcrle', 'dcmconv'] as const;
export type DcmtkTool = (typeof DCMTK_TOOLS)[number];

/** Names of the dcmtk tools that are missing from PATH (empty when all are present). */
export function missingDcmtkTools(): string[] {
  return DCMTK_TOOLS.filter((t) => {
    const r = spawnSync(t, ['--version'], { encoding: 'utf8' });
    return r.error !== undefined || r.status !== 0;
  });
}

export function runDcmtk(tool: DcmtkTool, args: string[]): void {
  const r = spawnSync(tool, args, { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    throw new Error(`${tool} ${args.join(' ')} failed: ${r.error?.message ?? ''}${r.stderr ?? ''}`);
  }
}

interface FrameInfo {
  width: number;
  height: number;
  bitsPerSample: number;
  componentCount: number;
  isSigned: boolean;
  isUsingColorTransform?: boolean;
}
interface J2KEncoderInstance {
  getDecodedBuffer(info: FrameInfo): Uint8Array;
  setQuality(lossless: boolean, quality: number): void;
  setDecompositions(n: number): void;
  encode(): void;
  getEncodedBuffer(): Uint8Array;
  delete?(): void;
}
interface J2KDecoderInstance {
  getEncodedBuffer(length: number): Uint8Array;
  decode(): void;
  getDecodedBuffer(): Uint8Array;
  getFrameInfo(): FrameInfo;
  delete?(): void;
}
interface OpenJpegModule {
  J2KEncoder: new () => J2KEncoderInstance;
  J2KDecoder: new () => J2KDecoderInstance;
}

/**
 * Lossless JPEG 2000 codestream of a single 16-bit-allocated monochrome frame
 * (precision = bitsStored). The round trip is verified by decoding.
 */
export async function encodeJ2kLossless(pixels: Uint16Array, width: number, height: number, bitsStored: number): Promise<Uint8Array> {
  const factory = require('@cornerstonejs/codec-openjpeg/wasmjs') as (opts?: Record<string, unknown>) => Promise<OpenJpegModule>;
  // Silence OpenJPEG's informational prints.
  const mod = await factory({ print: () => undefined, printErr: () => undefined });
  const enc = new mod.J2KEncoder();
  const info: FrameInfo = { width, height, bitsPerSample: bitsStored, componentCount: 1, isSigned: false, isUsingColorTransform: false };
  const input = enc.getDecodedBuffer(info);
  input.set(new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.byteLength));
  enc.setQuality(true, 0);
  enc.setDecompositions(5);
  enc.encode();
  const codestream = enc.getEncodedBuffer().slice();
  enc.delete?.();

  const dec = new mod.J2KDecoder();
  dec.getEncodedBuffer(codestream.length).set(codestream);
  dec.decode();
  const decoded = dec.getDecodedBuffer();
  const back = new Uint16Array(decoded.slice().buffer);
  dec.delete?.();
  if (back.length !== pixels.length) throw new Error('JPEG 2000 round trip: wrong decoded size');
  for (let i = 0; i < pixels.length; i++) if (back[i] !== pixels[i]) throw new Error(`JPEG 2000 round trip differs at pixel ${i}`);
  return codestream;
}
