/**
 * The least work that puts the first image on screen: read the first selected file, parse it
 * with dicom-parser, decode its first frame (JPEG baseline: the browser's own decoder via
 * createImageBitmap on the first fragment; 16-bit: its window, scaled to 8 bits) and draw it.
 * No study tree, no sorting, no viewer library. The benchmark's yardstick.
 */
import dicomParser from 'dicom-parser';

const JPEG_BASELINE = '1.2.840.10008.1.2.4.50';
const input = document.querySelector<HTMLInputElement>('[data-testid=file-input]')!;
const canvas = document.querySelector<HTMLCanvasElement>('#view')!;

async function firstJpegFrame(ds: dicomParser.DataSet, bytes: Uint8Array): Promise<void> {
  const element = ds.elements.x7fe00010!;
  const frame = dicomParser.readEncapsulatedImageFrame(ds, element, 0);
  const bitmap = await createImageBitmap(new Blob([frame.slice()], { type: 'image/jpeg' }));
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
  void bytes;
}

function firstNativeFrame(ds: dicomParser.DataSet, bytes: Uint8Array): void {
  const rows = ds.uint16('x00280010')!;
  const columns = ds.uint16('x00280011')!;
  const bits = ds.uint16('x00280100')!;
  const samples = ds.uint16('x00280002') ?? 1;
  const element = ds.elements.x7fe00010!;
  const image = new ImageData(columns, rows);
  const out = image.data;
  const n = rows * columns;
  if (bits === 16 && samples === 1) {
    // Copy (the element may start at an odd offset), then window to 8 bits.
    const pixels = new Uint16Array(bytes.slice(element.dataOffset, element.dataOffset + n * 2).buffer);
    const center = ds.floatString('x00281050') ?? 2048;
    const width = ds.floatString('x00281051') ?? 4096;
    const low = center - width / 2;
    const scale = 255 / width;
    for (let i = 0; i < n; i++) {
      const v = Math.max(0, Math.min(255, (pixels[i]! - low) * scale));
      out[4 * i] = out[4 * i + 1] = out[4 * i + 2] = v;
      out[4 * i + 3] = 255;
    }
  } else {
    const pixels = bytes.subarray(element.dataOffset, element.dataOffset + n * samples);
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

input.addEventListener('change', async () => {
  const file = input.files?.[0];
  if (!file) return;
  const bytes = new Uint8Array(await file.arrayBuffer());
  const ds = dicomParser.parseDicom(bytes);
  if (ds.string('x00020010') === JPEG_BASELINE) await firstJpegFrame(ds, bytes);
  else firstNativeFrame(ds, bytes);
});
