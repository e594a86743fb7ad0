import { fileURLToPath } from 'node:url';
import { bundled, expect, test } from './fixtures';
import { TimelinePage } from './timeline-page';

const single = fileURLToPath(new URL('../dist-single/index.html', import.meta.url));

test('the single HTML file renders the incident from file:// with the network blocked', async ({
  page,
  context,
}) => {
  const requests: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    requests.push(url);
    return route.abort();
  });
  const app = new TimelinePage(page);
  await page.goto(`file://${single}?group=none`);
  await app.waitForReady();
  await expect(app.heading).toHaveText((bundled.title as { en: string }).en);
  await app.fitAllButton.click();
  await expect.poll(() => app.drawnEventIds()).toEqual(bundled.events.map((e) => e.id).sort());
  await app.clickChartItem('sliver-installed');
  await expect(app.detailsWhen).toHaveText('2023-11-22 14:18:22 UTC');
  expect(requests).toEqual([]);
});
