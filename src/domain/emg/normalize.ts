import type { Side } from '../types';

/**
 * Normalise a name written in a report for matching: lower case, spinal levels joined
 * ("L4/5", "L4-L5", "l4 / l5" → "l4l5"; "L5/S1" → "l5s1"), punctuation to spaces, a leading
 * "m." / "muscle" dropped, spaces collapsed.
 */
export function normalizeName(text: string): string {
  let s = text.toLowerCase().normalize('NFKC').replace(/µ/g, 'u');
  s = s.replace(/\b([ls])(\d)\s*[/\-–]\s*([ls])?(\d)\b/g, (_m, a: string, b: string, c: string | undefined, d: string) => `${a}${b}${c ?? a}${d}`);
  s = s.replace(/[^a-z0-9+]+/g, ' ').trim();
  s = s.replace(/^(m|mm|musc|muscle|musculus)\s+/, '');
  return s.replace(/\s+/g, ' ');
}

/** Word-order-free key: "paraspinals l5" and "l5 paraspinals" give the same key. */
export function orderFreeKey(normalized: string): string {
  return normalized.split(' ').filter(Boolean).sort().join(' ');
}

const SIDE_WORDS: Readonly<Record<string, Side>> = {
  l: 'L',
  lt: 'L',
  left: 'L',
  links: 'L',
  r: 'R',
  rt: 'R',
  right: 'R',
  rechts: 'R',
};

/** "L", "left", "Lt", "R", "rechts" → side; anything else → null. */
export function parseSide(text: string): Side | null {
  return SIDE_WORDS[normalizeName(text)] ?? null;
}

/**
 * Split a side word off a name: "R tib ant", "Tibialis anterior (L)", "Left sural" →
 * { side, rest }. A spinal level such as "L5" is not a side.
 */
export function splitSide(text: string): { readonly side: Side | null; readonly rest: string } {
  const words = normalizeName(text).split(' ').filter(Boolean);
  if (words.length > 1) {
    const first = SIDE_WORDS[words[0]!];
    if (first) return { side: first, rest: words.slice(1).join(' ') };
    const last = SIDE_WORDS[words[words.length - 1]!];
    if (last) return { side: last, rest: words.slice(0, -1).join(' ') };
  }
  return { side: null, rest: words.join(' ') };
}

/** Normalise a value cell: lower case, unicode minus to "-", punctuation other than "+" and "-" to spaces. */
export function normalizeCell(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[\u2212\u2013\u2014]/g, '-')
    .replace(/[^a-z0-9+\-]+/g, ' ')
    .replace(/([a-z])-(?=[a-z])/g, '$1 ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Normalise a header cell: drop parenthesised or bracketed units, then as `normalizeName`. */
export function normalizeHeader(text: string): string {
  return normalizeName(text.replace(/\([^)]*\)|\[[^\]]*\]/g, ' '));
}
