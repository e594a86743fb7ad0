import { readFileSync } from 'node:fs';
import { test as base, expect } from '@playwright/test';
import { TimelinePage } from './timeline-page';

export interface DataEvent {
  id: string;
  start: string;
  end?: string;
  precision: string;
  title: { en: string; 'zh-Hant': string };
  phase: string;
  actor: string;
  action: string;
  systems: string[];
  outcome: string;
  milestones?: string[];
}

/** The bundled incident as the tests read it, straight from the file and independent of the app's parser. */
export const bundled = JSON.parse(
  readFileSync(new URL('../data/cloudflare-thanksgiving-2023.json', import.meta.url), 'utf8'),
) as { events: DataEvent[]; [key: string]: unknown };

export const test = base.extend<{ app: TimelinePage; consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (m) => {
        // vis-timeline reports an option it refuses with console.log, and then ignores that option.
        if (m.type() === 'error' || /Errors have been found in the supplied options/.test(m.text()))
          errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      await use(errors);
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
  app: async ({ page }, use) => {
    await use(new TimelinePage(page));
  },
});

export { expect };
