import { bundled, expect, test } from './fixtures';
import { hasScrollbars } from './timeline-page';

test.use({ viewport: { width: 640, height: 360 } });

test('the embed fills a 640×360 frame with no scrollbars and links to the full view', async ({
  app,
}) => {
  await app.goto('?mode=embed&phase=containment');
  await expect(app.chart).toBeVisible();
  await expect(app.utcNote).toHaveText('All times UTC');
  await expect(app.page.getByRole('searchbox')).toHaveCount(0);
  expect(await hasScrollbars(app.page)).toBe(false);
  const open = app.page.getByRole('link', { name: /Open full view/ });
  await expect(open).toHaveAttribute('target', '_blank');
  const href = new URL((await open.getAttribute('href'))!, app.page.url());
  expect(href.searchParams.get('mode')).toBeNull();
  expect(href.searchParams.get('phase')).toBe('containment');
  await app.page.screenshot({ path: 'test-results/embed-640x360.png' });
});

test('the embed draws one stack without lanes unless its link names lanes, and opens its legend on demand', async ({
  app,
}) => {
  await app.goto('?mode=embed');
  await expect(app.chartItem('okta-login-denied').first()).toBeVisible();
  await expect(app.chart.locator('.vis-labelset').getByText('Okta', { exact: true })).toHaveCount(
    0,
  );
  const legend = app.page.getByRole('list', { name: 'Legend' });
  await expect(legend).toBeHidden();
  await app.page.getByText('Legend', { exact: true }).click();
  await expect(legend).toContainText('Adversary');
  expect(await hasScrollbars(app.page)).toBe(false);
  const full = new URL(
    (await app.page.getByRole('link', { name: /Open full view/ }).getAttribute('href'))!,
    app.page.url(),
  );
  expect(full.searchParams.get('group')).toBeNull();

  await app.goto('?mode=embed&group=system');
  await expect(app.chart.locator('.vis-labelset').getByText('Okta', { exact: true })).toBeVisible();
});

test('selecting an item in the embed shows its details, still without scrollbars', async ({
  app,
}) => {
  await app.goto('?mode=embed&group=none&from=2023-11-23T15:00:00Z&to=2023-11-23T22:00:00Z');
  await app.clickChartItem('automated-alert');
  await expect(app.detailsWhen).toHaveText('2023-11-23 16:00 UTC');
  expect(await hasScrollbars(app.page)).toBe(false);
});

test('controls=1 adds the filter panel to the embed', async ({ app }) => {
  await app.goto('?mode=embed&controls=1');
  await app.page.getByText('Filters').click();
  await app.facetOption('Phase', 'Detection').getByRole('checkbox').check();
  const detection = bundled.events.filter((e) => e.phase === 'detection').length;
  await expect(
    app.page.getByText(`${detection} of ${bundled.events.length} events`).first(),
  ).toBeVisible();
  expect(await hasScrollbars(app.page)).toBe(false);
});

test('the embed dialog gives an iframe snippet of the current view that renders', async ({
  app,
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await app.goto('?phase=detection&event=automated-alert');
  await page.getByRole('button', { name: 'Embed' }).click();
  await page.getByRole('combobox', { name: 'Size' }).selectOption('800x450');
  const snippet = await page.getByRole('textbox', { name: 'Embed code' }).inputValue();
  expect(snippet).toMatch(
    /^<iframe src="[^"]+mode=embed[^"]*" width="800" height="450" title="[^"]+"/,
  );
  const src = /src="([^"]+)"/.exec(snippet)![1]!.replaceAll('&amp;', '&');
  expect(new URL(src).searchParams.get('event')).toBe('automated-alert');
  await page.keyboard.press('Escape');
  // A host page of its own, standing in for a postmortem document (not the app's page, whose CSP forbids inline style).
  await page.route('**/postmortem.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><body style="margin:0">${snippet.replace(' loading="lazy"', '')}</body>`,
    }),
  );
  await page.goto('./postmortem.html');
  const frame = page.frameLocator('iframe');
  await expect(frame.locator('.details-when')).toHaveText('2023-11-23 16:00 UTC');
});

test('in the embed the plain wheel does not zoom but says how to; Ctrl+wheel and ⌘+wheel zoom; Fit shows everything', async ({
  app,
}) => {
  await app.goto('?mode=embed&group=none');
  await app.wheelOverChart(400, 5);
  await expect(app.page.getByRole('status').filter({ hasText: /Ctrl/ })).toBeVisible();
  expect((await app.query()).has('from')).toBe(false);
  await app.page.keyboard.down('Control');
  await app.wheelOverChart(400, 3);
  await app.page.keyboard.up('Control');
  await expect.poll(async () => (await app.query()).has('from')).toBe(true);
  // ⌘ zooms as Ctrl does, for a Mac.
  const span = async () => {
    const q = await app.query();
    return Date.parse(q.get('to')!) - Date.parse(q.get('from')!);
  };
  const before = await span();
  await app.page.keyboard.down('Meta');
  await app.wheelOverChart(-400, 1);
  await app.page.keyboard.up('Meta');
  await expect.poll(span).toBeLessThan(before);
  await app.fitAllButton.click();
  await expect.poll(() => app.chartItem('post-published').count()).toBeGreaterThan(0);
});
