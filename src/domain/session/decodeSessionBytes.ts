/**
 * The bytes of a session file → its text, the same in the browser (import) and in the CLI: UTF-8
 * (with or without a byte-order mark), and UTF-16 little or big endian, as Windows editors often
 * save "Unicode" text, recognised by its byte-order mark or by the zero bytes of ASCII characters.
 */
import { fail, ok, type Result } from '../types';

function utf16Order(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  // No mark: JSON starts with ASCII ("{" or whitespace), so one of each pair of bytes is zero.
  if (bytes.length >= 4 && bytes.length % 2 === 0) {
    if (bytes[0] !== 0 && bytes[1] === 0 && bytes[2] !== 0 && bytes[3] === 0) return 'utf-16le';
    if (bytes[0] === 0 && bytes[1] !== 0 && bytes[2] === 0 && bytes[3] !== 0) return 'utf-16be';
  }
  return null;
}

/** `what` names the file in the refusal ("report.json"). */
export function decodeSessionBytes(bytes: Uint8Array, what: string): Result<string> {
  const utf16 = utf16Order(bytes);
  try {
    const text = new TextDecoder(utf16 ?? 'utf-8', { fatal: true }).decode(bytes);
    return ok(text.replace(/^\uFEFF/, ''));
  } catch {
    return fail(`${what} is not a NerveTrace session: it is not UTF-8 or UTF-16 text.`);
  }
}
