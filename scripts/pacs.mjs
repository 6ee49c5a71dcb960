#!/usr/bin/env node
// `npm run pacs [-- --load <dir>]`: a real Orthanc (Debian's orthanc + orthanc-dicomweb) for
// NerveTrace, in the foreground (Ctrl+C stops it).
//   - configuration and storage in PACS_DIR (default .pacs/, git-ignored);
//   - HTTP on PACS_PORT (default 8042), remote access refused (Orthanc 1.10 has no bind-address
//     option: RemoteAccessAllowed=false answers 403 to anything but 127.0.0.1), DICOM port off;
//   - DICOMweb at /dicom-web/ with Host "" (returned URLs follow the request) and Full metadata
//     (the lighter modes drop the Sequence of Ultrasound Regions);
//   - the built viewer (NERVETRACE_DIST, default dist/) served at /nervetrace/ by ServeFolders,
//     so the viewer and the PACS share one origin and no CORS is needed;
//   - PACS_USER + PACS_PASSWORD turn on HTTP Basic authentication;
//   - sample-dicom/ is stored on the first start; `--load <dir>` stores a folder (STOW-RS), into
//     an Orthanc already running on PACS_PORT if there is one (then exits), else into a new one.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ORTHANC = '/usr/sbin/Orthanc';
const PLUGIN_DIR = '/usr/share/orthanc/plugins';
const PLUGINS = [`${PLUGIN_DIR}/libOrthancDicomWeb.so`, `${PLUGIN_DIR}/libServeFolders.so`];

const port = Number(process.env.PACS_PORT || 8042);
const dir = resolve(process.env.PACS_DIR || '.pacs');
const dist = resolve(process.env.NERVETRACE_DIST || 'dist');
const user = process.env.PACS_USER || '';
const password = process.env.PACS_PASSWORD || '';
const base = `http://127.0.0.1:${port}`;
const auth = user ? { Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` } : {};

function argValue(name) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const loadDir = argValue('--load');
if (process.argv.includes('--load') && !loadDir) fail('--load needs a folder: npm run pacs -- --load <dir>');

function fail(sentence) {
  console.error(sentence);
  process.exit(1);
}

/** Orthanc and its DICOMweb plugin, installed with apt-get when we are root and they are missing. */
function ensureOrthanc() {
  const missing = () => [ORTHANC, ...PLUGINS].filter((p) => !existsSync(p));
  if (!missing().length) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) fail('Orthanc is not installed: run "sudo apt-get install -y orthanc orthanc-dicomweb" and then npm run pacs again.');
  console.log('Installing orthanc and orthanc-dicomweb with apt-get…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', '--no-install-recommends', 'orthanc', 'orthanc-dicomweb']]) {
    if (spawnSync('apt-get', args, { stdio: 'inherit', env }).status !== 0) fail(`"apt-get ${args.join(' ')}" failed; install orthanc and orthanc-dicomweb by hand.`);
  }
  // The Debian package starts a system Orthanc on 8042; NerveTrace runs its own.
  spawnSync('sh', ['-c', 'command -v service >/dev/null && service orthanc stop'], { stdio: 'ignore' });
  if (missing().length) fail(`apt-get finished but ${missing().join(', ')} is still missing.`);
}

function writeConfig() {
  mkdirSync(join(dir, 'storage'), { recursive: true });
  const config = {
    Name: 'NerveTrace PACS',
    StorageDirectory: join(dir, 'storage'),
    IndexDirectory: join(dir, 'storage'),
    HttpPort: port,
    DicomServerEnabled: false,
    RemoteAccessAllowed: false,
    AuthenticationEnabled: Boolean(user),
    RegisteredUsers: user ? { [user]: password } : {},
    HttpDescribeErrors: true,
    StableAge: 5,
    Plugins: PLUGINS,
    DicomWeb: {
      Enable: true,
      Root: '/dicom-web/',
      EnableWado: false,
      Host: '',
      Ssl: false,
      StudiesMetadata: 'Full',
      SeriesMetadata: 'Full',
    },
    // Advanced form: ServeFolders' MIME table lacks .mjs, which browsers refuse as octet-stream.
    ServeFolders: {
      AllowCache: false,
      Extensions: { '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.map': 'application/json' },
      Folders: { '/nervetrace': dist },
    },
  };
  const path = join(dir, 'orthanc.json');
  writeFileSync(path, `${JSON.stringify(config, null, 2)}\n`);
  return path;
}

async function answering() {
  try {
    const res = await fetch(`${base}/dicom-web/studies?limit=1`, { headers: auth });
    return res.status;
  } catch {
    return 0;
  }
}

function dicomFiles(folder, skipFolders = []) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) {
        if (!skipFolders.includes(name)) walk(path);
      } else if (/\.dcm$/i.test(name) || isPart10(path)) out.push(path);
    }
  };
  walk(folder);
  return out;
}

function isPart10(path) {
  try {
    const head = readFileSync(path).subarray(128, 132);
    return head.toString('latin1') === 'DICM';
  } catch {
    return false;
  }
}

/** The refusal reason Orthanc's STOW-RS answer gives (FailedSOPSequence / Warning), if any. */
function refusal(status, body) {
  if (status === 401 || status === 403) return 'the server refused the login';
  try {
    const json = JSON.parse(body);
    if (json['00081198']?.Value?.length) {
      const reason = json['00081198'].Value[0]['00081197']?.Value?.[0];
      return `refused by the server${reason !== undefined ? ` (failure reason ${reason})` : ''}`;
    }
  } catch {
    /* not JSON */
  }
  return status >= 200 && status < 300 ? null : `refused by the server (HTTP ${status})`;
}

/** STOW-RS, one file per request so each refusal is named. */
export async function storeFolder(folder, skipFolders = []) {
  const files = dicomFiles(folder, skipFolders);
  let stored = 0;
  const refused = [];
  for (const file of files) {
    const boundary = `nervetrace-${Math.random().toString(16).slice(2)}`;
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Type: application/dicom\r\n\r\n`),
      readFileSync(file),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    let why;
    try {
      const res = await fetch(`${base}/dicom-web/studies`, {
        method: 'POST',
        headers: { ...auth, 'Content-Type': `multipart/related; type="application/dicom"; boundary=${boundary}`, Accept: 'application/dicom+json' },
        body,
      });
      why = refusal(res.status, await res.text());
    } catch (error) {
      why = `the server dropped the request (${error.cause?.message ?? error.message})`;
    }
    if (why) refused.push(`${relative(folder, file)}: ${why}`);
    else stored++;
    if (why && !(await answering())) {
      // Orthanc 1.10 can crash on a damaged file: name it, and do not send the rest to nobody.
      refused.push(`the PACS stopped answering after ${relative(folder, file)}; the ${files.length - files.indexOf(file) - 1} files after it were not sent`);
      break;
    }
  }
  console.log(`Stored ${stored} of ${files.length} DICOM file${files.length === 1 ? '' : 's'} from ${folder}.`);
  for (const line of refused) console.log(`  not stored: ${line}`);
  return { stored, refused };
}

