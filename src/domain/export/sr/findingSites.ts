/**
 * SNOMED CT body-structure codes written as the Finding Site (SCT 363698007) of a nerve measurement,
 * so that other viewers (OHIF reads findingSites back) name the nerve in a standard way.
 *
 * UNVERIFIED: these concept ids were not checked against a SNOMED CT release inside this project (no
 * terminology source was available when they were added). Check each one in a SNOMED CT browser
 * before relying on them clinically; a nerve set to `null` here falls back to NerveTrace's private
 * code (99NRVTRC). The NerveTrace record in each group keeps the nerve id, so a corrected table
 * changes what is written, never what NerveTrace reads back.
 */
import type { Code } from './codes';

export interface NerveSiteCode {
  readonly value: string;
  readonly meaning: string;
  readonly verified: boolean;
}

export const NERVE_FINDING_SITES: Readonly<Record<string, NerveSiteCode | null>> = {
  sciatic: { value: '52112008', meaning: 'Sciatic nerve structure', verified: false },
  tibial: { value: '45684005', meaning: 'Tibial nerve structure', verified: false },
  'common-peroneal': { value: '8933000', meaning: 'Common peroneal nerve structure', verified: false },
};

export function sctNerveCode(nerve: string): Code | null {
  const entry = NERVE_FINDING_SITES[nerve];
  return entry ? { value: entry.value, scheme: 'SCT', meaning: entry.meaning } : null;
}

export function nerveFromSctCode(value: string): string | null {
  return Object.entries(NERVE_FINDING_SITES).find(([, c]) => c?.value === value)?.[0] ?? null;
}
