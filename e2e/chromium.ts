// How the browser tests and the benchmark launch Chromium, so both measure the same browser.
import { existsSync } from 'node:fs';

// A system Chromium (Debian's package, or $CHROMIUM_PATH) when present; otherwise Playwright's own browser.
const systemChromium = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find(
  (p) => p && existsSync(p),
);
const runningAsRoot = process.getuid?.() === 0;

export const chromiumLaunch = {
  executablePath: systemChromium,
  args: [
    ...(runningAsRoot ? ['--no-sandbox'] : []),
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-gpu',
  ],
};
