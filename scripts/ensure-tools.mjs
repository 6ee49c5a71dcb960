#!/usr/bin/env node
// Makes sure the Debian tools the tests drive are installed:
//   - chromium (/usr/bin/chromium): the end-to-end tests run in it (Playwright's own browser
//     download cannot work offline, so we never use it);
//   - dcmtk (dsrdump): the DICOM SR export test validates its output with it;
//   - orthanc + orthanc-dicomweb: the PACS end-to-end tests start Orthanc (npm run pacs);
//   - dicom3tools (dciodvfy): the SR test checks the report against the IOD.
// Missing ones are installed with apt-get when running as root (one update, one install);
// otherwise we stop with one sentence saying how to install them. Never skipped silently.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { delimiter, join } from 'node:path';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Absolute path of an executable on PATH, or null. */
function which(name) {
  for (const dir of (process.env.PATH || '').split(delimiter)) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return null;
}

const TOOLS = [
  { name: 'Chromium', found: () => existsSync(CHROMIUM_PATH), where: CHROMIUM_PATH, pkg: 'chromium' },
  { name: 'dsrdump', found: () => which('dsrdump') !== null, where: 'dsrdump on PATH', pkg: 'dcmtk' },
  // The PACS tests (pacs*.spec.ts) start Orthanc with its DICOMweb plugin through `npm run pacs`;
  // the SR test checks the report with dciodvfy.
  { name: 'Orthanc', found: () => existsSync('/usr/sbin/Orthanc'), where: '/usr/sbin/Orthanc', pkg: 'orthanc' },
  {
    name: 'Orthanc DICOMweb plugin',
    found: () => existsSync('/usr/share/orthanc/plugins/libOrthancDicomWeb.so'),
    where: 'the Orthanc DICOMweb plugin',
    pkg: 'orthanc-dicomweb',
  },
  { name: 'dciodvfy', found: () => which('dciodvfy') !== null, where: 'dciodvfy on PATH', pkg: 'dicom3tools' },
];

/** Returns the missing tools' Debian package names (empty when all are present). */
export function missingTools() {
  return TOOLS.filter((t) => !t.found());
}

export function ensureTools() {
  const missing = missingTools();
  if (!missing.length) return;
  const pkgs = missing.map((t) => t.pkg);
  const what = missing.map((t) => `${t.where} (Debian package ${t.pkg})`).join(' and ');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt) {
    console.error(
      `The tests need ${what}: install with "sudo apt-get install -y ${pkgs.join(' ')}" and run npm test again.`,
    );
    process.exit(1);
  }
  console.log(`Missing ${what}; installing with apt-get…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', ...pkgs]]) {
    const run = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (run.status !== 0) {
      console.error(
        `"apt-get ${args.join(' ')}" failed (exit ${run.status ?? run.signal}); install ${pkgs.join(' ')} by hand and run npm test again.`,
      );
      process.exit(1);
    }
  }
  // Debian's orthanc package starts a system Orthanc on port 8042; the tests run their own.
  if (pkgs.includes('orthanc')) spawnSync('sh', ['-c', 'command -v service >/dev/null && service orthanc stop'], { stdio: 'ignore' });
  const still = missingTools();
  if (still.length) {
    console.error(`apt-get finished but ${still.map((t) => t.where).join(' and ')} is still missing; the tests cannot run.`);
    process.exit(1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) ensureTools();
