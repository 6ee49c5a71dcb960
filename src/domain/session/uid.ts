/**
 * DICOM UIDs under the 2.25 root (PS3.5 B.2: a UUID written as one decimal integer), made either
 * from a hash (the same input always gives the same UID) or at random.
 */
import { sha256, toHex } from './sha256';

const UUID_ROOT = '2.25.';

function uidFromBytes(bytes: Uint8Array): string {
  // 128 bits, so the UID stays within 64 characters (at most 5 + 39 digits).
  return `${UUID_ROOT}${BigInt(`0x${toHex(bytes.subarray(0, 16))}`).toString(10)}`;
}

/** Deterministic UID for a text (e.g. salt + original UID). */
export function hashToUid(text: string): string {
  return uidFromBytes(sha256(new TextEncoder().encode(text)));
}

function randomBytes(count: number): Uint8Array {
  const bytes = new Uint8Array(count);
  globalThis.crypto.getRandomValues(bytes);
  return bytes;
}

/** A fresh random UID (for a new SR document or series). */
export function randomUid(): string {
  return uidFromBytes(randomBytes(16));
}

/** A random salt (32 hex digits) so that de-identified UIDs cannot be recomputed from the originals. */
export function randomSalt(): string {
  return toHex(randomBytes(16));
}

/** A conforming DICOM UID: digits and dots, no empty or zero-led component, at most 64 characters. */
export function isDicomUid(value: string): boolean {
  return value.length <= 64 && /^(0|[1-9]\d*)(\.(0|[1-9]\d*))*$/.test(value);
}

/** Maps each original UID to a new one, consistently within one mapper (same input → same output). */
export function uidMapper(salt: string): (uid: string) => string {
  const cache = new Map<string, string>();
  return (uid) => {
    let mapped = cache.get(uid);
    if (mapped === undefined) {
      mapped = hashToUid(`${salt}\u0000${uid}`);
      cache.set(uid, mapped);
    }
    return mapped;
  };
}
