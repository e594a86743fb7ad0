import { expect, test } from './fixtures';

// The offline service worker is blocked in every other spec (it would take requests from page.route).
test.use({ serviceWorkers: 'allow' });

test('after one online visit, the app opens offline on the bundled and the last opened incident, and present mode works', async ({
  app,
  context,
  page,
}) => {
  test.setTimeout(90_000);
  await app.goto('');
  // Its install downloads and stores every file of the app: not while the first view is still being drawn.
  expect(await app.serviceWorkerRegistered()).toBe(false);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  // Controlled from the next load on: the last opened incident goes through the worker into its cache.
  await app.goto('?src=data/fixtures/warnings.json');
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  await app.goto('?src=data/fixtures/warnings.json');

  await context.setOffline(true);
  await page.reload();
  await app.waitForReady();
  await expect(page.getByRole('heading', { level: 1 })).not.toBeEmpty();
  expect(new URL(page.url()).searchParams.get('src')).toBe('data/fixtures/warnings.json');

  await app.goto('?mode=present&event=sliver-installed');
  await expect(app.stepTitle).toContainText('Sliver');
  await app.page.keyboard.press('PageDown');
  await expect.poll(() => app.stepInUrl().event).not.toBe('sliver-installed');

  await app.goto('');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Cloudflare');
});
