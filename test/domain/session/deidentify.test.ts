import { describe, expect, it } from 'vitest';
import { deidentifySession, isDicomUid, serializeSession, validateSession } from '../../../src/domain/session';
import { measurement, session, SOP_L, SOP_R, STUDY, SERIES_L, SERIES_R } from './fixtures';

const original = session([measurement({ id: 'a', side: 'R' }), measurement({ id: 'b', side: 'L' }), measurement({ id: 'c', side: 'R' })]);

describe('deidentifySession: the default for sharing', () => {
  it('removes the patient name, ID, birth date and accession number', () => {
    const out = deidentifySession(original, 'salt');
    expect(out.patient).toBeUndefined();
    const text = serializeSession(out);
    for (const secret of ['Smith^John', 'PID-4711', '19600101', 'ACC-99', 'Smith_John']) expect(text).not.toContain(secret);
  });

  it('replaces every UID, consistently: the same original UID becomes the same 2.25 UID everywhere', () => {
    const out = deidentifySession(original, 'salt');
    const text = serializeSession(out);
    for (const uid of [STUDY, SERIES_L, SERIES_R, SOP_L, SOP_R]) expect(text).not.toContain(uid);
    const study = out.studies[0]!;
    const [left, right] = study.series;
    expect(out.measurements.map((m) => m.image.sopInstanceUid)).toEqual([
      right!.instances[0]!.sopInstanceUid,
      left!.instances[0]!.sopInstanceUid,
      right!.instances[0]!.sopInstanceUid,
    ]);
    expect(out.measurements.every((m) => m.image.studyInstanceUid === study.studyInstanceUid)).toBe(true);
    expect(out.calibrations[0]!.seriesInstanceUid).toBe(left!.seriesInstanceUid);
    const uids = [study.studyInstanceUid, left!.seriesInstanceUid, right!.seriesInstanceUid, left!.instances[0]!.sopInstanceUid];
    expect(uids.every((u) => u.startsWith('2.25.') && isDicomUid(u))).toBe(true);
    expect(new Set(uids).size).toBe(uids.length);
  });

  it('is deterministic for a given salt and differs between salts (random salt by default)', () => {
    expect(deidentifySession(original, 'x')).toStrictEqual(deidentifySession(original, 'x'));
    expect(deidentifySession(original, 'x').studies[0]!.studyInstanceUid).not.toBe(deidentifySession(original, 'y').studies[0]!.studyInstanceUid);
    expect(deidentifySession(original).studies[0]!.studyInstanceUid).not.toBe(deidentifySession(original).studies[0]!.studyInstanceUid);
  });

  it('replaces file names by neutral ones, the same name for the same file', () => {
    const out = deidentifySession(original, 'salt');
    const names = out.studies[0]!.series.map((s) => s.instances[0]!.fileName);
    expect(names).toEqual(['image-0001.dcm', 'image-0002.dcm']);
    expect(out.measurements.map((m) => m.image.fileName)).toEqual(['image-0002.dcm', 'image-0001.dcm', 'image-0002.dcm']);
  });

  it('keeps the measurements, their numbers and the clinical data, and still validates', () => {
    const out = deidentifySession(original, 'salt');
    expect(out.measurements.map((m) => m.metrics)).toEqual(original.measurements.map((m) => m.metrics));
    expect(out.referenceSet).toBe(original.referenceSet);
    expect(validateSession(JSON.parse(serializeSession(out))).ok).toBe(true);
  });
});
