import { generateIncident } from '../bench/generate';
import { buildEventIndex } from '../src/model/event-index';
import { parseIncident } from '../src/model/incident';
import { MAX_CHART_ITEMS, windowShowing } from '../src/model/level-of-detail';
import { MINUTE, toIsoUtc } from '../src/model/time';
import { expect, test as base } from './fixtures';
import { ScalePage } from './scale-page';

const test = base.extend<{ scale: ScalePage }>({
  scale: async ({ page }, use) => {
    await use(new ScalePage(page));
  },
});

const FILE = 'generated/scale-20000.json';
const file = generateIncident(20_000, 1);
const json = JSON.stringify(file);

/** The middle of the busiest ten minutes, and a window around it where every event is drawn on its own. */
function burst() {
  const parsed = parseIncident(file);
  if (!parsed.ok) throw new Error('the generated incident does not validate');
  const index = buildEventIndex(parsed.incident.events);
  let best = { from: 0, count: 0 };
  for (let i = 0, j = 0; i < index.starts.length; i++) {
    while (j < index.starts.length && index.starts[j]! < index.starts[i]! + 10 * MINUTE) j++;
    if (j - i > best.count) best = { from: i, count: j - i };
  }
  const event = index.events[best.from + Math.floor(best.count / 2)]!;
  const window = windowShowing(event, {
    index,
    groupBy: 'system',
    window: { from: event.startMs - 30 * MINUTE, to: event.startMs + 30 * MINUTE },
  });
  return { window, count: best.count };
}

test.describe('an incident of 20,000 events', () => {
  test.beforeEach(async ({ scale }) => {
    await scale.serveJson(FILE, json);
  });

  test('loads, and shows aggregated density instead of 20,000 items', async ({ scale }) => {
    await scale.goto(`?src=${FILE}`);
    await expect(scale.heading).toContainText('Synthetic incident');
    await expect(scale.aggregates.first()).toBeVisible();
    expect(await scale.allItems.count()).toBeLessThanOrEqual(MAX_CHART_ITEMS);
  });

  test('neighbouring aggregates in a lane share its row instead of alternating between two', async ({
    scale,
  }) => {
    await scale.goto(`?src=${FILE}`);
    await expect(scale.aggregates.first()).toBeVisible();
    const first = await scale.touchingAggregates();
    expect(first.pairs).toBeGreaterThan(1);
    expect(first.apart).toBe(0);
    // Nothing is drawn over anything else, events drawn on their own included.
    expect(await scale.overlappingItems()).toBe(0);
    await scale.fitAllButton.click();
    // Both read from one look at the chart, which may still be redrawing at first.
    await expect
      .poll(async () => {
        const { pairs, apart } = await scale.touchingAggregates();
        return { manyPairs: pairs > 20, apart };
      })
      .toEqual({ manyPairs: true, apart: 0 });
    expect(await scale.overlappingItems()).toBe(0);
  });

  test('zooming jumps to the new window, whose items are the only ones drawn on the way', async ({
    scale,
    page,
  }) => {
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await scale.goto(`?src=${FILE}&lang=en`);
    await expect(scale.aggregates.first()).toBeVisible();
    expect(await scale.zoomInMotion()).toEqual({ moved: true, glided: false });
  });

  test('zoomed into a burst, shows its events one by one, and they can be selected', async ({
    scale,
  }) => {
    const { window, count } = burst();
    expect(count).toBeGreaterThan(100);
    await scale.goto(
      `?src=${FILE}&from=${toIsoUtc(Math.floor(window.from))}&to=${toIsoUtc(Math.ceil(window.to))}`,
    );
    await expect(scale.aggregates).toHaveCount(0);
    expect(await scale.eventItems.count()).toBeGreaterThan(10);
    // Lanes scrolled out of view draw no items, so take one that is drawn.
    const item = scale.eventItems.first();
    const id = await item.getAttribute('data-event');
    await item.click();
    await expect(scale.selectedItems.first()).toHaveAttribute('data-event', id!);
  });
});

test('a 20 MB file opened from this computer is read in a worker while the page keeps answering', async ({
  scale,
}) => {
  test.setTimeout(120_000);
  const big = JSON.stringify(generateIncident(62_000, 2));
  expect(big.length).toBeGreaterThan(20_000_000);
  const workers = await scale.countWorkers();
  await scale.goto();
  expect(await workers()).toBe(0);
  await scale.openFile({
    name: 'big.json',
    mimeType: 'application/json',
    buffer: Buffer.from(big),
  });
  await expect(scale.openingStatus).toBeVisible();
  // The page answers a click while the file is being read: the work is not on its main thread.
  await scale.firstFacetOption.check({ timeout: 5000 });
  await expect(scale.openingStatus).toBeVisible();
  // "Opening big.json…" shows while the file's bytes are read, before they go to the worker.
  await expect.poll(workers).toBe(1);
  await expect(scale.summary).toHaveText('62,000 of 62,000 events', { timeout: 60_000 });
  expect(await scale.allItems.count()).toBeLessThanOrEqual(MAX_CHART_ITEMS);
});

test('present mode at 100,000 events keeps the chart within the item budget, with every event revealed', async ({
  scale,
}) => {
  test.setTimeout(180_000);
  await scale.serveJson(
    'generated/scale-100000.json',
    JSON.stringify(generateIncident(100_000, 1)),
  );
  await scale.page.goto('./?src=generated/scale-100000.json&mode=present&reveal=1');
  await scale.waitForReady();
  await expect(scale.presentStep).toBeVisible();
  for (let step = 0; step < 3; step++) {
    await expect(scale.allItems.first()).toBeVisible();
    expect(await scale.allItems.count()).toBeLessThanOrEqual(MAX_CHART_ITEMS);
    await scale.nextButton.click();
  }
});

test('Back to a large incident loaded before never shows the other one under its link', async ({
  scale,
}) => {
  const sizes = [5_000, 6_000];
  for (const n of sizes)
    await scale.serveJson(`generated/back-${n}.json`, JSON.stringify(generateIncident(n, 2)));
  // Records any moment when the heading names another incident than the link's `src`.
  await scale.page.addInitScript(() => {
    const w = window as unknown as { mismatch?: string };
    new MutationObserver(() => {
      const wanted = /back-(\d+)/.exec(location.search)?.[1];
      const shown = /([\d,]+) events/.exec(document.querySelector('h1')?.textContent ?? '')?.[1];
      if (wanted && shown && shown.replaceAll(',', '') !== wanted)
        w.mismatch ??= `${shown} events shown for back-${wanted}.json`;
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
  await scale.goto('?src=generated/back-5000.json');
  await expect(scale.heading).toContainText('5,000 events');
  // Another file, by the app's own history (as a link inside the page would); then Back, to the cached first one.
  await scale.page.evaluate(() => {
    history.pushState(null, '', '?src=generated/back-6000.json');
    dispatchEvent(new PopStateEvent('popstate'));
  });
  await expect(scale.heading).toContainText('6,000 events', { timeout: 30_000 });
  await scale.page.goBack();
  await expect(scale.heading).toContainText('5,000 events', { timeout: 30_000 });
  await expect(scale.eventItems.or(scale.aggregates).first()).toBeVisible();
  expect(
    await scale.page.evaluate(() => (window as unknown as { mismatch?: string }).mismatch),
  ).toBeUndefined();
});
