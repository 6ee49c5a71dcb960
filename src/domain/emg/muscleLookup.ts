import { AMBIGUOUS_MUSCLE_NAMES, MUSCLES, type MuscleDefinition } from './muscles';
import { normalizeName, orderFreeKey } from './normalize';

const byId = new Map<string, MuscleDefinition>(MUSCLES.map((m) => [m.id, m]));

const byName = new Map<string, MuscleDefinition>();
for (const muscle of MUSCLES) {
  for (const name of [muscle.id, muscle.label, ...muscle.synonyms]) {
    const normalized = normalizeName(name);
    if (!byName.has(normalized)) byName.set(normalized, muscle);
    const key = orderFreeKey(normalized);
    if (!byName.has(key)) byName.set(key, muscle);
  }
}

const ambiguous = new Map(AMBIGUOUS_MUSCLE_NAMES.map((a) => [normalizeName(a.text), a.candidates]));

/** The vocabulary entry for a muscle id, or null. */
export function getMuscle(id: string): MuscleDefinition | null {
  return byId.get(id) ?? null;
}

export type MuscleMatch =
  | { readonly kind: 'known'; readonly muscle: MuscleDefinition }
  | { readonly kind: 'ambiguous'; readonly candidates: readonly MuscleDefinition[] }
  | { readonly kind: 'unknown' };

/**
 * Match a muscle as written in a report ("TA", "tib ant", "biceps femoris (short head)",
 * "paraspinals L5", "m. tibialis anterior") or a vocabulary id to the controlled vocabulary.
 */
export function matchMuscle(text: string): MuscleMatch {
  const direct = byId.get(text.trim());
  if (direct) return { kind: 'known', muscle: direct };
  const normalized = normalizeName(text);
  if (normalized.length === 0) return { kind: 'unknown' };
  const found = byName.get(normalized) ?? byName.get(orderFreeKey(normalized));
  if (found) return { kind: 'known', muscle: found };
  const candidates = ambiguous.get(normalized);
  if (candidates) {
    return { kind: 'ambiguous', candidates: candidates.map((id) => byId.get(id)).filter((m): m is MuscleDefinition => !!m) };
  }
  return { kind: 'unknown' };
}

/** The vocabulary entry for a row's muscle (id or free text), or null when it is not in the vocabulary. */
export function resolveMuscle(idOrText: string): MuscleDefinition | null {
  const match = matchMuscle(idOrText);
  return match.kind === 'known' ? match.muscle : null;
}

function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      row.push(v);
      best = Math.min(best, v);
    }
    if (best > cap) return cap + 1;
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * The vocabulary muscle a misspelt name most probably means ("Tibials anterior" → tibialis anterior):
 * within 2 edits of a name or synonym of at least 6 letters (1 edit for shorter ones), and only when a
 * single muscle is that close. For confirmation by the user, never applied silently.
 */
export function suggestMuscle(text: string): MuscleDefinition | null {
  const key = normalizeName(text);
  if (key.length < 4 || matchMuscle(text).kind !== 'unknown') return null;
  let best: { muscle: MuscleDefinition; distance: number } | null = null;
  let tie = false;
  for (const [name, muscle] of byName) {
    if (name.length < 4) continue;
    const cap = name.length >= 6 ? 2 : 1;
    const d = editDistance(key, name, cap);
    if (d > cap) continue;
    if (!best || d < best.distance) {
      best = { muscle, distance: d };
      tie = false;
    } else if (d === best.distance && best.muscle.id !== muscle.id) tie = true;
  }
  return best && !tie ? best.muscle : null;
}