async function main() {
  if (loadDir && !existsSync(loadDir)) fail(`${loadDir} does not exist.`);
  const already = await answering();
  if (already && loadDir) {
    if (already === 401 || already === 403) fail(`The PACS on port ${port} refused the login: set PACS_USER and PACS_PASSWORD.`);
    await storeFolder(resolve(loadDir));
    return;
  }
  if (already) fail(`Something already answers on port ${port}; stop it or choose another PACS_PORT.`);

  ensureOrthanc();
  if (!existsSync(join(dist, 'index.html'))) {
    console.log('Building the viewer…');
    const vite = resolve('node_modules/.bin/vite');
    if (spawnSync(vite, ['build', '--logLevel', 'error'], { stdio: 'inherit' }).status !== 0) fail('The viewer could not be built.');
  }
  const firstStart = !existsSync(join(dir, 'storage', 'index'));
  const config = writeConfig();
  const orthanc = spawn(ORTHANC, [`--logfile=${join(dir, 'orthanc.log')}`, config], { stdio: ['ignore', 'ignore', 'inherit'] });
  let stopping = false;
  orthanc.on('exit', (code, signal) => {
    if (!stopping) console.error(`Orthanc stopped (${signal ?? `exit ${code}`}); see ${join(dir, 'orthanc.log')}.`);
    process.exit(stopping ? 0 : 1);
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      stopping = true;
      orthanc.kill('SIGTERM');
    });
  }
  const deadline = Date.now() + 30_000;
  while (!(await answering())) {
    if (Date.now() > deadline) {
      orthanc.kill('SIGTERM');
      fail(`Orthanc did not answer on ${base} within 30 s; see ${join(dir, 'orthanc.log')}.`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  // The sample study (ultrasound and MR). The follow-up visits' images (they come with session
  // files), the PET/CT sample (its view reads local files) and the tracing phantoms (a benchmark
  // set, not a study) stay local.
  if (firstStart && !process.env.PACS_NO_SAMPLES) await storeFolder(resolve('sample-dicom'), ['followup', 'petct', 'phantoms']);
  if (loadDir) await storeFolder(resolve(loadDir));
  console.log(`\nNerveTrace with PACS: ${base}/nervetrace/index.html  (Ctrl+C to stop)${user ? ` — login ${user}` : ''}\n`);
}

await main();
