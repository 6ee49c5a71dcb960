/**
 * The dependency rules of the project layout (README "Project layout"), checked on every import
 * in src/ (static, dynamic and type-only): domain and dicom are pure; the viewer never reaches
 * into a store or a component; pacs and cli have no Vue and no stores.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(__dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|vue)$/.test(name) ? [path] : [];
  });
}

/** Every module a file imports, as written. */
export function importsOf(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g)) found.add(m[1]!);
  return [...found];
}

/** The top folder of src/ an import lands in ('stores', 'viewer', …), or the package name. */
function target(fromFile: string, spec: string): string {
  if (!spec.startsWith('.')) return spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
  const resolved = relative(SRC, join(fromFile, '..', spec));
  return resolved.startsWith('..') ? resolved : resolved.split('/')[0]!;
}

const FORBIDDEN: Record<string, readonly string[]> = {
  domain: ['vue', 'pinia', '@cornerstonejs/core', '@cornerstonejs/tools', '@cornerstonejs/dicom-image-loader', 'dicom', 'viewer', 'stores', 'components', 'pacs', 'cli'],
  dicom: ['vue', 'pinia', '@cornerstonejs/core', '@cornerstonejs/tools', 'viewer', 'stores', 'components', 'pacs', 'cli'],
  viewer: ['vue', 'pinia', 'stores', 'components', 'cli'],
  pacs: ['vue', 'pinia', 'stores', 'components', 'cli'],
  cli: ['vue', 'pinia', '@cornerstonejs/core', '@cornerstonejs/tools', 'viewer', 'stores', 'components'],
};

describe('project layout: dependencies point one way', () => {
  it('reads static, dynamic and type-only imports', () => {
    expect(importsOf("import a from './a';\nimport type { B } from \"../b\";\nconst c = await import('./c');\nimport './d.css';")).toEqual(['./a', '../b', './c', './d.css']);
  });

  for (const [layer, forbidden] of Object.entries(FORBIDDEN)) {
    it(`src/${layer} imports none of: ${forbidden.join(', ')}`, () => {
      const offending = sourceFiles(join(SRC, layer)).flatMap((file) =>
        importsOf(readFileSync(file, 'utf8'))
          .filter((spec) => forbidden.includes(target(file, spec)))
          .map((spec) => `${relative(SRC, file)} → ${spec}`),
      );
      expect(offending).toEqual([]);
    });
  }
});
