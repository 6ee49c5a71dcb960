/**
 * Inflater for the Deflated Explicit VR Little Endian transfer syntax (1.2.840.10008.1.2.1.99).
 * dicom-parser only inflates by itself through Node's zlib or a global `pako`; passing this
 * callback makes the same code work in the browser and in Node.
 */
import { Inflate } from 'pako';

/** Thrown by the inflater with a user-facing sentence; readMetadata catches it. */
export class InflateError extends Error {}

/**
 * Returns a copy of `bytes` in which everything from `position` (the start of the data set)
 * is replaced by its raw-inflated form.
 */
export function inflateDataSet(bytes: Uint8Array, position: number): Uint8Array {
  const inflator = new Inflate({ raw: true });
  inflator.push(bytes.subarray(position), true);
  if (inflator.err) {
    throw new InflateError('The file is damaged: its deflated data set could not be decompressed.');
  }
  if (!inflator.ended || !inflator.result) {
    throw new InflateError('The file is truncated: its deflated data set ends before the compressed stream is complete.');
  }
  const inflated = inflator.result;
  const full = new Uint8Array(position + inflated.length);
  full.set(bytes.subarray(0, position), 0);
  full.set(inflated, position);
  return full;
}
