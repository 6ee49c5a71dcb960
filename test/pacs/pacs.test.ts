/** src/pacs without a server: QIDO query parameters, error sentences, STOW refusals, copied modules. */
import { describe, expect, it } from 'vitest';
import { describePacsError, patientStudyModules, stowFailure, studyQueryParams, authorizationHeaders, PAGE_SIZE } from '../../src/pacs';

describe('studyQueryParams: the study search as QIDO-RS parameters', () => {
  it('finds names and ids that contain the term, a date range, a modality, one page', () => {
    expect(studyQueryParams({ patientName: ' phantom ', patientId: 'NT', from: '2025-01-01', to: '2025-12-31', modality: 'us' }, 2)).toMatchObject({
      PatientName: '*phantom*',
      PatientID: '*NT*',
      StudyDate: '20250101-20251231',
      ModalitiesInStudy: 'US',
      limit: String(PAGE_SIZE + 1),
      offset: String(2 * PAGE_SIZE),
    });
  });
  it('keeps the user’s own wildcards, leaves empty fields out, an open-ended date range', () => {
    const p = studyQueryParams({ patientName: 'PHAN*', patientId: '', from: '', to: '2025-03-21', modality: '' }, 0);
    expect(p.PatientName).toBe('PHAN*');
    expect(p.PatientID).toBeUndefined();
    expect(p.ModalitiesInStudy).toBeUndefined();
    expect(p.StudyDate).toBe('-20250321');
  });
  it('drops a backslash (a DICOM value separator) and a malformed modality', () => {
    const p = studyQueryParams({ patientName: 'a\\b', modality: 'U S' }, 0);
    expect(p.PatientName).toBe('*ab*');
    expect(p.ModalitiesInStudy).toBeUndefined();
  });
});

describe('describePacsError: one sentence a person understands', () => {
  const server = 'http://pacs/dicom-web';
  it.each([
    [0, 'unreachable', 'did not answer'],
    [401, 'login', 'asked for a login'],
    [403, 'forbidden', 'refused to let this user'],
    [404, 'not-found', 'deleted meanwhile'],
    [409, 'refused', 'refused the request'],
    [500, 'server', 'failed while trying'],
  ])('HTTP %s → %s', (status, kind, words) => {
    const e = describePacsError(Object.assign(new Error('request failed'), { status }), 'load the study list', server);
    expect(e.kind).toBe(kind);
    expect(e.message).toContain(words);
    expect(e.message.split(/\.\s/).length).toBe(1);
  });
  it('a failure without a status (network error) is "did not answer"', () => {
    expect(describePacsError(new TypeError('Failed to fetch'), 'open the study', server).kind).toBe('unreachable');
  });
});

describe('stowFailure: a refusal inside a STOW-RS answer', () => {
  it('names the failure reason of a Failed SOP Sequence', () => {
    const answer = JSON.stringify({ '00081198': { vr: 'SQ', Value: [{ '00081197': { vr: 'US', Value: [0xa700] } }] } });
    expect(stowFailure(answer)).toBe('The PACS refused to store the report (failure reason A700H).');
  });
  it('is null when everything was stored', () => {
    expect(stowFailure(JSON.stringify({ '00081199': { vr: 'SQ', Value: [{}] } }))).toBeNull();
    expect(stowFailure('')).toBeNull();
  });
});

describe('patientStudyModules and authorizationHeaders', () => {
  it('copies the Patient and Study attributes of an instance as text', () => {
    const m = patientStudyModules({
      '00100010': { vr: 'PN', Value: [{ Alphabetic: 'PHANTOM^SCIATIC' }] },
      '00100020': { vr: 'LO', Value: ['NT-0001'] },
      '0020000D': { vr: 'UI', Value: ['1.2.3'] },
      '00080090': { vr: 'PN' },
    });
    expect(m).toMatchObject({ PatientName: 'PHANTOM^SCIATIC', PatientID: 'NT-0001', StudyInstanceUID: '1.2.3', ReferringPhysicianName: '' });
  });
  it('HTTP Basic with UTF-8 credentials, nothing without a user', () => {
    expect(authorizationHeaders({ url: 'x', username: 'sono', password: 'pä' })).toEqual({ Authorization: `Basic ${Buffer.from('sono:pä').toString('base64')}` });
    expect(authorizationHeaders({ url: 'x' })).toEqual({});
  });
});
