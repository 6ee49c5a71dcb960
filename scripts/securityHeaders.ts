/**
 * The Content-Security-Policy, sent as an HTTP header wherever the project serves the built app
 * (`vite preview`, which `npm start` and the end-to-end tests use). The same policy is in
 * src/index.html as a meta tag (kept for copies of dist/ served by another server), but a meta
 * tag cannot carry frame-ancestors: only the header stops another site from framing the app.
 * test/serve/securityHeaders.test.ts checks that the two policies agree.
 */
export const META_CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; connect-src 'self'; img-src 'self' data: blob:; " +
  "style-src 'self' 'unsafe-inline'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

export const CONTENT_SECURITY_POLICY = `${META_CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  // For browsers that predate frame-ancestors.
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};
