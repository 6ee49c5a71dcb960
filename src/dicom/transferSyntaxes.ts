/**
 * Transfer syntaxes NerveTrace can display, and names for the ones it cannot.
 * Pure data: no DOM, no Node APIs.
 */

export const IMPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2';
export const EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1';
export const DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1.99';
export const EXPLICIT_VR_BIG_ENDIAN = '1.2.840.10008.1.2.2';

interface TransferSyntaxInfo {
  readonly name: string;
  /** Native (uncompressed) pixel data: its length can be checked against the image geometry. */
  readonly uncompressed: boolean;
}

/** Syntaxes the reader and the viewer's image loader both handle. */
const SUPPORTED: ReadonlyMap<string, TransferSyntaxInfo> = new Map(Object.entries({
  [IMPLICIT_VR_LITTLE_ENDIAN]: { name: 'Implicit VR Little Endian', uncompressed: true },
  [EXPLICIT_VR_LITTLE_ENDIAN]: { name: 'Explicit VR Little Endian', uncompressed: true },
  [DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN]: { name: 'Deflated Explicit VR Little Endian', uncompressed: true },
  [EXPLICIT_VR_BIG_ENDIAN]: { name: 'Explicit VR Big Endian', uncompressed: true },
  '1.2.840.10008.1.2.5': { name: 'RLE Lossless', uncompressed: false },
  '1.2.840.10008.1.2.4.50': { name: 'JPEG Baseline (Process 1)', uncompressed: false },
  '1.2.840.10008.1.2.4.51': { name: 'JPEG Extended (Process 2 & 4)', uncompressed: false },
  '1.2.840.10008.1.2.4.57': { name: 'JPEG Lossless, Non-Hierarchical (Process 14)', uncompressed: false },
  '1.2.840.10008.1.2.4.70': { name: 'JPEG Lossless, First-Order Prediction (Process 14, SV1)', uncompressed: false },
  '1.2.840.10008.1.2.4.80': { name: 'JPEG-LS Lossless', uncompressed: false },
  '1.2.840.10008.1.2.4.81': { name: 'JPEG-LS Near-Lossless', uncompressed: false },
  '1.2.840.10008.1.2.4.90': { name: 'JPEG 2000 Lossless', uncompressed: false },
  '1.2.840.10008.1.2.4.91': { name: 'JPEG 2000', uncompressed: false },
  '1.2.840.10008.1.2.4.201': { name: 'High-Throughput JPEG 2000 Lossless', uncompressed: false },
  '1.2.840.10008.1.2.4.202': { name: 'High-Throughput JPEG 2000 with RPCL Options Lossless', uncompressed: false },
  '1.2.840.10008.1.2.4.203': { name: 'High-Throughput JPEG 2000', uncompressed: false },
} satisfies Record<string, TransferSyntaxInfo>));

/** Names of well-known syntaxes that are NOT supported, so refusals can name them. */
const KNOWN_UNSUPPORTED: ReadonlyMap<string, string> = new Map(Object.entries({
  '1.2.840.10008.1.2.1.98': 'Encapsulated Uncompressed Explicit VR Little Endian',
  '1.2.840.10008.1.2.4.52': 'JPEG Extended (Process 3 & 5, retired)',
  '1.2.840.10008.1.2.4.53': 'JPEG Spectral Selection, Non-Hierarchical (retired)',
  '1.2.840.10008.1.2.4.55': 'JPEG Full Progression, Non-Hierarchical (retired)',
  '1.2.840.10008.1.2.4.58': 'JPEG Lossless, Non-Hierarchical (Process 15, retired)',
  '1.2.840.10008.1.2.4.92': 'JPEG 2000 Part 2 Multi-component Lossless',
  '1.2.840.10008.1.2.4.93': 'JPEG 2000 Part 2 Multi-component',
  '1.2.840.10008.1.2.4.94': 'JPIP Referenced',
  '1.2.840.10008.1.2.4.95': 'JPIP Referenced Deflate',
  '1.2.840.10008.1.2.4.100': 'MPEG2 Main Profile / Main Level',
  '1.2.840.10008.1.2.4.101': 'MPEG2 Main Profile / High Level',
  '1.2.840.10008.1.2.4.102': 'MPEG-4 AVC/H.264 High Profile / Level 4.1',
  '1.2.840.10008.1.2.4.103': 'MPEG-4 AVC/H.264 BD-compatible High Profile / Level 4.1',
  '1.2.840.10008.1.2.4.104': 'MPEG-4 AVC/H.264 High Profile / Level 4.2 For 2D Video',
  '1.2.840.10008.1.2.4.105': 'MPEG-4 AVC/H.264 High Profile / Level 4.2 For 3D Video',
  '1.2.840.10008.1.2.4.106': 'MPEG-4 AVC/H.264 Stereo High Profile / Level 4.2',
  '1.2.840.10008.1.2.4.107': 'HEVC/H.265 Main Profile / Level 5.1',
  '1.2.840.10008.1.2.4.108': 'HEVC/H.265 Main 10 Profile / Level 5.1',
  '1.2.840.10008.1.2.4.110': 'JPEG XL Lossless',
  '1.2.840.10008.1.2.4.111': 'JPEG XL JPEG Recompression',
  '1.2.840.10008.1.2.4.112': 'JPEG XL',
  '1.2.840.10008.1.2.4.204': 'High-Throughput JPEG 2000 Part 15 Lossless',
  '1.2.840.10008.1.2.6.1': 'RFC 2557 MIME encapsulation (retired)',
  '1.2.840.10008.1.2.6.2': 'XML Encoding (retired)',
  '1.2.840.10008.1.2.7.1': 'SMPTE ST 2110-20 Uncompressed Progressive Active Video',
  '1.2.840.10008.1.2.7.2': 'SMPTE ST 2110-20 Uncompressed Interlaced Active Video',
  '1.2.840.10008.1.2.7.3': 'SMPTE ST 2110-30 PCM Digital Audio',
} satisfies Record<string, string>));

/** UIDs of all supported transfer syntaxes, in a stable order. */
export const SUPPORTED_TRANSFER_SYNTAXES: readonly string[] = Object.freeze([...SUPPORTED.keys()]);

export function isSupportedTransferSyntax(uid: string): boolean {
  return SUPPORTED.has(uid);
}

/** Native (uncompressed) pixel data, whose length must match rows×columns×frames×samples×bits/8. */
export function isUncompressedTransferSyntax(uid: string): boolean {
  return SUPPORTED.get(uid)?.uncompressed === true;
}

/** Human-readable name, or null when the UID is not a known transfer syntax. */
export function transferSyntaxName(uid: string): string | null {
  return SUPPORTED.get(uid)?.name ?? KNOWN_UNSUPPORTED.get(uid) ?? null;
}
