import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** The paths of the scripts `page` requests from now on. */
function scriptRequests(page: Page): string[] {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  return scripts;
}

/** Holds back the requests matching `url` until the returned function is called. */
async function holdBack(page: Page, url: RegExp): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(url, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

// The first view loads none of the screens it does not show; each arrives when it is opened, and works.
const ON_DEMAND = /\/assets\/(edit-screen|present-screen|embed-screen|mapping-dialog)-[^/]*\.js$/;

/** The failed fetch and React's report of the error it caught are the only console errors; they are then cleared. */
function expectOnlyTheFailedFetch(consoleErrors: string[]) {
  expect(
    consoleErrors.filter(
      (e) =>
        !/Failed to load resource|Failed to fetch dynamically imported module|The above error occurred/.test(
          e,
        ),
    ),
  ).toEqual([]);
  consoleErrors.splice(0);
}

test('the first view fetches no editor, present, embed or mapping code; present mode fetches its own', async ({
  app,
  page,
}) => {
  const scripts = scriptRequests(page);
  await app.goto();
  await expect(app.chart).toBeVisible();
  expect(scripts.filter((s) => ON_DEMAND.test(s))).toEqual([]);
  await app.gotoPresent();
  await expect(app.presentControls).toBeVisible();
  expect(scripts.filter((s) => ON_DEMAND.test(s))).toEqual([
    expect.stringMatching(/present-screen-/),
  ]);
});

test('a chart whose code arrives after the incident is drawn when it comes, with the list usable meanwhile', async ({
  app,
  page,
}) => {
  const release = await holdBack(page, /\/assets\/timeline-chart-[^/]*\.js$/);
  await page.goto('./?lang=en');
  await expect(app.listRows.nth(1)).toBeVisible();
  await expect(app.chart).toBeVisible();
  await expect(app.chartItems).toHaveCount(0);
  release();
  await app.waitForReady();
  await expect(app.chartItems.first()).toBeVisible();
  expect((await app.drawnEventIds()).length).toBeGreaterThan(20);
});

test('a chart whose code cannot be fetched says so in its box, with the list and details usable', async ({
  app,
  page,
  consoleErrors,
}) => {
  await page.route(/\/assets\/timeline-chart-[^/]*\.js$/, (route) => route.abort());
  await page.goto('./?lang=en');
  await expect(page.getByRole('alert')).toContainText('The chart could not be drawn');
  await expect(page.getByRole('alert')).toContainText(
    'The event list and the details below still work.',
  );
  const title = await app.listRows.nth(2).getByRole('gridcell').nth(1).textContent();
  await app.listRows.nth(2).click();
  await expect(page.getByRole('heading', { level: 2, name: title! })).toBeVisible();
  expectOnlyTheFailedFetch(consoleErrors);
});

test('a screen whose code cannot be fetched says so, offers a reload and the plain view, and is not left busy', async ({
  page,
  consoleErrors,
}) => {
  await page.route(/\/assets\/present-screen-[^/]*\.js$/, (route) => route.abort());
  await page.goto('./?mode=present&lang=en');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('This screen could not be opened');
  await expect(alert.getByRole('button', { name: 'Reload the page' })).toBeVisible();
  const plain = alert.getByRole('link', { name: 'Open the timeline without it' });
  await expect(plain).toHaveAttribute('href', '?lang=en');
  await expect(page.locator('#root')).not.toHaveAttribute('aria-busy');
  await plain.click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Cloudflare');
  expectOnlyTheFailedFetch(consoleErrors);
});

test('an English page fetches no Chinese catalog until the language is switched', async ({
  app,
  page,
}) => {
  const scripts = scriptRequests(page);
  await app.goto('?lang=en');
  expect(scripts.filter((s) => /zh-hant-catalog-/.test(s))).toEqual([]);
  const release = await holdBack(page, /\/assets\/zh-hant-catalog-[^/]*\.js$/);
  await app.languageSelect.selectOption('zh-Hant');
  // While the catalog is on its way the picker shows the choice and the page stays in English, never blank.
  await expect(app.languageSelect).toHaveValue('zh-Hant');
  await expect(app.utcNote).toHaveText('All times UTC');
  release();
  await expect(app.utcNote).toHaveText('所有時間均為 UTC');
  expect(scripts.filter((s) => /zh-hant-catalog-/.test(s))).toHaveLength(1);
});

test('a page opened in Chinese is in Chinese from its first render', async ({ app, page }) => {
  // Records the header's language label the first time the app puts anything on the page.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      const label = document.querySelector('header label');
      if (!label) return;
      (window as unknown as { firstLabel: string }).firstLabel = label.textContent ?? '';
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  await app.goto('?lang=zh-Hant');
  await expect(app.utcNote).toHaveText('所有時間均為 UTC');
  expect(
    await page.evaluate(() => (window as unknown as { firstLabel: string }).firstLabel),
  ).toMatch(/^語言/);
});
