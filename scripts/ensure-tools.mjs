#!/usr/bin/env node
// Makes sure Debian's Chromium is present for the end-to-end tests.
// Playwright's own browser download cannot work here, so we drive /usr/bin/chromium.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export function ensureChromium() {
  if (existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(
      `End-to-end tests need Chromium at ${CHROMIUM_PATH}: install it with "sudo apt-get install -y chromium" and run the tests again.`,
    );
    process.exit(1);
  }
  console.log(`Chromium not found at ${CHROMIUM_PATH}; installing Debian's chromium package with apt-get…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execSync('apt-get update -qq', { stdio: 'inherit', env });
  execSync('apt-get install -y -qq chromium', { stdio: 'inherit', env });
  if (!existsSync(CHROMIUM_PATH)) {
    console.error(`apt-get finished but ${CHROMIUM_PATH} is still missing; end-to-end tests cannot run.`);
    process.exit(1);
  }
  return CHROMIUM_PATH;
}

if (import.meta.url === `file://${process.argv[1]}`) ensureChromium();
