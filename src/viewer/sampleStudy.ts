/**
 * Fetches the bundled synthetic sample study (served with the app from ./sample-dicom/),
 * listed by its manifest, as File objects so it opens exactly like files from disk.
 */
import type { PickedFile } from './fileSource';

interface ManifestEntry {
  readonly file: string;
}

export async function fetchSampleStudy(baseUrl = './sample-dicom/'): Promise<PickedFile[]> {
  const response = await fetch(`${baseUrl}manifest.json`);
  if (!response.ok) throw new Error(`The sample study is not available (HTTP ${response.status}).`);
  const manifest = (await response.json()) as { files: ManifestEntry[] };
  return Promise.all(
    manifest.files.map(async ({ file }) => {
      const res = await fetch(`${baseUrl}${file}`);
      if (!res.ok) throw new Error(`Sample file ${file} is missing (HTTP ${res.status}).`);
      return { name: file, file: new File([await res.blob()], file, { type: 'application/dicom' }) };
    }),
  );
}
