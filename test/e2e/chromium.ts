/**
 * Debian's Chromium, never a downloaded browser, with the flags the end-to-end tests and the
 * benchmark both use. The background-networking flags stop Chromium from calling home (the
 * machine has no internet, and the app must work offline anyway); WebGL runs in SwiftShader.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];
