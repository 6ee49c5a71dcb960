/**
 * The two-visit sample served with the app (sample-dicom/followup/, made by
 * scripts/make-followup-samples.ts): the first visit's session file, the images it was measured on
 * (listed by the session itself), and the second visit's session file.
 */
import type { PickedFile } from './fileSource';

export interface FollowUpSample {
  readonly visit1: { readonly name: string; readonly text: string };
  readonly visit2: { readonly name: string; readonly text: string };
  readonly images: PickedFile[];
}

async function text(url: string): Promise<string> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`The follow-up sample is not available (${url}: HTTP ${res.status}).`);
  return res.text();
}

export async function fetchFollowUpSample(baseUrl = './sample-dicom/'): Promise<FollowUpSample> {
  const [v1, v2] = await Promise.all([text(`${baseUrl}followup/visit-1-session.json`), text(`${baseUrl}followup/visit-2-session.json`)]);
  const session = JSON.parse(v1) as { studies: { series: { instances: { fileName: string }[] }[] }[] };
  const files = session.studies.flatMap((st) => st.series.flatMap((se) => se.instances.map((i) => i.fileName)));
  const images = await Promise.all(
    files.map(async (file) => {
      const res = await fetch(`${baseUrl}${file}`);
      if (!res.ok) throw new Error(`Sample file ${file} is missing (HTTP ${res.status}).`);
      return { name: file, file: new File([await res.blob()], file, { type: 'application/dicom' }) };
    }),
  );
  return { visit1: { name: 'visit-1-session.json', text: v1 }, visit2: { name: 'visit-2-session.json', text: v2 }, images };
}
