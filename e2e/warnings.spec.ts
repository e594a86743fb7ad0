import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { bundled, expect, test } from './fixtures';

const file = 'data/fixtures/warnings.json';

/** An event of the fixture's vocabulary, logged at `start` and saying `description`. */
const loggedEvent = (id: string, start: string, description: string) => ({
  id,
  start,
  precision: 'minute',
  title: 'Logged again',
  description,
  phase: 'intrusion',
  actor: 'attacker',
  action: 'login',
  systems: ['vpn'],
  outcome: 'succeeded',
  citations: [{ source: 'notes', locator: start.slice(11, 16) }],
});

/** Serves the fixture with `extra` events added at `name`; returns its size in bytes. */
async function serveFixtureWith(page: Page, name: string, extra: object[]): Promise<number> {
  const small = JSON.parse(readFileSync(file, 'utf8')) as { events: object[] };
  const body = JSON.stringify({ ...small, events: [...small.events, ...extra] });
  await page.route(`**/${name}`, (route) =>
    route.fulfill({ contentType: 'application/json', body }),
  );
  return body.length;
}

test('a file with likely mistakes loads, with a notice naming each field', async ({ app }) => {
  await app.goto(`?src=${file}`);
  await expect(app.heading).toHaveText('Containment flagged too early');
  await expect(app.listRows).toHaveCount(3);
  const items = app.dataWarnings.getByRole('listitem');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText(
    `${file}: events[id=address-blocked].milestones[0]: the containment milestone (2024-03-01 21:31 UTC) comes before the last adversary activity`,
  );
  await expect(items.nth(1)).toContainText(
    `${file}: events[id=address-blocked].description: shows the indicator "203.0.113.7"`,
  );
  await expect(items.nth(1)).toContainText('as "203.0.113[.]7"');
  await app.dataWarnings.getByRole('button', { name: 'Dismiss' }).click();
  await expect(app.dataWarnings).toHaveCount(0);
  await expect(app.listRows).toHaveCount(3);
});

test('the warnings are said in the language of the page, and again when it changes', async ({
  app,
}) => {
  await app.goto(`?src=${file}&lang=zh-Hant`);
  const items = app.dataWarnings.getByRole('listitem');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText(
    `${file}: events[id=address-blocked].milestones[0]: 遏制里程碑(2024-03-01 21:31 UTC)早於最後威脅活動`,
  );
  await expect(items.nth(1)).toContainText(
    `${file}: events[id=address-blocked].description: 直接寫出了指標「203.0.113.7」`,
  );
  await expect(items.nth(1)).toContainText('應寫成去武裝形式「203.0.113[.]7」');
  await app.languageSelect.selectOption('en');
  await expect(items.nth(1)).toContainText('shows the indicator "203.0.113.7"');
});

test('a file opened from this computer has its warnings named by its file name, not by its draft', async ({
  app,
}) => {
  await app.goto();
  await app.openFile(file);
  await expect(app.heading).toHaveText('Containment flagged too early');
  const items = app.dataWarnings.getByRole('listitem');
  await expect(items).toHaveCount(2);
  await expect(items.nth(1)).toContainText(
    'warnings.json: events[id=address-blocked].description: shows the indicator "203.0.113.7"',
  );
  await expect(app.dataWarnings).not.toContainText('draft:');
});

test('a file large enough for the parse worker shows the same notice, from the warnings the worker sends', async ({
  app,
  page,
}) => {
  // 5,000 plain events take the file past the 2 MiB from which the worker checks it.
  const filler = Array.from({ length: 5000 }, (_, i) =>
    loggedEvent(
      `routine-${i}`,
      '2024-03-01T09:00:00Z',
      'A routine login from the office network, noted for completeness. '.repeat(5),
    ),
  );
  expect(await serveFixtureWith(page, 'large-warnings.json', filler)).toBeGreaterThan(
    2 * 1024 * 1024,
  );
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await app.goto('?src=large-warnings.json');
  await expect(app.heading).toHaveText('Containment flagged too early');
  expect(workers.some((url) => url.includes('parse-worker'))).toBe(true);
  const items = app.dataWarnings.getByRole('listitem');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText(
    'large-warnings.json: events[id=address-blocked].milestones[0]: the containment milestone',
  );
  await expect(items.nth(1)).toContainText('shows the indicator "203.0.113.7"');
});

test('many warnings show three, then up to twenty on request, and say how many more there are', async ({
  app,
  page,
}) => {
  // Each names the live indicator once: 25 warnings beside the fixture's 2.
  const live = Array.from({ length: 25 }, (_, i) =>
    loggedEvent(
      `seen-${i}`,
      '2024-03-01T10:00:00Z',
      'A connection from 203.0.113.7 was seen again.',
    ),
  );
  await serveFixtureWith(page, 'many-warnings.json', live);
  await app.goto('?src=many-warnings.json');
  await expect(app.dataWarnings).toContainText('27 problems worth fixing');
  const items = app.dataWarnings.getByRole('listitem');
  await expect(items).toHaveCount(3);
  await expect(app.dataWarnings).toContainText('…and 7 more.');
  await app.dataWarnings.getByText('Show 17 more').click();
  await expect(items).toHaveCount(20);
  await expect(items.nth(19)).toContainText('shows the indicator "203.0.113.7"');
});

test('the bundled incident loads without warnings', async ({ app }) => {
  await app.goto();
  const n = bundled.events.length;
  await expect(app.summary).toHaveText(`${n} of ${n} events`);
  await expect(app.dataWarnings).toHaveCount(0);
});

test('technique names say they are in English when the page is not', async ({ app }) => {
  await app.goto('?event=sliver-installed');
  await expect(app.detailsTechniques.first()).toHaveText(/^T\d{4}(\.\d{3})? [A-Z][^(]+$/);
  await app.languageSelect.selectOption('zh-Hant');
  await expect(app.detailsTechniques.first()).toHaveText(/^T\d{4}(\.\d{3})? [A-Z].+\(英文\)$/);
  const count = await app.detailsTechniques.count();
  expect(count).toBeGreaterThan(1);
  for (let i = 0; i < count; i++)
    await expect(app.detailsTechniques.nth(i)).toContainText('(英文)');
});
