import { expect, test } from './fixtures';

// Each broken file says what is wrong, where, and what was expected, and leaves a way back; never a blank page.
const BAD = 'data/fixtures/bad';
const cases: [file: string, where: string, what: RegExp][] = [
  ['truncated.json', '(file)', /not valid JSON: .*line 22 column 7/],
  ['wrong-types.json', 'events[0].systems', /expected array, received string/],
  ['missing-fields.json', 'summary', /required: expected text/],
  [
    'unknown-reference.json',
    'events[0].phase',
    /unknown phases id "exfiltration": expected one of the ids in phases/,
  ],
  ['duplicate-ids.json', 'events[1].id', /duplicate id "first-login" in events/],
  ['year-0.json', 'events[0].start', /expected a real calendar time between years 0001 and 9999/],
  ['year-10000.json', 'events[0].start', /expected an ISO 8601 UTC time/],
  ['date-nan.json', 'events[0].start', /expected an ISO 8601 UTC time/],
  [
    'end-before-start.json',
    'events[0].end',
    /end "2024-01-01T09:00:00Z" is before start "2024-01-01T10:00:00Z"/,
  ],
  ['empty.json', '(file)', /the file is empty; expected a JSON incident object/],
  ['not-utf8.json', '(file)', /not valid UTF-8 text; expected JSON encoded as UTF-8/],
  ['deeply-nested.json', 'line 1 column 75', /JSON is nested deeper than 64 levels/],
];

for (const [file, where, what] of cases) {
  test(`${file}: says what is wrong and where`, async ({ page }) => {
    await page.goto(`./?src=${BAD}/${file}`);
    const alert = page.getByRole('alert');
    await expect(alert.getByRole('heading')).toHaveText('The incident could not be opened');
    await expect(alert).toContainText(`${BAD}/${file} is not a valid incident file`);
    const first = alert.getByRole('listitem').first();
    await expect(first.locator('code')).toHaveText(`${BAD}/${file}: ${where}`);
    await expect(first).toContainText(what);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Incident Timeline');
    await page.getByRole('link', { name: 'Open the bundled incident' }).click();
    // Parsing the bundled incident anew can take over five seconds on a loaded machine.
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Cloudflare', {
      timeout: 20_000,
    });
  });
}

test('a file with a UTF-8 byte-order mark loads', async ({ app }) => {
  await app.goto(`?src=${BAD}/bom.json`);
  await expect(app.heading).toHaveText('Example incident');
  await expect(app.page.getByRole('grid').getByRole('row')).toHaveCount(3);
});

test('moving from an open incident to a broken one offers the way back to it', async ({
  app,
  page,
}) => {
  await app.goto(`?src=${BAD}/bom.json&lang=en`);
  // What Back/Forward or an in-app link does: the URL changes without a page load.
  await page.evaluate((src) => {
    history.pushState(null, '', `?src=${src}&lang=en`);
    dispatchEvent(new PopStateEvent('popstate'));
  }, `${BAD}/empty.json`);
  await expect(page.getByRole('alert')).toContainText('the file is empty');
  const back = page.getByRole('link', { name: 'Back to Example incident' });
  await expect(back).toHaveAttribute('href', /\?src=data%2Ffixtures%2Fbad%2Fbom\.json&lang=en$/);
  await expect(page.getByRole('link', { name: 'Open the bundled incident' })).toBeVisible();
  await back.click();
  await app.waitForReady();
  await expect(app.heading).toHaveText('Example incident');
});

test('a broken file is requested once, and its problems replace the busy bar', async ({ page }) => {
  const file = `${BAD}/duplicate-ids.json`;
  const requests: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.endsWith(file)) requests.push(r.url());
  });
  await page.goto(`./?src=${file}`);
  await expect(page.getByRole('alert')).toContainText(`${file} is not a valid incident file`);
  await expect(page.locator('#root')).not.toHaveAttribute('aria-busy');
  // Nor again when the tab comes back into view or the network comes back.
  await page.evaluate(() => {
    document.dispatchEvent(new Event('visibilitychange'));
    window.dispatchEvent(new Event('offline'));
    window.dispatchEvent(new Event('online'));
  });
  await page.waitForTimeout(500);
  await expect(page.getByRole('alert')).toContainText(`${file} is not a valid incident file`);
  expect(requests).toHaveLength(1);
});
