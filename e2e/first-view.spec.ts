import { expect, test } from './fixtures';
import type { TimelinePage } from './timeline-page';

const day = (d: number) => Date.UTC(2023, 10, d);

/** Whether the event's item is drawn within the chart's drawing area (vis-timeline leaves far-off items out). */
async function inView(app: TimelinePage, eventId: string) {
  const area = await app.chartArea();
  const x = await app.drawnX(eventId);
  return x !== undefined && x >= area.x && x <= area.x + area.width;
}

interface Box {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

const apart = (a: Box, b: Box) =>
  a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;

/** No two milestone labels overlap, and none covers a date on the axis. */
async function expectNoLabelOverlap(app: TimelinePage) {
  const boxes = await app.milestoneLabelBoxes();
  expect(boxes.length).toBeGreaterThan(2);
  for (const [i, a] of boxes.entries())
    for (const b of boxes.slice(i + 1))
      expect(apart(a, b), `"${a.text}" and "${b.text}" overlap`).toBe(true);
  const dates = await app.axisLabelTextBoxes();
  expect(dates.length).toBeGreaterThan(0);
  for (const flag of boxes)
    for (const date of dates)
      expect(apart(flag, date), `"${flag.text}" covers "${date.text}" on the axis`).toBe(true);
}

test('the first view opens on 14–24 November, where the incident happens', async ({ app }) => {
  await app.goto('?group=none');
  const shown = await app.overviewWindow();
  expect(shown.from).toBeLessThanOrEqual(day(14));
  expect(shown.to).toBeGreaterThanOrEqual(day(25));
  expect(shown.to - shown.from).toBeLessThan(25 * 86_400_000);
  expect(await inView(app, 'probing-begins')).toBe(true);
  expect(await inView(app, 'last-threat-actor-activity')).toBe(true);
  expect(await inView(app, 'post-published')).toBe(false);
  // The link stays clean: the first view is the default, not a window written into it.
  expect((await app.query()).has('from')).toBe(false);

  await app.fitAllButton.click();
  await expect.poll(() => inView(app, 'post-published')).toBe(true);
  expect(await inView(app, 'okta-compromise')).toBe(true);
});

test('a deep link’s window wins over the first view', async ({ app }) => {
  await app.goto('?group=none&from=2023-11-23T15:00:00Z&to=2023-11-23T22:00:00Z');
  expect(await app.overviewWindow()).toEqual({
    from: Date.parse('2023-11-23T15:00:00Z'),
    to: Date.parse('2023-11-23T22:00:00Z'),
  });
  expect(await inView(app, 'probing-begins')).toBe(false);
});

for (const size of [
  { width: 1440, height: 900 },
  { width: 640, height: 360 },
])
  for (const lang of ['en', 'zh-Hant'])
    test(`no two milestone labels overlap at ${size.width}×${size.height} in ${lang}`, async ({
      app,
    }) => {
      await app.page.setViewportSize(size);
      for (const mode of ['', '&mode=embed']) {
        await app.goto(`?lang=${lang}${mode}`);
        await expectNoLabelOverlap(app);
      }
      await app.goto(`?lang=${lang}&compress=1`);
      await expectNoLabelOverlap(app);
    });

test('a merged milestone flag lists its milestones on focus', async ({ app }) => {
  await app.page.setViewportSize({ width: 640, height: 360 });
  await app.goto('?mode=embed');
  const merged = app.milestoneMarkers.filter({ hasText: /\+\d$/ }).first();
  await expect(merged).toHaveAttribute('aria-label', /, /);
  await merged.focus();
  const names = ((await merged.getAttribute('aria-label')) ?? '').split(', ');
  const listing = await merged.evaluate((e) => getComputedStyle(e, '::after').content);
  for (const name of names) expect(listing).toContain(name);
});

test('the overview brush moves the chart by mouse and by keyboard, and follows the chart', async ({
  app,
}) => {
  test.setTimeout(90_000);
  await app.goto('?group=none');
  const start = await app.overviewWindow();
  const width = start.to - start.from;

  // Keyboard: → moves by a tenth of the window, Shift+→ by all of it, Home to the start of the span.
  await app.overview.focus();
  const x0 = await app.itemX('automated-alert');
  await app.page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await app.overviewWindow()).from).toBeGreaterThan(start.from);
  await expect
    .poll(async () => (await app.drawnX('automated-alert')) ?? Infinity)
    .toBeLessThan(x0 - 30);
  expect(Date.parse((await app.query()).get('from')!)).toBeGreaterThan(start.from);
  await app.page.keyboard.press('Shift+ArrowRight');
  await expect
    .poll(async () => (await app.overviewWindow()).from)
    .toBeGreaterThan(start.from + width);
  await expect.poll(() => inView(app, 'automated-alert')).toBe(false);
  await app.page.keyboard.press('Home');
  await expect
    .poll(async () => (await app.overviewWindow()).from)
    .toBeLessThan(day(1) - 10 * 86_400_000);

  // Mouse: dragging the brush's body to the right moves the chart's window later, keeping its width.
  await app.page.keyboard.press('End');
  const brush = (await app.overview.boundingBox())!;
  await app.page.mouse.move(brush.x + brush.width / 2, brush.y + brush.height / 2);
  await app.page.mouse.down();
  await app.page.mouse.move(brush.x + brush.width / 2 - 150, brush.y + brush.height / 2, {
    steps: 5,
  });
  await app.page.mouse.up();
  const dragged = await app.overviewWindow();
  expect(dragged.to).toBeLessThan(Date.UTC(2024, 1, 1));
  expect(Math.abs(dragged.to - dragged.from - width)).toBeLessThan(60_000 * 2);

  // Resizing by the right edge widens the window.
  const b2 = (await app.overview.boundingBox())!;
  await app.page.mouse.move(b2.x + b2.width - 1, b2.y + b2.height / 2);
  await app.page.mouse.down();
  await app.page.mouse.move(b2.x + b2.width + 150, b2.y + b2.height / 2, { steps: 4 });
  await app.page.mouse.up();
  const resized = await app.overviewWindow();
  expect(resized.to - resized.from).toBeGreaterThan(width * 1.3);

  // The chart panned by dragging: the brush follows. The drag waits for the resize's animation to end: once in CI
  // the brush ended up later than before the drag, not reproduced in 16 runs here; a drag during it is the suspect.
  await app.chartAtRest();
  const before = await app.overviewWindow();
  await app.panChart(200);
  await expect.poll(async () => (await app.overviewWindow()).from).toBeLessThan(before.from);
});

test('a load slower than a second shows a busy bar, then its progress, then the incident', async ({
  app,
  page,
}) => {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/data/cloudflare-thanksgiving-2023.json', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('./?theme=dark', { waitUntil: 'commit' });
  await expect(page.locator('#root')).toHaveAttribute('aria-busy', 'true');
  // The bar is drawn (from 0.3 s), and the link's theme is the page's before anything is rendered.
  await expect
    .poll(() =>
      page.evaluate(() => {
        const bar = getComputedStyle(document.getElementById('root')!, '::before');
        return `${bar.content} ${bar.visibility} ${bar.height}`;
      }),
    )
    .toBe('"" visible 3px');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('#root')).toHaveAttribute('aria-busy', 'true');
  const loading = page.getByRole('status').filter({ hasText: /^Loading/ });
  await expect(loading).toBeVisible();
  await expect(page.locator('#root')).not.toHaveAttribute('aria-busy');
  release();
  await expect(app.heading).toContainText('Cloudflare');
  await expect(loading).toBeHidden();
});
