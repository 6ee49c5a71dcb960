/**
 * The profile and follow-up tables for the session JSON — the same cells as the Profile tab and the
 * CSV — with a note saying they are derived and not read back.
 */
import type { NerveProfile } from '../profile';
import { PROFILE_TABLE_COLUMNS, profileTableRows } from '../profile';
import type { SessionProfileTables } from '../session';
import type { FollowUp } from './compareVisits';
import { followUpTable } from './followUpTable';

export const PROFILE_TABLES_NOTE =
  'Derived from the measurements when the file was written (mean of the included calibrated repeats, mm²); NerveTrace recomputes them on load and never reads these tables back.';

export function sessionProfileTables(profiles: readonly NerveProfile[], followUp: FollowUp | null): SessionProfileTables {
  return {
    note: PROFILE_TABLES_NOTE,
    profile: { columns: [...PROFILE_TABLE_COLUMNS], rows: profileTableRows(profiles) },
    ...(followUp ? { followUp: followUpTable(followUp) } : {}),
  };
}
