/**
 * dwv (the npm DICOM Web Viewer), set up as its documentation shows: one layer group, the
 * files given to loadFiles. Its own events are recorded for the benchmark next to the painted
 * pixels: the first 'renderend' and the 'load' of the whole data.
 */
import { App, AppOptions, ViewConfig } from 'dwv';

declare global {
  interface Window {
    __dwv?: { firstRenderEnd: number | null; load: number | null; errors: string[] };
  }
}

const state = { firstRenderEnd: null as number | null, load: null as number | null, errors: [] as string[] };
window.__dwv = state;

const app = new App();
const options = new AppOptions({ '*': [new ViewConfig('layerGroup0')] });
app.init(options);
app.addEventListener('renderend', () => {
  state.firstRenderEnd ??= performance.now();
});
app.addEventListener('load', () => {
  state.load ??= performance.now();
});
app.addEventListener('error', (event: { error?: { message?: string } }) => {
  state.errors.push(event.error?.message ?? 'error');
});

const input = document.querySelector<HTMLInputElement>('[data-testid=file-input]')!;
input.addEventListener('change', () => {
  if (input.files?.length) app.loadFiles([...input.files]);
});
