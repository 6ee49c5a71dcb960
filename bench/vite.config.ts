/**
 * Builds the comparison pages (bench/baseline/, bench/dwv/, bench/baseline-pacs/) for production,
 * like the app.
 * dwv starts its decoders as module workers from `assets/workers/` next to the page
 * (document.baseURI), so those files are copied there after the build.
 */
import { cpSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const bench = fileURLToPath(new URL('.', import.meta.url));
const outDir = process.env.BENCH_PAGES_DIST || `${bench}out/pages`;

function copyDwvWorkers(): Plugin {
  return {
    name: 'copy-dwv-workers',
    apply: 'build',
    closeBundle() {
      cpSync(`${bench}../node_modules/dwv/dist/assets/workers`, `${outDir}/dwv/assets/workers`, { recursive: true });
    },
  };
}

export default defineConfig({
  root: bench,
  base: './',
  publicDir: false,
  logLevel: 'warn',
  plugins: [copyDwvWorkers()],
  preview: { host: '127.0.0.1' },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    rollupOptions: { input: { baseline: `${bench}baseline/index.html`, dwv: `${bench}dwv/index.html`, 'baseline-pacs': `${bench}baseline-pacs/index.html` } },
  },
});
