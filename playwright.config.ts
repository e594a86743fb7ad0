import { defineConfig, devices } from '@playwright/test';
import { testChromiumLaunch } from './e2e/chromium';

// E2E_PORT lets two worktrees run their browser tests at the same time.
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  // Two workers on a two-core machine redraw the chart slowly; a wrong result still fails, only later.
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    // Recording a trace for every test costs CI about a sixth of its e2e time; its one retry records one.
    trace: process.env.CI ? 'on-first-retry' : 'retain-on-failure',
    timezoneId: 'America/Los_Angeles',
    // The offline service worker would take requests out of page.route's reach; its own spec allows it.
    serviceWorkers: 'block',
    launchOptions: testChromiumLaunch,
  },
  projects: [
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'], launchOptions: testChromiumLaunch },
      testIgnore: /screenshots\.spec\.ts/,
    },
    {
      name: 'screenshots',
      use: { ...devices['Desktop Chrome'], launchOptions: testChromiumLaunch },
      testMatch: /screenshots\.spec\.ts/,
    },
  ],
  webServer: {
    command: `npm run build && npm run build:single && npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    // A loaded two-core machine takes minutes to build both bundles.
    timeout: 600_000,
  },
});
