#!/usr/bin/env node
// NerveTrace CLI launcher (package.json "bin"). Runs src/cli/main.ts through tsx in this
// process, resolving everything from the package directory so it works from any cwd.
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
register({ tsconfig: resolve(root, 'tsconfig.json') });
await import(pathToFileURL(resolve(root, 'src/cli/main.ts')).href);
