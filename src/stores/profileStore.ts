/**
 * The Profile tab's state: the profiles of the session in use (computed by the domain from the
 * measurements and the chosen reference set) and the follow-up — this session plus other visits of
 * the same patient the user added (session files, saved sessions of this browser), with the
 * baseline and latest visit chosen automatically unless the user picks them.
 *
 * Other visits are held for this page only (not saved with the session): a session file is the
 * record of one visit.
 */
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { buildProfiles, PROFILE_TABLE_COLUMNS, profileTableRows } from '../domain/profile';
import { compareVisits, followUpTable, orderVisits, sessionProfileTables, visitFromSession, type FollowUp, type Visit } from '../domain/followup';
import { parseSession, rehydrateSession, type Session, type SessionProfileTables } from '../domain/session';
import { fail, ok, type Result } from '../domain/types';
import { useClinicalStore } from './clinicalStore';
import { useMeasurementStore } from './measurementStore';
import { useSessionStore } from './sessionStore';

export const CURRENT_VISIT_ID = 'current';

export interface OtherVisit {
  readonly id: string;
  readonly label: string;
  readonly session: Session;
}

export const useProfileStore = defineStore('profile', () => {
  const measurementStore = useMeasurementStore();
  const clinicalStore = useClinicalStore();
  const sessionStore = useSessionStore();

  const otherVisits = shallowRef<readonly OtherVisit[]>([]);
  /** null = automatic (earliest / latest). */
  const baselineId = ref<string | null>(null);
  const latestId = ref<string | null>(null);
  /** One sentence about the last visit that could not be added. */
  const visitError = ref('');

  const profiles = computed(() => buildProfiles(measurementStore.measurements, clinicalStore.referenceSet));
  const currentVisit = computed<Visit>(() => visitFromSession(sessionStore.current(), CURRENT_VISIT_ID, 'this session'));
  const visits = computed<readonly Visit[]>(() => [
    currentVisit.value,
    ...otherVisits.value.map((v) => visitFromSession(v.session, v.id, v.label)),
  ]);

  const followUpResult = computed<Result<FollowUp> | null>(() => {
    if (otherVisits.value.length === 0) return null;
    const known = new Set(visits.value.map((v) => v.id));
    return compareVisits(visits.value, clinicalStore.referenceSet, {
      baselineId: baselineId.value && known.has(baselineId.value) ? baselineId.value : null,
      latestId: latestId.value && known.has(latestId.value) ? latestId.value : null,
    });
  });
  const followUp = computed(() => (followUpResult.value?.ok ? followUpResult.value.value : null));
  const followUpError = computed(() => (followUpResult.value && !followUpResult.value.ok ? followUpResult.value.error : ''));

  /** Add one visit from session JSON text; refused (nothing changes) when unreadable or of another patient. */
  function addVisitFromText(label: string, text: string): Result<true> {
    const parsed = parseSession(text);
    if (!parsed.ok) return refuse(`${label} could not be added: ${parsed.error}`);
    return addVisit(label, rehydrateSession(parsed.value).session);
  }

  function addVisit(label: string, session: Session): Result<true> {
    let id = label;
    for (let i = 2; visits.value.some((v) => v.id === id); i++) id = `${label} (${i})`;
    const candidate = visitFromSession(session, id, id);
    const checked = orderVisits([...visits.value, candidate]);
    if (!checked.ok) return refuse(checked.error);
    otherVisits.value = [...otherVisits.value, { id, label: id, session }];
    visitError.value = '';
    return ok(true);
  }

  function removeVisit(id: string): void {
    otherVisits.value = otherVisits.value.filter((v) => v.id !== id);
    if (baselineId.value === id) baselineId.value = null;
    if (latestId.value === id) latestId.value = null;
  }

  function refuse(error: string): Result<true> {
    visitError.value = error;
    return fail(error);
  }

  /** The tables for the session JSON; visits named by date only unless identifiers are included (file names can carry names). */
  function tablesForExport(identified: boolean): SessionProfileTables {
    const f = followUp.value;
    const anonymous = f && !identified ? { ...f, visits: f.visits.map((v, i) => ({ ...v, label: `visit ${i + 1}` })) } : f;
    return sessionProfileTables(profiles.value, anonymous);
  }

  const profileTable = computed(() => ({ columns: PROFILE_TABLE_COLUMNS, rows: profileTableRows(profiles.value) }));
  const followUpTableView = computed(() => (followUp.value ? followUpTable(followUp.value) : null));

  return {
    otherVisits,
    baselineId,
    latestId,
    visitError,
    profiles,
    visits,
    followUp,
    followUpError,
    profileTable,
    followUpTable: followUpTableView,
    addVisitFromText,
    addVisit,
    removeVisit,
    tablesForExport,
  };
});
