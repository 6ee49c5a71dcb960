import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';
import { sampleDicomPlugin } from './scripts/vite-sample-dicom.ts';
import { SECURITY_HEADERS } from './scripts/securityHeaders.ts';

const projectRoot = fileURLToPath(new URL('.', import.meta.url));

// Cornerstone3D 5.x needs a few bundler hints (see README "Build notes"):
// - the DICOM image loader must not be pre-bundled (it spawns its own ES-module worker),
//   but its codec entry points and shared metadata packages must be, so that only one copy loads;
// - workers are ES modules.
export default defineConfig({
  root: 'src',
  base: './',
  publicDir: false,
  plugins: [vue(), sampleDicomPlugin(`${projectRoot}sample-dicom`)],
  // Zod without eval, so it runs under the Content-Security-Policy (see src/zodJitless.ts).
  resolve: { alias: [{ find: /^zod$/, replacement: `${projectRoot}src/zodJitless.ts` }] },
  server: { host: '127.0.0.1' },
  // The CSP (with frame-ancestors) as HTTP headers where the built app is served (npm start, e2e).
  preview: { host: '127.0.0.1', headers: { ...SECURITY_HEADERS } },
  worker: { format: 'es' },
  optimizeDeps: {
    exclude: ['@cornerstonejs/dicom-image-loader'],
    include: [
      'dicom-parser',
      '@cornerstonejs/metadata',
      '@cornerstonejs/utils',
      '@cornerstonejs/dicom-image-loader > @cornerstonejs/codec-libjpeg-turbo-8bit/decodewasmjs',
      '@cornerstonejs/dicom-image-loader > @cornerstonejs/codec-charls/decodewasmjs',
      '@cornerstonejs/dicom-image-loader > @cornerstonejs/codec-openjpeg/decodewasmjs',
      '@cornerstonejs/dicom-image-loader > @cornerstonejs/codec-openjph/wasmjs',
    ],
  },
  build: {
    // NERVETRACE_DIST lets parallel test runs build into separate folders.
    outDir: process.env.NERVETRACE_DIST || `${projectRoot}dist`,
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
  },
  test: {
    root: projectRoot,
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    // @cornerstonejs/adapters 5.14.0 imports @babel/runtime helpers but declares only
    // @babel/runtime-corejs2 (whose core-js 2 is not installed): the same helpers from
    // @babel/runtime-corejs3 let the SR read-back test load it. The viewer does not bundle the adapters.
    alias: [{ find: /^@babel\/runtime\/helpers\/(.*)$/, replacement: '@babel/runtime-corejs3/helpers/$1' }],
    server: { deps: { inline: [/@cornerstonejs\/adapters/] } },
    testTimeout: 20000,
  },
});
