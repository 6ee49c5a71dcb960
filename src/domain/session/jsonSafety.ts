/**
 * JSON.parse for files from outside: keys that could reach an object prototype when the data is
 * later merged or copied (__proto__, constructor, prototype) are refused anywhere in the document,
 * by the reviver during the parse, and reported with their JSON path.
 */
import { fail, ok, type Result } from '../types';
import { formatPath } from './issues';

export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

class ForbiddenKeyError extends Error {
  constructor(readonly key: string) {
    super(`forbidden key ${key}`);
  }
}

function refuseForbiddenKeys(key: string, value: unknown): unknown {
  if (FORBIDDEN_KEYS.has(key)) throw new ForbiddenKeyError(key);
  return value;
}

/** Path of the first forbidden key (depth first), searched only after the reviver refused one. */
function findForbiddenKey(root: unknown): string | null {
  const stack: Array<{ value: unknown; path: Array<string | number> }> = [{ value: root, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i]!;
      if (typeof key === 'string' && FORBIDDEN_KEYS.has(key)) return formatPath([...path, key]);
      stack.push({ value: child, path: [...path, key] });
    }
  }
  return null;
}

function syntaxDetail(text: string, error: SyntaxError): string {
  const position = /position (\d+)/.exec(error.message);
  const base = error.message.replace(/^JSON\.parse: /, '').replace(/\s*\(line \d+ column \d+\)$/, '');
  if (!position) return base;
  const index = Number(position[1]);
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  const column = index - before.lastIndexOf('\n');
  return `${base.replace(/\s*in JSON at position \d+/, '').replace(/\s*at position \d+/, '')} (line ${line}, column ${column})`;
}

/** Parse JSON text; refuses syntax errors, forbidden keys and nesting too deep for the parser, in one sentence each. */
export function parseJsonSafely(text: string, what = 'The file'): Result<unknown> {
  try {
    return ok(JSON.parse(text, refuseForbiddenKeys) as unknown);
  } catch (e) {
    if (e instanceof ForbiddenKeyError) {
      let path: string | null = null;
      try {
        path = findForbiddenKey(JSON.parse(text) as unknown);
      } catch {
        path = null;
      }
      return fail(`${what} contains the forbidden key "${e.key}"${path ? ` at ${path}` : ''}; it is refused to protect against prototype pollution.`);
    }
    if (e instanceof SyntaxError) return fail(`${what} is not valid JSON: ${syntaxDetail(text, e)}.`);
    if (e instanceof RangeError) return fail(`${what} is nested too deeply to be read.`);
    throw e;
  }
}
