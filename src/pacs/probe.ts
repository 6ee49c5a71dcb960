/**
 * Is there a DICOMweb server at this address? A single QIDO request whose answer must be DICOM JSON:
 * a static server's SPA fallback (an HTML page with status 200) is not a PACS.
 */
import { authorizationHeaders, type PacsServer } from './client';

export type ProbeResult = 'pacs' | 'login' | 'none';

export async function probePacs(server: PacsServer): Promise<ProbeResult> {
  try {
    const res = await fetch(`${server.url.replace(/\/+$/, '')}/studies?limit=1`, {
      headers: { Accept: 'application/dicom+json', ...authorizationHeaders(server) },
    });
    if (res.status === 401 || res.status === 403) return 'login';
    return res.ok && /json/.test(res.headers.get('content-type') ?? '') ? 'pacs' : 'none';
  } catch {
    return 'none';
  }
}
