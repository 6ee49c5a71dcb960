import { beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createPinia, setActivePinia } from 'pinia';
import { parseSession, rehydrateSession, type Session } from '../../src/domain/session';
import { useMeasurementStore } from '../../src/stores/measurementStore';
import { useProfileStore } from '../../src/stores/profileStore';

const sample = (name: string) => readFileSync(resolve(__dirname, `../../sample-dicom/followup/${name}`), 'utf8');

function visit1(): Session {
  const parsed = parseSession(sample('visit-1-session.json'));
  if (!parsed.ok) throw new Error(parsed.error);
  return rehydrateSession(parsed.value).session;
}

beforeEach(() => setActivePinia(createPinia()));

describe('profile store', () => {
  it('profiles follow the measurements in use; the follow-up appears once another visit is added', () => {
    const profile = useProfileStore();
    useMeasurementStore().replaceAll(visit1().measurements);
    expect(profile.profiles.map((p) => p.label)).toEqual(['Sciatic nerve — ultrasound']);
    expect(profile.followUp).toBeNull();
    expect(profile.addVisitFromText('visit-2-session.json', sample('visit-2-session.json'))).toEqual({ ok: true, value: true });
    // "this session" has no open studies here: it is undated, so it is placed after the dated visit
    expect(profile.followUp!.visits.map((v) => v.label)).toEqual(['visit-2-session.json', 'this session']);
    expect(profile.followUpTable!.rows).toHaveLength(6);
  });

  it('refuses a visit of another patient and an unreadable file with one sentence, keeping the visits it has', () => {
    const profile = useProfileStore();
    profile.addVisitFromText('visit-1-session.json', sample('visit-1-session.json'));
    const other = JSON.parse(sample('visit-2-session.json'));
    other.patient.id = 'NT-0002';
    const refused = profile.addVisitFromText('other.json', JSON.stringify(other));
    expect(refused.ok).toBe(false);
    expect(profile.visitError).toMatch(/^The sessions belong to different patients/);
    expect(profile.addVisitFromText('broken.json', '{').ok).toBe(false);
    expect(profile.otherVisits.map((v) => v.label)).toEqual(['visit-1-session.json']);
  });

  it('the session JSON tables name visits by date only when de-identified', () => {
    const profile = useProfileStore();
    useMeasurementStore().replaceAll(visit1().measurements);
    profile.addVisitFromText('visit-2-session.json', sample('visit-2-session.json'));
    expect(profile.tablesForExport(false).followUp!.columns.join('|')).not.toContain('visit-2-session.json');
    expect(profile.tablesForExport(true).followUp!.columns.join('|')).toContain('visit-2-session.json');
    expect(profile.tablesForExport(false).profile.rows).toEqual(profile.profileTable.rows);
  });
});
