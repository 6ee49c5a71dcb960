/** What every refusal shown to a user must look like, shared by the robustness tests. */
import { expect } from 'vitest';

/**
 * One plain sentence: starts with a capital, ends with one full stop, one line, nothing from
 * the parser's internals (function names, stack frames, "Error:", "undefined", "NaN" from a
 * failed conversion, "[object Object]").
 */
export function expectOneSentence(message: string, context = ''): void {
  expect(message, context).toMatch(/^[A-Z][^\n\r]*\.$/);
  expect(message, context).not.toMatch(/dicomParser|ByteStream|readUint|littleEndian|undefined|\[object |\bat \w+ \(|Error:|\bNaN\b|RangeError/);
  expect(message.length, context).toBeLessThan(300);
  // Sentence count, ignoring decimal numbers, UIDs and parenthesised or quoted details.
  const plain = message.replace(/"[^"]*"/g, '').replace(/\d+(\.\d+)+/g, '').replace(/\(.*?\)/g, '');
  expect(plain.split(/\.\s/).length, context).toBe(1);
}

/** The same check as a predicate, for the fuzz loop (no exception per sample). */
export function isOneSentence(message: string): boolean {
  if (!/^[A-Z][^\n\r]*\.$/.test(message)) return false;
  if (/dicomParser|ByteStream|readUint|littleEndian|undefined|\[object |\bat \w+ \(|Error:|\bNaN\b|RangeError/.test(message)) return false;
  if (message.length >= 300) return false;
  const plain = message.replace(/"[^"]*"/g, '').replace(/\d+(\.\d+)+/g, '').replace(/\(.*?\)/g, '');
  return plain.split(/\.\s/).length === 1;
}
