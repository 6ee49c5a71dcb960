/** Where the benchmark writes what it generates (bench/out/ is git-ignored) and its results. */
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BENCH = `${ROOT}bench/`;
export const OUT = `${BENCH}out/`;
export const CINE_FILE = `${OUT}data/us-cine-100x800x600-jpeg.dcm`;
export const MR_DIR = `${OUT}data/mr-200x512x512/`;
export const MR2000_DIR = `${OUT}data/mr-2000x512x512/`;
export const SESSION_FILE = `${OUT}data/session-500-measurements.json`;
/** Production build of the app, and of the baseline and dwv comparison pages. */
export const APP_DIST = `${OUT}dist/`;
export const PAGES_DIST = `${OUT}pages/`;
export const RESULTS_JSON = `${BENCH}results.json`;
export const RESULTS_MD = `${BENCH}results.md`;
