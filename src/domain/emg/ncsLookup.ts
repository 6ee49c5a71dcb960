import { NCS_NERVES, type NcsNerveDefinition } from './ncsNerves';
import { normalizeName } from './normalize';

const byId = new Map<string, NcsNerveDefinition>(NCS_NERVES.map((n) => [n.id, n]));

export function getNcsNerve(id: string): NcsNerveDefinition | null {
  return byId.get(id) ?? null;
}

/**
 * Match a conduction study as written ("Peroneal Motor (EDB)", "Sural anti sensory", "SPN",
 * "Tibial H") or an id to the controlled list; null when it is not recognised.
 */
export function resolveNcsNerve(idOrText: string): NcsNerveDefinition | null {
  const direct = byId.get(idOrText.trim());
  if (direct) return direct;
  const words = new Set(normalizeName(idOrText).split(' ').filter(Boolean));
  if (words.size === 0) return null;
  for (const nerve of NCS_NERVES as readonly NcsNerveDefinition[]) {
    if (nerve.excludes?.some((word) => words.has(word))) continue;
    if (nerve.patterns.some((pattern) => pattern.every((word) => words.has(word)))) return nerve;
  }
  return null;
}
