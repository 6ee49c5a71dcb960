/**
 * Source citations as the report prints them: in square brackets, by author and year where the
 * source list gives one ("[Chen 2018]", "[Katirji & Wilbourn 1994]"), otherwise "[ref. S23]" — so a
 * source key can never be read as a root level ("(S1)" next to a sciatic nerve looks like the S1 root).
 */
import { isSourceKey, type SourceKey } from './sources';

/** Author–year names of the numbered sources that have one (from the source list). */
export const AUTHOR_YEAR: Readonly<Partial<Record<SourceKey, string>>> = {
  S1: 'Chen 2018',
  S2: 'Czech Slov Neurol Neurochir 2020',
  S3: 'Sinclair 2011',
  S6: 'Grimm 2018',
  S7: 'Visser 2013',
  S8: 'Ann Rehabil Med 2016',
  S9: 'Tagliafico 2012',
  S10: 'Padua 2012',
  S19: 'Phillips & Park 1991',
  S22: 'Katirji & Wilbourn 1994',
  S33: 'Buschbacher, peroneal',
  S34: 'Buschbacher, tibial',
  S37: 'Chen 2016',
};

/** One source key as cited: "Chen 2018", "ref. S23", "Tavee 2014"; unknown text as written. */
export function citationName(key: string): string {
  const k = key.trim();
  if (isSourceKey(k)) return AUTHOR_YEAR[k] ?? (/^S\d+$/.test(k) ? `ref. ${k}` : k);
  return k;
}

/** "[Katirji & Wilbourn 1994; ref. S23]"; conventions stay "(convention)". */
export function cite(keys: readonly string[]): string {
  const real = keys.filter((k) => k !== 'convention');
  if (real.length === 0) return keys.length > 0 ? '(convention)' : '';
  return `[${real.map(citationName).join('; ')}]${real.length < keys.length ? ' (convention)' : ''}`;
}

const BY_NAME = new Map<string, SourceKey>(
  (Object.entries(AUTHOR_YEAR) as Array<[SourceKey, string]>).map(([key, name]) => [name, key]),
);

/** Source keys cited in a text: bare keys ("S33"), "ref. S23", author–year names and named keys ("Tavee 2014"). */
export function sourceKeysIn(text: string): SourceKey[] {
  const found = new Set<SourceKey>();
  for (const m of text.match(/\bS\d{1,2}\b/g) ?? []) if (isSourceKey(m)) found.add(m);
  for (const [name, key] of BY_NAME) if (text.includes(name)) found.add(key);
  for (const named of ['Tavee 2014', 'EFNS/PNS 2010'] as const) if (text.includes(named) && isSourceKey(named)) found.add(named);
  return [...found];
}
