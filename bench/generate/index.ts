/**
 * Generates the benchmark inputs into bench/out/data/ (git-ignored). They are rebuilt whenever
 * a generator's source changes (a stamp holds the hash of the generator files); otherwise the
 * files of the previous run are reused, which saves about a minute.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { CINE_FILE, MR2000_DIR, MR_DIR, OUT, SESSION_FILE } from '../paths.ts';
import { CINE, writeCine } from './cine.ts';
import { MR, MR2000, writeMrSeries } from './mr.ts';
import { SESSION_SIZE, writeLargeSession } from './session.ts';

const STAMP = `${OUT}data/.stamp`;
const GENERATORS = ['cine.ts', 'mr.ts', 'session.ts', 'dicom.ts'].map((f) => new URL(f, import.meta.url));

export interface Inputs {
  readonly cineFile: string;
  readonly mrFiles: string[];
  readonly sessionFile: string;
  readonly sizes: {
    readonly cineMB: number;
    readonly mrMB: number;
    readonly sessionMB: number;
  };
  readonly regenerated: boolean;
}

function stamp(): string {
  const hash = createHash('sha256');
  for (const url of GENERATORS) hash.update(readFileSync(url));
  return hash.digest('hex');
}

const MB = 1024 * 1024;

export function generateInputs(log: (line: string) => void): Inputs {
  const wanted = stamp();
  const mrFiles = () => (existsSync(MR_DIR) ? readdirSync(MR_DIR).filter((f) => f.endsWith('.dcm')).sort().map((f) => `${MR_DIR}${f}`) : []);
  const fresh =
    existsSync(STAMP) &&
    readFileSync(STAMP, 'utf8') === wanted &&
    existsSync(CINE_FILE) &&
    existsSync(SESSION_FILE) &&
    mrFiles().length === MR.slices;
  if (!fresh) {
    log(`  generating: US cine ${CINE.frames} × ${CINE.columns}×${CINE.rows} RGB JPEG baseline…`);
    writeCine(CINE_FILE);
    log(`  generating: MR series ${MR.slices} × ${MR.columns}×${MR.rows} 16-bit…`);
    writeMrSeries(MR_DIR);
    log(`  generating: session with ${SESSION_SIZE.measurements} measurements and ${SESSION_SIZE.emgRows} EMG rows…`);
    writeLargeSession(SESSION_FILE);
    writeFileSync(STAMP, wanted);
  } else {
    log('  inputs up to date (bench/out/data/), reused');
  }
  const files = mrFiles();
  const size = (path: string) => readFileSync(path).length / MB;
  return {
    cineFile: CINE_FILE,
    mrFiles: files,
    sessionFile: SESSION_FILE,
    sizes: { cineMB: size(CINE_FILE), mrMB: files.reduce((s, f) => s + size(f), 0), sessionMB: size(SESSION_FILE) },
    regenerated: !fresh,
  };
}

const STAMP_2000 = `${OUT}data/.stamp-mr2000`;

/** The 2,000-slice MR series (about 1 GB), generated once and reused while mr.ts is unchanged. */
export function generateMr2000(log: (line: string) => void): { files: string[]; mb: number } {
  const wanted = createHash('sha256').update(readFileSync(new URL('mr.ts', import.meta.url))).update(readFileSync(new URL('dicom.ts', import.meta.url))).digest('hex');
  const list = () => (existsSync(MR2000_DIR) ? readdirSync(MR2000_DIR).filter((f) => f.endsWith('.dcm')).sort().map((f) => `${MR2000_DIR}${f}`) : []);
  if (!(existsSync(STAMP_2000) && readFileSync(STAMP_2000, 'utf8') === wanted && list().length === MR2000.slices)) {
    log(`  generating: MR series ${MR2000.slices} × ${MR.columns}×${MR.rows} 16-bit (about 1 GB)…`);
    writeMrSeries(MR2000_DIR, MR2000.slices, 2);
    writeFileSync(STAMP_2000, wanted);
  }
  const files = list();
  return { files, mb: files.reduce((s, f) => s + statSync(f).size, 0) / MB };
}
