/**
 * Turns schema issues into precise, plain reasons with a JSON path, e.g.
 * "measurements[2].metrics.areaMm2: expected a finite number, got text "12 mm²"".
 */
import type { z } from 'zod';

export interface SessionIssue {
  /** JSON path in the file, e.g. "measurements[2].metrics.areaMm2" ("" for the top level). */
  readonly path: string;
  readonly reason: string;
}

type ZodIssue = z.core.$ZodIssue;
type PathKey = PropertyKey;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** "measurements[2].metrics.areaMm2"; keys that are not identifiers are quoted: studies[0]["odd key"]. */
export function formatPath(path: readonly PathKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && IDENTIFIER.test(key)) out += out.length === 0 ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** Where an issue points, for messages: the path, or "the top level". */
export function describePath(path: string): string {
  return path.length > 0 ? path : 'the top level';
}

function valueAt(root: unknown, path: readonly PathKey[]): { found: boolean; value: unknown } {
  let current: unknown = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object' || !Object.prototype.hasOwnProperty.call(current, key)) {
      return { found: false, value: undefined };
    }
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return { found: true, value: current };
}

/** How a JSON value is named in a message: text "abc", the number 3, null, a list, an object. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string': {
      const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
      return `text ${JSON.stringify(shown)}`;
    }
    case 'number':
      return Number.isFinite(value) ? `the number ${value}` : String(value);
    case 'boolean':
      return String(value);
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

const EXPECTED: Readonly<Record<string, string>> = {
  number: 'a finite number',
  int: 'a whole number',
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  tuple: 'a list',
  object: 'an object',
  null: 'null',
};

function plural(n: number | bigint, word: string): string {
  return `${n} ${word}${n === 1 || n === 1n ? '' : 's'}`;
}

function sizeOf(value: unknown): number {
  return Array.isArray(value) || typeof value === 'string' ? value.length : 0;
}

function reasonFor(issue: ZodIssue, value: { found: boolean; value: unknown }): string {
  const got = value.found ? describeValue(value.value) : null;
  switch (issue.code) {
    case 'invalid_type': {
      if (!value.found || value.value === undefined) return 'required field is missing';
      return `expected ${EXPECTED[issue.expected] ?? issue.expected}, got ${got}`;
    }
    case 'invalid_value':
      if (!value.found) return 'required field is missing';
      return `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, got ${got}`;
    case 'invalid_union': {
      if ('discriminator' in issue && issue.discriminator !== undefined) {
        const options = (issue as { options?: unknown[] }).options ?? [];
        if (!value.found) return 'required field is missing';
        return `expected ${options.map((o) => JSON.stringify(o)).join(' or ')}, got ${got}`;
      }
      return 'does not match any of the allowed forms';
    }
    case 'too_small': {
      const min = issue.minimum;
      if (issue.origin === 'array') return `needs at least ${plural(min, 'item')}, has ${sizeOf(value.value)}`;
      if (issue.origin === 'string') return Number(min) === 1 ? 'must not be empty' : `needs at least ${plural(min, 'character')}`;
      return `must be ${issue.inclusive ? 'at least' : 'greater than'} ${min}, got ${got}`;
    }
    case 'too_big': {
      const max = issue.maximum;
      if (issue.origin === 'array') return `has ${sizeOf(value.value)} items, more than the limit of ${max}`;
      if (issue.origin === 'string') return `is longer than the limit of ${plural(max, 'character')}`;
      return `must be ${issue.inclusive ? 'at most' : 'less than'} ${max}, got ${got}`;
    }
    case 'invalid_format':
      if (issue.format === 'datetime') {
        return `expected a date and time in ISO 8601 form (e.g. 2025-03-01T14:05:00Z), got ${got}`;
      }
      return `does not have the expected form (${issue.format}), got ${got}`;
    default:
      return issue.message;
  }
}

/** One issue per problem; an issue naming several unknown fields becomes one per field. */
export function describeIssues(issues: readonly ZodIssue[], input: unknown): SessionIssue[] {
  const out: SessionIssue[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({ path: formatPath([...issue.path, key]), reason: 'unknown field (not part of session schema version 2)' });
      }
      continue;
    }
    out.push({ path: formatPath(issue.path), reason: reasonFor(issue, valueAt(input, issue.path)) });
  }
  return out;
}
