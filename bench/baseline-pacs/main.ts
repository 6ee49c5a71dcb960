/**
 * The least work that opens a study from the PACS and paints an image: one WADO-RS metadata
 * request for the study (?study=<Study Instance UID>, same origin as the PACS), one frame request
 * for the first instance listed, the frame decoded (JPEG baseline by the browser; 16-bit
 * greyscale through its window; 8-bit RGB as it is) and drawn. No study tree, no viewer library.
 * The yardstick of pacsFirstImageVsBaseline.
 */
const DICOMWEB = new URL('../../dicom-web', document.baseURI).href.replace(/\/$/, '');
const study = new URLSearchParams(location.search).get('study') ?? '';
const button = document.querySelector<HTMLButtonElement>('[data-testid=pacs-open-study]')!;
const canvas = document.querySelector<HTMLCanvasElement>('#view')!;

type Json = Record<string, { Value?: unknown[] } | undefined>;
const value = (json: Json, tag: string): unknown => json[tag]?.Value?.[0];
const number = (json: Json, tag: string, fallback: number): number => {
  const v = Number(value(json, tag));
  return Number.isFinite(v) ? v : fallback;
};

/** The first part of a multipart/related answer: its content type and bytes. */
function firstPart(body: Uint8Array, contentType: string): { type: string; bytes: Uint8Array } {
  const boundary = /boundary="?([^";]+)"?/.exec(contentType)?.[1] ?? '';
  const text = new TextDecoder('latin1').decode(body.subarray(0, Math.min(body.length, 2048)));
  const headerEnd = text.indexOf('\r\n\r\n');
  const type = /content-type:\s*([^\r\n]+)/i.exec(text.slice(0, headerEnd))?.[1] ?? '';
  const start = headerEnd + 4;
  // The closing boundary is at the end: search backwards for it.
  const marker = new TextEncoder().encode(`\r\n--${boundary}`);
  let end = body.length - marker.length;
  for (; end > start; end--) {
    let match = true;
    for (let k = 0; k < marker.length && match; k++) match = body[end + k] === marker[k];
    if (match) break;
  }
  return { type, bytes: body.subarray(start, end) };
}

async function open(): Promise<void> {
  const metadata = (await (await fetch(`${DICOMWEB}/studies/${study}/metadata`, { headers: { Accept: 'application/dicom+json' } })).json()) as Json[];
  const first = metadata[0]!;
  const series = value(first, '0020000E');
  const sop = value(first, '00080018');
  const response = await fetch(`${DICOMWEB}/studies/${study}/series/${series}/instances/${sop}/frames/1`, {
    headers: { Accept: 'multipart/related; type="application/octet-stream"; transfer-syntax=*' },
  });
  const part = firstPart(new Uint8Array(await response.arrayBuffer()), response.headers.get('content-type') ?? '');
  const rows = number(first, '00280010', 0);
  const columns = number(first, '00280011', 0);
  const samples = number(first, '00280002', 1);
  if (/1\.2\.840\.10008\.1\.2\.4\.50/.test(part.type) || (part.bytes[0] === 0xff && part.bytes[1] === 0xd8)) {
    const bitmap = await createImageBitmap(new Blob([part.bytes.slice()], { type: 'image/jpeg' }));
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
    return;
  }
  const image = new ImageData(columns, rows);
  const out = image.data;
  const n = rows * columns;
  if (number(first, '00280100', 8) === 16 && samples === 1) {
    const pixels = new Uint16Array(part.bytes.slice(0, n * 2).buffer);
    const center = number(first, '00281050', 2048);
    const width = number(first, '00281051', 4096);
    const low = center - width / 2;
    const scale = 255 / width;
    for (let i = 0; i < n; i++) {
      const v = Math.max(0, Math.min(255, (pixels[i]! - low) * scale));
      out[4 * i] = out[4 * i + 1] = out[4 * i + 2] = v;
      out[4 * i + 3] = 255;
    }
  } else {
    const pixels = part.bytes;
    for (let i = 0; i < n; i++) {
      out[4 * i] = pixels[i * samples]!;
      out[4 * i + 1] = pixels[i * samples + (samples > 1 ? 1 : 0)]!;
      out[4 * i + 2] = pixels[i * samples + (samples > 1 ? 2 : 0)]!;
      out[4 * i + 3] = 255;
    }
  }
  canvas.width = columns;
  canvas.height = rows;
  canvas.getContext('2d')!.putImageData(image, 0, 0);
}

button.addEventListener('click', () => void open());
