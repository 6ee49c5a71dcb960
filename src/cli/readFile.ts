/** Reads a file for the CLI, turning file-system errors into one sentence. */
import { readFileSync, statSync } from 'node:fs';
import { fail, ok, type Result } from '../domain/types.ts';

export function readFileBytes(path: string): Result<Uint8Array> {
  try {
    if (statSync(path).isDirectory()) return fail(`${path} is a directory, not a file.`);
    const buffer = readFileSync(path);
    // A plain Uint8Array view (no Buffer semantics leak into src/dicom).
    return ok(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException | undefined)?.code;
    if (code === 'ENOENT') return fail(`File not found: ${path}.`);
    if (code === 'EACCES' || code === 'EPERM') return fail(`Permission denied reading ${path}.`);
    return fail(`Cannot read ${path}.`);
  }
}
