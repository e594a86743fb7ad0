// A 100,000-event incident served as a slow download: byte progress, Cancel, and every interaction still right.
import { generateIncident } from '../bench/generate';
import { buildSearchIndex, filterEvents, type Query } from '../src/model/filters';
import { parseIncident } from '../src/model/incident';
import { MAX_CHART_ITEMS } from '../src/model/level-of-detail';
import { expect, test as base } from './fixtures';
import { ScalePage } from './scale-page';

const test = base.extend<{ scale: ScalePage }>({
  scale: async ({ page }, use) => {
    await use(new ScalePage(page));
  },
});

const N = 100_000;
const FILE = 'generated/large-100000.json';
const file = generateIncident(N, 5);
const json = JSON.stringify(file);

/** How many events the model says a query matches: what the summary must then read. */
function matching(q: Partial<Query['filters']>, search = '') {
  const parsed = parseIncident(file);
  if (!parsed.ok) throw new Error('the generated incident does not validate');
  const none: Query['filters'] = { phase: [], system: [], actor: [], action: [], outcome: [] };
  const query = { filters: { ...none, ...q }, q: search };
  return filterEvents(parsed.incident.events, query, buildSearchIndex(parsed.incident)).length;
}

const total = N.toLocaleString('en');
const summary = (n: number) => `${n.toLocaleString('en')} of ${total} events`;

test('a 100,000-event incident downloads with a byte progress bar, then zoom, pan, a facet, search and lanes all work', async ({
  scale,
}) => {
  test.setTimeout(300_000);
  await scale.serveSlowly(FILE, json, 40, 150);
  await scale.page.goto(`./?src=${FILE}`);
  await expect(scale.downloadProgress).toBeVisible({ timeout: 60_000 });
  const max = Number(await scale.downloadProgress.getAttribute('max'));
  expect(max).toBe(Buffer.byteLength(json));
  await expect
    .poll(async () => Number(await scale.downloadProgress.getAttribute('value')))
    .toBeGreaterThan(0);
  await scale.waitForReady();
  await expect(scale.downloadProgress).toBeHidden();
  await expect(scale.summary).toHaveText(summary(N), { timeout: 60_000 });

  // Zoom: the window narrows, and the chart stays within its item budget.
  expect((await scale.query()).get('from')).toBeNull();
  await scale.zoomInButton.click();
  await expect.poll(async () => (await scale.query()).get('from')).not.toBeNull();
  const zoomed = await scale.query();
  const width = Date.parse(zoomed.get('to')!) - Date.parse(zoomed.get('from')!);
  expect(width).toBeLessThan(
    Date.parse(file.events.at(-1)!.start) - Date.parse(file.events[0]!.start),
  );
  expect(await scale.allItems.count()).toBeLessThanOrEqual(MAX_CHART_ITEMS);

  // Pan: dragging the chart to the left shows later times.
  await scale.panChart(-300);
  await expect
    .poll(async () => Date.parse((await scale.query()).get('from')!))
    .toBeGreaterThan(Date.parse(zoomed.get('from')!));

  // A facet: the summary counts exactly the events the model matches.
  await scale.facetOption('System', 'System 1').getByRole('checkbox').check();
  await expect(scale.summary).toHaveText(summary(matching({ system: ['system-01'] })));
  await scale.facetOption('System', 'System 1').getByRole('checkbox').uncheck();
  await expect(scale.summary).toHaveText(summary(N));

  // Search, in every text of every event.
  await scale.search.fill('login');
  await expect(scale.summary).toHaveText(summary(matching({}, 'login')));
  await scale.search.fill('');
  await expect(scale.summary).toHaveText(summary(N));

  // Lanes by actor: one lane for each actor with events.
  await scale.groupSelect.selectOption('actor');
  await expect(scale.laneLabels).toHaveCount(new Set(file.events.map((e) => e.actor)).size);
  expect(await scale.allItems.count()).toBeLessThanOrEqual(MAX_CHART_ITEMS);
});

test('loading a 100,000-event incident can be cancelled, leaving a page that says so', async ({
  scale,
}) => {
  test.setTimeout(120_000);
  await scale.serveSlowly(FILE, json, 40, 150, 5);
  await scale.page.goto(`./?src=${FILE}`);
  await expect(scale.downloadProgress).toBeVisible({ timeout: 60_000 });
  await scale.cancelLoadButton.click();
  await expect(scale.loadCancelled).toBeVisible({ timeout: 30_000 });
  await expect(scale.downloadProgress).toBeHidden();
  await expect(scale.cancelLoadButton).toBeHidden();
  await expect(scale.page.getByRole('link', { name: 'Load it again' })).toBeVisible();
  await expect(scale.page.getByRole('link', { name: /Cloudflare|bundled/ })).toBeVisible();
  await expect(scale.chart).toBeHidden();
});
