// How the browser tests and the benchmark launch Chromium.
import { existsSync } from 'node:fs';

const firstPresent = (paths: (string | undefined)[]) => paths.find((p) => p && existsSync(p));
const runningAsRoot = process.getuid?.() === 0;

const args = [
  ...(runningAsRoot ? ['--no-sandbox'] : []),
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-gpu',
];

// The benchmark measures the browser people use: Debian's `chromium` (or $CHROMIUM_PATH); otherwise Playwright's own.
export const chromiumLaunch = {
  executablePath: firstPresent([process.env.CHROMIUM_PATH, '/usr/bin/chromium']),
  args,
};

// The tests prefer Debian's `chromium-headless-shell`, the same engine without the browser's window layer (Playwright's
// own headless default): it runs the suite in about half the time of the full browser on a 2-core machine.
export const testChromiumLaunch = {
  executablePath: firstPresent([
    process.env.CHROMIUM_PATH,
    '/usr/lib/chromium/chromium-headless-shell',
    '/usr/bin/chromium',
  ]),
  args,
};
