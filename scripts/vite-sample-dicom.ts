/**
 * Vite plugin: serves `sample-dicom/` at `./sample-dicom/` in the dev server and copies it into
 * the production build, so "Open sample study" works offline in both.
 */
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin, Connect } from 'vite';

const URL_PREFIX = '/sample-dicom/';

/** Paths of all files below dir, relative to it, with forward slashes. */
function listFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? listFiles(join(dir, entry.name), `${prefix}${entry.name}/`)
      : entry.isFile()
        ? [`${prefix}${entry.name}`]
        : [],
  );
}

export function sampleDicomPlugin(sampleDir: string): Plugin {
  const dir = resolve(sampleDir);
  const serve: Connect.NextHandleFunction = (req, res, next) => {
    const url = (req.url ?? '').split('?')[0]!;
    if (!url.startsWith(URL_PREFIX)) return next();
    const name = decodeURIComponent(url.slice(URL_PREFIX.length));
    const path = join(dir, name);
    if (name.includes('..') || !existsSync(path) || !statSync(path).isFile()) return next();
    res.setHeader('Content-Type', name.endsWith('.json') ? 'application/json' : 'application/dicom');
    res.end(readFileSync(path));
  };
  return {
    name: 'nervetrace-sample-dicom',
    configureServer(server) {
      server.middlewares.use(serve);
    },
    generateBundle() {
      for (const name of listFiles(dir)) {
        this.emitFile({ type: 'asset', fileName: `sample-dicom/${name}`, source: readFileSync(join(dir, name)) });
      }
    },
  };
}
