// A 100,000-event, 100 MB incident served slowly over real HTTP: byte progress, Cancel, and every interaction right.
import { generateIncident } from '../bench/generate';
import { buildSearchIndex, filterEvents, type Query } from '../src/model/filters';
import { parseIncident, type Incident, type IncidentFile } from '../src/model/incident';
import { MAX_CHART_ITEMS } from '../src/model/level-of-detail';
import { expect, test as base } from './fixtures';
import { ScalePage } from './scale-page';
import { startSlowServer, type SlowServer } from './slow-server';

interface Large {
  file: IncidentFile;
  bytes: number;
  server: SlowServer;
  /** The model's reading of the file, for what the page's counts must then say. */
  incident: () => Incident;
}

const N = 100_000;
// The page asks for this same-origin path, as a deployer's link would; the test server answers it.
const FILE = 'generated/large-100000.json';

const test = base.extend<{ scale: ScalePage }, { large: Large }>({
  large: [
    // eslint-disable-next-line no-empty-pattern -- Playwright's fixtures are declared by destructuring.
    async ({}, use) => {
      // Full-field events (citations, techniques, both languages): about 1 KB each, as a real incident's.
      const file = generateIncident(N, 5, 'full');
      const body = Buffer.from(JSON.stringify(file));
      const server = await startSlowServer(body);
      let parsed: Incident | undefined;
      const incident = () => {
        if (parsed) return parsed;
        const result = parseIncident(file);
        if (!result.ok) throw new Error('the generated incident does not validate');
        return (parsed = result.incident);
      };
      await use({ file, bytes: body.byteLength, server, incident });
      await server.close();
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  scale: async ({ page }, use) => {
    await use(new ScalePage(page));
  },
});

// One worker, in order: the 100 MB body is made once, and two 100 MB loads never compete for the machine.
test.describe.configure({ mode: 'default' });

const total = N.toLocaleString('en');
const summary = (n: number) => `${n.toLocaleString('en')} of ${total} events`;

test('loading a 100,000-event incident shows bytes received, and Cancel leaves a page that says so', async ({
  scale,
  large,
}) => {
  test.setTimeout(60_000);
  // Five pieces of 200 arrive, then nothing more: the download is still running when Cancel is pressed.
  await scale.serveFrom(FILE, large.server.url({ chunks: 200, delayMs: 50, stallAfter: 5 }));
  await scale.page.goto(`./?src=${FILE}`);
  await expect(scale.downloadProgress).toBeVisible();
  expect(Number(await scale.downloadProgress.getAttribute('max'))).toBe(large.bytes);
  await expect
    .poll(async () => Number(await scale.downloadProgress.getAttribute('value')))
    .toBeGreaterThan(0);
  await scale.cancelLoadButton.click();
  await expect(scale.loadCancelled).toBeVisible();
  await expect(scale.downloadProgress).toBeHidden();
  await expect(scale.cancelLoadButton).toBeHidden();
  await expect(scale.page.getByRole('link', { name: 'Load it again' })).toBeVisible();
  await expect(scale.page.getByRole('link', { name: /Cloudflare|bundled/ })).toBeVisible();
  await expect(scale.chart).toBeHidden();
});

test('a 100,000-event incident downloads with a byte progress bar, then zoom, pan, a facet, search and lanes all work', async ({
  scale,
  large,
}) => {
  test.setTimeout(180_000);
  // 100 pieces 100 ms apart, 10 MB/s: the bar is seen filling, and a download that slow is streamed to the parser.
  await scale.serveFrom(FILE, large.server.url({ chunks: 100, delayMs: 100 }));
  // Records any moment, once the load status is up, when the page shows neither it nor the incident.
  await scale.page.addInitScript(() => {
    const w = window as unknown as { blankAfterStatus: boolean };
    w.blankAfterStatus = false;
    let statusSeen = false;
    new MutationObserver(() => {
      const status = document.querySelector('main .load-status');
      const screen = document.querySelector('main .screen');
      statusSeen ||= status !== null;
      if (statusSeen && !status && !screen) w.blankAfterStatus = true;
    }).observe(document, { childList: true, subtree: true });
  });
  await scale.page.goto(`./?src=${FILE}`);
  await expect(scale.downloadProgress).toBeVisible();
  expect(Number(await scale.downloadProgress.getAttribute('max'))).toBe(large.bytes);
  await expect
    .poll(async () => Number(await scale.downloadProgress.getAttribute('value')))
    .toBeGreaterThan(0);
  // Streamed, the page reads the events as they arrive, and says how many.
  await expect(scale.downloadStatus).toContainText(
    /Downloading: [\d.]+ MiB of [\d.]+ MiB, [\d,]+ events read/,
  );
  await scale.page.waitForFunction(
    () => performance.getEntriesByName('incident:ready').length > 0,
    undefined,
    { timeout: 120_000 },
  );
  await expect(scale.downloadProgress).toBeHidden();
  await expect(scale.summary).toHaveText(summary(N), { timeout: 30_000 });
  expect(
    await scale.page.evaluate(() => performance.getEntriesByName('incident:streamed').length),
  ).toBe(1);
  // The first view is rendered in slices after the download; the status stays up until it is shown.
  expect(
    await scale.page.evaluate(
      () => (window as unknown as { blankAfterStatus: boolean }).blankAfterStatus,
    ),
  ).toBe(false);

  const matching = (q: Partial<Query['filters']>, search = '') => {
    const none: Query['filters'] = { phase: [], system: [], actor: [], action: [], outcome: [] };
    const incident = large.incident();
    const query = { filters: { ...none, ...q }, q: search };
    return filterEvents(incident.events, query, buildSearchIndex(incident)).length;
  };
  const span =
    Date.parse(large.file.events.at(-1)!.start) - Date.parse(large.file.events[0]!.start);
  const windowOf = (query: URLSearchParams) => ({
    from: Date.parse(query.get('from')!),
    to: Date.parse(query.get('to')!),
  });

  // The first view (the busiest stretch) is not written into the link; a zoom step is, and narrows it.
  expect((await scale.query()).get('from')).toBeNull();
  const first = await scale.overviewWindow();
  await scale.zoomInButton.click();
  await expect.poll(async () => (await scale.query()).get('from')).not.toBeNull();
  const zoomed = windowOf(await scale.query());
  expect(zoomed.to - zoomed.from).toBeLessThan(first.to - first.from);
  expect(zoomed.to - zoomed.from).toBeLessThan(span);
  expect(await scale.allItems.count()).toBeLessThanOrEqual(MAX_CHART_ITEMS);

  // Pan: dragging the chart to the left shows later times.
  await scale.panChart(-300);
  await expect.poll(async () => windowOf(await scale.query()).from).toBeGreaterThan(zoomed.from);

  // A facet: the summary counts exactly the events the model matches.
  await scale.facetOption('System', 'System 1').getByRole('checkbox').check();
  await expect(scale.summary).toHaveText(summary(matching({ system: ['system-01'] })));
  await scale.facetOption('System', 'System 1').getByRole('checkbox').uncheck();
  await expect(scale.summary).toHaveText(summary(N));

  // Search, in every text of every event.
  await scale.search.fill('login');
  await expect(scale.summary).toHaveText(summary(matching({}, 'login')), { timeout: 30_000 });
  await scale.search.fill('');
  await expect(scale.summary).toHaveText(summary(N));

  // Lanes by actor: one lane for each actor with events.
  await scale.groupSelect.selectOption('actor');
  await expect(scale.laneLabels).toHaveCount(new Set(large.file.events.map((e) => e.actor)).size);
  expect(await scale.allItems.count()).toBeLessThanOrEqual(MAX_CHART_ITEMS);
});
