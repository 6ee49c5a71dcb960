/**
 * What went wrong talking to the PACS, in one sentence a person understands, and whether a login
 * would help. dicomweb-client rejects with an Error carrying the HTTP `status` (0 when nothing
 * answered: server down, wrong address, or a cross-origin server without CORS headers).
 */
export type PacsErrorKind = 'unreachable' | 'login' | 'forbidden' | 'not-found' | 'refused' | 'server';

export interface PacsError {
  readonly kind: PacsErrorKind;
  readonly message: string;
}

export function statusOf(error: unknown): number | null {
  if (error && typeof error === 'object' && 'status' in error && typeof error.status === 'number') return error.status;
  return null;
}

/** `doing` completes "… could not …", e.g. "load the study list". */
export function describePacsError(error: unknown, doing: string, server: string): PacsError {
  const status = statusOf(error);
  if (status === null || status === 0) {
    return { kind: 'unreachable', message: `The PACS at ${server} did not answer, so NerveTrace could not ${doing}: check that it is running and reachable from this computer.` };
  }
  if (status === 401) return { kind: 'login', message: `The PACS asked for a login to ${doing}: enter your PACS user name and password.` };
  if (status === 403) return { kind: 'forbidden', message: `The PACS refused to let this user ${doing} (403 Forbidden): ask its administrator for access.` };
  if (status === 404) return { kind: 'not-found', message: `The PACS no longer has what was asked for, so NerveTrace could not ${doing}: it may have been deleted meanwhile.` };
  if (status === 400 || status === 409 || status === 415) return { kind: 'refused', message: `The PACS refused the request to ${doing} (HTTP ${status}).` };
  return { kind: 'server', message: `The PACS failed while trying to ${doing} (HTTP ${status}).` };
}

export class PacsRequestError extends Error {
  constructor(readonly pacs: PacsError) {
    super(pacs.message);
  }
}
