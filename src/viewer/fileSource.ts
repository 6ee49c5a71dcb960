/**
 * Turns what the user dropped or picked (files, folders) into a flat list of files.
 * Folders dropped onto the page are walked recursively through the File System entries API.
 */

export interface PickedFile {
  /** Path inside the dropped folder when known, else the file name. */
  readonly name: string;
  readonly file: File;
}

function readAllEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  // readEntries returns at most ~100 entries per call: keep reading until it returns none.
  return new Promise((resolve, reject) => {
    const all: FileSystemEntry[] = [];
    const next = () =>
      reader.readEntries((batch) => {
        if (!batch.length) return resolve(all);
        all.push(...batch);
        next();
      }, reject);
    next();
  });
}

async function walkEntry(entry: FileSystemEntry, out: PickedFile[]): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    out.push({ name: entry.fullPath.replace(/^\//, '') || file.name, file });
  } else if (entry.isDirectory) {
    const children = await readAllEntries((entry as FileSystemDirectoryEntry).createReader());
    for (const child of children) await walkEntry(child, out);
  }
}

export async function filesFromDataTransfer(dataTransfer: DataTransfer): Promise<PickedFile[]> {
  const entries = [...dataTransfer.items]
    .filter((item) => item.kind === 'file')
    .map((item) => item.webkitGetAsEntry?.() ?? null);
  if (entries.length && entries.every((e) => e !== null)) {
    const out: PickedFile[] = [];
    for (const entry of entries) await walkEntry(entry!, out);
    return out;
  }
  return [...dataTransfer.files].map((file) => ({ name: file.name, file }));
}

export function filesFromInput(list: FileList | null): PickedFile[] {
  return [...(list ?? [])].map((file) => ({ name: file.webkitRelativePath || file.name, file }));
}

/** System files that folders carry and that are never images; skipped without a complaint. */
export function isIgnorableFile(name: string): boolean {
  const base = name.split('/').pop() ?? name;
  return base === '.DS_Store' || base === 'Thumbs.db' || base === 'desktop.ini' || base.startsWith('._');
}

/** Bytes the preview read, kept for the one reader after it (opening the file), then dropped. */
const readAhead = new WeakMap<File, Promise<ArrayBuffer>>();

/**
 * A file's bytes. `keepForNextRead`: the preview (firstLook.ts) reads the first file whole; the
 * same bytes then serve its opening instead of reading the file a second time.
 */
export function readFileBytes(file: File, { keepForNextRead = false } = {}): Promise<ArrayBuffer> {
  const kept = readAhead.get(file);
  if (kept) {
    readAhead.delete(file);
    return kept;
  }
  const read = file.arrayBuffer();
  if (keepForNextRead) readAhead.set(file, read);
  return read;
}
