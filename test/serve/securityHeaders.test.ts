/** Issue 21 — the CSP is sent as a header (with frame-ancestors) and agrees with the meta tag in index.html. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../scripts/securityHeaders';
import config from '../../vite.config';

describe('security headers', () => {
  it('the meta tag in src/index.html carries the same policy as the header, minus frame-ancestors', () => {
    const html = readFileSync(new URL('../../src/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(META_CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toBe(`${META_CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
  });

  it('vite preview (npm start, e2e) sends the CSP with frame-ancestors and X-Frame-Options', () => {
    const headers = (config as { preview?: { headers?: Record<string, string> } }).preview?.headers ?? {};
    expect(headers['Content-Security-Policy']).toContain("frame-ancestors 'none'");
    expect(headers['X-Frame-Options']).toBe('DENY');
    expect(headers).toEqual(SECURITY_HEADERS);
  });
});
